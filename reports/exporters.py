"""Report exporters: one small class per format, so a new format touches no view.

Each takes a ``reports.contents.ReportContents`` and returns bytes; the page, the
``annual_report`` command and the tests all go through ``EXPORTERS``. JSON and CSV write the
contract's figures only (``report.figures``, exactly as DESIGN.md has them); DOCX, PDF and
XLSX add the sentences, the sections' introductions and the breakdowns. Every number comes
from ``report``: nothing here counts.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exports import (
    XLSX_CONTENT_TYPE,
    ExportUnavailable,  # noqa: F401 (reports.views catches it from here)
    docx_table,
    html_to_pdf,
    rows_to_csv,
    saved_bytes,
    static_path,
    xlsx_sheet,
    xml_text,
)
from core.templatetags.inroads import money, number

from .contents import FIGURE_LABELS, MONEY_FIGURES, TABLE_FIGURES, TOTAL, ReportContents

# The columns of the CSV, in order; per-type counts follow as "type:<code>".
CSV_FIGURES = [
    "activities",
    "people_reached",
    "staff_hours",
    "partners_engaged",
    "events",
    "funds_raised",
    "toolkits_distributed",
    "consultation_sessions",
    "awaiting_review",
]
PRINT_TEMPLATE = "reports/annual_report_print.html"
PRINT_STYLESHEET = "css/print_annual_report.css"


class ReportExporter:
    content_type = "application/octet-stream"
    extension = ""
    label = ""
    # False: the browser shows the file (JSON) rather than saving it.
    attachment = True
    # True: a binary file the command writes only to --output.
    binary = False

    def render(self, report: ReportContents) -> bytes:
        raise NotImplementedError

    def filename(self, report: ReportContents) -> str:
        return f"inroads-report-{report.filename_stem}.{self.extension}"


class JsonExporter(ReportExporter):
    """The contract of DESIGN.md, exactly."""

    content_type = "application/json"
    extension = "json"
    label = gettext_lazy("JSON")
    attachment = False

    def render(self, report: ReportContents) -> bytes:
        return json.dumps(report.figures, indent=2, ensure_ascii=False).encode("utf-8")


class CsvExporter(ReportExporter):
    """One row per section and a last row of totals."""

    content_type = "text/csv; charset=utf-8"
    extension = "csv"
    label = gettext_lazy("CSV")

    def render(self, report: ReportContents) -> bytes:
        document = report.figures
        rows = [*document["sections"], {"code": "TOTAL", "name": "", **document["totals"]}]
        type_codes = sorted({code for row in rows for code in row["activities_by_type"]})
        period = "year" if "year" in document else "period"
        period_value = document.get("year") or f"{document['start']}/{document['end']}"
        return rows_to_csv(
            [period, "section", "name", *CSV_FIGURES, *(f"type:{c}" for c in type_codes)],
            (
                [
                    period_value,
                    row["code"],
                    row["name"],
                    *(row[f] for f in CSV_FIGURES),
                    *(row["activities_by_type"].get(c, 0) for c in type_codes),
                ]
                for row in rows
            ),
        )


def _figure_text(figure: str, value) -> str:
    return money(value) if figure in MONEY_FIGURES else number(Decimal(str(value)))


def _subject_heading(subject: dict) -> str:
    return subject["name"] if subject["is_total"] else f"{subject['code']} · {subject['name']}"


class DocxExporter(ReportExporter):
    """A Word document ready to paste into the annual report: for each section its
    introduction and sentences, then every breakdown as a table."""

    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    extension = "docx"
    label = gettext_lazy("Word (DOCX)")
    binary = True

    def render(self, report: ReportContents) -> bytes:
        from docx import Document

        document = Document()
        document.core_properties.title = xml_text(report.title)
        document.core_properties.subject = xml_text(report.title)
        document.add_heading(xml_text(report.title), level=0)

        for subject in report.subjects:
            document.add_heading(xml_text(_subject_heading(subject)), level=1)
            for paragraph in re.split(r"\n\s*\n", subject["introduction"].strip()):
                if paragraph.strip():
                    document.add_paragraph(xml_text(paragraph.strip()))
            document.add_paragraph(xml_text(" ".join(subject["sentences"])))
            if subject["warning"]:
                document.add_paragraph().add_run(xml_text(subject["warning"])).italic = True

        sections = report.section_codes
        document.add_heading(_("Figures"), level=1)
        docx_table(
            document,
            [_("Figure"), *sections, _("Total")],
            [
                [
                    str(row["label"]),
                    *(_figure_text(row["figure"], value) for value in row["values"]),
                    _figure_text(row["figure"], row["total"]),
                ]
                for row in report.figure_rows
            ],
        )

        document.add_heading(
            _("Compared with %(previous)s") % {"previous": report.previous_label}, level=1
        )
        for subject in report.comparison:
            name = _("All sections") if subject["code"] == TOTAL else subject["code"]
            document.add_heading(xml_text(name), level=2)
            docx_table(
                document,
                [_("Figure"), report.period_label, report.previous_label, _("Change")],
                [
                    [
                        str(row["label"]),
                        _figure_text(row["figure"], row["current"]),
                        _figure_text(row["figure"], row["previous"]),
                        row["change_text"],
                    ]
                    for row in subject["rows"]
                ],
            )

        document.add_heading(_("Activities by type"), level=1)
        docx_table(
            document,
            [_("Type"), *sections, _("Total")],
            [[r["name"], *map(number, r["counts"]), number(r["total"])] for r in report.by_type],
            empty=_("No approved activity in this period."),
        )

        document.add_heading(_("Activities by month"), level=1)
        docx_table(
            document,
            [_("Month"), *sections, _("Total")],
            [[r["label"], *map(number, r["counts"]), number(r["total"])] for r in report.by_month],
        )

        document.add_heading(_("Activities by community"), level=1)
        docx_table(
            document,
            [_("Community"), *sections, _("Total")],
            [
                [r["community"], *map(number, r["counts"]), number(r["total"])]
                for r in report.by_community
            ],
            empty=_("No approved activity of this period records a community."),
        )

        document.add_heading(_("Events"), level=1)
        docx_table(
            document,
            [_("Event"), _("Section"), _("Date"), _("Attendance"), _("Funds raised"), _("For")],
            [
                [
                    e["title"],
                    e["section"],
                    date_format(e["date"], "DATE_FORMAT"),
                    number(e["attendance"]) if e["attendance"] is not None else "—",
                    money(e["funds_raised"]) if e["funds_raised"] else "—",
                    e["funds_beneficiary"] or "—",
                ]
                for e in report.events
            ],
            empty=_("No event in this period."),
        )

        document.add_heading(_("Consultations"), level=1)
        docx_table(
            document,
            [_("Consultation"), _("Section"), _("Groups given toolkits"), _("In-person sessions")],
            [
                [c["name"], c["section__code"], number(c["groups"]), number(c["sessions"])]
                for c in report.consultations
            ],
            empty=_("No consultation in this period."),
        )

        document.add_paragraph(
            _("Prepared with Inroads on %(date)s.")
            % {"date": date_format(timezone.localdate(), "DATE_FORMAT")}
        )
        return saved_bytes(document)


class PdfExporter(ReportExporter):
    """The same as the Word document laid out for print (letter, portrait), with the page's
    charts (``report.charts``, inline SVG), tagged for screen readers (PDF/UA-1)."""

    content_type = "application/pdf"
    extension = "pdf"
    label = gettext_lazy("PDF")
    binary = True

    @staticmethod
    def stylesheet_path() -> Path:
        return static_path(PRINT_STYLESHEET)

    def html(self, report: ReportContents) -> str:
        return render_to_string(
            PRINT_TEMPLATE,
            {"report": report, "generated_on": timezone.localdate()},
        )

    def render(self, report: ReportContents) -> bytes:
        # Raises ExportUnavailable without Pango: the view answers 503.
        return html_to_pdf(self.html(report), stylesheet=self.stylesheet_path())


def _figure_value(figure: str, value):
    """The contract's decimal strings (staff hours, funds) as numbers for Excel."""
    return Decimal(value) if isinstance(value, str) else value


class XlsxExporter(ReportExporter):
    """A workbook for analysts, one sheet per breakdown: Figures, By type, By month,
    By community, Events, Consultations, then Comparison and Introductions. Numbers are
    numbers; every text cell goes through ``safe_cell``."""

    content_type = XLSX_CONTENT_TYPE
    extension = "xlsx"
    label = gettext_lazy("Excel (XLSX)")
    binary = True

    def render(self, report: ReportContents) -> bytes:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sections = report.section_codes
        figure_rows = [
            *(
                [s["code"], s["name"], *(_figure_value(f, s[f]) for f in TABLE_FIGURES)]
                for s in report.figures["sections"]
            ),
            [
                _("Total"),
                "",
                *(_figure_value(f, report.figures["totals"][f]) for f in TABLE_FIGURES),
            ],
        ]
        xlsx_sheet(
            workbook,
            _("Figures"),
            [_("Section"), _("Name"), *(FIGURE_LABELS[f] for f in TABLE_FIGURES)],
            figure_rows,
        )
        xlsx_sheet(
            workbook,
            _("By type"),
            [_("Type"), _("Code"), *sections, _("Total")],
            [[r["name"], r["code"], *r["counts"], r["total"]] for r in report.by_type],
        )
        xlsx_sheet(
            workbook,
            _("By month"),
            [_("Month"), *sections, _("Total")],
            [[r["month"], *r["counts"], r["total"]] for r in report.by_month],
            date_style="yyyy-mm",
        )
        xlsx_sheet(
            workbook,
            _("By community"),
            [_("Community"), *sections, _("Total")],
            [[r["community"], *r["counts"], r["total"]] for r in report.by_community],
        )
        xlsx_sheet(
            workbook,
            _("Events"),
            [
                _("Event"),
                _("Section"),
                _("Date"),
                _("Status"),
                _("Attendance"),
                _("Expected attendance"),
                _("Funds raised"),
                _("For"),
            ],
            [
                [
                    e["title"],
                    e["section"],
                    e["date"],
                    str(e["status"]),
                    e["attendance"],
                    e["expected_attendance"],
                    e["funds_raised"],
                    e["funds_beneficiary"],
                ]
                for e in report.events
            ],
        )
        xlsx_sheet(
            workbook,
            _("Consultations"),
            [_("Consultation"), _("Section"), _("Groups given toolkits"), _("In-person sessions")],
            [
                [c["name"], c["section__code"], c["groups"], c["sessions"]]
                for c in report.consultations
            ],
        )
        xlsx_sheet(
            workbook,
            _("Comparison"),
            [_("Section"), _("Figure"), report.period_label, report.previous_label, _("Change")],
            [
                [
                    _("Total") if subject["code"] == TOTAL else subject["code"],
                    str(row["label"]),
                    row["current"],
                    row["previous"],
                    row["change"],
                ]
                for subject in report.comparison
                for row in subject["rows"]
            ],
        )
        xlsx_sheet(
            workbook,
            _("Introductions"),
            [_("Section"), _("Introduction")],
            [[s["code"], s["introduction"]] for s in report.subjects if s["introduction"]],
        )
        return saved_bytes(workbook)


EXPORTERS: dict[str, ReportExporter] = {
    "docx": DocxExporter(),
    "pdf": PdfExporter(),
    "xlsx": XlsxExporter(),
    "csv": CsvExporter(),
    "json": JsonExporter(),
}
