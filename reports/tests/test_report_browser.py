"""The demo sergeant opens the 2018 report, writes CDS's introduction and downloads it."""

import io
import re

import pytest

from core.demo.seed import seed_demo
from core.testing import assert_no_axe_violations
from reports.queries import annual_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_demo_sergeant_reads_2018_writes_an_introduction_and_downloads_it(
    browser_login, live_server
):
    from docx import Document

    seed_demo()
    cds = next(s for s in annual_report(2018)["sections"] if s["code"] == "CDS")
    page = browser_login("sergeant.cds", "inroads-demo")

    page.goto(f"{live_server.url}/reports/annual/2018/")
    assert_no_axe_violations(page)
    sentence = page.get_by_text(
        f"In 2018, CDS participated in {cds['activities']} separate community engagement"
    )
    assert sentence.is_visible()
    # Each breakdown's chart is an image named by its sentence, beside its table.
    for kind in (
        "Bar chart of approved activities by type.",
        "Line chart of approved activities per month.",
        "Bar chart of approved activities per community engaged.",
    ):
        assert page.get_by_role("img", name=re.compile("^" + re.escape(kind))).is_visible()
    # People reached, over a thousand, grouped in the figures table.
    assert cds["people_reached"] >= 1000
    figures = page.get_by_role("table", name=re.compile("^Figures for 2018 per section"))
    assert figures.get_by_role("cell", name=f"{cds['people_reached']:,}").is_visible()

    page.get_by_text("Write an introduction for CDS").focus()
    page.keyboard.press("Enter")
    page.get_by_role("textbox", name="Introduction").fill("A year of listening to partners.")
    page.get_by_role("button", name="Save the introduction").press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("The introduction of CDS for 2018 was saved.").is_visible()
    assert page.get_by_text("A year of listening to partners.").first.is_visible()
    assert_no_axe_violations(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Word (DOCX)").click()
    paragraphs = [
        p.text for p in Document(io.BytesIO(download.value.path().read_bytes())).paragraphs
    ]
    assert "A year of listening to partners." in paragraphs


def test_the_viewer_picks_a_quarter(browser_login, live_server):
    seed_demo()
    page = browser_login("viewer", "inroads-demo")

    page.goto(f"{live_server.url}/reports/annual/2018/")
    page.get_by_label("From").fill("2018-01-01")
    page.get_by_label("To").fill("2018-03-31")
    page.get_by_role("button", name="Report for these dates").click()
    page.wait_for_load_state("networkidle")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Report from")
    assert page.get_by_text("From Jan. 1, 2018 to March 31, 2018, CDS participated in").is_visible()
    assert_no_axe_violations(page)
