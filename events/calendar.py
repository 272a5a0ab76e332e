"""The calendars: events and observances laid out by local day (the month grid and the
agenda), and the iCalendar documents that Outlook subscribes to.

Days are America/Toronto days (``settings.TIME_ZONE``): an event at 23:30 on 31 December
belongs to 31 December whatever UTC says. Each page reads two querysets (events with their
section, observances with their communities), so it costs the same number of SQL queries
whatever the number of rows; laying them out by day happens here, in Python.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import icalendar
from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from .choices import EventStatus
from .models import Event, Observance

# Sunday first, as Canadian wall calendars and Outlook (en-CA, fr-CA) show weeks.
FIRST_WEEKDAY = stdlib_calendar.SUNDAY
AGENDA_DAYS = 60
AGENDA_MAX_DAYS = 366
# Months and agenda ranges outside these years are refused: nobody plans in year 1, and
# date arithmetic past year 9999 fails.
MIN_YEAR, MAX_YEAR = 1900, 2999
PRODID = "-//Inroads//Community engagement calendar//EN"
# Outlook and Google read these to decide how often to fetch a subscribed calendar again.
REFRESH = timedelta(hours=1)

ICAL_STATUS = {
    EventStatus.IDEA: "TENTATIVE",
    EventStatus.PLANNING: "TENTATIVE",
    EventStatus.CONFIRMED: "CONFIRMED",
    EventStatus.COMPLETED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
}


class CalendarInputError(ValueError):
    """A month or a date range from the address bar that cannot be shown; its message is
    shown to the user as is."""


def local_zone():
    """America/Toronto (``settings.TIME_ZONE``), whatever time zone a request activated."""
    return timezone.get_default_timezone()


def local_midnight(day: date) -> datetime:
    # Midnight always exists in Toronto: the clocks change at 02:00.
    return datetime.combine(day, time.min, tzinfo=local_zone())


# --- Reading ------------------------------------------------------------------------------


def events_between(first: date, last: date) -> QuerySet[Event]:
    """Events that take place, even in part, on the local days ``first`` to ``last``.

    One query; the section comes with each event because the calendars show its code."""
    start, end = local_midnight(first), local_midnight(last + timedelta(days=1))
    return (
        Event.objects.filter(starts_at__lt=end)
        # An event ending at midnight does not spill onto the next day; one with no
        # duration (ends when it starts) still shows on its day.
        .filter(Q(ends_at__gt=start) | Q(starts_at__gte=start))
        .select_related("section")
        .order_by("starts_at", "title", "pk")
    )


def observances_between(first: date, last: date) -> QuerySet[Observance]:
    """Observances covering at least one of the days ``first`` to ``last`` (served by the
    index on their dates), with their communities in one more query."""
    return (
        Observance.objects.filter(starts_on__lte=last, ends_on__gte=first)
        .prefetch_related("communities")
        .order_by("starts_on", "name", "pk")
    )


def event_days(event: Event) -> tuple[date, date]:
    """The first and last local days an event occupies."""
    starts, ends = (
        timezone.localtime(event.starts_at, local_zone()),
        timezone.localtime(event.ends_at, local_zone()),
    )
    last = ends.date()
    if ends > starts and ends.time() == time.min:
        # Ends at midnight: the evening before is its last day.
        last -= timedelta(days=1)
    return starts.date(), max(last, starts.date())


# --- Laying out by day --------------------------------------------------------------------


@dataclass
class DayEvent:
    """An event as shown on one day: with its start time on the day it starts."""

    event: Event
    starts_today: bool
    first_day: date
    last_day: date

    @property
    def is_cancelled(self) -> bool:
        return self.event.status == EventStatus.CANCELLED


@dataclass
class CalendarDay:
    date: date
    is_today: bool = False
    in_month: bool = True
    observances: list[Observance] = field(default_factory=list)
    events: list[DayEvent] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.observances or self.events)


def lay_out(
    days: list[CalendarDay],
    events: Iterable[Event],
    observances: Iterable[Observance],
    *,
    every_day: bool,
) -> list[CalendarDay]:
    """Put each event and observance on the days of ``days`` it covers (``every_day``), or
    only on the first of them (the agenda, which says until when)."""
    if not days:
        return days
    by_date = {day.date: day for day in days}
    first, last = days[0].date, days[-1].date

    def covered(start: date, end: date) -> Iterable[date]:
        day, end = max(start, first), min(end, last)
        while day <= end:
            yield day
            if not every_day:
                return
            day += timedelta(days=1)

    for observance in observances:
        for day in covered(observance.starts_on, observance.ends_on):
            by_date[day].observances.append(observance)
    for event in events:
        start, end = event_days(event)
        for day in covered(start, end):
            by_date[day].events.append(
                DayEvent(event=event, starts_today=day == start, first_day=start, last_day=end)
            )
    return days


@dataclass
class MonthGrid:
    month: date  # its first day
    weeks: list[list[CalendarDay]]
    weekdays: list[str]
    previous: date
    next: date

    @property
    def first(self) -> date:
        return self.weeks[0][0].date

    @property
    def last(self) -> date:
        return self.weeks[-1][-1].date


def parse_month(value: str | None, *, today: date) -> date:
    """``YYYY-MM`` to the first day of that month; empty means the current local month."""
    if not value:
        return today.replace(day=1)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if match:
        year, month = int(match[1]), int(match[2])
        if MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12:
            return date(year, month, 1)
    raise CalendarInputError(
        _("“%(value)s” is not a month. Use the form YYYY-MM, for example 2019-03.")
        % {"value": value[:20]}
    )


def month_grid(month: date, *, today: date) -> MonthGrid:
    """The weeks of ``month`` (whole weeks, so the first and last may hold days of the
    months around it) with each day's events and observances."""
    dates = stdlib_calendar.Calendar(FIRST_WEEKDAY).monthdatescalendar(month.year, month.month)
    days = [
        CalendarDay(date=day, is_today=day == today, in_month=day.month == month.month)
        for week in dates
        for day in week
    ]
    first, last = days[0].date, days[-1].date
    lay_out(days, events_between(first, last), observances_between(first, last), every_day=True)
    previous = (month - timedelta(days=1)).replace(day=1)
    following = (month + timedelta(days=31)).replace(day=1)
    return MonthGrid(
        month=month,
        weeks=[days[i : i + 7] for i in range(0, len(days), 7)],
        # WEEKDAYS counts from Monday (0), the stdlib calendar too.
        weekdays=[str(WEEKDAYS[(FIRST_WEEKDAY + i) % 7]) for i in range(7)],
        previous=previous,
        next=following,
    )


def parse_date(value: str, label: str) -> date:
    parsed = None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:  # 2019-02-30
            parsed = None
    if parsed is None or not (MIN_YEAR <= parsed.year <= MAX_YEAR):
        raise CalendarInputError(
            _("“%(value)s” is not a date for “%(field)s”. Use the form YYYY-MM-DD.")
            % {"value": value[:20], "field": label}
        )
    return parsed


def parse_range(start: str | None, end: str | None, *, today: date) -> tuple[date, date]:
    """The agenda's days: ``from`` (default today) to ``to`` (default 60 days on), at most
    366 days."""
    first = parse_date(start, _("From")) if start else None
    last = parse_date(end, _("To")) if end else None
    if first is None:
        first = today if last is None else last - timedelta(days=AGENDA_DAYS - 1)
    if last is None:
        last = first + timedelta(days=AGENDA_DAYS - 1)
    if last < first:
        raise CalendarInputError(_("The end date is before the start date."))
    if (last - first).days + 1 > AGENDA_MAX_DAYS:
        raise CalendarInputError(
            _("Choose at most %(days)s days at a time.") % {"days": AGENDA_MAX_DAYS}
        )
    return first, last


def agenda(first: date, last: date, *, today: date) -> list[CalendarDay]:
    """The days from ``first`` to ``last`` that have an event or an observance; each event
    and observance is listed once, on its first day in the range."""
    days = [
        CalendarDay(date=first + timedelta(days=n), is_today=first + timedelta(days=n) == today)
        for n in range((last - first).days + 1)
    ]
    lay_out(days, events_between(first, last), observances_between(first, last), every_day=False)
    return [day for day in days if not day.is_empty]


# --- iCalendar feeds ------------------------------------------------------------------------


def feed_window(today: date) -> tuple[date, date]:
    """What the feeds carry: from a year ago to two years ahead, so Outlook shows last
    year's events for reference and keeps a subscription small."""
    return today - timedelta(days=365), today + timedelta(days=2 * 365)


def new_calendar(*, name: str, first: date, last: date) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    # The time-zone definition, with its daylight-saving rules over the feed's window (and
    # a year around it), so a client that does not know the TZID still places times right.
    cal.add_component(
        icalendar.Timezone.from_tzid(
            settings.TIME_ZONE,
            first_date=first.replace(month=1, day=1) - timedelta(days=366),
            last_date=last.replace(month=12, day=31) + timedelta(days=366),
        )
    )
    return cal


def events_ical(
    events: Iterable[Event],
    *,
    name: str,
    window: tuple[date, date],
    url_for: Callable[[Event], str],
    now: datetime,
) -> bytes:
    """One VEVENT per event, at local America/Toronto times with their TZID."""
    cal = new_calendar(name=name, first=window[0], last=window[1])
    zone = local_zone()
    for event in events:
        vevent = icalendar.Event()
        vevent.add("uid", f"event-{event.pk}@inroads")
        vevent.add("dtstamp", now)
        vevent.add("dtstart", timezone.localtime(event.starts_at, zone))
        vevent.add("dtend", timezone.localtime(event.ends_at, zone))
        vevent.add("summary", event.title)
        if event.venue:
            vevent.add("location", event.venue)
        if event.description:
            vevent.add("description", event.description)
        vevent.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
        vevent.add("categories", [event.section.code])
        vevent.add("url", url_for(event))
        vevent.add("last-modified", event.updated_at)
        cal.add_component(vevent)
    return cal.to_ical()


def observances_ical(
    observances: Iterable[Observance],
    *,
    name: str,
    window: tuple[date, date],
    url_for: Callable[[Observance], str],
    now: datetime,
) -> bytes:
    """All-day VEVENTs: DTEND is the day after the last (RFC 5545, exclusive)."""
    cal = new_calendar(name=name, first=window[0], last=window[1])
    for observance in observances:
        vevent = icalendar.Event()
        vevent.add("uid", f"observance-{observance.pk}@inroads")
        vevent.add("dtstamp", now)
        vevent.add("dtstart", observance.starts_on)
        vevent.add("dtend", observance.ends_on + timedelta(days=1))
        vevent.add("summary", observance.name)
        if observance.notes:
            vevent.add("description", observance.notes)
        communities = [community.name for community in observance.communities.all()]
        if communities:
            vevent.add("categories", communities)
        # An all-day observance must not make its attendees look busy in Outlook.
        vevent.add("transp", "TRANSPARENT")
        vevent.add("url", url_for(observance))
        cal.add_component(vevent)
    return cal.to_ical()
