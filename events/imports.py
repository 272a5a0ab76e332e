"""Events and the multicultural calendar from the sections' spreadsheets (DESIGN.md,
"Import and export").

An event is matched to an existing one by section, title (``name_key``: case, accents and
spacing ignored) and the local day it starts, an observance by name (``name_key``) and first
day, so importing the same sheet twice creates nothing new. Sections and communities are
never created by an import: an unknown one is an error. Partner names that match no partner
are questions of the preview, as for activities (``partners.imports.PartnerNamesMixin``).

Times: DESIGN.md keeps every time in America/Toronto (``settings.TIME_ZONE``). A start or
end written without an offset ("2019-06-27 18:00") is that local time, so the annual report,
which counts an event in the local year it starts, sees exactly what the sheet says; one
written with an offset ("2019-06-27T18:00-04:00") is taken as given. A local time the clocks
skip or repeat when daylight saving time starts or ends is an error that asks for the offset.

Who may import events follows the activities' rule: section staff and supervisors import
their own section's events only; administrators, and the command without ``--user``, any
section's.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import reduce
from operator import or_
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    UNKNOWN_SECTION,
    Importer,
    PlannedRow,
    Row,
    RowError,
    RowParser,
    batched,
    lookup_names,
    lookup_one,
    parse_choice,
    parse_date,
    parse_hundredths,
    parse_int,
    register,
    section_index,
)
from core.models import name_key
from partners.imports import UNKNOWN_COMMUNITIES, PartnerNamesMixin, community_index

from .choices import EventStatus
from .models import Event, Observance

# ISO 8601 date and time, "T" or a space between them, seconds and an offset optional.
DATETIME_RE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})[Tt ]"
    r"(?P<hour>\d{1,2}):(?P<rest>\d{2}(?::\d{2}(?:\.\d{1,6})?)?)"
    r"\s*(?P<offset>[Zz]|[+-]\d{2}(?::?\d{2})?)?"
)
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Days per query when matching events by their local start day (two parameters each).
DAYS_PER_QUERY = 200


def local_zone() -> ZoneInfo:
    """The service's time zone (America/Toronto), in which a year, a day and a time
    without an offset are read."""
    return ZoneInfo(settings.TIME_ZONE)


def format_offset(offset: timedelta | None) -> str:
    """-1 day, 20:00 → "-04:00"."""
    minutes = int((offset or timedelta(0)).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def parse_datetime(value: str) -> datetime:
    """An ISO 8601 date and time: "2019-06-27 18:00" or "2019-06-27T18:00" is local time
    in ``settings.TIME_ZONE``; "2019-06-27T18:00-04:00" (or Z) is that instant. A date
    without a time is refused, and so is a local time that daylight saving time skips or
    repeats, which only an offset makes certain."""
    zone = settings.TIME_ZONE
    value = value.strip()
    if DATE_RE.fullmatch(value):
        raise ValidationError(
            _(
                "“%(value)s” has no time: write the date and the time, such as "
                "%(value)s 18:00 (%(value)s 00:00 for midnight)."
            )
            % {"value": value}
        )
    invalid = ValidationError(
        _(
            "“%(value)s” is not a date and time written YYYY-MM-DD HH:MM, such as "
            "2019-06-27 18:00 (%(zone)s time), or with its offset, such as "
            "2019-06-27T18:00-04:00."
        )
        % {"value": value, "zone": zone}
    )
    match = DATETIME_RE.fullmatch(value)
    if match is None:
        raise invalid
    offset = match["offset"] or ""
    if offset in ("Z", "z"):
        offset = "+00:00"
    elif len(offset) == 3:
        offset += ":00"
    elif len(offset) == 5:
        offset = f"{offset[:3]}:{offset[3:]}"
    try:
        parsed = datetime.fromisoformat(
            f"{match['date']}T{int(match['hour']):02d}:{match['rest']}{offset}"
        )
    except ValueError:
        raise invalid from None
    if parsed.tzinfo is not None:
        return parsed
    return localize(parsed, value)


def localize(naive: datetime, value: str) -> datetime:
    """A wall-clock time of the service's zone as an aware datetime, refusing the times
    the clocks skip (spring) or show twice (autumn)."""
    tz = local_zone()
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    values = {
        "value": value,
        "zone": settings.TIME_ZONE,
        "first": format_offset(first.utcoffset()),
        "second": format_offset(second.utcoffset()),
    }
    if first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        raise ValidationError(
            _(
                "“%(value)s” does not exist in %(zone)s: the clocks skip that hour when "
                "daylight saving time starts. Write another time, or the time with its "
                "offset."
            )
            % values
        )
    raise ValidationError(
        _(
            "“%(value)s” happens twice in %(zone)s, when daylight saving time ends: add "
            "the offset, %(first)s for the first time or %(second)s for the second."
        )
        % values
    )


def parse_amount(value: str) -> Decimal:
    """An amount of money such as 1200, 1,200.50 or $1200: zero or more, in cents."""
    return parse_hundredths(
        value, _("“%(value)s” has more than 2 decimals; write amounts such as 1200 or 1200.50.")
    )


@register
class EventImporter(PartnerNamesMixin, Importer):
    """An events sheet: one row per event a section organizes or takes part in."""

    kind = "events"
    model = Event
    title = gettext_lazy("Import events")
    required_columns = ("title", "section", "starts_at", "ends_at")
    optional_columns = (
        "status",
        "venue",
        "partners",
        "expected_attendance",
        "actual_attendance",
        "budget",
        "funds_raised",
        "funds_beneficiary",
    )
    column_help = {
        "title": gettext_lazy(
            "The event's name. An event of the same section with the same title (ignoring "
            "case, accents and spacing) starting on the same day is updated, not added again."
        ),
        "section": gettext_lazy("The code of the section responsible, such as DRR."),
        "starts_at": gettext_lazy(
            "When it starts, as YYYY-MM-DD HH:MM (2019-06-27 18:00), in Toronto time; or "
            "with an offset, such as 2019-06-27T18:00-04:00."
        ),
        "ends_at": gettext_lazy("When it ends, written like the start, and not before it."),
        "status": gettext_lazy(
            "Idea, Planning, Confirmed, Completed or Cancelled. Blank: Planning."
        ),
        "venue": gettext_lazy("Where it takes place."),
        "partners": gettext_lazy(
            "Co-hosting or organizing partners' names, separated by ;. For a name that "
            "matches no partner you choose, before anything is saved, between creating the "
            "partner and using one that looks the same."
        ),
        "expected_attendance": gettext_lazy("A head count: a whole number, 0 or more."),
        "actual_attendance": gettext_lazy("A head count: a whole number, 0 or more."),
        "budget": gettext_lazy("An amount such as 1200 or 1200.50 (0 or more)."),
        "funds_raised": gettext_lazy("An amount such as 1200 or 1200.50 (0 or more)."),
        "funds_beneficiary": gettext_lazy("Who the funds raised are for."),
    }

    def prepare(self) -> None:
        super().prepare()  # partner names (PartnerNamesMixin)
        self.sections = section_index()
        self.existing: dict[tuple[int, str, date], Event] = {}

    # Rows ----------------------------------------------------------------------------------

    def parse_row(self, row: Row) -> tuple[dict[str, Any] | None, list[RowError]]:
        p = RowParser(row)
        cleaned = {
            "title": p.text("title", required=True),
            "section": p.parse(
                "section", lookup_one, self.sections, UNKNOWN_SECTION, required=True
            ),
            "starts_at": p.parse("starts_at", parse_datetime, required=True),
            "ends_at": p.parse("ends_at", parse_datetime, required=True),
            "status": p.parse("status", parse_choice, EventStatus),
            "venue": p.text("venue"),
            "partners": p.parse("partners", self.find_partners, row.line),
            "expected_attendance": p.parse("expected_attendance", parse_int),
            "actual_attendance": p.parse("actual_attendance", parse_int),
            "budget": p.parse("budget", parse_amount),
            "funds_raised": p.parse("funds_raised", parse_amount),
            "funds_beneficiary": p.text("funds_beneficiary"),
        }
        starts_at, ends_at = cleaned["starts_at"], cleaned["ends_at"]
        if starts_at is not None and ends_at is not None and ends_at < starts_at:
            p.error("ends_at", _("The event ends before it starts."))
        for column, message in self.permission_errors(cleaned):
            p.error(column, message)
        return p.result(cleaned)

    def permission_errors(self, cleaned: dict[str, Any]) -> list[tuple[str, str]]:
        """Section staff and supervisors import their own section's events; administrators
        and the command without ``--user`` are not limited."""
        section = cleaned["section"]
        if section is not None and self.outside_own_section(section.pk):
            return [("section", _("You can import the events of your own section only."))]
        return []

    @staticmethod
    def local_day(moment: datetime) -> date:
        return moment.astimezone(local_zone()).date()

    def _key(self, cleaned: dict[str, Any]) -> tuple[int, str, date]:
        return (
            cleaned["section"].pk,
            name_key(cleaned["title"]),
            self.local_day(cleaned["starts_at"]),
        )

    def identity(self, cleaned: dict[str, Any]) -> tuple[Hashable, str]:
        return self._key(cleaned), "title"

    def duplicate_message(self, first_line: int) -> str:
        return _(
            "Line %(line)s already has an event of this section with this title starting "
            "on the same day."
        ) % {"line": first_line}

    def load_existing(self, cleaned_rows: list[dict[str, Any]]) -> None:
        """The events of the file's sections starting on the file's local days: a few
        queries, one range of [midnight, next midnight) per day."""
        tz = local_zone()
        days = {self.local_day(cleaned["starts_at"]) for cleaned in cleaned_rows}
        section_pks = {cleaned["section"].pk for cleaned in cleaned_rows}
        for batch in batched(sorted(days), DAYS_PER_QUERY):
            ranges = [
                Q(
                    starts_at__gte=datetime.combine(day, time.min, tzinfo=tz),
                    starts_at__lt=datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz),
                )
                for day in batch
            ]
            events = (
                Event.objects.filter(reduce(or_, ranges), section_id__in=section_pks)
                # plan_row compares the partners of each matched event with the row's.
                .prefetch_related("partners")
                .order_by("pk")
            )
            for event in events:
                key = (event.section_id, name_key(event.title), self.local_day(event.starts_at))
                self.existing.setdefault(key, event)

    def find_existing(self, cleaned: dict[str, Any]) -> Event | None:
        return self.existing.get(self._key(cleaned))

    def kept_on_update(self, cleaned: dict[str, Any]) -> set[str]:
        # Matched on these: "POLICE  week" does not retitle "Police Week".
        return {"section", "title"}

    def row_label(self, cleaned: dict[str, Any]) -> str:
        starts = cleaned["starts_at"].astimezone(local_zone())
        return f"{starts:%Y-%m-%d %H:%M} {cleaned['section'].code}: {cleaned['title']}"


@register
class ObservanceImporter(Importer):
    """The multicultural calendar: one row per observance and year."""

    kind = "observances"
    model = Observance
    title = gettext_lazy("Import observances")
    required_columns = ("name", "starts_on")
    optional_columns = ("ends_on", "communities", "notes")
    column_help = {
        "name": gettext_lazy(
            "The observance, such as Diwali. One with the same name (ignoring case, accents "
            "and spacing) starting on the same day is updated, not added again."
        ),
        "starts_on": gettext_lazy("Its first day, as YYYY-MM-DD (2019-10-27)."),
        "ends_on": gettext_lazy(
            "Its last day, as YYYY-MM-DD, not before the first. Blank: the first day."
        ),
        "communities": gettext_lazy(
            "Communities that observe it, separated by ; and named as in the communities list."
        ),
        "notes": gettext_lazy("Notes for planners."),
    }

    def prepare(self) -> None:
        self.communities = community_index()
        self.existing: dict[tuple[str, date], Observance] = {}

    def parse_row(self, row: Row) -> tuple[dict[str, Any] | None, list[RowError]]:
        p = RowParser(row)
        cleaned = {
            "name": p.text("name", required=True),
            "starts_on": p.parse("starts_on", parse_date, required=True),
            "ends_on": p.parse("ends_on", parse_date),
            "communities": p.parse(
                "communities", lookup_names, self.communities, UNKNOWN_COMMUNITIES
            ),
            "notes": p.text("notes"),
        }
        starts_on, ends_on = cleaned["starts_on"], cleaned["ends_on"]
        if starts_on is not None and ends_on is not None and ends_on < starts_on:
            p.error("ends_on", _("The observance ends before it starts."))
        return p.result(cleaned)

    @staticmethod
    def _key(cleaned: dict[str, Any]) -> tuple[str, date]:
        return name_key(cleaned["name"]), cleaned["starts_on"]

    def identity(self, cleaned: dict[str, Any]) -> tuple[Hashable, str]:
        return self._key(cleaned), "name"

    def duplicate_message(self, first_line: int) -> str:
        return _("Line %(line)s already has this observance starting on the same day.") % {
            "line": first_line
        }

    def load_existing(self, cleaned_rows: list[dict[str, Any]]) -> None:
        days = {cleaned["starts_on"] for cleaned in cleaned_rows}
        for batch in batched(sorted(days)):
            observances = (
                Observance.objects.filter(starts_on__in=batch)
                .prefetch_related("communities")
                .order_by("pk")
            )
            for observance in observances:
                key = (name_key(observance.name), observance.starts_on)
                self.existing.setdefault(key, observance)

    def find_existing(self, cleaned: dict[str, Any]) -> Observance | None:
        return self.existing.get(self._key(cleaned))

    def kept_on_update(self, cleaned: dict[str, Any]) -> set[str]:
        return {"name", "starts_on"}

    def row_label(self, cleaned: dict[str, Any]) -> str:
        return f"{cleaned['starts_on']:%Y-%m-%d} {cleaned['name']}"

    def plan_row(
        self, line: int, cleaned: dict[str, Any]
    ) -> tuple[PlannedRow | None, list[RowError]]:
        if cleaned["ends_on"] is None and self.find_existing(cleaned) is None:
            # A one-day observance; a blank cell leaves a known observance's last day alone.
            cleaned = {**cleaned, "ends_on": cleaned["starts_on"]}
        return super().plan_row(line, cleaned)
