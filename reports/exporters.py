"""Annual report exporters: one small class per format, so a new format touches no view.

Each takes the report document of ``reports.queries`` and returns bytes; the page, the
``annual_report`` command and the tests all go through ``EXPORTERS``.
"""

from __future__ import annotations

import csv
import io
import json

from core.exports import safe_cell

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


class ReportExporter:
    content_type = "application/octet-stream"
    extension = ""

    def render(self, document: dict) -> bytes:
        raise NotImplementedError

    def filename(self, document: dict) -> str:
        stem = document.get("year") or f"{document.get('start')}_{document.get('end')}"
        return f"inroads-report-{stem}.{self.extension}"


class JsonExporter(ReportExporter):
    content_type = "application/json"
    extension = "json"

    def render(self, document: dict) -> bytes:
        return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


class CsvExporter(ReportExporter):
    """One row per section and a last row of totals."""

    content_type = "text/csv; charset=utf-8"
    extension = "csv"

    def render(self, document: dict) -> bytes:
        rows = [*document["sections"], {"code": "TOTAL", "name": "", **document["totals"]}]
        type_codes = sorted({code for row in rows for code in row["activities_by_type"]})
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        period = "year" if "year" in document else "period"
        writer.writerow(
            [period, "section", "name", *CSV_FIGURES, *(f"type:{c}" for c in type_codes)]
        )
        period_value = document.get("year") or f"{document['start']}/{document['end']}"
        for row in rows:
            writer.writerow(
                [
                    safe_cell(v)
                    for v in [
                        period_value,
                        row["code"],
                        row["name"],
                        *(row[f] for f in CSV_FIGURES),
                        *(row["activities_by_type"].get(c, 0) for c in type_codes),
                    ]
                ]
            )
        # A byte-order mark so Excel opens French accents correctly.
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")


EXPORTERS: dict[str, ReportExporter] = {"json": JsonExporter(), "csv": CsvExporter()}
