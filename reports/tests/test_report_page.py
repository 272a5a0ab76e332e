"""The annual report page, the report for any period, the sections' introductions and the
``annual_report`` command's periods."""

import datetime
import html
import json
import re
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from consultations.tests.factories import ConsultationFactory, DistributionFactory, ToolkitFactory
from core.demo.seed import seed_demo
from core.testing import assert_constant_queries
from engagement.choices import CONSULTATION_SESSION, ReviewStatus
from engagement.services import activity_approve
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory
from events.choices import EventStatus
from events.tests.factories import EventFactory
from partners.tests.factories import CommunityFactory, PartnerFactory
from reports import breakdowns
from reports.models import ReportIntroduction
from reports.queries import Period, annual_report, period_report
from reports.sentences import figure_sentences

pytestmark = pytest.mark.django_db

YEAR_2018 = Period.year(2018)


def page_text(response) -> str:
    return html.unescape(response.content.decode())


# The seed's 2018, read as the source documents read it -------------------------------------


def test_page_reads_the_seed_2018_in_the_source_documents_sentences(client):
    seed_demo()
    client.force_login(User.objects.get(username="sergeant.cds"))

    response = client.get("/reports/annual/2018/")

    text = page_text(response)
    assert response.status_code == 200
    for sentence in [
        "In 2018, CDS participated in 97 separate community engagement activities.",
        "CDS connected with 16 community stakeholder groups to provide them with "
        "self-directed consultation toolkits.",
        "CDS hosted 4 in-person consultation sessions.",
        "In 2018, DRR participated in 64 separate community engagement activities.",
        "A total of $1,200.00 was raised.",
    ]:
        assert sentence in text
    events = {event["title"]: event for event in response.context["report"].events}
    assert events["Capital Pride Parade 2018"]["funds_raised"] == Decimal("1200.00")
    consultations = response.context["report"].consultations
    assert [(c["section__code"], c["groups"], c["sessions"]) for c in consultations] == [
        ("CDS", 16, 4)
    ]


# Sentences --------------------------------------------------------------------------------


def contract_figures(**overrides) -> dict:
    figures = {
        "activities": 0,
        "activities_by_type": {},
        "people_reached": 0,
        "staff_hours": "0",
        "partners_engaged": 0,
        "events": 0,
        "funds_raised": "0.00",
        "toolkits_distributed": 0,
        "consultation_sessions": 0,
        "awaiting_review": 0,
    }
    return {**figures, **overrides}


def test_one_of_each_figure_reads_in_the_singular():
    figures = contract_figures(
        activities=1,
        people_reached=1,
        partners_engaged=1,
        events=1,
        toolkits_distributed=1,
        consultation_sessions=1,
        funds_raised="5.00",
    )

    sentences = figure_sentences(figures, period=YEAR_2018, subject="DRR")

    assert sentences == [
        "In 2018, DRR participated in 1 community engagement activity.",
        "This activity reached 1 person.",
        "DRR worked with 1 partner organization.",
        "DRR connected with 1 community stakeholder group to provide it with a self-directed "
        "consultation toolkit.",
        "DRR hosted 1 in-person consultation session.",
        "DRR organized or took part in 1 event.",
        "A total of $5.00 was raised.",
    ]


def test_a_figure_of_zero_gets_no_sentence_but_the_activities_always_do():
    sentences = figure_sentences(contract_figures(), period=YEAR_2018, subject="DRR")

    assert sentences == ["In 2018, DRR participated in 0 separate community engagement activities."]


def test_large_numbers_are_grouped_but_the_year_is_not():
    figures = contract_figures(activities=1250, people_reached=12406)

    sentences = figure_sentences(figures, period=YEAR_2018, subject="CDS")

    assert sentences == [
        "In 2018, CDS participated in 1,250 separate community engagement activities.",
        "Together these activities reached 12,406 people.",
    ]


def test_a_period_that_is_not_a_year_names_its_dates():
    quarter = Period(datetime.date(2018, 1, 1), datetime.date(2018, 3, 31))

    sentences = figure_sentences(contract_figures(activities=3), period=quarter, subject="CDS")

    assert sentences[0] == (
        "From Jan. 1, 2018 to March 31, 2018, CDS participated in 3 separate community "
        "engagement activities."
    )


def test_totals_read_as_the_sections_together(login, viewer, cds, drr):
    ActivityFactory(section=cds, partners=[PartnerFactory()])
    ActivityFactory(section=drr)

    response = login(viewer).get("/reports/annual/2018/")

    text = page_text(response)
    assert "In 2018, the sections together participated in 2 separate community" in text
    assert "They worked with 1 partner organization." in text


# Breakdowns -------------------------------------------------------------------------------


def test_by_month_has_twelve_rows_that_add_up_to_the_activities(cds, drr):
    ActivityFactory(section=cds, date=datetime.date(2018, 1, 1))
    ActivityFactory(section=cds, date=datetime.date(2018, 1, 31))
    ActivityFactory(section=drr, date=datetime.date(2018, 12, 31))
    ActivityFactory(section=drr, date=datetime.date(2018, 12, 30), status=ReviewStatus.SUBMITTED)
    ActivityFactory(section=drr, date=datetime.date(2019, 1, 1))

    rows = breakdowns.by_month(YEAR_2018, [cds, drr])

    assert len(rows) == 12
    assert [(r["month"].month, r["counts"], r["total"]) for r in rows if r["total"]] == [
        (1, [2, 0], 2),
        (12, [0, 1], 1),
    ]
    assert sum(r["total"] for r in rows) == annual_report(2018)["totals"]["activities"]


def test_by_month_of_a_quarter_has_three_rows(cds):
    quarter = Period(datetime.date(2018, 1, 15), datetime.date(2018, 3, 31))

    rows = breakdowns.by_month(quarter, [cds])

    assert [r["month"] for r in rows] == [
        datetime.date(2018, 1, 1),
        datetime.date(2018, 2, 1),
        datetime.date(2018, 3, 1),
    ]


def test_by_community_counts_approved_activities_per_community(cds, drr):
    youth, seniors = CommunityFactory(name="Youth"), CommunityFactory(name="Seniors")
    ActivityFactory(section=cds, communities=[youth, seniors])
    ActivityFactory(section=cds, communities=[youth])
    ActivityFactory(section=drr, communities=[youth])
    ActivityFactory(section=drr, communities=[seniors], status=ReviewStatus.RETURNED)
    ActivityFactory(section=drr)

    rows = breakdowns.by_community(YEAR_2018, [cds, drr])

    assert [(r["community"], r["counts"], r["total"]) for r in rows] == [
        ("Youth", [2, 1], 3),
        ("Seniors", [1, 0], 1),
    ]


def test_by_type_shows_the_types_display_names_in_list_order(cds, drr):
    session = ActivityTypeFactory(code=CONSULTATION_SESSION, name="Consultation session")
    session.sort_order = 2
    session.save()
    meeting = ActivityTypeFactory(code="meeting", name="Meeting")
    ActivityFactory.create_batch(2, section=cds, type=meeting)
    ActivityFactory(section=drr, type=session)
    figures = annual_report(2018, [cds, drr])

    rows = breakdowns.by_type(
        figures, [cds, drr], breakdowns.activity_types(figures["totals"]["activities_by_type"])
    )

    assert [(r["name"], r["counts"], r["total"]) for r in rows] == [
        ("Meeting", [2, 0], 2),
        ("Consultation session", [0, 1], 1),
    ]


def test_events_of_the_year_are_the_ones_the_contract_counts(cds, drr):
    EventFactory(
        section=drr,
        title="Pride parade",
        funds_raised=Decimal("1200"),
        funds_beneficiary="A charity",
        actual_attendance=72,
    )
    EventFactory(section=drr, title="Cancelled gala", status=EventStatus.CANCELLED)
    EventFactory(
        section=cds,
        title="Last year's forum",
        starts_at=datetime.datetime(2017, 12, 31, 23, 0, tzinfo=timezone.get_current_timezone()),
    )

    rows = breakdowns.events_of(YEAR_2018, [cds, drr])

    assert [(e["title"], e["section"], e["attendance"], e["funds_raised"]) for e in rows] == [
        ("Pride parade", "DRR", 72, Decimal("1200.00"))
    ]
    assert len(rows) == annual_report(2018)["totals"]["events"]


def test_consultations_of_the_year_with_groups_and_sessions(cds, drr):
    session = ActivityTypeFactory(code=CONSULTATION_SESSION)
    plan = ConsultationFactory(section=cds, name="Strategic plan")
    kit = ToolkitFactory(consultation=plan)
    DistributionFactory.create_batch(3, toolkit=kit)
    DistributionFactory(toolkit=kit, sent_on=datetime.date(2017, 12, 1))
    ActivityFactory.create_batch(2, section=cds, type=session, consultation=plan)
    ActivityFactory(section=cds, type=session, consultation=plan, status=ReviewStatus.SUBMITTED)
    ConsultationFactory(
        section=drr, starts_on=datetime.date(2016, 1, 1), ends_on=datetime.date(2016, 6, 1)
    )

    rows = breakdowns.consultations_of(YEAR_2018, [cds, drr])

    assert [(c["name"], c["groups"], c["sessions"]) for c in rows] == [("Strategic plan", 3, 2)]


def test_comparison_with_the_previous_year(cds):
    ActivityFactory.create_batch(3, section=cds)
    ActivityFactory(section=cds, date=datetime.date(2017, 6, 1))
    EventFactory(section=cds, funds_raised=Decimal("100"))
    EventFactory(
        section=cds,
        funds_raised=Decimal("250.50"),
        starts_at=datetime.datetime(2017, 5, 1, 10, tzinfo=timezone.get_current_timezone()),
    )
    figures = annual_report(2018, [cds])

    rows = breakdowns.comparison(figures, breakdowns.previous_figures(YEAR_2018, [cds]))

    cds_rows = {row["figure"]: row for row in rows[0]["rows"]}
    assert [s["code"] for s in rows] == ["CDS", "TOTAL"]
    assert (cds_rows["activities"]["current"], cds_rows["activities"]["previous"]) == (3, 1)
    assert cds_rows["activities"]["change"] == 2
    assert cds_rows["funds_raised"]["change"] == Decimal("-150.50")


def test_previous_period_of_a_quarter_is_the_same_quarter_last_year():
    leap = Period(datetime.date(2020, 2, 1), datetime.date(2020, 2, 29))

    assert breakdowns.previous_period(leap) == Period(
        datetime.date(2019, 2, 1), datetime.date(2019, 2, 28)
    )
    assert breakdowns.previous_period(YEAR_2018) == Period.year(2017)


def test_each_breakdown_is_one_query_whatever_the_rows(cds, drr):
    def queries() -> list[int]:
        counts = []
        for run in (
            lambda: breakdowns.by_month(YEAR_2018, [cds, drr]),
            lambda: breakdowns.by_community(YEAR_2018, [cds, drr]),
            lambda: breakdowns.events_of(YEAR_2018, [cds, drr]),
            lambda: breakdowns.consultations_of(YEAR_2018, [cds, drr]),
            lambda: breakdowns.activity_types(["meeting", "workshop"]),
        ):
            with CaptureQueriesContext(connection) as captured:
                run()
            counts.append(len(captured))
        return counts

    few = queries()
    add_many_rows(cds, drr)
    many = queries()

    assert (few, many) == ([1, 1, 1, 1, 1], [1, 1, 1, 1, 1])


# Awaiting review ---------------------------------------------------------------------------


def test_current_year_page_says_how_many_await_review_and_changes_on_approval(
    login, staff_cds, supervisor_cds, cds
):
    today = timezone.localdate()
    ActivityFactory(section=cds, date=today)
    waiting = ActivityFactory(
        section=cds, date=today, status=ReviewStatus.SUBMITTED, created_by=staff_cds
    )
    ActivityFactory(section=cds, date=today, status=ReviewStatus.SUBMITTED, created_by=staff_cds)
    client = login(supervisor_cds)
    url = f"/reports/annual/{today.year}/"

    before = page_text(client.get(url))
    activity_approve(activity=waiting, reviewer=supervisor_cds)
    after = page_text(client.get(url))

    assert "2 activities of CDS await review: they are not counted in these figures." in before
    assert f"In {today.year}, CDS participated in 1 community engagement activity." in before
    assert "1 activity of CDS awaits review: it is not counted in these figures." in after
    assert f"In {today.year}, CDS participated in 2 separate community engagement" in after


def test_nothing_awaiting_review_shows_no_warning(login, viewer, cds):
    ActivityFactory(section=cds)

    text = page_text(login(viewer).get("/reports/annual/2018/"))

    assert "await review" not in text
    assert "awaits review" not in text
    assert "Not counted yet" not in text


# Introductions -----------------------------------------------------------------------------


def test_supervisor_writes_the_introduction_of_their_section(login, supervisor_cds, cds, drr):
    client = login(supervisor_cds)
    text = "2018 was the year of the strategic plan consultation."

    response = client.post(
        "/reports/annual/2018/introduction/CDS/", {"text": f"  {text}\n", "seen": ""}
    )

    assert response.status_code == 302
    assert response.url == "/reports/annual/2018/#introduction-cds"
    introduction = ReportIntroduction.objects.get()
    assert (introduction.section, introduction.year, introduction.text) == (cds, 2018, text)
    assert introduction.updated_by == supervisor_cds
    assert text in page_text(client.get("/reports/annual/2018/"))
    assert text not in page_text(client.get("/reports/annual/2019/"))


def test_supervisor_changes_then_removes_an_introduction(login, supervisor_cds, cds):
    introduction = ReportIntroduction.objects.create(section=cds, year=2018, text="First draft")
    client = login(supervisor_cds)
    seen = introduction.updated_at.isoformat()

    client.post("/reports/annual/2018/introduction/CDS/", {"text": "Second draft", "seen": seen})
    introduction.refresh_from_db()
    client.post(
        "/reports/annual/2018/introduction/CDS/",
        {"text": "   ", "seen": introduction.updated_at.isoformat()},
    )

    assert introduction.text == "Second draft"
    assert ReportIntroduction.objects.count() == 0


def test_an_introduction_changed_meanwhile_is_not_overwritten(login, supervisor_cds, cds):
    introduction = ReportIntroduction.objects.create(section=cds, year=2018, text="Theirs")
    stale = "2018-01-01T00:00:00+00:00"

    response = login(supervisor_cds).post(
        "/reports/annual/2018/introduction/CDS/", {"text": "Mine", "seen": stale}
    )

    introduction.refresh_from_db()
    assert response.status_code == 200
    assert "Someone else changed this introduction" in page_text(response)
    assert "Mine" in page_text(response)
    assert introduction.text == "Theirs"


def test_an_introduction_too_long_is_refused_with_a_message(login, supervisor_cds, cds):
    response = login(supervisor_cds).post(
        "/reports/annual/2018/introduction/CDS/", {"text": "x" * 4001, "seen": ""}
    )

    assert response.status_code == 200
    assert "at most 4000 characters" in page_text(response)
    assert ReportIntroduction.objects.count() == 0


def test_the_introduction_form_is_on_the_page_for_the_sections_supervisor_only(
    login, supervisor_cds, staff_cds, viewer, cds, drr
):
    action = 'action="/reports/annual/2018/introduction/CDS/"'

    pages = [
        login(user).get("/reports/annual/2018/").content.decode()
        for user in (supervisor_cds, staff_cds, viewer)
    ]

    assert [action in page for page in pages] == [True, False, False]
    assert "/introduction/DRR/" not in pages[0]


def test_staff_and_the_other_supervisor_may_not_write_cds_introduction(
    login, staff_cds, supervisor_drr, cds
):
    for user in (staff_cds, supervisor_drr):
        response = login(user).post(
            "/reports/annual/2018/introduction/CDS/", {"text": "Not mine to write", "seen": ""}
        )
        assert response.status_code == 403
    assert ReportIntroduction.objects.count() == 0


def test_introduction_of_an_unknown_section_or_year_is_not_found(login, supervisor_cds, cds):
    client = login(supervisor_cds)

    responses = [
        client.get("/reports/annual/2018/introduction/XYZ/"),
        client.get("/reports/annual/99999/introduction/CDS/"),
    ]

    assert [r.status_code for r in responses] == [404, 404]


# Permissions ------------------------------------------------------------------------------

USERS = ["staff_cds", "staff_drr", "supervisor_cds", "supervisor_drr", "viewer", "administrator"]
READERS = {
    "staff_cds": 200,
    "staff_drr": 200,
    "supervisor_cds": 200,
    "supervisor_drr": 200,
    "viewer": 200,
    "administrator": 403,
}
REDIRECTED = {user: 302 if status == 200 else status for user, status in READERS.items()}
GRID = [
    ("get", "/reports/annual/", REDIRECTED),
    ("get", "/reports/annual/2018/", READERS),
    ("get", "/reports/annual/2018/?format=json", READERS),
    ("get", "/reports/annual/2018/?format=csv", READERS),
    ("get", "/reports/annual/2018/?format=docx", READERS),
    ("get", "/reports/annual/2018/?format=xlsx", READERS),
    ("get", "/reports/period/", READERS),
    ("get", "/reports/period/?from=2018-01-01&to=2018-03-31", READERS),
    ("get", "/reports/period/?from=2018-01-01&to=2018-03-31&format=xlsx", READERS),
    (
        "get",
        "/reports/annual/2018/introduction/CDS/",
        {user: 200 if user == "supervisor_cds" else 403 for user in USERS},
    ),
    (
        "post",
        "/reports/annual/2018/introduction/CDS/",
        {user: 302 if user == "supervisor_cds" else 403 for user in USERS},
    ),
    (
        "post",
        "/reports/annual/2018/introduction/DRR/",
        {user: 302 if user == "supervisor_drr" else 403 for user in USERS},
    ),
]


@pytest.mark.parametrize(("method", "url", "expected"), GRID, ids=[f"{m} {u}" for m, u, _ in GRID])
def test_permission_grid(client, users, method, url, expected):
    answers = {}
    for name in USERS:
        client.force_login(users[name])
        if method == "post":
            response = client.post(url, {"text": f"Written by {name}", "seen": ""})
            ReportIntroduction.objects.all().delete()
        else:
            response = client.get(url)
        answers[name] = response.status_code

    assert answers == expected


def test_the_pdf_answers_every_reader_and_not_the_administrator(client, users):
    answers = {}
    for name in USERS:
        client.force_login(users[name])
        answers[name] = client.get("/reports/annual/2018/?format=pdf").status_code

    assert answers == READERS


# Queries ----------------------------------------------------------------------------------


def add_many_rows(cds, drr):
    session = ActivityTypeFactory(code=CONSULTATION_SESSION)
    workshop = ActivityTypeFactory(code="workshop")
    communities = [CommunityFactory(), CommunityFactory()]
    for section in (cds, drr):
        consultation = ConsultationFactory(section=section)
        kit = ToolkitFactory(consultation=consultation)
        DistributionFactory.create_batch(3, toolkit=kit)
        ActivityFactory.create_batch(
            8, section=section, partners=[PartnerFactory()], communities=communities
        )
        ActivityFactory.create_batch(
            3, section=section, type=workshop, date=datetime.date(2018, 2, 1)
        )
        ActivityFactory(section=section, type=session, consultation=consultation)
        ActivityFactory.create_batch(2, section=section, status=ReviewStatus.SUBMITTED)
        ActivityFactory.create_batch(2, section=section, date=datetime.date(2017, 3, 1))
        EventFactory.create_batch(3, section=section, funds_raised=Decimal("10"))
        ReportIntroduction.objects.get_or_create(section=section, year=2018, text="Intro")


@pytest.mark.parametrize(
    ("reader", "url", "expected"),
    [
        # Session and user (2), the sections (1), the year's figures (6), the previous year's
        # (6), the type names, months, communities, events, consultations and introductions
        # (6).
        ("supervisor_cds", "/reports/annual/2018/", 21),
        # The same as a year's page without the introductions, which belong to a year.
        ("viewer", "/reports/period/?from=2018-01-01&to=2018-06-30", 20),
        # The JSON: session and user (2), the sections (1), the figures (6): no breakdown.
        ("viewer", "/reports/annual/2018/?format=json", 9),
    ],
    ids=["report page", "period page", "json"],
)
def test_report_runs_a_fixed_number_of_queries(login, users, cds, drr, reader, url, expected):
    ActivityFactory(section=cds)
    assert_constant_queries(
        login(users[reader]), url, expected=expected, add_rows=lambda: add_many_rows(cds, drr)
    )


# Charts and grouped numbers ---------------------------------------------------------------


def chart_labels(page: str) -> list[str]:
    """The aria-label of each SVG image on the page, in page order."""
    return [
        html.unescape(label)
        for label in re.findall(r'<svg class="svg-chart" role="img" aria-label="([^"]*)"', page)
    ]


def test_each_breakdown_has_its_chart_beside_its_table(login, viewer, cds, drr):
    youth, seniors = CommunityFactory(name="Youth"), CommunityFactory(name="Seniors")
    ActivityFactory.create_batch(
        2, section=cds, date=datetime.date(2018, 4, 2), communities=[youth]
    )
    ActivityFactory(
        section=drr,
        type=ActivityTypeFactory(code="workshop", name="Workshop"),
        communities=[seniors],
    )

    response = login(viewer).get("/reports/annual/2018/")

    page = response.content.decode()
    assert chart_labels(page) == [
        "Bar chart of approved activities by type. 2 bars; the longest is Meeting with 2. "
        "The numbers are also in the table with this chart.",
        "Line chart of approved activities per month. 2018: 3 in all, most in April 2018 (2). "
        "The numbers are also in the table with this chart.",
        "Bar chart of approved activities per community engaged. 2 bars; the longest is Youth "
        "with 2. The numbers are also in the table with this chart.",
    ]
    # Each chart sits just before the table of its numbers, and the page loads its sizes.
    for title, caption in [
        ("Approved activities by type, 2018", "Approved activities per activity type."),
        ("Approved activities per month, 2018", "Approved activities per month."),
        ("Approved activities by community, 2018", "Approved activities per community engaged."),
    ]:
        assert re.search(
            rf"<title>{re.escape(title)}</title>.*?</svg></div>\s*"
            rf'<div class="col-lg-5 table-responsive">\s*<table[^>]*>\s*'
            rf"<caption>{re.escape(caption)}",
            page,
            flags=re.S,
        ), title
    assert '<link rel="stylesheet" href="/static/css/charts.css">' in page
    assert "style=" not in page


@pytest.mark.parametrize(
    ("language", "grouped"),
    [("en", "1,250"), ("fr-ca", "1\u00a0250")],
)
def test_numbers_of_a_thousand_and_more_are_grouped_in_the_tables(
    login, viewer, cds, language, grouped
):
    ActivityFactory(section=cds, people_reached=1250, staff_hours=Decimal("1000.5"))
    client = login(viewer)
    client.post("/i18n/setlang/", {"language": language, "next": "/reports/annual/2018/"})

    response = client.get("/reports/annual/2018/")

    page = response.content.decode()
    assert response["Content-Language"] == language
    # People reached in the figures table (CDS and the total) and in the comparison with 2017
    # (CDS and all sections).
    assert page.count(f'<td class="text-end">{grouped}</td>') == 4
    assert '<td class="text-end">1250</td>' not in page
    hours = "1,000.5" if language == "en" else "1\u00a0000,5"
    assert f'<td class="text-end">{hours}</td>' in page


# Any period -------------------------------------------------------------------------------


def test_period_page_shows_the_report_for_a_quarter(login, viewer, cds):
    ActivityFactory(section=cds, date=datetime.date(2018, 3, 31))
    ActivityFactory(section=cds, date=datetime.date(2018, 4, 1))

    response = login(viewer).get("/reports/period/?from=2018-01-01&to=2018-03-31")

    assert response.status_code == 200
    assert "From Jan. 1, 2018 to March 31, 2018, CDS participated in 1 community" in page_text(
        response
    )
    assert len(response.context["report"].by_month) == 3


def test_period_json_is_the_period_report(login, viewer, cds):
    ActivityFactory(section=cds, date=datetime.date(2018, 2, 1))
    quarter = Period(datetime.date(2018, 1, 1), datetime.date(2018, 3, 31))

    response = login(viewer).get("/reports/period/?from=2018-01-01&to=2018-03-31&format=json")

    assert json.loads(response.content) == period_report(quarter)


def test_period_downloads_keep_the_dates(login, viewer, cds):
    response = login(viewer).get("/reports/period/?from=2018-01-01&to=2018-03-31")

    urls = [url for _label, url in response.context["downloads"]]
    assert "?from=2018-01-01&to=2018-03-31&format=docx" in urls
    csv = login(viewer).get("/reports/period/?from=2018-01-01&to=2018-03-31&format=csv")
    assert csv["Content-Disposition"] == (
        'attachment; filename="inroads-report-2018-01-01_2018-03-31.csv"'
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2018-04-01&to=2018-03-31", "The last day comes before the first day."),
        ("from=2018-13-01&to=2018-03-31", "Enter the first day as YYYY-MM-DD."),
        ("from=2018-01-01&to=31/03/2018", "Enter the last day as YYYY-MM-DD."),
        ("from=2018-01-01", "Enter the last day"),
        ("from=1850-01-01&to=1850-12-31", "Choose dates between the years 1900 and 9998."),
        ("from=2000-01-01&to=2018-12-31", "A report covers at most 10 years"),
        ("from=2018-01-01&to=2018-03-31&format=exe", "Unknown format “exe”"),
    ],
)
def test_bad_dates_are_a_clear_400(login, viewer, cds, query, message):
    response = login(viewer).get(f"/reports/period/?{query}")

    assert response.status_code == 400
    assert message in page_text(response)


def test_period_page_without_dates_asks_for_them(login, viewer):
    response = login(viewer).get("/reports/period/")

    assert response.status_code == 200
    assert 'name="from"' in response.content.decode()


# The command ------------------------------------------------------------------------------


def test_command_prints_a_period_as_json(cds):
    ActivityFactory(section=cds, date=datetime.date(2018, 3, 31))
    ActivityFactory(section=cds, date=datetime.date(2018, 4, 1))
    out = StringIO()

    call_command("annual_report", "--from", "2018-01-01", "--to", "2018-03-31", stdout=out)

    quarter = Period(datetime.date(2018, 1, 1), datetime.date(2018, 3, 31))
    assert json.loads(out.getvalue()) == period_report(quarter)
    assert json.loads(out.getvalue())["totals"]["activities"] == 1


def test_command_year_form_is_unchanged(cds):
    ActivityFactory(section=cds)
    out = StringIO()

    call_command("annual_report", "2018", "--format", "json", stdout=out)

    assert json.loads(out.getvalue()) == annual_report(2018)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2018", "--from", "2018-01-01", "--to", "2018-03-31"], "not both"),
        (["--from", "2018-01-01"], "both --from and --to"),
        (["--from", "2018-04-01", "--to", "2018-03-31"], "last day comes before"),
        (["--from", "2018-02-30", "--to", "2018-03-31"], "is not a date"),
        ([], "Give a YEAR"),
        (["2018", "--format", "docx"], "give --output FILE"),
    ],
)
def test_command_explains_what_is_wrong(cds, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("annual_report", *args, stdout=StringIO())


def test_command_writes_a_word_document_to_a_file(cds, tmp_path: Path):
    from docx import Document

    ActivityFactory(section=cds)
    target = tmp_path / "report.docx"

    call_command(
        "annual_report", "2018", "--format", "docx", "--output", str(target), stdout=StringIO()
    )

    paragraphs = [p.text for p in Document(str(target)).paragraphs]
    assert "In 2018, CDS participated in 1 community engagement activity." in paragraphs[2]


# The model and its admin ------------------------------------------------------------------


def test_one_introduction_per_section_and_year(cds):
    from django.db import IntegrityError, transaction

    introduction = ReportIntroduction.objects.create(section=cds, year=2018, text="One")

    with pytest.raises(IntegrityError), transaction.atomic():
        ReportIntroduction.objects.create(section=cds, year=2018, text="Two")
    assert (str(introduction), introduction.get_absolute_url()) == (
        "CDS 2018",
        "/reports/annual/2018/",
    )


def test_introductions_are_in_the_admin(client, cds):
    from accounts.tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True, section=None))
    ReportIntroduction.objects.create(section=cds, year=2018, text="Vanier partners")
    base = "/admin/reports/reportintroduction/"

    responses = [client.get(base), client.get(base, {"q": "Vanier"}), client.get(f"{base}add/")]

    assert [r.status_code for r in responses] == [200, 200, 200]
