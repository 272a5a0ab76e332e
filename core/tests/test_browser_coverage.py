"""Every page no other browser test visits, opened in Chromium by the role that uses it, with
zero axe-core violations (WCAG 2.1 A and AA). Downloads, feeds and posts are not pages."""

import pytest

from core.testing import assert_no_axe_violations
from core.tests.test_page_coverage import address, grow, make_rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF, SUPERVISOR = "staff.cds", "sergeant.cds"
PAGES = [
    (STAFF, "/accounts/password/done/"),
    (STAFF, "/partners/{partner}/edit/"),
    (STAFF, "/contacts/new/"),
    (STAFF, "/contacts/{contact}/edit/"),
    (STAFF, "/contacts/import/"),
    (STAFF, "/activities/{activity}/edit/"),
    (STAFF, "/activities/import/"),
    (STAFF, "/events/new/"),
    (STAFF, "/events/import/"),
    (STAFF, "/observances/new/"),
    (STAFF, "/observances/{observance}/edit/"),
    (STAFF, "/observances/import/"),
    (STAFF, "/consultations/new/"),
    (STAFF, "/consultations/{consultation}/edit/"),
    (STAFF, "/consultations/{consultation}/toolkits/new/"),
    (STAFF, "/consultations/{consultation}/feedback/new/"),
    (STAFF, "/consultations/distributions/{distribution}/edit/"),
    (STAFF, "/consultations/import/"),
    (SUPERVISOR, "/partners/{partner}/history/"),
    (SUPERVISOR, "/contacts/{contact}/history/"),
    (SUPERVISOR, "/activities/{activity}/history/"),
    (SUPERVISOR, "/events/{event}/history/"),
    (SUPERVISOR, "/consultations/{consultation}/history/"),
    (SUPERVISOR, "/events/checklists/"),
    (SUPERVISOR, "/events/checklists/new/"),
    (SUPERVISOR, "/events/checklists/{checklist}/edit/"),
    (SUPERVISOR, "/reports/annual/2018/introduction/CDS/"),
]


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def rows(cds, drr, staff_cds, supervisor_cds):
    """A record of each kind, edited twice (so history pages show changes), among others that
    fill the forms' choices."""
    rows = make_rows(cds, staff_cds)
    grow(rows, cds, drr, staff_cds, n=2)()
    return rows


@pytest.mark.parametrize(("username", "url"), PAGES, ids=[url for _, url in PAGES])
def test_page_has_no_axe_violations(browser_login, live_server, rows, username, url):
    page = browser_login(username)

    response = page.goto(live_server.url + address(url, rows))

    assert response.status == 200
    assert page.get_by_role("heading", level=1).is_visible()
    assert_no_axe_violations(page)


def test_type_ahead_results_have_no_axe_violations(browser_login, live_server, rows):
    """The partner and contact options (engagement:partner_options, contact_options) are
    shown inside the activity form as one types."""
    page = browser_login(STAFF)
    page.goto(f"{live_server.url}/activities/new/")

    for field in ("partners", "contacts"):
        page.locator(f"#id_{field}").fill("vanier")
        page.locator(f"#id_{field}-results input").first.wait_for()

    assert page.locator("#id_partners-results input").count() >= 2
    assert page.locator("#id_contacts-results input").count() >= 2
    assert_no_axe_violations(page)
