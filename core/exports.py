"""Export machinery shared by every list and report.

Every CSV and XLSX cell goes through ``safe_cell`` so a spreadsheet never runs a value as a
formula; numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone

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
    sheet.append([safe_cell(str(h)) for h in header])
    for row in rows:
        sheet.append([safe_cell(_plain(v)) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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


# Characters XML (and so DOCX and XLSX) cannot hold; pasted text sometimes carries them.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(value) -> str:
    """Text without the control characters a Word or Excel file cannot contain."""
    return XML_ILLEGAL.sub("", str(value))


def no_network_fetcher():
    """A WeasyPrint URL fetcher that fetches nothing: print templates and their stylesheets
    need no outside resource, fonts come from the system, and a PDF must never make the
    server reach out (to another host, or to a file:// path named in user text)."""
    from weasyprint.urls import URLFetcher

    class NoNetworkFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"Inroads PDFs load no outside resource: {url}")

    return NoNetworkFetcher()
