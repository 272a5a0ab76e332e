"""Export machinery shared by every list and report.

Every CSV and XLSX cell goes through ``safe_cell`` so a spreadsheet never runs a value as a
formula; numbers stay numbers. The documents' exporters (``reports.exporters``,
``consultations.exporters``) build their Word tables, Excel sheets and PDFs with the helpers
at the end of this module.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

# A spreadsheet runs a cell beginning with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
EXPORT_FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """Neutralize a text cell a spreadsheet would run as a formula; numbers stay numbers.

    A leading apostrophe makes Excel and LibreOffice show the text as typed.
    """
    if value is None or isinstance(value, (bool, int, float, Decimal, date)):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def _plain(value):
    """A cell value as a spreadsheet should hold it: local naive datetimes, text for lazies."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if value is None or isinstance(value, (bool, int, float, Decimal, date)):
        return value
    return str(value)


def rows_to_csv(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(str(h)) for h in header])
    for row in rows:
        writer.writerow([safe_cell(_plain(v)) for v in row])
    # A byte-order mark so Excel opens accents (French names) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def rows_to_xlsx(header: Sequence[str], rows: Iterable[Sequence], *, title: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Sheet")
    sheet.append([xlsx_cell(str(h)) for h in header])
    for row in rows:
        sheet.append([xlsx_cell(_plain(v)) for v in row])
    return saved_bytes(workbook)


def export_response(
    header: Sequence[str], rows: Iterable[Sequence], *, fmt: str, stem: str
) -> HttpResponse:
    """A download of the rows as CSV or XLSX, named ``<stem>-<date>.<fmt>``."""
    filename = f"{stem}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "xlsx":
        body = rows_to_xlsx(header, rows, title=stem)
        response = HttpResponse(body, content_type=XLSX_CONTENT_TYPE)
    else:
        response = HttpResponse(rows_to_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def table_rows(table) -> tuple[list[str], list[list]]:
    """Header and rows of a django-tables2 table as values (not HTML), exported columns only."""
    values = iter(table.as_values())
    header = [str(h) for h in next(values)]
    return header, [list(row) for row in values]


# Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return). Word and
# Excel files are XML: one of these in pasted text (a title, a quote) makes the file unreadable.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(value) -> str:
    """Text without the control characters a Word or Excel file cannot contain."""
    return XML_ILLEGAL.sub("", str(value))


def xlsx_cell(value):
    """A cell as Excel should hold it: numbers as numbers, text XML-safe and neutralized
    (in that order, so a control character cannot hide a leading "=" from ``safe_cell``)."""
    if isinstance(value, str):
        value = xml_text(value)
    return safe_cell(value)


def xlsx_sheet(
    workbook, title: str, header: list, rows: list[list], *, date_style: str = "yyyy-mm-dd"
) -> None:
    """A sheet of a write-only openpyxl workbook: a header row, then the rows, with decimals
    shown to the cent and dates as ``date_style``."""
    from openpyxl.cell import WriteOnlyCell

    sheet = workbook.create_sheet(title=xml_text(title)[:31])
    sheet.append([xlsx_cell(str(h)) for h in header])
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=xlsx_cell(value))
            if isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
            elif isinstance(value, date):
                cell.number_format = date_style
            cells.append(cell)
        sheet.append(cells)


def docx_table(document, header: list[str], rows: list[list[str]], *, empty: str = "") -> None:
    """A python-docx table with a bold header row, or the paragraph ``empty`` when there is
    no row and it is given."""
    if not rows and empty:
        document.add_paragraph(empty)
        return
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = xml_text(text)
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = xml_text(text)


def saved_bytes(document) -> bytes:
    """A python-docx document or openpyxl workbook as the bytes of its file."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class ExportUnavailable(Exception):
    """This server cannot make the format (WeasyPrint without Pango): a view answers 503
    with ``message``."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# Every printed document's common layout (page, type, tables), before its own stylesheet.
PRINT_BASE_STYLESHEET = "css/print_base.css"


def static_path(name: str) -> Path:
    """A static file on disk: where the finders find it, else where collectstatic put it."""
    found = finders.find(name)
    return Path(found) if found else Path(settings.STATIC_ROOT) / name


def no_network_fetcher():
    """A WeasyPrint URL fetcher that fetches nothing: print templates and their stylesheets
    need no outside resource, fonts come from the system, and a PDF must never make the
    server reach out (to another host, or to a file:// path named in user text)."""
    from weasyprint.urls import URLFetcher

    class NoNetworkFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"Inroads PDFs load no outside resource: {url}")

    return NoNetworkFetcher()


def html_to_pdf(html: str, *, stylesheet: Path) -> bytes:
    """A print template's HTML as a PDF (tagged for screen readers, PDF/UA-1), laid out by
    ``PRINT_BASE_STYLESHEET`` and then the document's own ``stylesheet``, fetching nothing.

    Raises ``ExportUnavailable`` when WeasyPrint cannot load (no Pango on this server).
    """
    try:
        from weasyprint import CSS, HTML
    except (OSError, ImportError) as exc:
        # WeasyPrint found no Pango on this server (README, "Deployment").
        raise ExportUnavailable(
            _("PDF export is not available on this server. Use DOCX, or ask IT.")
        ) from exc
    fetcher = no_network_fetcher()
    # base_url=None: a relative URL in the HTML resolves to nothing rather than a path.
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
    stylesheets = [
        CSS(filename=str(path), url_fetcher=fetcher)
        for path in (static_path(PRINT_BASE_STYLESHEET), stylesheet)
    ]
    return document.write_pdf(stylesheets=stylesheets, pdf_variant="pdf/ua-1")
