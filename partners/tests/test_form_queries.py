"""Create, edit, merge and import pages of partners and contacts run a fixed number of SQL
queries, however many partners, contacts, communities and staff their forms offer."""

import pytest

from accounts.choices import Role
from accounts.tests.factories import SectionFactory, UserFactory
from core.testing import FormPage, assert_constant_queries
from engagement.tests.factories import ActivityFactory
from events.tests.factories import EventFactory
from partners.tests.factories import CommunityFactory, ContactFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(cds):
    return PartnerFactory(
        name="Vanier Community Association", sections=[cds], communities=[CommunityFactory()]
    )


@pytest.fixture
def contact(partner):
    return ContactFactory(partner=partner)


def add_rows(cds, rows=10):
    """More of what the forms list: partners (merge candidates, a contact's partner) with
    contacts, communities, sections and relationship leads."""

    def add():
        for _ in range(rows):
            PartnerFactory(sections=[cds, SectionFactory()], communities=[CommunityFactory()])
            ContactFactory()
            UserFactory(section=cds, role=Role.STAFF)

    return add


# FormPage(url, role, changes that fail validation, queries of the form, after the post)
# Every page starts with the session and the user (2).
PAGES = [
    # communities, sections, relationship leads; the post also checks the chosen sections
    # and lead (3).
    FormPage("/partners/new/", "staff_cds", {"name": ""}, 5, 8),
    # the partner, its communities and sections, then as for a new one.
    FormPage("/partners/{partner}/edit/", "staff_cds", {"name": ""}, 8, 10),
    # the partner, likely duplicates, the candidates.
    FormPage("/partners/{partner}/merge/", "supervisor_cds", {"duplicate": ""}, 5, 5),
    FormPage("/partners/import/", "staff_cds", {}, 2, 2),
    # the partners to choose from.
    FormPage("/contacts/new/", "staff_cds", {"name": ""}, 3, 3),
    # the contact, the partners; the post checks the chosen partner (2).
    FormPage("/contacts/{contact}/edit/", "staff_cds", {"name": ""}, 4, 6),
    FormPage("/contacts/import/", "staff_cds", {}, 2, 2),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_form_page_runs_a_fixed_number_of_queries(login, users, cds, partner, contact, page):
    page.assert_constant_queries(
        login(users[page.role]), add_rows=add_rows(cds), partner=partner, contact=contact
    )


def test_likely_duplicate_warning_runs_a_fixed_number_of_queries(login, staff_cds, cds, partner):
    def add_duplicates():
        for n in range(10):
            PartnerFactory(name=f"Vanier Community Association {n}")

    form = {"name": "The Vanier Community Association Inc.", "kind": "community_association"}
    assert_constant_queries(
        login(staff_cds),
        "/partners/new/",
        # session, user; the chosen sections; the likely duplicates; the form's choices (3).
        expected=7,
        add_rows=add_duplicates,
        data={**form, "status": "active", "sections": [cds.pk], "version": ""},
    )


def test_merge_preview_runs_a_fixed_number_of_queries(login, supervisor_cds, cds, partner):
    duplicate = PartnerFactory(name="Vanier Community Assn", sections=[cds])

    def add_history():
        for _ in range(10):
            ActivityFactory(partners=[duplicate, partner])
            EventFactory(partners=[duplicate])
            ContactFactory(partner=duplicate)

    assert_constant_queries(
        login(supervisor_cds),
        f"/partners/{partner.pk}/merge/",
        # as the merge page (5), the chosen duplicate, and what the merge moves, counted.
        expected=7,
        add_rows=add_history,
        data={"duplicate": duplicate.pk, "action": "preview"},
    )
