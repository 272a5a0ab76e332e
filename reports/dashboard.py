"""The sergeant's Friday view (``/dashboard/``): what it reads, in a fixed number of queries.

The contract's figures come from ``reports.queries.report_figures``, called for the year to
date and for the same dates a year earlier (``reports.breakdowns.previous_period``), and are
compared as the report compares them (``breakdowns.compared``); the months are the report's
``breakdowns.by_month``. Nothing here counts them again. This module adds what only the
dashboard shows: people reached by community, dormant partners, the review queue, what is
overdue and what is coming. Each takes one or two SQL queries whatever the number of
activities (``reports/tests/test_dashboard.py`` pins the total); the docstrings of the
heavier ones say which index serves them and what they cost among a million activities
(PostgreSQL, the benchmark of ``bench/``).

``dashboard_charts()`` turns the figures into the page's SVG charts (``reports.charts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, Min, OuterRef, Sum
from django.utils.dates import MONTHS, MONTHS_AP
from django.utils.translation import gettext as _

from accounts.models import Section
from engagement.choices import ReviewStatus
from engagement.models import Activity, FollowUp
from events.choices import EventStatus
from events.models import Event, EventTask
from partners.models import Partner
from partners.queries import partners_visible_to

from . import breakdowns, charts
from .contents import FIGURE_LABELS, MONEY_FIGURES
from .queries import Period, approved_links, counted_events, report_figures
from .sentences import sign

# How many overdue follow-ups and event tasks the page lists (the count covers them all).
OVERDUE_LIMIT = 10
UPCOMING_DAYS = 30
# Past this, the list of upcoming events says "and more" through the events calendar.
UPCOMING_LIMIT = 50


def dashboard_periods(year: int, today: date) -> tuple[Period, Period]:
    """The year to date (the whole year once it is over) and the same dates a year earlier."""
    current = Period(date(year, 1, 1), min(today, date(year, 12, 31)))
    return current, breakdowns.previous_period(current)


def first_activity_year() -> int | None:
    """The year of the earliest activity, for the year select. One query: the minimum of an
    indexed column (``engagement_list_idx``)."""
    first = Activity.objects.aggregate(first=Min("date"))["first"]
    return first.year if first else None


def activities_per_month(sections: list[Section], period: Period) -> dict[int, list[int | None]]:
    """Approved activities per month of ``period``'s year up to its end, and of every month of
    the year before: ``{year: [12 counts]}``, with ``None`` for months still to come. One
    query: the report's ``breakdowns.by_month`` from January of the year before (its
    docstring says how PostgreSQL answers it from an index alone)."""
    year = period.start.year
    rows = breakdowns.by_month(Period(date(year - 1, 1, 1), period.end), sections)
    totals = [row["total"] for row in rows]
    return {year - 1: totals[:12], year: totals[12:] + [None] * (24 - len(totals))}


def people_reached_by_community(sections: list[Section], period: Period) -> list[dict]:
    """People reached by approved activities of the period, per community engaged. An
    activity that engaged three communities counts for each of them. One query, most people
    first: ``engagement_report_idx`` finds the activities and the links' unique (activity,
    community) index joins them (160 ms among a million activities, most of it reading
    ``people_reached`` from the rows)."""
    return list(
        approved_links(Activity.communities, period, sections)
        .values("community_id", "community__name")
        .annotate(activities=Count("activity_id"), people_reached=Sum("activity__people_reached"))
        .order_by("-people_reached", "-activities", "community__sort_order", "community__name")
    )


def dormant_partner_count(sections: list[Section] | None, *, user, today: date) -> int:
    """Partners not archived, of the sections (every partner when ``sections`` is None),
    that the partner list calls dormant, counted as it counts them for this user (viewers
    do not see sensitive partners). One query: an anti-join on the approved activities
    since the dormancy cutoff (``PartnerQuerySet.dormant``), 40 ms among a million
    activities where the maximum date over every partner's activities took 0.8 s."""
    partners = partners_visible_to(Partner.objects.active(), user)
    if sections is not None:
        Link = Partner.sections.through
        partners = partners.filter(
            Exists(Link.objects.filter(partner_id=OuterRef("pk"), section__in=sections))
        )
    return partners.dormant(today=today).count()


def _with_total(queryset, limit: int) -> tuple[int, list]:
    """How many rows there are in all and the first ``limit`` of them, in two queries. (One
    query with a window count is slower: PostgreSQL then reads and sorts every row before
    the LIMIT, 1.4 s for every section's queue among a million activities, where the count
    alone is an index-only scan.)"""
    return queryset.count(), list(queryset[:limit])


def review_queue(sections: list[Section]) -> tuple[int, Activity | None]:
    """How many activities of the sections wait for review, and the oldest, in the review
    queue's own order. Two queries (``engagement_report_idx`` serves both)."""
    total, oldest = _with_total(
        Activity.objects.filter(section__in=sections, status=ReviewStatus.SUBMITTED)
        .select_related("section")
        .order_by("date", "created_at", "pk"),
        1,
    )
    return total, (oldest[0] if oldest else None)


def overdue_follow_ups(
    sections: list[Section], today: date, limit: int = OVERDUE_LIMIT
) -> tuple[int, list[FollowUp]]:
    """Follow-ups of the sections' activities not done and due before today, most overdue
    first: their number and the first ``limit``. Two queries."""
    return _with_total(
        FollowUp.objects.filter(activity__section__in=sections, done=False, due_on__lt=today)
        .select_related("activity", "owner")
        .order_by("due_on", "pk"),
        limit,
    )


def overdue_event_tasks(
    sections: list[Section], today: date, limit: int = OVERDUE_LIMIT
) -> tuple[int, list[EventTask]]:
    """Tasks of the sections' events not done and due before today (a cancelled event's
    tasks are nobody's work any more), most overdue first. Two queries."""
    return _with_total(
        EventTask.objects.filter(event__section__in=sections, done=False, due_on__lt=today)
        .exclude(event__status=EventStatus.CANCELLED)
        .select_related("event", "owner")
        .order_by("due_on", "pk"),
        limit,
    )


def upcoming_events(
    sections: list[Section], today: date, days: int = UPCOMING_DAYS, limit: int = UPCOMING_LIMIT
) -> list[Event]:
    """The sections' events, not cancelled, starting from today through ``days`` days ahead,
    soonest first. One query (``events_section_start_idx``)."""
    return list(
        counted_events(Period(today, today + timedelta(days=days)), sections)
        .select_related("section")
        .order_by("starts_at", "pk")[:limit]
    )


@dataclass(frozen=True)
class Comparison:
    """One figure of the contract, this period beside the same period a year earlier: a row
    of the report's comparison (``breakdowns.compared``) under the report's label."""

    key: str
    label: str
    current: int | Decimal
    previous: int | Decimal
    change: int | Decimal

    @property
    def kind(self) -> str:
        """ "money" or "number": how the template writes the values."""
        return "money" if self.key in MONEY_FIGURES else "number"

    @property
    def sign(self) -> str:
        return sign(self.change)

    @property
    def magnitude(self) -> int | Decimal:
        return abs(self.change)


def compare(current: dict, previous: dict) -> list[Comparison]:
    """The totals' compared figures, as the annual report compares them. No query."""
    return [
        Comparison(
            key=row["figure"],
            label=str(FIGURE_LABELS[row["figure"]]),
            current=row["current"],
            previous=row["previous"],
            change=row["change"],
        )
        for row in breakdowns.compared(current, previous)
    ]


def by_type_rows(current: dict, previous: dict, types: dict[str, dict]) -> list[dict]:
    """Approved activities per type this period and a year earlier, most frequent first, then
    in the types' list order (``types``: ``breakdowns.activity_types()``, in that order)."""
    order = {code: position for position, code in enumerate(types)}
    this, last = current["activities_by_type"], previous["activities_by_type"]
    codes = sorted(
        set(this) | set(last),
        key=lambda code: (-this.get(code, 0), -last.get(code, 0), order.get(code, 0)),
    )
    return [
        {
            "code": code,
            "name": types.get(code, {}).get("name", code),
            "current": this.get(code, 0),
            "previous": last.get(code, 0),
        }
        for code in codes
    ]


def month_rows(months: dict[int, list[int | None]], year: int) -> list[dict]:
    return [
        {"name": MONTHS[m + 1], "current": months[year][m], "previous": months[year - 1][m]}
        for m in range(12)
    ]


def dashboard(*, sections: list[Section], every_section: bool, year: int, today: date, user):
    """Everything ``/dashboard/`` shows for the chosen sections and year, as plain data."""
    current, previous = dashboard_periods(year, today)
    # Two calls of the contract's own function: six queries each, none for sections.
    # The totals of one section are that section's figures.
    figures = report_figures(current, sections)["totals"]
    earlier = report_figures(previous, sections)["totals"]
    months = activities_per_month(sections, current)
    queue_size, queue_oldest = review_queue(sections)
    follow_ups_count, follow_ups = overdue_follow_ups(sections, today)
    tasks_count, tasks = overdue_event_tasks(sections, today)
    return {
        "period": current,
        "previous_period": previous,
        "figures": figures,
        "previous_figures": earlier,
        "comparisons": compare(figures, earlier),
        # Every type, not only those counted: one query whatever types were used.
        "by_type": by_type_rows(figures, earlier, breakdowns.activity_types()),
        "months": month_rows(months, year),
        "month_totals": {
            "current": sum(n for n in months[year] if n),
            "previous": sum(months[year - 1]),
        },
        "months_by_year": months,
        "communities": people_reached_by_community(sections, current),
        "dormant_partners": dormant_partner_count(
            None if every_section else sections, user=user, today=today
        ),
        "queue_size": queue_size,
        "queue_oldest": queue_oldest,
        "overdue_follow_ups_count": follow_ups_count,
        "overdue_follow_ups": follow_ups,
        "overdue_tasks_count": tasks_count,
        "overdue_tasks": tasks,
        "upcoming_events": upcoming_events(sections, today),
        "upcoming_days": UPCOMING_DAYS,
    }


def period_labels(period: Period) -> tuple[str, str]:
    """What the page calls the two periods: "2018" and "2017" for a year that is over,
    "2026 to date" and "2025, same dates" for this year."""
    year = period.start.year
    if period.is_calendar_year:
        return str(year), str(year - 1)
    return (
        _("%(year)s to date") % {"year": year},
        _("%(year)s, same dates") % {"year": year - 1},
    )


def dashboard_charts(data: dict, *, year: int) -> dict:
    """The page's three charts, each with a sentence that says what it shows for readers
    who do not see it (the numbers are in the table beside it)."""
    months = data["months_by_year"]
    this_label = period_labels(data["period"])[0]
    last_label = str(year - 1)
    month_names = [str(MONTHS[m]) for m in range(1, 13)]
    per_month = charts.line_chart(
        title=_("Approved activities per month"),
        summary=" ".join(
            [
                _("Line chart of approved activities per month."),
                charts.series_sentence(this_label, months[year], month_names),
                charts.series_sentence(last_label, months[year - 1], month_names),
                charts.table_note(),
            ]
        ),
        categories=[str(MONTHS_AP[m]) for m in range(1, 13)],
        series=[
            charts.Series(name=str(year), values=months[year], colour=charts.BLUE),
            charts.Series(
                name=last_label, values=months[year - 1], colour=charts.BROWN, dashed=True
            ),
        ],
    )
    type_bars = [(row["name"], row["current"]) for row in data["by_type"] if row["current"]]
    community_bars = [
        (row["community__name"], row["people_reached"]) for row in data["communities"]
    ]
    return {
        "per_month": per_month,
        "by_type": charts.types_chart(type_bars, label=this_label),
        "by_community": charts.bar_chart(
            title=_("People reached by community, %(label)s") % {"label": this_label},
            summary=charts.bars_summary(
                _("Bar chart of people reached by the communities engaged."), community_bars
            ),
            bars=community_bars,
        ),
    }


# The page ------------------------------------------------------------------------------

MIN_YEAR = 1900
ALL = "all"


def choose_year(value: str | None, *, today: date) -> tuple[int, str]:
    """The year asked for in ``?year=``, or this year with a notice saying why."""
    if value in (None, ""):
        return today.year, ""
    try:
        year = int(value)
    except ValueError:
        year = None
    if year is None or not MIN_YEAR <= year <= today.year:
        notice = _("“%(value)s” is not a year the dashboard can show; here is %(year)s.")
        return today.year, notice % {"value": value, "year": today.year}
    return year, ""


def choose_sections(
    value: str | None, *, user, sections: list[Section]
) -> tuple[list[Section], Section | None, str]:
    """The sections asked for in ``?section=`` (a section's id, or ``all``): the chosen
    sections, the one section (None for all of them) and a notice when the choice was not
    understood. By default staff and supervisors see their own section, others every one."""
    by_id = {str(section.pk): section for section in sections}
    default = by_id.get(str(user.section_id))
    if value == ALL or (value in (None, "") and default is None):
        return sections, None, ""
    if value in (None, ""):
        return [default], default, ""
    if value in by_id:
        return [by_id[value]], by_id[value], ""
    fallback = default.code if default else _("every section")
    notice = _("There is no section “%(value)s”; here is %(fallback)s.") % {
        "value": value,
        "fallback": fallback,
    }
    return ([default] if default else sections), default, notice


def dashboard_context(params, *, user, today: date) -> dict:
    """The context of ``reports/dashboard.html`` for the query parameters ``params``."""
    sections = list(Section.objects.filter(is_active=True).order_by("code"))
    chosen, section, section_notice = choose_sections(
        params.get("section"), user=user, sections=sections
    )
    year, year_notice = choose_year(params.get("year"), today=today)
    first_year = first_activity_year() or today.year
    data = dashboard(
        sections=chosen, every_section=section is None, year=year, today=today, user=user
    )
    return {
        **data,
        "charts": dashboard_charts(data, year=year),
        "year": year,
        "previous_year": year - 1,
        "years": list(range(today.year, min(first_year, year) - 1, -1)),
        "sections": sections,
        "section": section,
        "scope_label": section.name if section else _("All sections"),
        "whole_year": data["period"].is_calendar_year,
        "year_label": period_labels(data["period"])[0],
        "previous_label": period_labels(data["period"])[1],
        "notices": [notice for notice in (section_notice, year_notice) if notice],
        "today": today,
        # Viewers read aggregate figures only: counts, never activities' or tasks' details.
        "show_details": user.is_section_staff,
        "can_review": user.is_supervisor and section is not None and section.pk == user.section_id,
    }
