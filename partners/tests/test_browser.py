"""Partners and contacts as a coordinator and a sergeant use them, in Chromium, with axe."""

import datetime
import re

import pytest
import vobject

from core.testing import assert_no_axe_violations
from engagement.tests.factories import ActivityFactory
from partners.models import Partner
from partners.tests.factories import CommunityFactory, PartnerFactory

# Crispy marks required fields with an asterisk: "Name*".
REQUIRED_NAME = re.compile(r"^Name")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_adds_a_partner_finds_it_and_exports_vcard(
    browser_login, live_server, staff_cds
):
    CommunityFactory(name="Francophone")
    CommunityFactory(name="Newcomers and refugees")
    page = browser_login("staff.cds")

    page.get_by_role("link", name="Partners").click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Add").click()
    page.get_by_role("textbox", name=REQUIRED_NAME).fill(
        "Centre d'accueil des nouveaux arrivants d'Orléans"
    )
    page.get_by_role("combobox", name=re.compile(r"^Kind")).select_option("social_service")
    page.get_by_label("Francophone").check()
    page.get_by_label("Newcomers and refugees").check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save").click()

    assert page.get_by_role("heading", level=1).inner_text() == (
        "Centre d'accueil des nouveaux arrivants d'Orléans"
    )
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Add a contact").click()
    page.get_by_role("textbox", name=REQUIRED_NAME).fill("Hélène Mbeki")
    page.get_by_label("Email").fill("helene@accueil-orleans.example.ca")
    page.get_by_role("button", name="Save").click()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Partners").click()
    page.get_by_label("Name contains").fill("arrivants d'orleans")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state("networkidle")
    result = page.locator("#object-table tbody tr")
    assert result.count() == 1
    assert "Orléans" in result.first.inner_text()
    assert_no_axe_violations(page)
    # A row's link opens the partner's own page, not a page inside the table.
    result.first.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/partners/\d+/$"))
    assert page.locator("h1").count() == 1
    # Back returns to the whole filtered list, not a cached bare table.
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", level=1).inner_text() == "Partners"
    assert page.locator("#object-table tbody tr").count() == 1

    page.get_by_role("link", name="Contacts").click()
    page.get_by_label("Community").select_option(label="Francophone")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state("networkidle")
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Export vCard (Outlook)").click()
    cards = list(vobject.readComponents(open(download.value.path(), encoding="utf-8").read()))
    assert [(c.fn.value, c.email.value) for c in cards] == [
        ("Hélène Mbeki", "helene@accueil-orleans.example.ca")
    ]
    partner = Partner.objects.get()
    assert sorted(c.name for c in partner.communities.all()) == [
        "Francophone",
        "Newcomers and refugees",
    ]


def test_sergeant_filters_dormant_partners_of_her_section(
    browser_login, live_server, supervisor_cds, cds, drr
):
    PartnerFactory(name="Quiet Cultural Association", sections=[cds])
    PartnerFactory(name="Another Section's Partner", sections=[drr])
    busy = PartnerFactory(name="Busy Community House", sections=[cds])
    ActivityFactory(partners=[busy], date=datetime.date.today(), section=cds)
    page = browser_login("sergeant.cds")

    page.goto(f"{live_server.url}/partners/")
    page.get_by_label("Section").select_option(label="CDS")
    page.get_by_label("Dormant").select_option("true")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state("networkidle")

    names = page.locator("#object-table tbody tr td:first-child").all_inner_texts()
    assert names == ["Quiet Cultural Association"]
    assert "dormant=true" in page.url
    assert_no_axe_violations(page)


def test_viewer_reads_a_partner_page_without_contacts(browser_login, live_server, viewer):
    partner = PartnerFactory(name="Odawa Native Friendship Centre")
    partner.contacts.create(name="Private Person", email="private@example.org")
    page = browser_login("viewer")

    page.goto(f"{live_server.url}/partners/{partner.pk}/")

    assert page.get_by_role("heading", level=1).inner_text() == "Odawa Native Friendship Centre"
    assert "Private Person" not in page.content()
    assert "private@example.org" not in page.content()
    assert_no_axe_violations(page)


def test_sergeant_merges_two_duplicates(browser_login, live_server, supervisor_cds, cds):
    keep = PartnerFactory(name="Vanier Community Association", sections=[cds])
    duplicate = PartnerFactory(name="The Vanier Community Association Inc.", sections=[cds])
    ActivityFactory(partners=[keep], title="Safety walk in Vanier", section=cds)
    ActivityFactory(partners=[duplicate], title="Vanier community barbecue", section=cds)
    page = browser_login("sergeant.cds")

    page.goto(f"{live_server.url}/partners/{keep.pk}/")
    page.get_by_role("link", name="Merge a duplicate into this partner").click()
    assert_no_axe_violations(page)
    page.get_by_role("combobox", name=re.compile(r"^Duplicate to merge")).select_option(
        label=duplicate.name
    )
    page.get_by_role("button", name="Preview the merge").click()
    assert "1 activity" in page.content()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Merge now").click()

    assert "was merged into" in page.content()
    timeline = page.locator("table").last.inner_text()
    assert "Safety walk in Vanier" in timeline
    assert "Vanier community barbecue" in timeline
    assert_no_axe_violations(page)


def test_coordinator_imports_partners_from_a_spreadsheet(
    browser_login, live_server, staff_cds, cds, tmp_path
):
    CommunityFactory(name="Francophone")
    upload = tmp_path / "partenaires.csv"
    upload.write_text(
        "name,kind,communities,sections,status\n"
        "Association des communautés francophones d'Ottawa,ethno_cultural,Francophone,CDS,active\n"
        "Centre Pauline-Charron,community_association,Francophone,CDS,active\n",
        encoding="utf-8",
    )
    page = browser_login("staff.cds")

    page.goto(f"{live_server.url}/partners/")
    page.get_by_role("link", name="Import").click()
    assert_no_axe_violations(page)
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name=re.compile("Preview|Check|Upload", re.I)).click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name=re.compile("Confirm", re.I)).click()

    assert "2 created" in page.content()
    assert sorted(Partner.objects.values_list("name", flat=True)) == [
        "Association des communautés francophones d'Ottawa",
        "Centre Pauline-Charron",
    ]
    assert_no_axe_violations(page)
