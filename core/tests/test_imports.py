"""The import machinery (core.imports): reading CSV and XLSX as people save them, reporting
every problem with its line and column, and saving all rows or none. The partners importer
is the real one the machinery serves; partners/tests/test_import.py covers its rules."""

from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from core.imports import (
    IMPORTERS,
    MAX_UPLOAD_BYTES,
    ImportFileError,
    RowError,
    load_importers,
    parse_bool,
    parse_date,
    read_sheet,
)
from core.testing import write_csv, write_xlsx
from partners.imports import PartnerImporter
from partners.models import Partner
from partners.tests.factories import CommunityFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/test-import/partners/"


def run(path, *, dry_run=False):
    return PartnerImporter().run(path, dry_run=dry_run)


# Header ----------------------------------------------------------------------------------


def test_a_missing_required_column_is_reported_on_line_one_and_rows_are_not_checked(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["organization", "ward"], ["Vanier centre", "Vanier"]])

    result = run(path)

    assert [(e.line, e.column) for e in result.errors] == [(1, "name"), (1, "organization")]
    assert result.rows == []
    assert Partner.objects.count() == 0


def test_an_unknown_column_is_an_error_naming_it(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["name", "fax"], ["Vanier centre", "613-555-0199"]])

    result = run(path)

    assert [(e.line, e.column) for e in result.errors] == [(1, "fax")]
    assert "name, kind, communities" in result.errors[0].message
    assert not result.ok
    assert Partner.objects.count() == 0


def test_headers_are_matched_ignoring_case_spacing_and_dashes(tmp_path):
    path = write_csv(tmp_path / "p.csv", [[" Name ", "WARD"], ["Vanier centre", "Vanier"]])

    result = run(path)

    assert result.errors == []
    assert Partner.objects.get().ward == "Vanier"


def test_a_header_without_rows_is_an_error(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["name", "ward"]])

    result = run(path)

    assert [str(e) for e in result.errors] == ["line 1: The file has no rows under its header."]


# Every problem, with its line and column -------------------------------------------------


def test_every_bad_row_is_reported_with_its_line_and_column(tmp_path):
    path = write_csv(
        tmp_path / "p.csv",
        [
            ["name", "kind", "email", "status"],
            ["Good one", "", "", ""],
            ["Bad kind", "club", "", ""],
            ["", "", "", ""],  # empty: skipped, but still counts as a line
            ["Bad email and status", "", "not-an-email", "sleeping"],
            ["", "other", "", ""],
        ],
    )

    result = run(path)

    assert [(e.line, e.column) for e in result.errors] == [
        (3, "kind"),
        (5, "email"),
        (5, "status"),
        (6, "name"),
    ]
    assert [(row.line, row.action) for row in result.rows] == [(2, "create")]
    assert str(result.errors[1]) == "line 5, column email: “not-an-email” is not an email address."


def test_one_bad_row_among_good_ones_saves_nothing(tmp_path):
    path = write_csv(
        tmp_path / "p.csv",
        [["name", "communities"], ["First", ""], ["Second", "Martians"], ["Third", ""]],
    )

    result = run(path, dry_run=False)

    assert result.saved is False
    assert [(e.line, e.column) for e in result.errors] == [(3, "communities")]
    assert Partner.objects.count() == 0


def test_a_good_file_saves_every_row_in_one_go(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["name"], ["First"], ["Second"]])

    result = run(path)

    assert (result.saved, result.created, result.updated, result.unchanged) == (True, 2, 0, 0)
    assert sorted(Partner.objects.values_list("name", flat=True)) == ["First", "Second"]


def test_a_dry_run_saves_nothing_but_says_what_it_would_do(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["name"], ["First"], ["Second"]])

    result = run(path, dry_run=True)

    assert (result.ok, result.saved, result.created) == (True, False, 2)
    assert result.summary() == "2 created, 0 updated, 0 unchanged"
    assert Partner.objects.count() == 0


def test_a_value_under_a_column_without_a_name_is_reported(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["name", "", "ward"], ["First", "stray", "Vanier"]])

    result = run(path)

    assert result.errors == [RowError(2, "B", "This cell has a value but no column name above it.")]


def test_a_value_too_long_for_the_database_is_reported_before_saving(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["name", "ward"], ["First", "w" * 101]])

    result = run(path)

    assert [(e.line, e.column) for e in result.errors] == [(2, "ward")]
    assert Partner.objects.count() == 0


# Files as people save them ---------------------------------------------------------------

FRENCH_NAME = "Association des communautés francophones d'Ottawa"


def test_a_windows_1252_csv_keeps_its_accents(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["name"], [FRENCH_NAME]], encoding="cp1252")

    result = run(path)

    assert result.errors == []
    assert Partner.objects.get().name == FRENCH_NAME


def test_a_utf8_csv_with_a_byte_order_mark_is_read(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["name", "ward"], [FRENCH_NAME, "Vanier"]])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    result = run(path)

    assert result.errors == []
    assert Partner.objects.values_list("name", "ward").get() == (FRENCH_NAME, "Vanier")


def test_a_semicolon_separated_csv_from_a_french_excel_is_read(tmp_path):
    path = write_csv(
        tmp_path / "p.csv", [["name", "ward"], ["Centre Vanier", "Vanier"]], delimiter=";"
    )

    sheet = read_sheet(path.read_bytes(), path.name)

    assert sheet.header == ["name", "ward"]
    assert sheet.rows[0].values == {"name": "Centre Vanier", "ward": "Vanier"}


def test_xlsx_numbers_and_dates_are_read_as_the_text_a_person_sees(tmp_path):
    path = write_xlsx(
        tmp_path / "sheet.xlsx",
        [
            ["Name", "Count", "Hours", "Phone", "On", "At", "Flag"],
            [None, None, None, None, None, None, None],
            [
                "Vanier",
                12.0,
                2.5,
                6135550100,
                date(2018, 6, 1),
                datetime(2018, 6, 1, 18, 30),
                True,
            ],
        ],
    )

    sheet = read_sheet(path.read_bytes(), path.name)

    assert sheet.header == ["name", "count", "hours", "phone", "on", "at", "flag"]
    assert [row.line for row in sheet.rows] == [3]
    assert sheet.rows[0].values == {
        "name": "Vanier",
        "count": "12",
        "hours": "2.5",
        "phone": "6135550100",
        "on": "2018-06-01",
        "at": "2018-06-01T18:30:00",
        "flag": "true",
    }


def test_an_xlsx_file_imports_like_a_csv(tmp_path):
    CommunityFactory(name="Francophones")
    path = write_xlsx(
        tmp_path / "partners.xlsx",
        [["name", "communities", "phone"], [FRENCH_NAME, "francophones", 6135550100]],
    )

    result = run(path)

    assert result.errors == []
    partner = Partner.objects.get()
    assert (partner.name, partner.phone) == (FRENCH_NAME, "6135550100")
    assert [c.name for c in partner.communities.all()] == ["Francophones"]


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("partners.txt", b"name\nVanier\n", "partners.txt is not a CSV or XLSX file"),
        ("partners.xls", b"\xd0\xcf\x11\xe0", "partners.xls is not a CSV or XLSX file"),
        ("partners.xlsx", b"name\nVanier\n", "not an Excel workbook that can be read"),
        ("partners.csv", b"PK\x03\x04rest", "This file is an Excel workbook, not CSV"),
        ("partners.csv", b"\x81\x8d\x8f\x90\x9d", "The file is not readable text"),
        ("partners.csv", b"", "The first line of the file must name the columns"),
    ],
)
def test_a_file_that_cannot_be_read_gets_a_clear_message(tmp_path, filename, content, message):
    path = tmp_path / filename
    path.write_bytes(content)

    with pytest.raises(ImportFileError) as raised:
        run(path)

    assert message in str(raised.value)


# Cells ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("yes", True), ("Oui", True), ("TRUE", True), ("1", True)]
    + [("no", False), ("NON", False), ("false", False), ("0", False)],
)
def test_yes_and_no_in_both_languages(value, expected):
    assert parse_bool(value) is expected


@pytest.mark.parametrize("value", ["2018-13-01", "01/06/2018", "20180601", "June 1"])
def test_a_date_must_be_written_year_month_day(value):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        parse_date(value)


# Registry and command ---------------------------------------------------------------------


def test_the_apps_register_their_importers():
    load_importers()

    assert {"partners", "contacts"} <= set(IMPORTERS)
    assert IMPORTERS["partners"] is PartnerImporter


def test_the_command_refuses_an_unknown_kind_and_lists_the_kinds(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["name"], ["Vanier"]])

    with pytest.raises(CommandError) as raised:
        call_command("import", "widgets", str(path))

    message = str(raised.value)
    assert message.startswith("Unknown kind widgets. Choose one of: ")
    # Every registered kind, in alphabetical order (more apps register more kinds).
    kinds = message.removeprefix("Unknown kind widgets. Choose one of: ").rstrip(".").split(", ")
    assert {"contacts", "partners"} <= set(kinds)
    assert kinds == sorted(kinds)


def test_the_command_reports_an_unreadable_file_without_a_traceback(tmp_path):
    with pytest.raises(CommandError, match="Cannot open"):
        call_command("import", "partners", str(tmp_path / "missing.csv"))


# Browser flow -----------------------------------------------------------------------------


@pytest.fixture
def import_urls(settings):
    settings.ROOT_URLCONF = "core.tests.import_urls"


def test_a_file_over_five_megabytes_is_refused(import_urls, login, staff_cds):
    client = login(staff_cds)
    big = SimpleUploadedFile("partners.csv", b"name\n" + b"x" * (MAX_UPLOAD_BYTES + 1024 * 1024))

    response = client.post(IMPORT_URL, {"file": big})

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "This file is 6.0\xa0MB; the largest file accepted is 5.0\xa0MB."
    ]
    assert Partner.objects.count() == 0
    assert "import:partners" not in client.session


def test_an_unreadable_upload_is_shown_on_the_form(import_urls, login, staff_cds):
    client = login(staff_cds)
    upload = SimpleUploadedFile("partners.xlsx", b"not a workbook")

    response = client.post(IMPORT_URL, {"file": upload})

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "The file is not an Excel workbook that can be read (.xlsx)."
    ]


def test_the_upload_page_lists_the_columns_and_accepts_csv_and_xlsx(import_urls, login, staff_cds):
    response = login(staff_cds).get(IMPORT_URL)

    assert response.status_code == 200
    body = response.content.decode()
    assert 'accept=".csv,.xlsx"' in body
    assert [c["name"] for c in response.context["columns"]] == list(PartnerImporter.columns())
    assert "Required: name. Optional: kind, communities, ward" in body


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("administrator", 403)])
def test_only_section_staff_may_import(import_urls, users, client, role, status):
    client.force_login(users[role])

    assert client.get(IMPORT_URL).status_code == status


def test_a_confirm_without_a_previewed_file_imports_nothing(import_urls, login, staff_cds):
    client = login(staff_cds)

    response = client.post(IMPORT_URL, {"action": "confirm", "digest": "x"}, follow=True)

    assert response.redirect_chain == [(IMPORT_URL, 302)]
    assert "Upload it again" in [str(m) for m in response.context["messages"]][0]
    assert Partner.objects.count() == 0
