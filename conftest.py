"""Fixtures every app's tests share: sections, a user of each role, and the browser."""

import os

import pytest

from accounts.choices import Role
from accounts.tests.factories import PASSWORD, SectionFactory, UserFactory
from core.testing import CHROMIUM, CHROMIUM_ARGS, chromium_available

# Playwright's sync API runs an event loop in the test thread; Django must allow the ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    from django.conf import settings

    # Hashing a password properly takes a third of a second; tests create hundreds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cds(db):
    return SectionFactory(code="CDS", name="Community Development Section")


@pytest.fixture
def drr(db):
    return SectionFactory(code="DRR", name="Diversity and Race Relations Section")


@pytest.fixture
def staff_cds(cds):
    return UserFactory(username="staff.cds", section=cds, role=Role.STAFF)


@pytest.fixture
def staff_drr(drr):
    return UserFactory(username="staff.drr", section=drr, role=Role.STAFF)


@pytest.fixture
def supervisor_cds(cds):
    return UserFactory(username="sergeant.cds", section=cds, role=Role.SUPERVISOR)


@pytest.fixture
def supervisor_drr(drr):
    return UserFactory(username="sergeant.drr", section=drr, role=Role.SUPERVISOR)


@pytest.fixture
def viewer(db):
    return UserFactory(username="viewer", section=None, role=Role.VIEWER)


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", section=None, role=Role.ADMINISTRATOR, is_staff=True)


@pytest.fixture
def users(staff_cds, staff_drr, supervisor_cds, supervisor_drr, viewer, administrator):
    """One user per role (and per section for staff and supervisors), by fixture name."""
    return {
        "staff_cds": staff_cds,
        "staff_drr": staff_drr,
        "supervisor_cds": supervisor_cds,
        "supervisor_drr": supervisor_drr,
        "viewer": viewer,
        "administrator": administrator,
    }


@pytest.fixture
def login(client):
    """``login(user)`` signs the test client in as that user and returns the client."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(scope="session")
def browser():
    """The system Chromium, driven by Playwright. In CI a missing browser fails the run:
    browser tests must never be skipped there."""
    if not chromium_available():
        message = f"Chromium not found at {CHROMIUM}: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-CA", timezone_id="America/Toronto")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def browser_login(page, live_server):
    """``browser_login(username)`` signs in through the real login form."""

    def sign_in(username, password=PASSWORD):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state("networkidle")
        return page

    return sign_in
