"""The calendars as a coordinator uses them, in Chromium with the keyboard, with axe."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.testing import assert_no_axe_violations
from events.tests.factories import EventFactory, ObservanceFactory
from partners.tests.factories import CommunityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TORONTO = ZoneInfo("America/Toronto")


def test_coordinator_browses_the_calendar_with_the_keyboard(
    browser_login, live_server, staff_cds, cds
):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    next_month = (this_month + datetime.timedelta(days=31)).replace(day=1)
    EventFactory(
        section=cds,
        title="Police Week open house",
        starts_at=datetime.datetime.combine(next_month, datetime.time(10), tzinfo=TORONTO)
        + datetime.timedelta(days=9),
    )
    ObservanceFactory(
        name="Heritage Month",
        starts_on=next_month,
        ends_on=next_month + datetime.timedelta(days=27),
        communities=[CommunityFactory(name="Newcomers and refugees")],
    )
    ObservanceFactory(name="Remembrance", starts_on=today)
    page = browser_login("staff.cds")

    page.goto(f"{live_server.url}/calendar/")
    assert page.get_by_role("heading", level=1).inner_text() == (f"Calendar: {this_month:%B %Y}")
    today_cell = page.locator('td[aria-current="date"]')
    assert today_cell.get_by_role("link", name="Observance: Remembrance").count() == 1
    assert_no_axe_violations(page)

    page.get_by_role("link", name=re.compile(r"^Next month")).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"month={next_month:%Y-%m}$"))
    assert page.get_by_role("heading", level=1).inner_text() == (f"Calendar: {next_month:%B %Y}")
    table = page.get_by_role("table")
    assert table.get_by_role("link", name="Police Week open house").count() == 1
    # A month-long observance shows on each of its 28 days.
    assert table.get_by_role("link", name="Observance: Heritage Month").count() == 28
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Agenda", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Agenda"
    assert page.get_by_role("link", name="Police Week open house").count() == 1
    assert page.get_by_role("link", name="Heritage Month").count() == 1
    assert_no_axe_violations(page)

    page.get_by_role("link", name="List of observances").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Multicultural calendar"
    rows = page.locator("#object-table tbody tr")
    assert rows.count() == 2
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Heritage Month").click()
    page.wait_for_url(re.compile(r"/observances/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Heritage Month"
    assert_no_axe_violations(page)


def test_coordinator_finds_her_feed_address_and_resets_it(browser_login, live_server, staff_cds):
    page = browser_login("staff.cds")

    page.goto(f"{live_server.url}/accounts/profile/")
    old = page.get_by_label("Events", exact=True).input_value()
    assert old.endswith(f"/calendar/events.ics?token={staff_cds.calendar_token}")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Reset my calendar token").click()
    page.wait_for_load_state("networkidle")
    new = page.get_by_label("Events", exact=True).input_value()
    assert new != old
    assert page.get_by_role("alert").count() + page.get_by_role("status").count() >= 1
    assert_no_axe_violations(page)

    assert page.request.get(old).status == 404
    assert page.request.get(new).status == 200
