"""Logging, editing, returning and importing activities run a fixed number of SQL queries,
however many partners, contacts, communities, staff, events, consultations and follow-ups
their forms offer or show."""

from itertools import count

import pytest

from accounts.choices import Role
from accounts.tests.factories import UserFactory
from consultations.tests.factories import ConsultationFactory
from core.testing import FormPage, assert_constant_queries, form_data
from engagement.choices import ReviewStatus
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory, FollowUpFactory
from events.choices import EventRole
from events.tests.factories import EventFactory
from partners.tests.factories import CommunityFactory, ContactFactory, PartnerFactory

pytestmark = pytest.mark.django_db
TYPE_CODES = (f"type_{n}" for n in count())


@pytest.fixture
def activity(cds, staff_cds):
    community = CommunityFactory()
    partner = PartnerFactory(name="Vanier Community Association", communities=[community])
    activity = ActivityFactory(
        section=cds,
        created_by=staff_cds,
        status=ReviewStatus.DRAFT,
        staff=[staff_cds],
        partners=[partner],
        communities=[community],
    )
    activity.contacts.add(ContactFactory(partner=partner, name="Amina Yusuf"))
    FollowUpFactory(activity=activity, owner=staff_cds)
    return activity


@pytest.fixture
def submitted(cds, staff_cds):
    return ActivityFactory(section=cds, created_by=staff_cds, status=ReviewStatus.SUBMITTED)


@pytest.fixture
def event(cds):
    partner = PartnerFactory(communities=[CommunityFactory()])
    return EventFactory(section=cds, role=EventRole.ORGANIZED, partners=[partner])


def add_rows(cds, activity, event, rows=10):
    """More of everything the activity form lists or shows as chosen: partners, contacts,
    communities, activity types, staff of the section, events, consultations, and the
    activity's (and the event's) own partners, communities, staff and follow-ups."""

    def add():
        for _ in range(rows):
            community = CommunityFactory()
            partner = PartnerFactory(communities=[community])
            contact = ContactFactory(partner=partner)
            colleague = UserFactory(section=cds, role=Role.STAFF)
            ActivityTypeFactory(code=next(TYPE_CODES))
            EventFactory(section=cds)
            ConsultationFactory(section=cds)
            activity.partners.add(partner)
            activity.contacts.add(contact)
            activity.communities.add(community)
            activity.staff.add(colleague)
            FollowUpFactory(activity=activity, owner=colleague)
            event.partners.add(partner)

    return add


# FormPage(url, role, changes that fail validation, queries of the form, after the post)
# Every page starts with the session and the user (2). The activity form lists sections (2:
# Django asks a required select without a blank choice for its first option), types,
# communities, staff of the section, events and consultations (7), and reads the chosen
# partners and contacts (none when logging a new one). The post checks the chosen rows and
# the activity's constraints (5 to 8).
PAGES = [
    FormPage("/activities/new/", "staff_cds", {"title": ""}, 10, 16),
    # the earlier activity and its partners, communities and staff; the partners chosen.
    FormPage("/activities/new/?copy={activity}", "staff_cds", {"title": ""}, 15, 25),
    # the event and its partners' communities, the activity type; the partners chosen.
    FormPage("/activities/new/?event={event}", "staff_cds", {"title": ""}, 15, 25),
    # the activity and its partners, contacts, staff and communities; the follow-ups and
    # their owners, read once for every follow-up (core.generic.RowChoicesInlineFormSet).
    FormPage("/activities/{activity}/edit/", "staff_cds", {"title": ""}, 18, 29),
    # a follow-up that fails validation while the activity itself is valid.
    FormPage("/activities/{activity}/edit/", "supervisor_cds", {"follow_ups-0-text": ""}, 18, 31),
    FormPage("/activities/import/", "staff_cds", {}, 2, 2),
    # a submitted activity with its type; a post without a comment is a 400.
    FormPage("/activities/{submitted}/return/", "supervisor_cds", {"comment": ""}, 3, 3, 400),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_form_page_runs_a_fixed_number_of_queries(
    login, users, cds, activity, submitted, event, page
):
    page.assert_constant_queries(
        login(users[page.role]),
        add_rows=add_rows(cds, activity, event),
        activity=activity,
        submitted=submitted,
        event=event,
    )


def test_follow_up_list_runs_a_fixed_number_of_queries(login, staff_cds, activity):
    def add_follow_ups():
        for _ in range(10):
            FollowUpFactory(activity=ActivityFactory(), owner=staff_cds)

    assert_constant_queries(
        # session, user, the follow-ups with their activities.
        login(staff_cds),
        "/activities/follow-ups/",
        expected=3,
        add_rows=add_follow_ups,
    )


def test_the_form_reads_and_shows_only_the_chosen_partners_and_contacts(login, staff_cds, activity):
    ContactFactory(partner=PartnerFactory(name="Overbrook Youth Council"), name="Not Chosen")
    url = f"/activities/{activity.pk}/edit/"
    client = login(staff_cds)

    page = client.get(url).content.decode()
    tampered = client.post(url, form_data(client.get(url), {"partners": ["x"], "title": ""}))

    names = ["Vanier Community Association", "Amina Yusuf", "Overbrook Youth Council", "Not Chosen"]
    assert [name in page for name in names] == [True, True, False, False]
    assert tampered.status_code == 200
