"""The dashboard: the contract's figures beside last year's, the charts' numbers, what needs
attention, who may see what, bad choices answered with a notice, and a fixed query budget."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from core.testing import assert_constant_queries
from engagement.choices import ReviewStatus
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory, FollowUpFactory
from events.choices import EventStatus
from events.tests.factories import TORONTO, EventFactory, EventTaskFactory
from partners.tests.factories import CommunityFactory, PartnerFactory
from reports import charts
from reports.dashboard import dashboard_periods
from reports.queries import Period, report_figures, years_after

pytestmark = pytest.mark.django_db

URL = "/dashboard/"


def today():
    return timezone.localdate()


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TORONTO)


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def comparison_table(html: str) -> dict[str, list[str]]:
    """The comparison table's cells by figure: this period, a year earlier, the change."""
    rows = re.findall(r'<tr data-figure="(\w+)">(.*?)</tr>', html, flags=re.S)
    return {key: re.findall(r'<td class="text-end">([^<]*)</td>', cells) for key, cells in rows}


# The periods ---------------------------------------------------------------------------


def test_a_past_year_is_compared_whole_with_the_year_before():
    current, previous = dashboard_periods(2018, datetime.date(2026, 11, 24))

    assert (current, previous) == (Period.year(2018), Period.year(2017))


def test_this_year_runs_to_today_beside_the_same_dates_last_year():
    current, previous = dashboard_periods(2026, datetime.date(2026, 11, 24))

    assert current == Period(datetime.date(2026, 1, 1), datetime.date(2026, 11, 24))
    assert previous == Period(datetime.date(2025, 1, 1), datetime.date(2025, 11, 24))


def test_29_february_a_year_earlier_is_the_28th():
    assert years_after(datetime.date(2024, 2, 29), -1) == datetime.date(2023, 2, 28)


# The contract's figures ----------------------------------------------------------------


def test_figures_are_the_reports_for_the_same_two_periods(login, supervisor_cds, cds, drr):
    partners = PartnerFactory.create_batch(3)
    ActivityFactory.create_batch(4, section=cds, partners=partners[:2], people_reached=12)
    ActivityFactory(section=cds, date=datetime.date(2018, 12, 31), staff_hours=Decimal("1.5"))
    ActivityFactory(section=cds, status=ReviewStatus.SUBMITTED)
    ActivityFactory(section=drr, partners=partners)
    ActivityFactory.create_batch(2, section=cds, date=datetime.date(2017, 3, 1))
    EventFactory(section=cds, funds_raised=Decimal("1200.00"))

    response = get(login(supervisor_cds), year=2018, section=cds.pk)

    context = response.context
    assert context["figures"] == report_figures(Period.year(2018), [cds])["totals"]
    assert context["previous_figures"] == report_figures(Period.year(2017), [cds])["totals"]
    rows = {row.key: (row.current, row.previous) for row in context["comparisons"]}
    assert rows == {
        "activities": (5, 2),
        "people_reached": (58, 20),
        "staff_hours": (Decimal("9.5"), Decimal("4")),
        "partners_engaged": (2, 0),
        "events": (1, 0),
        "funds_raised": (Decimal("1200.00"), Decimal("0")),
        "toolkits_distributed": (0, 0),
        "consultation_sessions": (0, 0),
    }
    html = response.content.decode()
    assert comparison_table(html) == {
        "activities": ["5", "2", "+3"],
        "people_reached": ["58", "20", "+38"],
        "staff_hours": ["9.5", "4", "+5.5"],
        "partners_engaged": ["2", "0", "+2"],
        "events": ["1", "0", "+1"],
        "funds_raised": ["$1,200.00", "$0.00", "+$1,200.00"],
        "toolkits_distributed": ["0", "0", "0"],
        "consultation_sessions": ["0", "0", "0"],
    }
    assert "1 activity of this period is awaiting review" in html


def test_this_years_figures_run_to_today(login, supervisor_cds, cds):
    now = today()
    ActivityFactory(section=cds, date=now.replace(month=1, day=1))
    ActivityFactory(section=cds, date=years_after(now.replace(month=1, day=1), -1))
    ActivityFactory(section=cds, date=years_after(now, -1))
    if now != datetime.date(now.year, 12, 31):
        # Later in last year than today: outside the same dates a year earlier.
        ActivityFactory(section=cds, date=datetime.date(now.year - 1, 12, 31))

    context = get(login(supervisor_cds)).context

    assert context["year"] == now.year
    assert (
        context["figures"]
        == report_figures(Period(now.replace(month=1, day=1), now), [cds])["totals"]
    )
    assert context["previous_figures"]["activities"] == 2


def test_all_sections_are_the_reports_totals(login, viewer, cds, drr):
    shared = PartnerFactory()
    ActivityFactory(section=cds, partners=[shared])
    ActivityFactory(section=drr, partners=[shared])

    context = get(login(viewer), year=2018).context

    assert context["section"] is None
    assert context["figures"] == report_figures(Period.year(2018))["totals"]
    assert (context["figures"]["activities"], context["figures"]["partners_engaged"]) == (2, 1)


# The charts' numbers -------------------------------------------------------------------


def test_activities_per_month_are_exact(login, supervisor_cds, cds, drr):
    for month, n in ((1, 2), (3, 1), (12, 4)):
        ActivityFactory.create_batch(n, section=cds, date=datetime.date(2018, month, 15))
    ActivityFactory(section=cds, date=datetime.date(2017, 3, 1))
    ActivityFactory(section=cds, date=datetime.date(2017, 12, 31))
    ActivityFactory(section=cds, date=datetime.date(2018, 3, 2), status=ReviewStatus.SUBMITTED)
    ActivityFactory(section=cds, date=datetime.date(2018, 5, 2), status=ReviewStatus.RETURNED)
    ActivityFactory(section=drr, date=datetime.date(2018, 3, 2))
    ActivityFactory(section=cds, date=datetime.date(2016, 3, 2))

    context = get(login(supervisor_cds), year=2018).context

    assert [m["current"] for m in context["months"]] == [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 4]
    assert [m["previous"] for m in context["months"]] == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert context["month_totals"] == {"current": 7, "previous": 2}
    assert context["month_totals"]["current"] == context["figures"]["activities"]
    assert context["months"][0]["name"] == "January"


def test_months_still_to_come_are_blank_not_zero(login, supervisor_cds, cds):
    now = today()
    ActivityFactory(section=cds, date=now)

    context = get(login(supervisor_cds)).context

    current = [m["current"] for m in context["months"]]
    assert current[now.month - 1] == 1
    assert current[now.month :] == [None] * (12 - now.month)
    assert None not in current[: now.month]


def test_activities_by_type_beside_last_year(login, supervisor_cds, cds):
    meeting = ActivityTypeFactory(code="meeting", name="Meeting")
    workshop = ActivityTypeFactory(code="workshop", name="Workshop/training")
    ActivityTypeFactory(code="focus_group", name="Focus group")
    ActivityFactory.create_batch(3, section=cds, type=workshop)
    ActivityFactory(section=cds, type=meeting)
    ActivityFactory.create_batch(2, section=cds, type=meeting, date=datetime.date(2017, 5, 1))

    context = get(login(supervisor_cds), year=2018).context

    assert context["by_type"] == [
        {"code": "workshop", "name": "Workshop/training", "current": 3, "previous": 0},
        {"code": "meeting", "name": "Meeting", "current": 1, "previous": 2},
    ]


def test_people_reached_by_community_counts_each_community_of_an_activity(
    login, supervisor_cds, cds, drr
):
    youth = CommunityFactory(name="Youth")
    seniors = CommunityFactory(name="Seniors")
    ActivityFactory(section=cds, people_reached=150, communities=[youth])
    ActivityFactory(section=cds, people_reached=20, communities=[youth, seniors])
    ActivityFactory(
        section=cds, people_reached=99, status=ReviewStatus.SUBMITTED, communities=[seniors]
    )
    ActivityFactory(section=drr, people_reached=500, communities=[seniors])
    ActivityFactory(
        section=cds, people_reached=7, date=datetime.date(2017, 6, 1), communities=[seniors]
    )

    context = get(login(supervisor_cds), year=2018).context

    assert [
        (row["community__name"], row["activities"], row["people_reached"])
        for row in context["communities"]
    ] == [("Youth", 2, 170), ("Seniors", 1, 20)]


# Partners and what needs attention -----------------------------------------------------


def test_dormant_partner_count_is_exact(login, supervisor_cds, viewer, cds, drr):
    now = today()
    engaged = PartnerFactory(sections=[cds])
    ActivityFactory(section=cds, date=now - datetime.timedelta(days=10), partners=[engaged])
    long_ago = PartnerFactory(sections=[cds])
    ActivityFactory(section=cds, date=now - datetime.timedelta(days=400), partners=[long_ago])
    PartnerFactory(sections=[cds])  # never engaged
    PartnerFactory(sections=[cds, drr], is_sensitive=True)
    PartnerFactory(sections=[cds], is_archived=True)
    PartnerFactory(sections=[drr])
    PartnerFactory()  # no section
    waiting = PartnerFactory(sections=[cds])
    ActivityFactory(section=cds, date=now, partners=[waiting], status=ReviewStatus.SUBMITTED)

    supervisor = get(login(supervisor_cds)).context
    viewer_cds = get(login(viewer), section=cds.pk).context
    viewer_all = get(login(viewer)).context

    assert supervisor["dormant_partners"] == 4
    assert viewer_cds["dormant_partners"] == 3  # viewers never see sensitive partners
    assert viewer_all["dormant_partners"] == 5


def test_review_queue_size_and_oldest_activity(login, supervisor_cds, cds, drr):
    ActivityFactory(section=cds, status=ReviewStatus.SUBMITTED, date=datetime.date(2026, 3, 2))
    oldest = ActivityFactory(
        section=cds,
        status=ReviewStatus.SUBMITTED,
        date=datetime.date(2025, 11, 3),
        title="Mosque open house",
    )
    ActivityFactory(section=cds, status=ReviewStatus.SUBMITTED, date=datetime.date(2026, 1, 9))
    ActivityFactory(section=drr, status=ReviewStatus.SUBMITTED, date=datetime.date(2020, 1, 1))
    ActivityFactory(section=cds, status=ReviewStatus.RETURNED, date=datetime.date(2019, 1, 1))
    ActivityFactory(section=cds, status=ReviewStatus.DRAFT, date=datetime.date(2019, 1, 1))

    response = get(login(supervisor_cds))

    assert (response.context["queue_size"], response.context["queue_oldest"]) == (3, oldest)
    html = response.content.decode()
    assert "3 submitted activities wait for review." in html
    assert f'<a href="/activities/{oldest.pk}/">Mosque open house</a>,\n    2025-11-03' in html
    assert 'href="/activities/review/"' in html


def test_an_empty_review_queue(login, supervisor_cds, cds):
    response = get(login(supervisor_cds))

    assert (response.context["queue_size"], response.context["queue_oldest"]) == (0, None)
    assert "0 submitted activities wait for review." in response.content.decode()


def test_overdue_follow_ups_are_counted_and_the_ten_most_overdue_listed(
    login, supervisor_cds, cds, drr
):
    now = today()
    activity = ActivityFactory(section=cds, date=now - datetime.timedelta(days=90))
    overdue = [
        FollowUpFactory(
            activity=activity, text=f"Call back {n}", due_on=now - datetime.timedelta(days=n)
        )
        for n in range(1, 13)
    ]
    FollowUpFactory(activity=activity, due_on=now)  # due today: not overdue yet
    FollowUpFactory(activity=activity, due_on=now - datetime.timedelta(days=5), done=True)
    FollowUpFactory(activity=activity, due_on=None)
    FollowUpFactory(activity=ActivityFactory(section=drr), due_on=now - datetime.timedelta(days=5))

    response = get(login(supervisor_cds))

    context = response.context
    assert context["overdue_follow_ups_count"] == 12
    assert context["overdue_follow_ups"] == overdue[::-1][:10]
    html = response.content.decode()
    assert "12 overdue follow-ups" in html
    assert 'Call back 12 · <a href="/activities/' in html
    assert "The 10 most overdue are listed." in html


def test_overdue_event_tasks_leave_out_cancelled_events(login, supervisor_cds, cds, drr):
    now = today()
    event = EventFactory(section=cds, title="Police Week", starts_at=at(now))
    cancelled = EventFactory(section=cds, status=EventStatus.CANCELLED, starts_at=at(now))
    late = EventTaskFactory(
        event=event, title="Book the venue", due_on=now - datetime.timedelta(days=3)
    )
    later = EventTaskFactory(
        event=event, title="Order shirts", due_on=now - datetime.timedelta(days=1)
    )
    EventTaskFactory(event=event, due_on=now - datetime.timedelta(days=3), done=True)
    EventTaskFactory(event=event, due_on=now + datetime.timedelta(days=3))
    EventTaskFactory(event=cancelled, due_on=now - datetime.timedelta(days=3))
    EventTaskFactory(
        event=EventFactory(section=drr, starts_at=at(now)), due_on=now - datetime.timedelta(days=3)
    )

    response = get(login(supervisor_cds))

    assert response.context["overdue_tasks_count"] == 2
    assert response.context["overdue_tasks"] == [late, later]
    html = response.content.decode()
    assert "2 overdue event tasks" in html
    assert f'Book the venue · <a href="/events/{event.pk}/">Police Week</a>' in html


def test_upcoming_events_are_the_next_30_days_not_cancelled(login, supervisor_cds, cds, drr):
    now = today()
    soon = EventFactory(
        section=cds, title="Diversity Celebration", starts_at=at(now + datetime.timedelta(days=2))
    )
    first = EventFactory(section=cds, title="Police Week", starts_at=at(now, hour=0))
    last = EventFactory(
        section=cds, title="Forum", starts_at=at(now + datetime.timedelta(days=30), 23)
    )
    EventFactory(section=cds, starts_at=at(now + datetime.timedelta(days=31), 9))
    EventFactory(section=cds, starts_at=at(now - datetime.timedelta(days=1)))
    EventFactory(
        section=cds, status=EventStatus.CANCELLED, starts_at=at(now + datetime.timedelta(days=2))
    )
    EventFactory(section=drr, starts_at=at(now + datetime.timedelta(days=2)))

    response = get(login(supervisor_cds))

    assert response.context["upcoming_events"] == [first, soon, last]
    assert f'<a href="/events/{soon.pk}/">Diversity Celebration</a>' in response.content.decode()


def test_viewers_see_counts_but_no_activity_or_task_details(login, viewer, cds):
    now = today()
    activity = ActivityFactory(
        section=cds, title="Private meeting", status=ReviewStatus.SUBMITTED, date=now
    )
    FollowUpFactory(
        activity=activity, text="Call the imam", due_on=now - datetime.timedelta(days=2)
    )
    event = EventFactory(
        section=cds, title="Iftar dinner", starts_at=at(now + datetime.timedelta(days=3))
    )
    EventTaskFactory(event=event, title="Book the hall", due_on=now - datetime.timedelta(days=2))

    html = get(login(viewer)).content.decode()

    assert "1 submitted activity waits for review." in html
    assert "1 overdue follow-up" in html and "1 overdue event task" in html
    for detail in (
        "Private meeting",
        "Call the imam",
        "Book the hall",
        "/activities/",
        f"/events/{event.pk}/",
    ):
        assert detail not in html
    assert "Iftar dinner" in html


# Who sees what -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("staff_cds", 200),
        ("staff_drr", 200),
        ("supervisor_cds", 200),
        ("supervisor_drr", 200),
        ("viewer", 200),
        ("administrator", 403),
    ],
)
def test_permission_grid(client, users, role, status):
    client.force_login(users[role])

    assert client.get(URL).status_code == status


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)

    assert (response.status_code, response.url) == (302, "/accounts/login/?next=/dashboard/")


@pytest.mark.parametrize(
    ("role", "section_code"),
    [("staff_cds", "CDS"), ("staff_drr", "DRR"), ("supervisor_drr", "DRR"), ("viewer", None)],
)
def test_own_section_by_default_every_section_for_viewers(login, users, role, section_code):
    context = get(login(users[role])).context

    assert (context["section"].code if context["section"] else None) == section_code


def test_staff_switch_to_another_section_or_all(login, staff_cds, cds, drr):
    ActivityFactory(section=drr)
    client = login(staff_cds)

    drr_view = get(client, section=drr.pk, year=2018).context
    all_view = get(client, section="all", year=2018).context

    assert (drr_view["section"], drr_view["figures"]["activities"]) == (drr, 1)
    assert (all_view["section"], all_view["scope_label"]) == (None, "All sections")


@pytest.mark.parametrize("year", ["abc", "3000", "1200", "-1", "2018.5"])
def test_a_year_not_understood_shows_this_year_with_a_notice(login, supervisor_cds, year):
    response = get(login(supervisor_cds), year=year)

    assert response.context["year"] == today().year
    assert response.context["notices"] == [
        f"“{year}” is not a year the dashboard can show; here is {today().year}."
    ]
    assert "is not a year the dashboard can show" in response.content.decode()


@pytest.mark.parametrize("section", ["999", "abc", "CDS"])
def test_a_section_not_understood_falls_back_with_a_notice(login, supervisor_drr, drr, section):
    response = get(login(supervisor_drr), section=section)

    assert response.context["section"] == drr
    assert response.context["notices"] == [f"There is no section “{section}”; here is DRR."]


def test_a_viewer_asking_for_an_unknown_section_sees_every_section(login, viewer, cds):
    response = get(login(viewer), section="999")

    assert response.context["section"] is None
    assert response.context["notices"] == ["There is no section “999”; here is every section."]


def test_year_select_runs_from_the_first_activity_to_this_year(login, supervisor_cds, cds):
    ActivityFactory(section=cds, date=datetime.date(2018, 6, 1))

    context = get(login(supervisor_cds)).context

    assert context["years"] == list(range(today().year, 2017, -1))


# Accessible, printable, and a fixed number of queries ----------------------------------


def test_every_chart_is_an_svg_image_with_its_table_and_no_inline_style(login, supervisor_cds, cds):
    ActivityFactory(section=cds, communities=[CommunityFactory(name="Youth")])

    html = get(login(supervisor_cds), year=2018).content.decode()

    svgs = re.findall(r"<svg [^>]*>\s*<title>[^<]+</title>", html)
    assert len(svgs) == 3
    assert all('role="img"' in svg and 'aria-label="' in svg for svg in svgs)
    assert html.count("<caption>") == 4  # figures, months, types, communities; no events
    assert "style=" not in html
    assert '<link rel="stylesheet" href="/static/css/charts.css">' in html


def test_dashboard_runs_a_fixed_number_of_queries(login, supervisor_cds, cds, drr):
    now = today()
    client = login(supervisor_cds)
    youth = CommunityFactory(name="Youth")

    def add_rows():
        partners = PartnerFactory.create_batch(3, sections=[cds])
        for day in (now, datetime.date(now.year - 1, 3, 1)):
            ActivityFactory.create_batch(
                10, section=cds, date=day, partners=partners, communities=[youth]
            )
        ActivityFactory.create_batch(5, section=cds, date=now, status=ReviewStatus.SUBMITTED)
        for n in range(12):
            FollowUpFactory(
                activity=ActivityFactory(section=cds, date=now),
                due_on=now - datetime.timedelta(days=n + 1),
            )
            EventTaskFactory(
                event=EventFactory(section=cds, starts_at=at(now + datetime.timedelta(days=n))),
                due_on=now - datetime.timedelta(days=1),
            )

    ActivityFactory(section=cds, date=now, communities=[youth])
    # Session and user (2); sections and the first year (2); the report's figures for both
    # periods (6 + 6); types, months, communities, dormant partners, queue, overdue follow-ups,
    # overdue tasks (each a count and a list), upcoming events (11).
    assert_constant_queries(client, URL, expected=27, add_rows=add_rows)


# The charts themselves -----------------------------------------------------------------


def test_chart_labels_are_escaped():
    svg = charts.bar_chart(
        title="<b>Types</b>", summary='Say "hi"', bars=[("<script>x</script>", 3)]
    )

    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'aria-label="Say &quot;hi&quot;"' in svg
    assert "<title>&lt;b&gt;Types&lt;/b&gt;</title>" in svg


def test_an_empty_chart_draws_nothing():
    assert charts.bar_chart(title="t", summary="s", bars=[]) == ""


@pytest.mark.parametrize(
    ("largest", "scale"),
    [(0, (1, 1)), (3, (3, 1)), (7, (8, 2)), (97, (100, 20)), (3150, (4000, 1000))],
)
def test_axis_ends_on_a_round_number(largest, scale):
    assert charts.nice_scale(largest) == scale


def test_a_line_breaks_where_the_months_are_still_to_come():
    svg = charts.line_chart(
        title="t",
        summary="s",
        categories=list("ABCD"),
        series=[charts.Series(name="2026", values=[1, 2, None, None])],
    )

    assert svg.count("<polyline") == 1 and svg.count("<circle") == 3  # two values and the legend


def test_the_dashboard_in_french_writes_months_and_money_the_french_way(login, viewer, cds):
    ActivityFactory(section=cds, date=datetime.date(2018, 3, 1))
    EventFactory(section=cds, funds_raised=Decimal("1200.00"))
    client = login(viewer)
    client.post("/i18n/setlang/", {"language": "fr-ca", "next": URL})

    response = get(client, year=2018)

    assert response["Content-Language"] == "fr-ca"
    assert response.context["months"][2]["name"] == "mars"
    assert comparison_table(response.content.decode())["funds_raised"][0] == "1\u00a0200,00\u00a0$"
