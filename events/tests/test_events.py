"""Events: planning from last year's plan, checklists, clash warnings, logging as an activity."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core.testing import assert_constant_queries
from engagement.tests.factories import ActivityTypeFactory
from events.choices import EventRole, EventStatus
from events.models import Event, EventTask
from events.services import event_apply_checklist, event_copy_to_next_year
from events.tests.factories import (
    ChecklistTemplateFactory,
    ChecklistTemplateItemFactory,
    EventFactory,
    EventTaskFactory,
    ObservanceFactory,
    RunOfShowItemFactory,
    SpeakerFactory,
)
from partners.tests.factories import CommunityFactory, PartnerFactory
from reports.queries import annual_report

TORONTO = ZoneInfo("America/Toronto")
pytestmark = pytest.mark.django_db


@pytest.fixture
def celebration(drr):
    muslim = CommunityFactory(name="Muslim")
    partner = PartnerFactory(name="Ottawa Muslim Association", communities=[muslim])
    event = EventFactory(
        section=drr,
        title="Diversity Celebration 2018",
        role=EventRole.ORGANIZED,
        starts_at=datetime.datetime(2018, 6, 27, 18, 0, tzinfo=TORONTO),
        ends_at=datetime.datetime(2018, 6, 27, 21, 0, tzinfo=TORONTO),
        partners=[partner],
        actual_attendance=250,
        funds_raised=Decimal("0"),
    )
    SpeakerFactory(event=event, name="Hon. George Springate")
    RunOfShowItemFactory(event=event, title="Citizenship ceremony")
    EventTaskFactory(event=event, title="Book the venue", due_on=datetime.date(2018, 4, 28))
    return event


def test_copy_to_next_year_keeps_the_plan_and_re_dates_it(celebration, staff_drr):
    copy = event_copy_to_next_year(event=celebration, user=staff_drr)

    local = copy.starts_at.astimezone(TORONTO)
    assert (copy.title, local.date(), local.hour) == (
        "Diversity Celebration 2019",
        datetime.date(2019, 6, 27),
        18,
    )
    assert copy.status == EventStatus.PLANNING
    assert copy.actual_attendance is None
    assert [s.name for s in copy.speakers.all()] == ["Hon. George Springate"]
    assert [r.title for r in copy.run_of_show.all()] == ["Citizenship ceremony"]
    assert [(t.title, t.due_on, t.done) for t in copy.tasks.all()] == [
        ("Book the venue", datetime.date(2019, 4, 28), False)
    ]
    assert list(copy.partners.all()) == list(celebration.partners.all())
    assert copy.copied_from == celebration


def test_checklist_tasks_are_dated_from_the_local_start(celebration, staff_drr):
    template = ChecklistTemplateFactory(name="Annual event")
    ChecklistTemplateItemFactory(template=template, title="Book the venue", offset_days=-60)
    ChecklistTemplateItemFactory(template=template, title="Thank-you letters", offset_days=3)

    tasks = event_apply_checklist(event=celebration, template=template, owner=staff_drr)

    assert [(t.title, t.due_on, t.owner) for t in tasks] == [
        ("Book the venue", datetime.date(2018, 4, 28), staff_drr),
        ("Thank-you letters", datetime.date(2018, 6, 30), staff_drr),
    ]


def grid_cases():
    grid = {
        "/events/": dict(staff_cds=200, staff_drr=200, supervisor_cds=200, viewer=403),
        "/events/?export=xlsx": dict(staff_drr=200, viewer=403),
        "/events/new/": dict(staff_cds=200, supervisor_cds=200, viewer=403),
        "/events/{e}/": dict(staff_cds=200, staff_drr=200, supervisor_drr=200, viewer=403),
        "/events/{e}/edit/": dict(staff_cds=404, staff_drr=200, supervisor_drr=200, viewer=403),
        "/events/{e}/log-activity/": dict(staff_cds=404, staff_drr=302, viewer=403),
        "/events/{e}/history/": dict(staff_drr=403, supervisor_drr=200, viewer=403),
    }
    for roles in grid.values():
        for role in ("staff_cds", "staff_drr", "supervisor_cds", "supervisor_drr", "viewer"):
            roles.setdefault(role, 403 if role == "viewer" else None)
        roles.setdefault("administrator", 403)
    return [
        (url, role, status)
        for url, roles in grid.items()
        for role, status in roles.items()
        if status is not None
    ]


@pytest.mark.parametrize(("url", "role", "status"), grid_cases())
def test_permission_grid(client, users, celebration, url, role, status):
    client.force_login(users[role])

    assert client.get(url.format(e=celebration.pk)).status_code == status


@pytest.mark.parametrize(
    ("action", "role", "status"),
    [
        ("copy", "staff_cds", 404),
        ("copy", "viewer", 403),
        ("copy", "staff_drr", 302),
        ("checklist", "staff_cds", 404),
    ],
)
def test_actions_belong_to_the_responsible_section(
    client, users, celebration, action, role, status
):
    client.force_login(users[role])

    assert client.post(f"/events/{celebration.pk}/{action}/").status_code == status


def test_ticking_a_task_inline(login, staff_drr, celebration):
    task = celebration.tasks.get()

    response = login(staff_drr).post(f"/events/tasks/{task.pk}/done/", HTTP_HX_REQUEST="true")

    task.refresh_from_db()
    assert task.done is True
    assert 'aria-pressed="true"' in response.content.decode()


def test_staff_of_another_section_cannot_tick_tasks(login, staff_cds, celebration):
    task = celebration.tasks.get()

    response = login(staff_cds).post(f"/events/tasks/{task.pk}/done/")

    task.refresh_from_db()
    assert (response.status_code, task.done) == (404, False)


def test_clash_with_an_observance_of_its_communities_warns_on_the_page(
    login, staff_drr, celebration
):
    muslim = celebration.partners.get().communities.get()
    ObservanceFactory(
        name="Eid al-Fitr",
        starts_on=datetime.date(2018, 6, 27),
        communities=[muslim],
    )
    ObservanceFactory(name="Unrelated day", starts_on=datetime.date(2018, 6, 27))

    page = login(staff_drr).get(f"/events/{celebration.pk}/")

    assert [o.name for o in page.context["clashes"]] == ["Eid al-Fitr"]


def test_the_form_warns_of_a_clash_and_lets_the_planner_go_ahead(login, staff_drr, drr):
    youth = CommunityFactory(name="Youth")
    partner = PartnerFactory(communities=[youth])
    ObservanceFactory(
        name="National Indigenous Peoples Day",
        starts_on=datetime.date(2019, 6, 21),
        communities=[youth],
    )
    form = {
        "title": "Youth barbecue",
        "section": drr.pk,
        "role": "organized",
        "status": "planning",
        "starts_at": "2019-06-21T12:00",
        "ends_at": "2019-06-21T15:00",
        "partners": [partner.pk],
        "funds_raised": "0",
        "version": "",
        "speakers-TOTAL_FORMS": "0",
        "speakers-INITIAL_FORMS": "0",
        "run_of_show-TOTAL_FORMS": "0",
        "run_of_show-INITIAL_FORMS": "0",
    }
    client = login(staff_drr)

    warned = client.post("/events/new/", form)
    saved = client.post("/events/new/", {**form, "despite_clash": "1"})

    assert [o.name for o in warned.context["clashes"]] == ["National Indigenous Peoples Day"]
    assert saved.status_code == 302
    event = Event.objects.get()
    assert event.starts_at.astimezone(TORONTO).hour == 12


def test_an_event_cannot_end_before_it_starts(login, staff_drr, drr):
    response = login(staff_drr).post(
        "/events/new/",
        {
            "title": "Backwards",
            "section": drr.pk,
            "role": "organized",
            "status": "planning",
            "starts_at": "2019-06-21T12:00",
            "ends_at": "2019-06-21T11:00",
            "funds_raised": "0",
            "version": "",
            "speakers-TOTAL_FORMS": "0",
            "speakers-INITIAL_FORMS": "0",
            "run_of_show-TOTAL_FORMS": "0",
            "run_of_show-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "ends_at" in response.context["form"].errors


def test_log_as_activity_fills_the_form_from_the_event(login, staff_drr, celebration):
    ActivityTypeFactory(code="event_hosted", name="Community event hosted")
    celebration.status = EventStatus.COMPLETED
    celebration.save()

    response = login(staff_drr).get(f"/events/{celebration.pk}/log-activity/", follow=True)

    initial = response.context["form"].initial
    assert (initial["date"], initial["people_reached"], initial["event"]) == (
        datetime.date(2018, 6, 27),
        250,
        celebration.pk,
    )
    assert initial["partners"] == [p.pk for p in celebration.partners.all()]


def test_a_copied_and_completed_event_counts_once_in_its_year(celebration, staff_drr):
    copy = event_copy_to_next_year(event=celebration, user=staff_drr)
    copy.status = EventStatus.COMPLETED
    copy.save()

    drr_2019 = next(s for s in annual_report(2019)["sections"] if s["code"] == "DRR")
    drr_2018 = next(s for s in annual_report(2018)["sections"] if s["code"] == "DRR")
    assert (drr_2018["events"], drr_2019["events"]) == (1, 1)


def test_upcoming_events_come_first_by_default(login, staff_drr, drr):
    now = datetime.datetime.now(TORONTO)
    soon = EventFactory(section=drr, starts_at=now + datetime.timedelta(days=3))
    later = EventFactory(section=drr, starts_at=now + datetime.timedelta(days=30))
    EventFactory(section=drr, starts_at=now - datetime.timedelta(days=30))

    response = login(staff_drr).get("/events/")

    assert [row.record for row in response.context["table"].rows] == [soon, later]


# The lists whose year filter is core.filters.YearFilter (the calendar's is tested with it).
@pytest.mark.parametrize("url", ["/events/", "/activities/", "/consultations/"])
@pytest.mark.parametrize("year", ["0", "99999", "2019.5"])
def test_a_bad_year_is_a_filter_error_not_a_server_error(login, staff_drr, celebration, url, year):
    response = login(staff_drr).get(url, {"year": year})

    assert response.status_code == 200
    assert list(response.context["table"].rows) == []
    assert "year" in response.context["filter"].errors


def add_events(n, drr):
    def add():
        for _ in range(n):
            event = EventFactory(section=drr, partners=[PartnerFactory()])
            EventTaskFactory(event=event)

    return add


def test_event_list_runs_a_fixed_number_of_queries(login, staff_drr, drr):
    add_events(3, drr)()
    assert_constant_queries(
        login(staff_drr), "/events/?when=all", expected=7, add_rows=add_events(27, drr)
    )


def test_event_page_runs_a_fixed_number_of_queries(login, staff_drr, celebration):
    def add_more():
        for _ in range(27):
            EventTaskFactory(event=celebration)
            SpeakerFactory(event=celebration)
            celebration.partners.add(PartnerFactory(communities=[CommunityFactory()]))

    # session, user; event; partners and their communities; speakers; run of show; tasks;
    # activities; clashing observances; the checklist form's templates and owners.
    assert_constant_queries(
        login(staff_drr), f"/events/{celebration.pk}/", expected=12, add_rows=add_more
    )
    assert EventTask.objects.filter(event=celebration).count() == 28


def test_overdue_tasks_show_on_the_owners_home_page(login, staff_drr, celebration):
    task = celebration.tasks.get()
    task.owner = staff_drr
    task.save()

    home = login(staff_drr).get("/")

    assert [t.title for t in home.context["overdue_tasks"]] == ["Book the venue"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("staff_drr", 403),
        ("viewer", 403),
        ("supervisor_drr", 200),
        ("supervisor_cds", 200),
        ("administrator", 200),
    ],
)
def test_checklist_templates_are_kept_by_supervisors_and_it(client, users, role, status):
    template = ChecklistTemplateFactory(name="Annual event")
    client.force_login(users[role])

    pages = [
        client.get("/events/checklists/"),
        client.get("/events/checklists/new/"),
        client.get(f"/events/checklists/{template.pk}/edit/"),
    ]

    assert [p.status_code for p in pages] == [status] * 3


def test_a_supervisor_writes_a_checklist_template(login, supervisor_drr):
    response = login(supervisor_drr).post(
        "/events/checklists/new/",
        {
            "name": "Community event attended",
            "description": "",
            "items-TOTAL_FORMS": "2",
            "items-INITIAL_FORMS": "0",
            "items-0-title": "Confirm who attends",
            "items-0-offset_days": "-7",
            "items-0-position": "0",
            "items-1-title": "Log the activity",
            "items-1-offset_days": "1",
            "items-1-position": "1",
        },
    )

    from events.models import ChecklistTemplate

    template = ChecklistTemplate.objects.get()
    assert response.url == "/events/checklists/"
    assert [(i.title, i.offset_days) for i in template.items.all()] == [
        ("Confirm who attends", -7),
        ("Log the activity", 1),
    ]


def test_checklist_list_runs_a_fixed_number_of_queries(login, supervisor_drr):
    def add():
        for n in range(27):
            ChecklistTemplateItemFactory(template=ChecklistTemplateFactory(name=f"Template {n}"))

    ChecklistTemplateItemFactory(template=ChecklistTemplateFactory(name="Annual event"))
    assert_constant_queries(login(supervisor_drr), "/events/checklists/", expected=4, add_rows=add)
