"""Consultation, toolkit, sending, distribution and feedback forms, and the distribution
import, run a fixed number of SQL queries however many partners, communities, toolkits,
distributions, sessions and themes they offer."""

from itertools import count

import pytest

from consultations.tests.factories import (
    ConsultationFactory,
    DistributionFactory,
    FeedbackThemeFactory,
    ToolkitFactory,
)
from core.testing import FormPage
from engagement.choices import CONSULTATION_SESSION
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory
from partners.tests.factories import CommunityFactory, PartnerFactory

pytestmark = pytest.mark.django_db
THEME_CODES = (f"theme_{n}" for n in count())


@pytest.fixture
def consultation(cds):
    return ConsultationFactory(section=cds)


@pytest.fixture
def distribution(consultation):
    return DistributionFactory(toolkit=ToolkitFactory(consultation=consultation))


def add_rows(cds, consultation, rows=10):
    """More of what the forms list: partners and communities (sending a toolkit), toolkits,
    distributions and in-person sessions of the consultation (feedback), themes, sections."""

    def add():
        session = ActivityTypeFactory(code=CONSULTATION_SESSION)
        for _ in range(rows):
            partner = PartnerFactory(communities=[CommunityFactory()])
            toolkit = ToolkitFactory(consultation=consultation)
            DistributionFactory(toolkit=toolkit, partner=partner)
            ActivityFactory(section=cds, consultation=consultation, type=session)
            FeedbackThemeFactory(code=next(THEME_CODES))
            ConsultationFactory(section=cds)

    return add


# FormPage(url, role, changes that fail validation, queries of the form, after the post)
# Every page starts with the session and the user (2); the pages of one consultation read it.
PAGES = [
    # sections (2: Django asks a required select without a blank choice for its first
    # option); the post checks the chosen section and the dates (each check in a savepoint).
    FormPage("/consultations/new/", "staff_cds", {"name": ""}, 4, 9),
    FormPage("/consultations/{consultation}/edit/", "staff_cds", {"name": ""}, 5, 10),
    FormPage("/consultations/{consultation}/toolkits/new/", "staff_cds", {"name": ""}, 3, 3),
    # communities to choose partners by, toolkits, partners.
    FormPage("/consultations/{consultation}/send/", "staff_cds", {"toolkit": ""}, 6, 6),
    # distributions with their partners and toolkits, in-person sessions, themes; the post
    # checks a constraint of the feedback (in a savepoint).
    FormPage("/consultations/{consultation}/feedback/new/", "staff_cds", {"text": ""}, 6, 8),
    # the distribution with its partner and toolkit.
    FormPage(
        "/consultations/distributions/{distribution}/edit/", "staff_cds", {"status": ""}, 3, 3
    ),
    FormPage("/consultations/import/", "staff_cds", {}, 2, 2),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_form_page_runs_a_fixed_number_of_queries(
    login, users, cds, consultation, distribution, page
):
    add_rows(cds, consultation, rows=1)()
    page.assert_constant_queries(
        login(users[page.role]),
        add_rows=add_rows(cds, consultation),
        consultation=consultation,
        distribution=distribution,
    )
