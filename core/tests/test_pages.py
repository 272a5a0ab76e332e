"""The shell every later page lives in: home, health, permissions grid, query budgets."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from core.testing import assert_constant_queries
from engagement.choices import ReviewStatus
from engagement.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

# Every page of the foundation, against every role: the expected status code.
# 403 = the role may not use the page; admin pages send non-administrators to the admin login.
GRID = {
    "/": dict(staff_cds=200, supervisor_cds=200, viewer=200, administrator=200),
    "/accounts/profile/": dict(staff_cds=200, supervisor_cds=200, viewer=200, administrator=200),
    "/accounts/password/": dict(staff_cds=200, supervisor_cds=200, viewer=200, administrator=200),
    "/accounts/password/done/": dict(
        staff_cds=200, supervisor_cds=200, viewer=200, administrator=200
    ),
    "/activities/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
    "/activities/review/": dict(staff_cds=403, supervisor_cds=200, viewer=403, administrator=403),
    "/events/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
    "/observances/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
    "/events/import/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
    "/observances/import/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
    "/consultations/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
    "/consultations/import/": dict(
        staff_cds=200, supervisor_cds=200, viewer=403, administrator=403
    ),
    "/dashboard/": dict(staff_cds=200, supervisor_cds=200, viewer=200, administrator=403),
    "/reports/annual/2018/": dict(staff_cds=200, supervisor_cds=200, viewer=200, administrator=403),
    "/reports/annual/2018/?format=json": dict(
        staff_cds=200, supervisor_cds=200, viewer=200, administrator=403
    ),
    "/admin/": dict(staff_cds=302, supervisor_cds=302, viewer=302, administrator=200),
    "/admin/accounts/user/": dict(staff_cds=302, supervisor_cds=302, viewer=302, administrator=200),
    "/admin/partners/contact/": dict(
        staff_cds=302, supervisor_cds=302, viewer=302, administrator=403
    ),
}
# The admin index (Django 5.1+) sends anonymous users to the admin's own login page.
LOGIN_PAGES = {"/accounts/login/", "/admin/login/"}
CASES = [(url, role, status) for url, roles in GRID.items() for role, status in roles.items()]


@pytest.mark.parametrize(("url", "role", "status"), CASES)
def test_permission_grid(client, users, url, role, status):
    client.force_login(users[role])

    response = client.get(url)

    assert response.status_code == status


@pytest.mark.parametrize("url", list(GRID))
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.split("?next=")[0] in LOGIN_PAGES


def test_nav_shows_each_role_only_what_it_may_use(client, users):
    def labels(role):
        client.force_login(users[role])
        return [str(item["label"]) for item in client.get("/").context["nav_items"]]

    assert labels("viewer") == ["Home", "Dashboard", "Annual report"]
    assert labels("administrator") == ["Home", "Administration"]
    assert "Review" not in labels("staff_cds")
    assert "Review" in labels("supervisor_cds")
    assert "Contacts" in labels("staff_cds")


def test_home_greets_with_the_sections_figures_of_this_year(login, staff_cds, cds, drr):
    this_year = timezone.localdate().replace(month=1, day=1)
    ActivityFactory.create_batch(2, section=cds, date=this_year, people_reached=5)
    ActivityFactory(section=cds, date=this_year, status=ReviewStatus.SUBMITTED)
    ActivityFactory(section=drr, date=this_year)
    ActivityFactory(section=cds, date=this_year - datetime.timedelta(days=1))

    response = login(staff_cds).get("/")

    figures = response.context["figures"]
    assert (figures["activities"], figures["people_reached"]) == (2, 10)
    assert "1 activity is awaiting review" in response.content.decode()


def test_home_shows_all_sections_to_a_viewer(login, viewer, cds, drr):
    this_year = timezone.localdate().replace(month=1, day=1)
    ActivityFactory(section=cds, date=this_year)
    ActivityFactory(section=drr, date=this_year)

    response = login(viewer).get("/")

    assert response.context["figures"]["activities"] == 2


def test_home_runs_a_fixed_number_of_queries(login, staff_cds, cds):
    this_year = timezone.localdate().replace(month=1, day=1)
    ActivityFactory(section=cds, date=this_year)

    # Session and user with section (2); returned activities, overdue follow-ups and overdue
    # event tasks (3); the report for the user's section, needing no query for sections (6).
    assert_constant_queries(
        login(staff_cds),
        "/",
        expected=11,
        add_rows=lambda: ActivityFactory.create_batch(20, section=cds, date=this_year),
    )


def test_healthz_needs_no_login_and_answers_ok(client):
    response = client.get("/healthz")

    assert (response.status_code, response.content) == (200, b"ok\n")


def test_healthz_reports_a_database_that_does_not_answer(client, monkeypatch):
    from django.db import DatabaseError

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
