"""The report's downloads: each file opened with the library a reader's software would use,
and its numbers compared with ``annual_report()``."""

import datetime
import io
import json
import re
import sys
import types
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from accounts.models import User
from core.demo.seed import seed_demo
from core.exports import PRINT_BASE_STYLESHEET, no_network_fetcher, static_path
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory
from events.tests.factories import EventFactory
from partners.tests.factories import CommunityFactory
from reports.contents import report_for_year
from reports.exporters import (
    EXPORTERS,
    PRINT_TEMPLATE,
    PdfExporter,
    ReportExporter,
)
from reports.models import ReportIntroduction
from reports.queries import annual_report

pytestmark = pytest.mark.django_db

# People reached is over a thousand in the seed's 2018: the documents group it ("3,150").
CHECKED = ["activities", "people_reached", "toolkits_distributed", "funds_raised"]


@pytest.fixture
def seeded_client(client):
    """The demo's 2018 and its CDS sergeant signed in, with an introduction for CDS."""
    seed_demo()
    sergeant = User.objects.get(username="sergeant.cds")
    ReportIntroduction.objects.create(
        section=sergeant.section,
        year=2018,
        text="CDS builds inroads with under-served communities.",
        updated_by=sergeant,
    )
    client.force_login(sergeant)
    return client


def download(client, fmt: str, url: str = "/reports/annual/2018/"):
    response = client.get(f"{url}?format={fmt}")
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == EXPORTERS[fmt].content_type
    return response


def money_text(value: str) -> str:
    """ "1200.00" as the documents write it: "$1,200.00"."""
    return f"${Decimal(value):,.2f}"


def count_text(value) -> str:
    return f"{value:,}"


def expected_figure_rows(report: dict) -> dict[str, list[str]]:
    """The figures table's rows as the DOCX and PDF write them: label, sections, total."""
    labels = {
        "activities": "Engagement activities",
        "people_reached": "People reached",
        "toolkits_distributed": "Groups given toolkits",
        "funds_raised": "Funds raised",
    }
    rows = {}
    for figure in CHECKED:
        write = money_text if figure == "funds_raised" else count_text
        rows[labels[figure]] = [
            labels[figure],
            *(write(s[figure]) for s in report["sections"]),
            write(report["totals"][figure]),
        ]
    return rows


def test_json_is_exactly_the_contract(seeded_client):
    response = download(seeded_client, "json")

    document = json.loads(response.content)
    assert document == annual_report(2018)
    assert list(document) == ["year", "sections", "totals"]
    assert "Content-Disposition" not in response


def test_word_document_has_the_same_numbers_as_the_report(seeded_client):
    from docx import Document

    report = annual_report(2018)

    document = Document(io.BytesIO(download(seeded_client, "docx").content))

    paragraphs = [p.text for p in document.paragraphs]
    # The first table whose header starts with a column "Figure" is the figures' (the
    # comparison's follow); the breakdowns' tables each start with their own column.
    tables = {}
    for table in document.tables:
        tables.setdefault(table.rows[0].cells[0].text, table)
    figures = tables["Figure"]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in figures.rows[1:]}
    assert [c.text for c in figures.rows[0].cells] == ["Figure", "CDS", "DRR", "Total"]
    for label, expected in expected_figure_rows(report).items():
        assert rows[label] == expected
    cds = next(s for s in report["sections"] if s["code"] == "CDS")
    assert paragraphs[0] == "Annual report 2018"
    assert paragraphs[1] == "CDS · Community Development Section"
    assert paragraphs[2] == "CDS builds inroads with under-served communities."
    assert paragraphs[3].startswith(
        f"In 2018, CDS participated in {cds['activities']} separate community engagement "
        "activities."
    )
    assert (
        f"CDS connected with {cds['toolkits_distributed']} community stakeholder groups"
        in paragraphs[3]
    )
    assert any(
        f"A total of {money_text(report['totals']['funds_raised'])} was raised." in p
        for p in paragraphs
    )
    months = tables["Month"]
    assert len(months.rows) == 13
    assert sum(int(row.cells[-1].text) for row in months.rows[1:]) == report["totals"]["activities"]


def test_workbook_has_a_sheet_per_breakdown_with_numbers_as_numbers(seeded_client):
    from openpyxl import load_workbook

    report = annual_report(2018)

    workbook = load_workbook(io.BytesIO(download(seeded_client, "xlsx").content))

    assert workbook.sheetnames == [
        "Figures",
        "By type",
        "By month",
        "By community",
        "Events",
        "Consultations",
        "Comparison",
        "Introductions",
    ]
    figures = list(workbook["Figures"].iter_rows(values_only=True))
    header = figures[0]
    by_section = {row[0]: dict(zip(header, row, strict=True)) for row in figures[1:]}
    for section in [*report["sections"], {"code": "Total", **report["totals"]}]:
        row = by_section[section["code"]]
        assert row["Engagement activities"] == section["activities"]
        assert row["Groups given toolkits"] == section["toolkits_distributed"]
        assert Decimal(str(row["Funds raised"])) == Decimal(section["funds_raised"])
        assert Decimal(str(row["Staff hours"])) == Decimal(section["staff_hours"])
    by_type = list(workbook["By type"].iter_rows(values_only=True))[1:]
    assert {row[1]: row[-1] for row in by_type} == report["totals"]["activities_by_type"]
    by_month = list(workbook["By month"].iter_rows(values_only=True))[1:]
    assert len(by_month) == 12
    assert sum(row[-1] for row in by_month) == report["totals"]["activities"]
    events = list(workbook["Events"].iter_rows(values_only=True))[1:]
    assert len(events) == report["totals"]["events"]
    assert sum(Decimal(str(row[6])) for row in events) == Decimal(report["totals"]["funds_raised"])
    consultations = list(workbook["Consultations"].iter_rows(values_only=True))[1:]
    assert [(row[1], row[2], row[3]) for row in consultations] == [("CDS", 16, 4)]
    introductions = list(workbook["Introductions"].iter_rows(values_only=True))[1:]
    assert introductions == [("CDS", "CDS builds inroads with under-served communities.")]


def pdf_text(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_has_the_same_numbers_as_the_report(seeded_client):
    report = annual_report(2018)

    body = download(seeded_client, "pdf").content

    assert body.startswith(b"%PDF-")
    text = pdf_text(body)
    lines = text.splitlines()
    for expected in expected_figure_rows(report).values():
        assert " ".join(expected) in lines
    flowing = re.sub(r"\s+", " ", text)
    cds = next(s for s in report["sections"] if s["code"] == "CDS")
    assert (
        f"In 2018, CDS participated in {cds['activities']} separate community engagement "
        "activities." in flowing
    )
    assert "CDS builds inroads with under-served communities." in flowing
    assert f"A total of {money_text(report['totals']['funds_raised'])} was raised." in flowing


def test_pdf_request_without_pango_is_a_clear_503(login, viewer, cds, monkeypatch):
    class NoPango(types.ModuleType):
        def __getattr__(self, name):
            raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setitem(sys.modules, "weasyprint", NoPango("weasyprint"))

    response = login(viewer).get("/reports/annual/2018/?format=pdf")

    assert response.status_code == 503
    assert response.content.decode() == (
        "PDF export is not available on this server. Use DOCX, or ask IT."
    )


def test_pdf_fetches_nothing_from_outside():
    fetcher = no_network_fetcher()

    for url in ("https://cdn.example.org/font.woff2", "file:///etc/passwd", "http://127.0.0.1/"):
        with pytest.raises(ValueError, match="no outside resource"):
            fetcher.fetch(url)
    stylesheet = PdfExporter.stylesheet_path().read_text()
    assert "url(" not in stylesheet and "@import" not in stylesheet


def test_the_print_layout_every_pdf_shares_fetches_nothing():
    # core.exports.html_to_pdf hands it to WeasyPrint before each document's own stylesheet.
    stylesheet = static_path(PRINT_BASE_STYLESHEET).read_text()

    assert "url(" not in stylesheet and "@import" not in stylesheet


def test_print_template_escapes_titles_and_links_nothing(cds):
    EventFactory(section=cds, title='<img src="http://127.0.0.1:9/t.png"> <link href="x.css">')

    html = render_to_string(PRINT_TEMPLATE, {"report": report_for_year(2018)})

    assert "<img" not in html and "<link" not in html and "<style" not in html
    assert "&lt;img src=&quot;http://127.0.0.1:9/t.png&quot;&gt;" in html
    # By month; no activity, so no chart by type or community.
    assert html.count("<svg") == html.count('<svg class="svg-chart" role="img"') == 1


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg .*?</svg>", html, flags=re.S)


def test_pdf_draws_the_pages_own_charts(login, viewer, cds, drr):
    youth = CommunityFactory(name="Youth")
    ActivityFactory.create_batch(
        2, section=cds, date=datetime.date(2018, 3, 1), communities=[youth]
    )
    ActivityFactory(
        section=drr, type=ActivityTypeFactory(code="outreach", name="Networking and outreach")
    )
    client = login(viewer)
    page = client.get("/reports/annual/2018/").content.decode()

    html = PdfExporter().html(report_for_year(2018))
    text = pdf_text(download(client, "pdf").content)

    # The same three SVG images as the page (months, types, communities), drawn by
    # reports.charts, and no chart drawn by the template itself.
    assert len(svgs(page)) == 3
    assert sorted(svgs(html)) == sorted(svgs(page))
    assert html.count("<svg") == 3
    # WeasyPrint drew them with their text: the month axis is in the PDF (the table by
    # month writes "January 2018", never "Jan.").
    assert "\n".join(["Jan.", "Feb.", "March", "April", "May", "June"]) in text


def test_spreadsheet_and_word_neutralize_formulas_and_control_characters(login, viewer, cds):
    from docx import Document
    from openpyxl import load_workbook

    EventFactory(section=cds, title='=HYPERLINK("http://x")\x07 fundraiser')
    client = login(viewer)

    workbook = load_workbook(io.BytesIO(download(client, "xlsx").content))
    document = Document(io.BytesIO(download(client, "docx").content))

    titles = [row[0] for row in workbook["Events"].iter_rows(values_only=True)]
    assert titles == ["Event", '\'=HYPERLINK("http://x") fundraiser']
    events = next(t for t in document.tables if t.rows[0].cells[0].text == "Event")
    assert events.rows[1].cells[0].text == '=HYPERLINK("http://x") fundraiser'


def test_csv_keeps_its_columns(login, viewer, cds):
    ActivityFactory.create_batch(2, section=cds)

    response = download(login(viewer), "csv")

    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("year,section,name,activities,people_reached,staff_hours")
    assert lines[1].startswith("2018,CDS,Community Development Section,2,")


def test_the_page_offers_every_exporter(login, viewer, cds):
    response = login(viewer).get("/reports/annual/2018/")

    assert [url for _label, url in response.context["downloads"]] == [
        "?format=docx",
        "?format=pdf",
        "?format=xlsx",
        "?format=csv",
        "?format=json",
    ]


def test_a_new_format_needs_no_change_to_the_view(login, viewer, cds, monkeypatch):
    class TextExporter(ReportExporter):
        content_type = "text/plain; charset=utf-8"
        extension = "txt"
        label = "Text"

        def render(self, report):
            return " ".join(s for subject in report.subjects for s in subject["sentences"]).encode()

    monkeypatch.setitem(EXPORTERS, "txt", TextExporter())
    ActivityFactory(section=cds)

    response = login(viewer).get("/reports/annual/2018/?format=txt")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="inroads-report-2018.txt"'
    assert response.content.decode() == (
        "In 2018, CDS participated in 1 community engagement activity. "
        "This activity reached 10 people."
    )


def test_unknown_format_names_the_formats(login, viewer):
    response = login(viewer).get("/reports/annual/2018/?format=exe")

    assert response.status_code == 400
    assert "Choose one of: docx, pdf, xlsx, csv, json." in response.content.decode()
