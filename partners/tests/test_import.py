"""Importing the sections' partner and contact sheets: matching what is already known,
refusing what is not (communities, sections, partners), and the command and browser flows
(DESIGN.md, "Import and export")."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command

from core.testing import upload, write_csv, write_xlsx
from partners.choices import Language, PartnerKind, PartnerStatus
from partners.imports import ContactImporter, PartnerImporter
from partners.models import Community, Contact, Partner
from partners.tests.factories import CommunityFactory, ContactFactory, PartnerFactory

pytestmark = pytest.mark.django_db

FRENCH_NAME = "Association des communautés francophones d'Ottawa"
PARTNER_HEADER = [
    "name",
    "kind",
    "communities",
    "ward",
    "status",
    "email",
    "phone",
    "website",
    "sections",
    "notes",
]


def import_partners(path, *, dry_run=False, user=None):
    return PartnerImporter().run(path, dry_run=dry_run, user=user)


def import_contacts(path, *, dry_run=False, user=None):
    return ContactImporter().run(path, dry_run=dry_run, user=user)


@pytest.fixture
def partners_sheet(tmp_path, cds, drr):
    CommunityFactory(name="Francophones")
    CommunityFactory(name="Newcomers and refugees")
    CommunityFactory(name="Youth")
    return write_csv(
        tmp_path / "partners.csv",
        [
            PARTNER_HEADER,
            [
                FRENCH_NAME,
                "Ethno-cultural association",
                "francophones; Newcomers and Refugees",
                "Vanier",
                "active",
                "info@acfo.example",
                "613-555-0101",
                "www.acfo.example",
                "CDS;drr",
                "Board meets monthly",
            ],
            [
                "Youth Services Bureau",
                "social_service",
                "Youth",
                "",
                "Prospective",
                "",
                "",
                "",
                "",
                "",
            ],
        ],
    )


# Partners --------------------------------------------------------------------------------


def test_partners_are_created_with_every_column(partners_sheet, cds, drr, staff_cds):
    result = import_partners(partners_sheet, user=staff_cds)

    assert result.errors == []
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    partner = Partner.objects.get(name=FRENCH_NAME)
    assert (partner.kind, partner.status, partner.ward) == (
        PartnerKind.ETHNO_CULTURAL,
        PartnerStatus.ACTIVE,
        "Vanier",
    )
    assert (partner.email, partner.phone, partner.website, partner.notes) == (
        "info@acfo.example",
        "613-555-0101",
        "https://www.acfo.example",
        "Board meets monthly",
    )
    assert sorted(c.name for c in partner.communities.all()) == [
        "Francophones",
        "Newcomers and refugees",
    ]
    assert sorted(s.code for s in partner.sections.all()) == ["CDS", "DRR"]
    other = Partner.objects.get(name="Youth Services Bureau")
    assert (other.kind, other.status) == (PartnerKind.SOCIAL_SERVICE, PartnerStatus.PROSPECTIVE)


def test_french_names_keep_their_accents_exactly(partners_sheet):
    import_partners(partners_sheet)

    assert Partner.objects.filter(name=FRENCH_NAME).count() == 1
    assert Partner.objects.get(name=FRENCH_NAME).name_key == (
        "association des communautes francophones d'ottawa"
    )


def test_importing_the_same_file_twice_creates_nothing_new(partners_sheet):
    import_partners(partners_sheet)

    second = import_partners(partners_sheet)

    assert second.errors == []
    assert [(row.line, row.action) for row in second.rows] == [(2, "unchanged"), (3, "unchanged")]
    assert Partner.objects.count() == 2


def test_a_partner_known_under_another_case_accents_or_spacing_is_updated_not_duplicated(
    tmp_path,
):
    existing = PartnerFactory(
        name="ASSOCIATION DES COMMUNAUTES  FRANCOPHONES D'OTTAWA", ward="", phone="613-555-0000"
    )
    path = write_csv(
        tmp_path / "p.csv", [["name", "ward", "phone"], [f"  {FRENCH_NAME} ", "Vanier", ""]]
    )

    result = import_partners(path)

    assert [(row.action, row.changed) for row in result.rows] == [("update", ("ward",))]
    existing.refresh_from_db()
    assert Partner.objects.count() == 1
    # The match is not renamed, a blank cell erases nothing, and edit forms see a new version.
    assert (existing.name, existing.ward, existing.phone, existing.version) == (
        "ASSOCIATION DES COMMUNAUTES  FRANCOPHONES D'OTTAWA",
        "Vanier",
        "613-555-0000",
        2,
    )


def test_an_import_is_in_the_audit_history_under_the_user(partners_sheet, staff_cds):
    import_partners(partners_sheet, user=staff_cds)

    partner = Partner.objects.get(name=FRENCH_NAME)
    records = list(partner.history.all())
    assert {record.history_user for record in records} == {staff_cds}
    assert records[-1].history_type == "+"
    assert records[-1].history_change_reason == "Imported from partners.csv"


def test_unknown_communities_and_sections_are_errors_naming_them_and_create_nothing(tmp_path, cds):
    CommunityFactory(name="Youth")
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["name", "communities", "sections"],
            ["Youth Services Bureau", "Youth; Martians; Venusians", "CDS; XYZ"],
        ],
    )

    result = import_partners(path)

    assert [str(error) for error in result.errors] == [
        "line 2, column communities: Unknown communities: Martians, Venusians. Use the names "
        "of the communities list (an administrator can add one).",
        "line 2, column sections: Unknown section codes: XYZ.",
    ]
    assert Partner.objects.count() == 0
    assert list(Community.objects.values_list("name", flat=True)) == ["Youth"]


def test_a_partner_twice_in_one_file_is_an_error_on_the_second(tmp_path):
    path = write_csv(
        tmp_path / "p.csv",
        [["name"], ["Centre Vanier"], ["Other partner"], ["CENTRE  vanier"]],
    )

    result = import_partners(path)

    assert [str(error) for error in result.errors] == [
        "line 4, column name: Line 2 already has a partner with this name."
    ]
    assert Partner.objects.count() == 0


def test_kind_and_status_accept_codes_and_english_labels_in_any_case(tmp_path):
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["name", "kind", "status"],
            ["A", "FAITH-BASED ORGANIZATION", "former"],
            ["B", "lgbtq", "Active"],
            ["C", "2SLGBTQ+ organization", "PROSPECTIVE"],
        ],
    )

    result = import_partners(path)

    assert result.errors == []
    assert list(Partner.objects.order_by("name").values_list("kind", "status")) == [
        (PartnerKind.FAITH_BASED, PartnerStatus.FORMER),
        (PartnerKind.LGBTQ, PartnerStatus.ACTIVE),
        (PartnerKind.LGBTQ, PartnerStatus.PROSPECTIVE),
    ]


def test_a_bad_email_website_and_kind_are_reported_by_column(tmp_path):
    path = write_csv(
        tmp_path / "p.csv",
        [["name", "kind", "email", "website"], ["A", "club", "a@", "not a site"]],
    )

    result = import_partners(path)

    assert [(error.line, error.column) for error in result.errors] == [
        (2, "email"),
        (2, "kind"),
        (2, "website"),
    ]


# Contacts --------------------------------------------------------------------------------


def test_contacts_are_created_linked_to_their_partner(tmp_path):
    partner = PartnerFactory(name=FRENCH_NAME)
    path = write_csv(
        tmp_path / "contacts.csv",
        [
            [
                "name",
                "partner",
                "role",
                "email",
                "phone",
                "preferred_language",
                "consent_to_contact",
                "consent_date",
                "notes",
            ],
            [
                "Marie Tremblay",
                "association des communautes francophones d'ottawa",
                "Directrice",
                "marie@acfo.example",
                "613-555-0102",
                "French",
                "oui",
                "2018-03-15",
                "Prefers mornings",
            ],
        ],
    )

    result = import_contacts(path)

    assert result.errors == []
    assert [(row.action, row.label) for row in result.rows] == [
        ("create", f"Marie Tremblay ({FRENCH_NAME})")
    ]
    contact = Contact.objects.get()
    assert (contact.partner, contact.name, contact.role, contact.email, contact.phone) == (
        partner,
        "Marie Tremblay",
        "Directrice",
        "marie@acfo.example",
        "613-555-0102",
    )
    assert (contact.preferred_language, contact.consent_to_contact, contact.consent_date) == (
        Language.FRENCH,
        True,
        date(2018, 3, 15),
    )
    assert contact.notes == "Prefers mornings"


def test_an_unknown_partner_is_an_error(tmp_path):
    path = write_csv(tmp_path / "c.csv", [["name", "partner"], ["Marie Tremblay", "Nobody Inc."]])

    result = import_contacts(path)

    assert [str(error) for error in result.errors] == [
        "line 2, column partner: No partner is named “Nobody Inc.”. Import or add the partner "
        "first."
    ]
    assert Contact.objects.count() == 0


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("yes", True), ("YES", True), ("true", True), ("1", True), ("Oui", True)]
    + [("no", False), ("False", False), ("0", False), ("non", False), ("", False)],
)
def test_consent_is_read_from_yes_or_no_in_either_language(tmp_path, cell, expected):
    PartnerFactory(name="Centre Vanier")
    path = write_csv(
        tmp_path / "c.csv",
        [["name", "partner", "consent_to_contact"], ["Marie", "Centre Vanier", cell]],
    )

    result = import_contacts(path)

    assert result.errors == []
    assert Contact.objects.get().consent_to_contact is expected


def test_consent_that_is_neither_yes_nor_no_is_an_error(tmp_path):
    path = write_csv(tmp_path / "c.csv", [["name", "consent_to_contact"], ["Marie", "maybe"]])

    result = import_contacts(path)

    assert [str(error) for error in result.errors] == [
        "line 2, column consent_to_contact: “maybe” is not yes or no."
    ]


def test_a_contact_is_matched_by_partner_and_email_ignoring_case(tmp_path):
    partner = PartnerFactory(name="Centre Vanier")
    contact = ContactFactory(partner=partner, name="M. Tremblay", email="Marie@Vanier.example")
    path = write_csv(
        tmp_path / "c.csv",
        [["name", "partner", "email"], ["Marie Tremblay", "Centre Vanier", "marie@vanier.example"]],
    )

    result = import_contacts(path)

    assert [(row.action, row.changed) for row in result.rows] == [("update", ("name",))]
    contact.refresh_from_db()
    assert (Contact.objects.count(), contact.name, contact.email) == (
        1,
        "Marie Tremblay",
        "Marie@Vanier.example",
    )


def test_a_contact_without_email_is_matched_by_partner_and_name(tmp_path):
    partner = PartnerFactory(name="Centre Vanier")
    ContactFactory(partner=partner, name="Marie Tremblay", email="", role="Director")
    path = write_csv(
        tmp_path / "c.csv",
        [["name", "partner", "role"], ["MARIE  TREMBLAY", "Centre Vanier", "Director"]],
    )

    result = import_contacts(path)

    assert [row.action for row in result.rows] == ["unchanged"]
    assert Contact.objects.count() == 1


def test_contacts_from_xlsx_with_date_and_number_cells(tmp_path):
    PartnerFactory(name="Centre Vanier")
    path = write_xlsx(
        tmp_path / "contacts.xlsx",
        [
            [
                "Name",
                "Partner",
                "Phone",
                "Consent to contact",
                "Consent date",
                "Preferred language",
            ],
            ["Marie Tremblay", "Centre Vanier", 6135550102, 1, date(2018, 3, 15), "fr"],
        ],
    )

    first = import_contacts(path)
    second = import_contacts(path)

    assert first.errors == []
    contact = Contact.objects.get()
    assert (contact.phone, contact.consent_to_contact, contact.consent_date) == (
        "6135550102",
        True,
        date(2018, 3, 15),
    )
    assert contact.preferred_language == Language.FRENCH
    assert [row.action for row in second.rows] == ["unchanged"]


# The command -----------------------------------------------------------------------------


def test_the_command_with_dry_run_saves_nothing(partners_sheet, capsys):
    call_command("import", "partners", str(partners_sheet), "--dry-run")

    out = capsys.readouterr().out
    assert out.splitlines() == ["2 created, 0 updated, 0 unchanged", "dry run: nothing saved"]
    assert Partner.objects.count() == 0


def test_the_command_imports_and_records_the_user(partners_sheet, staff_cds, capsys):
    call_command("import", "partners", str(partners_sheet), "--user", "staff.cds")

    assert capsys.readouterr().out.splitlines() == ["2 created, 0 updated, 0 unchanged"]
    partner = Partner.objects.get(name=FRENCH_NAME)
    assert partner.history.earliest("history_date").history_user == staff_cds


def test_the_command_lists_every_error_with_line_and_column_and_saves_nothing(tmp_path, capsys):
    path = write_csv(
        tmp_path / "p.csv",
        [["name", "status", "email"], ["Good", "", ""], ["Bad", "asleep", "x@"], ["", "", ""]],
    )

    with pytest.raises(CommandError, match="^2 errors: nothing was imported$"):
        call_command("import", "partners", str(path))

    assert capsys.readouterr().err.splitlines() == [
        "line 3, column email: “x@” is not an email address.",
        "line 3, column status: “asleep” is not one of: prospective, active, former.",
    ]
    assert Partner.objects.count() == 0


def test_the_command_refuses_an_unknown_user(partners_sheet):
    with pytest.raises(CommandError, match="No user is named nobody"):
        call_command("import", "partners", str(partners_sheet), "--user", "nobody")


# The browser flow ------------------------------------------------------------------------

PARTNERS_URL = "/test-import/partners/"
CONTACTS_URL = "/test-import/contacts/"


@pytest.fixture
def import_urls(settings):
    settings.ROOT_URLCONF = "core.tests.import_urls"


def test_a_preview_with_errors_lists_them_by_line_and_column_without_a_confirm_button(
    import_urls, login, staff_cds, tmp_path
):
    path = write_csv(tmp_path / "p.csv", [["name", "sections"], ["Good", ""], ["Bad", "XYZ"]])
    client = login(staff_cds)

    response = client.post(PARTNERS_URL, {"file": upload(path)})

    assert response.status_code == 200
    assert [(e.line, e.column) for e in response.context["result"].errors] == [(3, "sections")]
    body = response.content.decode()
    assert "<td>3</td>" in body
    assert "Unknown section codes: XYZ." in body
    assert "Confirm import" not in body
    assert "import:partners" not in client.session
    assert Partner.objects.count() == 0


def test_a_good_file_is_previewed_then_saved_on_confirm(
    import_urls, login, supervisor_cds, partners_sheet
):
    client = login(supervisor_cds)

    preview = client.post(PARTNERS_URL, {"file": upload(partners_sheet)})

    assert preview.status_code == 200
    assert "Confirm import" in preview.content.decode()
    assert [(row.line, row.action) for row in preview.context["result"].rows] == [
        (2, "create"),
        (3, "create"),
    ]
    assert Partner.objects.count() == 0

    confirm = client.post(PARTNERS_URL, {"action": "confirm", "digest": preview.context["digest"]})

    assert (confirm.status_code, confirm.url) == (302, "/partners/")
    assert [str(m) for m in get_messages(confirm.wsgi_request)] == [
        "2 created, 0 updated, 0 unchanged"
    ]
    assert Partner.objects.count() == 2
    assert (
        Partner.objects.get(name=FRENCH_NAME).history.earliest("history_date").history_user
        == supervisor_cds
    )
    assert "import:partners" not in client.session


def test_confirming_twice_imports_once(import_urls, login, staff_cds, partners_sheet):
    client = login(staff_cds)
    preview = client.post(PARTNERS_URL, {"file": upload(partners_sheet)})
    data = {"action": "confirm", "digest": preview.context["digest"]}

    client.post(PARTNERS_URL, data)
    again = client.post(PARTNERS_URL, data)

    assert again.status_code == 302
    assert again.url == PARTNERS_URL
    assert Partner.objects.count() == 2


def test_contacts_are_imported_through_the_browser(import_urls, login, staff_cds, tmp_path):
    PartnerFactory(name="Centre Vanier")
    path = write_csv(tmp_path / "c.csv", [["name", "partner"], ["Marie", "centre vanier"]])
    client = login(staff_cds)
    preview = client.post(CONTACTS_URL, {"file": upload(path)})

    response = client.post(CONTACTS_URL, {"action": "confirm", "digest": preview.context["digest"]})

    assert (response.status_code, response.url) == (302, "/contacts/")
    assert Contact.objects.get().partner.name == "Centre Vanier"


def test_viewers_may_not_import(import_urls, login, viewer, partners_sheet):
    response = login(viewer).post(PARTNERS_URL, {"file": upload(partners_sheet)})

    assert response.status_code == 403
    assert Partner.objects.count() == 0
