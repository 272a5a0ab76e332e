"""From "16 stakeholder groups received toolkits" to "what we heard", in Chromium."""

import io
import re

import pytest
from docx import Document

from consultations.choices import DistributionStatus
from consultations.models import Distribution
from consultations.tests.factories import FeedbackThemeFactory
from core.testing import assert_no_axe_violations
from partners.tests.factories import CommunityFactory, PartnerFactory
from reports.queries import annual_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_consultation_from_toolkit_to_what_we_heard(
    browser_login, live_server, staff_cds, cds, tmp_path
):
    newcomers = CommunityFactory(name="Newcomers and refugees")
    groups = [
        PartnerFactory(name=f"Newcomer group {n:02d}", communities=[newcomers])
        for n in range(1, 13)
    ]
    PartnerFactory(name="Unrelated business")
    FeedbackThemeFactory(code="trust_confidence", name="Trust and confidence")
    FeedbackThemeFactory(code="safety", name="Perceptions of safety")
    toolkit_file = tmp_path / "toolkit.pdf"
    toolkit_file.write_bytes(b"%PDF-1.4 self-directed consultation toolkit")
    page = browser_login("staff.cds")

    page.goto(f"{live_server.url}/consultations/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Add").click()
    page.get_by_role("textbox", name=re.compile("^Name")).fill("Strategic plan 2020-2022")
    page.locator("#id_starts_on").fill("2019-02-01")
    page.locator("#id_ends_on").fill("2019-09-30")
    page.get_by_role("combobox", name=re.compile("^Status")).select_option("open")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Strategic plan 2020-2022"
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Add a toolkit").click()
    page.get_by_role("textbox", name=re.compile("^Name")).fill("Self-directed toolkit")
    page.locator("input[type=file]").set_input_files(str(toolkit_file))
    page.get_by_role("button", name="Save").click()
    assert "Self-directed toolkit v1.0" in page.content()

    page.get_by_role("link", name="Send a toolkit to partners").click()
    page.get_by_label("Community served").select_option(label="Newcomers and refugees")
    page.get_by_role("button", name="Show these partners").click()
    assert_no_axe_violations(page)
    page.get_by_role("combobox", name=re.compile("^Toolkit")).select_option(index=1)
    page.locator("#id_sent_on").fill("2019-02-15")
    for group in groups:
        page.get_by_label(group.name).check()
    page.get_by_role("button", name="Send to the ticked partners").click()
    assert "The toolkit was sent to 12 groups." in page.content()

    for group in groups[:3]:
        page.get_by_role("link", name=f"Update {group.name}").click()
        page.get_by_role("combobox", name=re.compile("^Status")).select_option("session_held")
        page.locator("#id_session_date").fill("2019-03-20")
        page.get_by_role("spinbutton", name=re.compile("^Participants")).fill("15")
        page.get_by_role("button", name="Save").click()
        page.get_by_role("link", name=f"Add feedback {group.name}").click()
        page.get_by_label("Trust and confidence").check()
        page.get_by_role("textbox", name=re.compile("^What was heard")).fill(
            f"{group.name} wants officers who know the neighbourhood."
        )
        page.get_by_role("textbox", name=re.compile("^Quote")).fill(
            "Come to our meetings, not only when something goes wrong."
        )
        page.get_by_role("button", name="Save").click()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="What we heard").click()
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Word (DOCX)").click()
    document = Document(io.BytesIO(open(download.value.path(), "rb").read()))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    heading = next(p.text for p in document.paragraphs if p.text.startswith("Trust and confidence"))
    assert re.search(r"\b3\b", heading), heading
    assert "Come to our meetings, not only when something goes wrong." in text

    held = Distribution.objects.filter(status=DistributionStatus.SESSION_HELD).count()
    cds_2019 = next(s for s in annual_report(2019)["sections"] if s["code"] == "CDS")
    assert (held, cds_2019["toolkits_distributed"]) == (3, 12)
