"""The annual report's breakdowns that the contract's figures do not hold: activities by
month and by community, the events and consultations of the period, the names of the
activity types, and the comparison with the previous period.

Each function is one SQL query (the comparison reuses ``reports.queries.report_figures``), so
the report page runs a fixed number of queries whatever the number of activities. They count
what the contract counts (``reports.queries.approved_activities``, ``approved_links`` and
``counted_events``; toolkits sent in the period; ``consultations.queries.in_person_sessions``)
so that the breakdowns add up to the figures. The dashboard reads its months, its
comparison and its periods here too. Pass ``sections`` as a list: the functions only read
their ids.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, OuterRef, Q
from django.utils import timezone

from consultations.models import Consultation, Distribution
from consultations.queries import in_person_sessions, scalar_subquery
from engagement.models import Activity, ActivityType
from events.choices import EventStatus

from .queries import (
    Period,
    approved_activities,
    approved_links,
    counted_events,
    report_figures,
    years_after,
)

# The figures the comparison shows, in order; money is a decimal string in the contract.
COMPARED = [
    "activities",
    "people_reached",
    "staff_hours",
    "partners_engaged",
    "events",
    "funds_raised",
    "toolkits_distributed",
    "consultation_sessions",
]
DECIMAL_FIGURES = {"staff_hours", "funds_raised"}
# The code of the totals' entry among the sections' (as the CSV export's last row).
TOTAL = "TOTAL"


def months_of(period: Period) -> list[date]:
    """The first day of every month the period touches, in order (12 for a year)."""
    months = []
    month = period.start.replace(day=1)
    while month <= period.end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def previous_period(period: Period) -> Period:
    """The same dates one year earlier (29 February becomes the 28th): a year's previous
    year, a quarter's same quarter last year, the dashboard's year to date's same dates."""
    return Period(years_after(period.start, -1), years_after(period.end, -1))


def _per_section(counts: dict[int, int], sections) -> list[int]:
    return [counts.get(section.pk, 0) for section in sections]


def activity_types(codes=None) -> dict[str, dict]:
    """Query 1: the display name and list order of the activity types with these codes, or of
    every type (``codes`` None: the same query whatever types were used), in list order."""
    types = ActivityType.objects.order_by("sort_order", "name")
    if codes is not None:
        types = types.filter(code__in=list(codes))
    return {row["code"]: row for row in types.values("code", "name", "sort_order")}


def by_type(figures: dict, sections, types: dict[str, dict]) -> list[dict]:
    """The contract's ``activities_by_type`` as rows: the type's name, one count per section
    and the total, in the types' own list order. No query: it reads ``figures``."""
    per_section = {s["code"]: s["activities_by_type"] for s in figures["sections"]}
    rows = []
    for code, total in figures["totals"]["activities_by_type"].items():
        known = types.get(code, {"name": code, "sort_order": 0})
        rows.append(
            {
                "code": code,
                "name": known["name"],
                "sort_order": known["sort_order"],
                "counts": [per_section.get(s.code, {}).get(code, 0) for s in sections],
                "total": total,
            }
        )
    rows.sort(key=lambda row: (row["sort_order"], row["name"]))
    return rows


def by_month(period: Period, sections) -> list[dict]:
    """Query 1: approved activities per section per month; every month of the period has a
    row (zeros included), with ``month`` the first day of the month."""
    counts: dict[date, dict[int, int]] = {}
    # Grouped by day, folded into months here: PostgreSQL groups the index's own dates
    # (engagement_report_idx, index-only) three times faster than it truncates each row's
    # date to its month (33 ms instead of 100 ms among a million activities), and a year is
    # at most 366 rows per section.
    for row in (
        approved_activities(period, sections)
        .values("date", "section_id")
        .annotate(n=Count("*"))
        .order_by()
    ):
        month = row["date"].replace(day=1)
        per_section = counts.setdefault(month, {})
        per_section[row["section_id"]] = per_section.get(row["section_id"], 0) + row["n"]
    rows = []
    for month in months_of(period):
        per_section = _per_section(counts.get(month, {}), sections)
        rows.append({"month": month, "counts": per_section, "total": sum(per_section)})
    return rows


def by_community(period: Period, sections) -> list[dict]:
    """Query 1: approved activities per community engaged, per section, most first. An
    activity that engaged several communities counts once for each; one that recorded none
    is in no row."""
    links = approved_links(Activity.communities, period, sections)
    counts: dict[int, dict] = {}
    for row in (
        links.values("community_id", "community__name", "activity__section_id")
        .annotate(n=Count("activity_id"))
        .order_by()
    ):
        entry = counts.setdefault(
            row["community_id"], {"community": row["community__name"], "by_section": {}}
        )
        entry["by_section"][row["activity__section_id"]] = row["n"]
    rows = []
    for entry in counts.values():
        per_section = _per_section(entry["by_section"], sections)
        rows.append(
            {"community": entry["community"], "counts": per_section, "total": sum(per_section)}
        )
    rows.sort(key=lambda row: (-row["total"], row["community"]))
    return rows


def events_of(period: Period, sections) -> list[dict]:
    """Query 1: the events the contract counts (the sections', not cancelled, starting in
    the period), in date order, with attendance and funds raised."""
    rows = (
        counted_events(period, sections)
        .order_by("starts_at", "id")
        .values(
            "id",
            "title",
            "starts_at",
            "status",
            "actual_attendance",
            "expected_attendance",
            "funds_raised",
            "funds_beneficiary",
            "section__code",
        )
    )
    return [
        {
            "id": row["id"],
            "title": row["title"],
            "section": row["section__code"],
            "date": timezone.localtime(row["starts_at"]).date(),
            "status": EventStatus(row["status"]).label,
            "attendance": row["actual_attendance"],
            "expected_attendance": row["expected_attendance"],
            "funds_raised": row["funds_raised"] or Decimal("0"),
            "funds_beneficiary": row["funds_beneficiary"],
        }
        for row in rows
    ]


def consultations_of(period: Period, sections) -> list[dict]:
    """Query 1: the sections' consultations that ran during the period, sent a toolkit in it
    or held an in-person session in it, with the partners given a toolkit in the period
    (``groups``) and the approved consultation sessions linked to it (``sessions``)."""
    groups = scalar_subquery(
        Distribution.objects.filter(
            toolkit__consultation=OuterRef("pk"),
            sent_on__gte=period.start,
            sent_on__lte=period.end,
        ),
        "toolkit__consultation",
        Count("partner", distinct=True),
    )
    sessions = scalar_subquery(
        in_person_sessions(OuterRef("pk")).filter(date__gte=period.start, date__lte=period.end),
        "consultation",
        Count("id"),
    )
    ran_during = Q(starts_on__lte=period.end) & (
        Q(ends_on__isnull=True) | Q(ends_on__gte=period.start)
    )
    return list(
        Consultation.objects.filter(section_id__in=[section.pk for section in sections])
        .annotate(groups=groups, sessions=sessions)
        .filter(ran_during | Q(groups__gt=0) | Q(sessions__gt=0))
        .order_by("section__code", "starts_on", "name")
        .values("id", "name", "section__code", "starts_on", "ends_on", "groups", "sessions")
    )


def _number(figure: str, value):
    return Decimal(value) if figure in DECIMAL_FIGURES else value


def comparison(figures: dict, previous: dict) -> list[dict]:
    """Each section's and the totals' figures beside the previous period's, with the change.
    No query: it reads two results of ``report_figures``. Returns one entry per section
    (then ``TOTAL``) with ``rows`` of ``{"figure", "current", "previous", "change"}``."""
    earlier = {s["code"]: s for s in previous["sections"]}
    subjects = [(s["code"], s["name"], s) for s in figures["sections"]]
    subjects.append((TOTAL, "", figures["totals"]))
    out = []
    for code, name, current in subjects:
        before = previous["totals"] if code == TOTAL else earlier.get(code)
        out.append({"code": code, "name": name, "rows": compared(current, before)})
    return out


def compared(current: dict, before: dict | None) -> list[dict]:
    """One section's or the totals' ``COMPARED`` figures beside the previous period's (zeros
    when ``before`` is None: a section that did not exist), as rows of
    ``{"figure", "current", "previous", "change"}`` with the contract's strings as Decimals."""
    rows = []
    for figure in COMPARED:
        now = _number(figure, current[figure])
        then = _number(figure, before[figure] if before else 0)
        rows.append({"figure": figure, "current": now, "previous": then, "change": now - then})
    return rows


def previous_figures(period: Period, sections) -> dict:
    """The contract's figures for ``previous_period(period)``: ``report_figures``' own
    queries (six when ``sections`` is a list)."""
    return report_figures(previous_period(period), sections)
