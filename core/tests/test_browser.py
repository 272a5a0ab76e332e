"""A person in a real browser: sign in as each role, see only what the role allows, and
meet zero axe-core violations (WCAG 2.1 A and AA) on every page visited."""

import pytest

from accounts.choices import Role
from accounts.tests.factories import PASSWORD, UserFactory
from core.testing import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTION_WORK = ["Partners", "Contacts", "Events", "Calendar", "Consultations"]
REPORTS = ["Dashboard", "Annual report"]
DEMO_ROLES = {
    "admin": (Role.ADMINISTRATOR, None, ["Home", "Administration"]),
    "sergeant.cds": (
        Role.SUPERVISOR,
        "CDS",
        ["Home", "Activities", "Review", *SECTION_WORK, *REPORTS],
    ),
    "staff.drr": (Role.STAFF, "DRR", ["Home", "Activities", *SECTION_WORK, *REPORTS]),
    "viewer": (Role.VIEWER, None, ["Home", "Dashboard", "Annual report"]),
}


def make_user(username, role, section_code, sections):
    return UserFactory(
        username=username,
        role=role,
        section=sections.get(section_code),
        is_staff=role == Role.ADMINISTRATOR,
    )


@pytest.fixture
def sections(cds, drr):
    return {"CDS": cds, "DRR": drr}


def nav_labels(page):
    links = page.locator("#main-nav .navbar-nav.me-auto a")
    return [text.strip() for text in links.all_inner_texts()]


@pytest.mark.parametrize("username", list(DEMO_ROLES))
def test_each_role_signs_in_and_lands_on_home(browser_login, live_server, sections, username):
    role, section_code, expected_nav = DEMO_ROLES[username]
    make_user(username, role, section_code, sections)

    page = browser_login(username)

    assert page.url == f"{live_server.url}/"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    assert nav_labels(page) == expected_nav
    assert_no_axe_violations(page)


def test_login_page_and_a_wrong_password_are_accessible(page, live_server, staff_cds):
    page.goto(f"{live_server.url}/accounts/login/")
    assert_no_axe_violations(page)

    page.get_by_label("Username").fill("staff.cds")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    assert "Please enter a correct username and password" in page.content()
    assert_no_axe_violations(page)


def test_lockout_page_says_so_plainly(page, live_server, staff_cds):
    page.goto(f"{live_server.url}/accounts/login/")
    for _ in range(6):
        page.get_by_label("Username").fill("staff.cds")
        page.get_by_label("Password").fill("wrong")
        page.get_by_role("button", name="Sign in").click()
        if "Sign-in locked" in page.content():
            break
        page.goto(f"{live_server.url}/accounts/login/")

    assert page.get_by_role("heading", level=1).inner_text() == "Sign-in locked"
    assert_no_axe_violations(page)


def test_keyboard_reaches_main_content_through_the_skip_link(browser_login, staff_cds):
    page = browser_login("staff.cds")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")

    assert focused == "Skip to main content"
    assert page.evaluate("document.activeElement.id") == "main"


def test_report_and_profile_pages_are_accessible(browser_login, live_server, supervisor_cds):
    page = browser_login("sergeant.cds")

    for path in ("/reports/annual/2018/", "/accounts/profile/", "/accounts/password/"):
        page.goto(f"{live_server.url}{path}")
        assert page.get_by_role("heading", level=1).is_visible()
        assert_no_axe_violations(page)


def test_language_switch_shows_the_page_in_french(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")

    page.get_by_label("Language").select_option("fr-ca")
    page.get_by_role("button", name="Change language").click()

    assert page.locator("html").get_attribute("lang") == "fr-CA"
    assert_no_axe_violations(page)


def test_password_is_never_shown(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")

    assert page.get_by_label("Password").get_attribute("type") == "password"
    assert PASSWORD not in page.content()


def test_every_demo_login_works_on_the_seeded_demo(browser_login, live_server):
    from core.demo.data import DEMO_PASSWORD
    from core.demo.seed import seed_demo

    seed_demo()
    landed = {}
    for username in ["admin", "sergeant.cds", "sergeant.drr", "staff.cds", "staff.drr", "viewer"]:
        page = browser_login(username, DEMO_PASSWORD)
        landed[username] = page.url == f"{live_server.url}/"
        assert_no_axe_violations(page)
        page.get_by_role("button", name="Sign out").click()

    assert landed == dict.fromkeys(landed, True)
