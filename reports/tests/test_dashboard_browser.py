"""The demo sergeant's Friday view and the viewer's, in Chromium, with zero axe violations."""

import re

import pytest

from core.testing import assert_no_axe_violations
from reports.queries import Period, report_figures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    from core.demo.data import DEMO_PASSWORD
    from core.demo.seed import seed_demo

    seed_demo()
    return DEMO_PASSWORD


def figure_row(page, label):
    """The numbers of one row of the comparison table: this year, last year, change."""
    row = page.locator(".dashboard-comparison tbody tr").filter(
        has=page.get_by_role("rowheader", name=label, exact=True)
    )
    return [cell.strip() for cell in row.locator("td").all_inner_texts()]


def test_the_demo_sergeant_reads_2018_on_the_dashboard(browser_login, live_server, demo):
    from accounts.models import Section

    cds = Section.objects.get(code="CDS")
    page = browser_login("sergeant.cds", demo)

    page.get_by_role("link", name="Dashboard").click()
    assert re.fullmatch(
        r"Dashboard: Community Development Section, \d{4}",
        page.get_by_role("heading", level=1).inner_text(),
    )
    assert page.get_by_role("img", name=re.compile("^Line chart of approved activities")).count()
    assert_no_axe_violations(page)

    page.get_by_role("combobox", name="Year").select_option("2018")
    page.get_by_role("button", name="Show").click()

    figures = report_figures(Period.year(2018), [cds])["totals"]
    earlier = report_figures(Period.year(2017), [cds])["totals"]
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Dashboard: Community Development Section, 2018"
    )
    assert figures["activities"] == 97
    assert figure_row(page, "Engagement activities") == [
        "97",
        str(earlier["activities"]),
        f"+{97 - earlier['activities']}",
    ]
    assert figure_row(page, "Groups given toolkits")[0] == "16"
    assert figure_row(page, "Consultation sessions")[0] == "4"
    month_totals = page.locator("#activities-per-month tfoot td").all_inner_texts()
    assert month_totals[0] == "97"
    charts = page.locator("svg[role=img]")
    assert charts.count() == 3
    for index in range(3):
        assert charts.nth(index).get_attribute("aria-label")
        assert charts.nth(index).locator("title").count() == 1
    assert_no_axe_violations(page)

    # Printed, the page keeps its charts and tables and drops the choices and the menus.
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Show").is_visible()
    assert page.locator("#activities-by-type").is_visible()


def test_the_viewer_reads_every_section_then_drr(browser_login, live_server, demo):
    from accounts.models import Section

    page = browser_login("viewer", demo)

    page.goto(f"{live_server.url}/dashboard/?year=2018")
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard: All sections, 2018"
    totals = report_figures(Period.year(2018))["totals"]
    assert figure_row(page, "Engagement activities")[0] == str(totals["activities"])
    assert figure_row(page, "Funds raised")[0] == "$1,200.00"
    assert_no_axe_violations(page)

    drr = Section.objects.get(code="DRR")
    page.get_by_role("combobox", name="Section").select_option(str(drr.pk))
    page.get_by_role("button", name="Show").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Dashboard: Diversity and Race Relations Section, 2018"
    )
    drr_figures = report_figures(Period.year(2018), [drr])["totals"]
    assert figure_row(page, "Engagement activities")[0] == str(drr_figures["activities"])
    assert page.locator("a[href^='/activities/']").count() == 0
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}/dashboard/?year=abc&section=999")
    assert page.get_by_role("alert").first.inner_text().startswith("There is no section “999”")
    assert_no_axe_violations(page)
