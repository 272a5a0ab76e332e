"""Planning and editing events, checklist templates and observances, and importing them, run
a fixed number of SQL queries however many partners, communities, speakers, items of the run
of show, checklist tasks and observances the forms offer or show."""

import datetime

import pytest

from core.testing import FormPage, assert_constant_queries
from events.tests.factories import (
    TORONTO,
    ChecklistTemplateFactory,
    ChecklistTemplateItemFactory,
    EventFactory,
    EventTaskFactory,
    ObservanceFactory,
    RunOfShowItemFactory,
    SpeakerFactory,
)
from partners.tests.factories import CommunityFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(cds):
    event = EventFactory(section=cds, partners=[PartnerFactory(communities=[CommunityFactory()])])
    SpeakerFactory(event=event)
    RunOfShowItemFactory(event=event)
    EventTaskFactory(event=event)
    return event


@pytest.fixture
def checklist():
    return ChecklistTemplateItemFactory(template=ChecklistTemplateFactory()).template


@pytest.fixture
def observance():
    return ObservanceFactory(communities=[CommunityFactory()])


def add_rows(event, checklist, observance, rows=10):
    """More of what the forms list or show: communities, partners (the event's own too),
    speakers, items of the run of show and tasks of the event, tasks of the checklist,
    communities of the observance."""

    def add():
        for _ in range(rows):
            community = CommunityFactory()
            event.partners.add(PartnerFactory(communities=[community]))
            SpeakerFactory(event=event)
            RunOfShowItemFactory(event=event)
            EventTaskFactory(event=event)
            ChecklistTemplateItemFactory(template=checklist)
            ChecklistTemplateFactory(name=f"Checklist {community.pk}")
            observance.communities.add(community)

    return add


# FormPage(url, role, changes that fail validation, queries of the form, after the post)
# Every page starts with the session and the user (2). The event form lists sections (2:
# Django asks a required select without a blank choice for its first option) and reads the
# chosen partners; a post checks the chosen section and the event's constraints (each check
# in a savepoint: 3 queries). Speakers, the run of show and a checklist's tasks are read once
# however many (core.generic.RowChoicesInlineFormSet), and again when the form is shown anew.
PAGES = [
    FormPage("/events/new/", "staff_cds", {"title": ""}, 4, 15),
    # the event and its partners; speakers; run of show.
    FormPage("/events/{event}/edit/", "staff_cds", {"title": ""}, 9, 24),
    FormPage("/events/{event}/edit/", "staff_cds", {"speakers-0-name": ""}, 9, 25),
    FormPage("/events/checklists/new/", "supervisor_cds", {"name": ""}, 2, 2),
    # the checklist and its tasks; a post with a valid name checks that it is unique.
    FormPage("/events/checklists/{checklist}/edit/", "supervisor_cds", {"name": ""}, 4, 4),
    FormPage("/events/checklists/{checklist}/edit/", "supervisor_cds", {"items-0-title": ""}, 4, 6),
    # the communities.
    FormPage("/observances/new/", "staff_cds", {"name": ""}, 3, 3),
    # the observance and its communities, the communities.
    FormPage("/observances/{observance}/edit/", "staff_cds", {"name": ""}, 5, 9),
    FormPage("/events/import/", "staff_cds", {}, 2, 2),
    FormPage("/observances/import/", "staff_cds", {}, 2, 2),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_form_page_runs_a_fixed_number_of_queries(login, users, event, checklist, observance, page):
    page.assert_constant_queries(
        login(users[page.role]),
        add_rows=add_rows(event, checklist, observance),
        event=event,
        checklist=checklist,
        observance=observance,
    )


def test_observance_clash_warning_runs_a_fixed_number_of_queries(login, staff_cds, cds):
    community = CommunityFactory()
    partner = PartnerFactory(communities=[community])
    day = datetime.date(2018, 6, 21)
    ObservanceFactory(starts_on=day, communities=[community])

    def add_clashes():
        for _ in range(10):
            ObservanceFactory(starts_on=day, communities=[community, CommunityFactory()])

    starts_at = datetime.datetime(2018, 6, 21, 10, 0, tzinfo=TORONTO)
    form = {
        "title": "Community barbecue",
        "section": cds.pk,
        "role": "organized",
        "status": "planning",
        "starts_at": f"{starts_at:%Y-%m-%dT%H:%M}",
        "ends_at": f"{starts_at + datetime.timedelta(hours=3):%Y-%m-%dT%H:%M}",
        "partners": [partner.pk],
        "funds_raised": "0",
        "speakers-TOTAL_FORMS": 0,
        "speakers-INITIAL_FORMS": 0,
        "run_of_show-TOTAL_FORMS": 0,
        "run_of_show-INITIAL_FORMS": 0,
    }
    client = login(staff_cds)

    assert len(client.post("/events/new/", form).context["clashes"]) == 1
    assert_constant_queries(
        client,
        "/events/new/",
        # session, user; the chosen section and partners, checked (3); the event's four
        # constraints (12); the chosen partners' communities and the observances they clash
        # with; the form shown again (3).
        expected=22,
        add_rows=add_clashes,
        data=form,
    )
