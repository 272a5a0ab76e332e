"""A coordinator logs her week with the keyboard; the sergeant reviews it on Friday."""

import re

import pytest
from django.utils import timezone

from core.testing import assert_no_axe_violations
from engagement.choices import ReviewStatus
from engagement.models import Activity
from engagement.tests.factories import ActivityTypeFactory
from partners.tests.factories import CommunityFactory, PartnerFactory
from reports.queries import annual_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEEK = [
    ("Meeting with the Somali Centre youth workers", "meeting", "somali", 12),
    ("Presentation to Algonquin College students", "presentation", "algonquin", 150),
    ("Mosque open house", "event_attended", "mosque", 80),
    ("Focus group on trust and confidence", "focus_group", "equity", 9),
    ("Workshop for school resource officers", "workshop", "somali", 25),
]


@pytest.fixture
def demo_partners(cds):
    for code in {row[1] for row in WEEK}:
        ActivityTypeFactory(code=code, name=code.replace("_", " ").capitalize())
    youth = CommunityFactory(name="Youth")
    PartnerFactory(name="Somali Centre for Family Services", communities=[youth])
    PartnerFactory(name="Algonquin College")
    PartnerFactory(name="Ottawa Main Mosque")
    PartnerFactory(name="Community Equity Council")


def cds_figures():
    year = timezone.localdate().year
    return next(s for s in annual_report(year)["sections"] if s["code"] == "CDS")


def keyboard_pick(page, field, query):
    """Type in the type-ahead, Tab to the first result, Space to choose it."""
    search = page.locator(f"#id_{field}")
    search.focus()
    page.keyboard.type(query)
    page.locator(f"#id_{field}-results input").first.wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")


def log_with_keyboard(page, live_server, title, type_code, partner_query, people):
    page.goto(f"{live_server.url}/activities/new/")
    page.get_by_role("combobox", name=re.compile("^Type")).select_option(
        label=type_label(type_code)
    )
    page.get_by_role("textbox", name=re.compile("^Title")).fill(title)
    keyboard_pick(page, "partners", partner_query)
    people_box = page.get_by_role("spinbutton", name=re.compile("^People reached"))
    people_box.fill(str(people))
    page.get_by_role("spinbutton", name=re.compile("^Staff hours")).fill("2")
    page.get_by_role("button", name="Submit for review").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_label(code):
    return code.replace("_", " ").capitalize()


def test_a_week_logged_reviewed_returned_fixed_and_counted(
    browser, live_server, staff_cds, supervisor_cds, demo_partners, browser_login
):
    page = browser_login("staff.cds")
    for title, type_code, query, people in WEEK:
        log_with_keyboard(page, live_server, title, type_code, query, people)
        errors = page.locator(".invalid-feedback, .alert-danger").all_inner_texts()
        assert page.get_by_role("heading", level=1).inner_text() == title, errors
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/activities/new/")
    assert_no_axe_violations(page)
    assert Activity.objects.filter(status=ReviewStatus.SUBMITTED).count() == 5
    assert (cds_figures()["activities"], cds_figures()["awaiting_review"]) == (0, 5)

    # Friday: the sergeant approves four at once and returns one.
    page.get_by_role("button", name="Sign out").click()
    page = browser_login("sergeant.cds")
    page.goto(f"{live_server.url}/activities/review/")
    assert_no_axe_violations(page)
    for title, *_ in WEEK[:4]:
        page.get_by_role("checkbox", name=f"Select “{title}”").focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Approve selected").click()
    assert "4 activities approved" in page.content()
    page.get_by_role("link", name=f"Return “{WEEK[4][0]}”").click()
    assert_no_axe_violations(page)
    page.get_by_label(re.compile("What should be fixed")).fill("Which schools took part?")
    page.get_by_role("button", name="Return to the author").click()
    assert (cds_figures()["activities"], cds_figures()["awaiting_review"]) == (4, 1)

    # The coordinator sees it returned, fixes it and resubmits.
    page.get_by_role("button", name="Sign out").click()
    page = browser_login("staff.cds")
    assert "Which schools took part?" in page.content()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=WEEK[4][0], exact=True).click()
    page.get_by_role("textbox", name=re.compile("^Summary")).fill("Three high schools.")
    page.get_by_role("button", name="Submit for review").click()
    assert "Submitted" in page.content()
    assert_no_axe_violations(page)

    # The sergeant approves it from its page; the report counts all five, exactly.
    page.get_by_role("button", name="Sign out").click()
    page = browser_login("sergeant.cds")
    page.goto(f"{live_server.url}/activities/review/")
    page.get_by_role("link", name=WEEK[4][0], exact=True).click()
    page.get_by_role("button", name="Approve").click()
    figures = cds_figures()
    assert (figures["activities"], figures["awaiting_review"]) == (5, 0)
    assert figures["people_reached"] == sum(row[3] for row in WEEK)
    page.goto(f"{live_server.url}/activities/?mine=on")
    assert_no_axe_violations(page)


def test_follow_ups_are_marked_done_inline(browser_login, live_server, staff_cds, cds):
    from engagement.tests.factories import ActivityFactory, FollowUpFactory

    activity = ActivityFactory(section=cds, created_by=staff_cds)
    FollowUpFactory(activity=activity, owner=staff_cds, text="Send the slides")
    page = browser_login("staff.cds")

    page.goto(f"{live_server.url}/activities/follow-ups/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Mark done")).click()

    page.get_by_role("button", name=re.compile("Reopen")).wait_for()
    assert activity.follow_ups.get().done is True
