"""The sign-in, password and profile pages run a fixed number of SQL queries, however many
users, sections and failed sign-ins there are."""

import pytest
from axes.models import AccessAttempt

from accounts.tests.factories import UserFactory
from core.testing import assert_constant_queries, assert_form_constant_queries

pytestmark = pytest.mark.django_db


def add_users(rows=10):
    def add():
        for user in UserFactory.create_batch(rows):
            AccessAttempt.objects.create(
                username=user.username, ip_address="192.0.2.1", failures_since_start=1
            )

    return add


def test_sign_in_page_runs_a_fixed_number_of_queries(client, staff_cds):
    wrong = {"username": staff_cds.username, "password": "not the password"}
    # A username's first failure creates its record of attempts; later ones update it.
    client.post("/accounts/login/", wrong)

    assert_form_constant_queries(
        client,
        "/accounts/login/",
        add_rows=add_users(),
        # No session yet: no query.
        on_get=0,
        # failures so far (django-axes), the user, the record of attempts updated in a
        # savepoint (5), failures again.
        on_post=8,
        changes=wrong,
    )


def test_password_page_runs_a_fixed_number_of_queries(login, staff_cds):
    assert_form_constant_queries(
        login(staff_cds),
        "/accounts/password/",
        add_rows=add_users(),
        # session, user.
        on_get=2,
        on_post=2,
        changes={"old_password": "not the password"},
    )


def test_profile_page_runs_a_fixed_number_of_queries(login, staff_cds):
    # session, user with section.
    assert_constant_queries(
        login(staff_cds), "/accounts/profile/", expected=2, add_rows=add_users()
    )
