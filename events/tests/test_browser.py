"""A coordinator plans next year's Diversity Celebration from last year's, in Chromium."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from core.testing import assert_no_axe_violations
from engagement.models import Activity
from engagement.services import activity_approve
from engagement.tests.factories import ActivityTypeFactory
from events.choices import EventRole, EventStatus
from events.models import Event
from events.tests.factories import (
    ChecklistTemplateFactory,
    ChecklistTemplateItemFactory,
    EventFactory,
    ObservanceFactory,
)
from partners.tests.factories import CommunityFactory, PartnerFactory
from reports.queries import annual_report

TORONTO = ZoneInfo("America/Toronto")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan_2018(drr):
    ActivityTypeFactory(code="event_hosted", name="Community event hosted")
    muslim = CommunityFactory(name="Muslim")
    template = ChecklistTemplateFactory(name="Annual event")
    ChecklistTemplateItemFactory(template=template, title="Book the venue", offset_days=-90)
    ChecklistTemplateItemFactory(template=template, title="Confirm speakers", offset_days=-60)
    ObservanceFactory(
        name="Eid al-Adha",
        starts_on=datetime.date(2019, 8, 12),
        communities=[muslim],
    )
    return EventFactory(
        section=drr,
        title="Diversity Celebration 2018",
        role=EventRole.ORGANIZED,
        starts_at=datetime.datetime(2018, 6, 27, 18, 0, tzinfo=TORONTO),
        ends_at=datetime.datetime(2018, 6, 27, 21, 0, tzinfo=TORONTO),
        partners=[PartnerFactory(name="Ottawa Muslim Association", communities=[muslim])],
    )


def test_copy_plan_clash_complete_and_log(
    browser_login, live_server, staff_drr, supervisor_drr, plan_2018
):
    page = browser_login("staff.drr")
    page.goto(f"{live_server.url}/events/?year=2018")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Diversity Celebration 2018").click()
    page.get_by_role("button", name="Copy to next year").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Diversity Celebration 2019"
    assert_no_axe_violations(page)

    page.get_by_role("combobox", name="Checklist template").select_option(label="Annual event")
    page.get_by_role("button", name="Apply checklist").click()
    assert "2 tasks added" in page.content()
    page.get_by_role("button", name=re.compile("To do.*Book the venue")).click()
    page.get_by_role("button", name=re.compile("Done.*Book the venue")).wait_for()
    assert_no_axe_violations(page)

    # Moved onto Eid al-Adha, an observance of the community it is for: a warning first.
    page.get_by_role("link", name="Edit").click()
    # datetime-local inputs have no ARIA role to find them by; their labels are "Starts*".
    page.locator("#id_starts_at").fill("2019-08-12T18:00")
    page.locator("#id_ends_at").fill("2019-08-12T21:00")
    page.get_by_role("button", name="Save").click()
    assert "Eid al-Adha" in page.locator(".alert-warning").inner_text()
    assert_no_axe_violations(page)
    page.get_by_label("I know: plan it on these dates anyway.").check()
    page.get_by_role("button", name="Save").click()
    assert "Eid al-Adha" in page.locator(".alert-warning").inner_text()

    page.get_by_role("link", name="Edit").click()
    page.get_by_role("combobox", name=re.compile("^Status")).select_option("completed")
    page.get_by_role("spinbutton", name=re.compile("^Actual attendance")).fill("240")
    page.get_by_role("button", name="Save").click()
    # Still on Eid al-Adha: the warning comes back, and she goes ahead again.
    page.get_by_label("I know: plan it on these dates anyway.").check()
    page.get_by_role("button", name="Save").click()
    event = Event.objects.get(title="Diversity Celebration 2019")
    assert event.status == EventStatus.COMPLETED

    page.get_by_role("link", name="Log as an activity").click()
    assert page.get_by_role("textbox", name=re.compile("^Title")).input_value() == (
        "Diversity Celebration 2019"
    )
    assert page.get_by_role("spinbutton", name=re.compile("^People reached")).input_value() == (
        "240"
    )
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Submit for review").click()

    activity = Activity.objects.get(event=event)
    activity_approve(activity=activity, reviewer=supervisor_drr)
    drr_2019 = next(s for s in annual_report(2019)["sections"] if s["code"] == "DRR")
    assert (drr_2019["events"], drr_2019["activities"], drr_2019["people_reached"]) == (
        1,
        1,
        240,
    )
    assert activity.date == datetime.date(2019, 8, 12)
