"""The annual report contract of DESIGN.md, computed in SQL.

Every figure is a filtered aggregate; nothing loops over activities in Python. The whole
report is seven queries whatever the number of rows, which a test pins. The page, every
export, the ``annual_report`` command, the dashboard and the home page take their figures
from ``report_figures()`` (through ``annual_report()`` or ``period_report()``) and nothing
else. ``approved_activities``, ``approved_links`` and ``counted_events`` say what the figures
count, so that the breakdowns and the dashboard, which call them too, count the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum

from accounts.models import Section
from consultations.models import Distribution
from engagement.choices import AWAITING_REVIEW, CONSULTATION_SESSION, ReviewStatus
from engagement.models import Activity
from events.choices import EventStatus
from events.models import Event

# Figures summed into totals; partners engaged and toolkits distributed are distinct
# partners, counted again across sections.
SUMMED = [
    "activities",
    "people_reached",
    "staff_hours",
    "events",
    "funds_raised",
    "consultation_sessions",
    "awaiting_review",
]


@dataclass(frozen=True)
class Period:
    """A range of local calendar dates, both ends included (a year, a quarter, a plan)."""

    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def is_calendar_year(self) -> bool:
        return (
            self.start.year == self.end.year
            and (self.start.month, self.start.day) == (1, 1)
            and (self.end.month, self.end.day) == (12, 31)
        )

    def datetime_bounds(self) -> tuple[datetime, datetime]:
        """[first local midnight, the local midnight after the last day) in America/Toronto,
        so an event at 23:30 on 31 December counts in that year."""
        tz = ZoneInfo(settings.TIME_ZONE)
        return (
            datetime.combine(self.start, time.min, tzinfo=tz),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=tz),
        )


def years_after(day: date, years: int) -> date:
    """The same calendar date ``years`` later (earlier when negative); 29 February becomes
    the 28th in a year without one."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# What the figures count, shared with the breakdowns and the dashboard so that they add up.


def approved_activities(period: Period, sections) -> QuerySet[Activity]:
    """Approved activities of the sections dated in the period: the activities every figure
    and breakdown counts (``engagement_report_idx`` serves the filter)."""
    return Activity.objects.filter(
        section_id__in=[section.pk for section in sections],
        status=ReviewStatus.APPROVED,
        date__gte=period.start,
        date__lte=period.end,
    )


def approved_links(relation, period: Period, sections) -> QuerySet:
    """The rows of an activity's many-to-many ``relation`` (``Activity.partners``,
    ``Activity.communities``) whose activity ``approved_activities`` counts: a join that
    ``engagement_report_idx`` and the links' (activity, other) index serve."""
    return relation.through.objects.filter(
        activity__section_id__in=[section.pk for section in sections],
        activity__status=ReviewStatus.APPROVED,
        activity__date__gte=period.start,
        activity__date__lte=period.end,
    )


def counted_events(period: Period, sections) -> QuerySet[Event]:
    """The events the report counts: the sections' events, not cancelled, starting in the
    period (local days, ``events_section_start_idx``)."""
    starts, ends = period.datetime_bounds()
    return Event.objects.filter(
        section_id__in=[section.pk for section in sections],
        starts_at__gte=starts,
        starts_at__lt=ends,
    ).exclude(status=EventStatus.CANCELLED)


def decimal_string(value: Decimal | None, *, places: int | None = None) -> str:
    """A Decimal as the contract's string: "1200.00" with places=2, "412.5" without."""
    value = value or Decimal("0")
    if places is not None:
        return f"{value.quantize(Decimal(1).scaleb(-places)):f}"
    return f"{value.normalize():f}"


def _empty_figures() -> dict:
    return {
        "activities": 0,
        "activities_by_type": {},
        "people_reached": 0,
        "staff_hours": Decimal("0"),
        "partners_engaged": 0,
        "events": 0,
        "funds_raised": Decimal("0"),
        "toolkits_distributed": 0,
        "consultation_sessions": 0,
        "awaiting_review": 0,
    }


def _as_contract(figures: dict) -> dict:
    """Decimals become the contract's strings."""
    out = dict(figures)
    out["staff_hours"] = decimal_string(figures["staff_hours"])
    out["funds_raised"] = decimal_string(figures["funds_raised"], places=2)
    out["activities_by_type"] = dict(sorted(figures["activities_by_type"].items()))
    return out


def report_figures(period: Period, sections=None) -> dict:
    """The contract's figures per section and in total for ``period``.

    ``sections``: a queryset or list of sections to include (default: every active one).
    Returns ``{"start", "end", "sections": [...], "totals": {...}}`` with Decimals kept as
    strings exactly as the JSON contract has them.
    """
    if sections is None:
        sections = Section.objects.filter(is_active=True)
    sections = list(sections)  # query 1
    section_ids = [s.pk for s in sections]
    per_section = {s.pk: _empty_figures() for s in sections}

    in_period = Q(date__gte=period.start, date__lte=period.end, section_id__in=section_ids)
    approved = Q(status=ReviewStatus.APPROVED)

    # Query 2: counts and sums of approved activities, and those awaiting review (asking
    # for those statuses only lets engagement_report_idx's key serve the whole filter).
    rows = (
        Activity.objects.filter(in_period, status__in=[ReviewStatus.APPROVED, *AWAITING_REVIEW])
        .values("section_id")
        .annotate(
            activities=Count("section", filter=approved),
            people_reached=Sum("people_reached", filter=approved),
            staff_hours=Sum("staff_hours", filter=approved),
            consultation_sessions=Count(
                "section", filter=approved & Q(type__code=CONSULTATION_SESSION)
            ),
            awaiting_review=Count("section", filter=Q(status__in=AWAITING_REVIEW)),
        )
        .order_by()
    )
    for row in rows:
        figures = per_section[row["section_id"]]
        figures["activities"] = row["activities"]
        figures["people_reached"] = row["people_reached"] or 0
        figures["staff_hours"] = row["staff_hours"] or Decimal("0")
        figures["consultation_sessions"] = row["consultation_sessions"]
        figures["awaiting_review"] = row["awaiting_review"]

    # Query 3: approved activities per type.
    for row in (
        approved_activities(period, sections)
        .values("section_id", "type__code")
        .annotate(n=Count("*"))
        .order_by()
    ):
        per_section[row["section_id"]]["activities_by_type"][row["type__code"]] = row["n"]

    # Query 4: each (section, partner) pair of approved activities once. Counting them per
    # section and the distinct partners among them in Python gives both figures from one
    # pass over the links (at most sections x partners rows), where two COUNT(DISTINCT)
    # queries joined the period's activities and links twice.
    links = approved_links(Activity.partners, period, sections)
    engaged = set()
    for section_id, partner_id in (
        links.values_list("activity__section_id", "partner_id").distinct().order_by()
    ):
        per_section[section_id]["partners_engaged"] += 1
        engaged.add(partner_id)
    partners_total = len(engaged)

    # Query 5: events the section is responsible for, not cancelled, starting in the period.
    for row in (
        counted_events(period, sections)
        .values("section_id")
        .annotate(events=Count("id"), funds_raised=Sum("funds_raised"))
        .order_by()
    ):
        per_section[row["section_id"]]["events"] = row["events"]
        per_section[row["section_id"]]["funds_raised"] = row["funds_raised"] or Decimal("0")

    # Query 6 and 7: partners given a toolkit of the section's consultations in the period.
    distributions = Distribution.objects.filter(
        sent_on__gte=period.start,
        sent_on__lte=period.end,
        toolkit__consultation__section_id__in=section_ids,
    )
    for row in (
        distributions.values("toolkit__consultation__section_id")
        .annotate(n=Count("partner_id", distinct=True))
        .order_by()
    ):
        per_section[row["toolkit__consultation__section_id"]]["toolkits_distributed"] = row["n"]
    toolkits_total = distributions.aggregate(n=Count("partner_id", distinct=True))["n"]

    totals = _empty_figures()
    for figures in per_section.values():
        for key in SUMMED:
            totals[key] += figures[key]
        for code, n in figures["activities_by_type"].items():
            totals["activities_by_type"][code] = totals["activities_by_type"].get(code, 0) + n
    totals["partners_engaged"] = partners_total
    totals["toolkits_distributed"] = toolkits_total

    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "sections": [
            {"code": s.code, "name": s.name, **_as_contract(per_section[s.pk])} for s in sections
        ],
        "totals": _as_contract(totals),
    }


def annual_report(year: int, sections=None) -> dict:
    """The contract's JSON document for a calendar year (DESIGN.md)."""
    figures = report_figures(Period.year(year), sections)
    return {"year": year, "sections": figures["sections"], "totals": figures["totals"]}


def period_report(period: Period, sections=None) -> dict:
    """The same figures for any range of dates; ``year`` is kept when it is a calendar year."""
    figures = report_figures(period, sections)
    document = {
        "start": figures["start"],
        "end": figures["end"],
        "sections": figures["sections"],
        "totals": figures["totals"],
    }
    if period.is_calendar_year:
        document = {"year": period.start.year, **document}
    return document
