""" "What we heard" exporters: one small class per format, like ``reports.exporters``.

Each takes a consultation and its summary (``consultations.queries.what_we_heard``) and
returns bytes: DOCX and PDF that a sergeant can hand to the board, XLSX for analysts. The page
and the tests go through ``EXPORTERS``.
"""

from __future__ import annotations

import io
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.exports import XLSX_CONTENT_TYPE, no_network_fetcher, safe_cell, xml_text

from .models import Consultation
from .queries import what_we_heard

PRINT_TEMPLATE = "consultations/what_we_heard_print.html"
PRINT_STYLESHEET = "css/print_what_we_heard.css"

# Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return). Word and
# Excel files are XML: one of these in a pasted quote would make the file unreadable.


def theme_share(count: int, total: int) -> str:
    """ "Raised in 3 of 24 feedback entries." under a theme's heading."""
    return ngettext(
        # The same message as the page's, so it is translated once.
        "Raised in %(raised)s of %(total)s feedback entry.",
        "Raised in %(raised)s of %(total)s feedback entries.",
        total,
    ) % {"raised": count, "total": total}


def attribution(quote: dict) -> str:
    """Who said it: the group when it agreed to be named, else only the kind of session."""
    return quote["group"] or quote["source"]


class WhatWeHeardExporter:
    content_type = "application/octet-stream"
    extension = ""

    def render(self, consultation: Consultation, heard: dict | None = None) -> bytes:
        """The file's bytes; ``heard`` is computed when the caller has not already."""
        return self.write(consultation, heard if heard is not None else what_we_heard(consultation))

    def write(self, consultation: Consultation, heard: dict) -> bytes:
        raise NotImplementedError

    def filename(self, consultation: Consultation) -> str:
        stem = slugify(consultation.name)[:60].strip("-") or "consultation"
        return f"what-we-heard-{consultation.pk}-{stem}.{self.extension}"


class WhatWeHeardDocx(WhatWeHeardExporter):
    """A Word document: purpose, figures, a heading per theme with its count and quotes,
    feedback by community as a table, and the groups that agreed to be named."""

    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    extension = "docx"

    def write(self, consultation: Consultation, heard: dict) -> bytes:
        from docx import Document

        document = Document()
        title = _("What we heard: %(name)s") % {"name": consultation.name}
        document.core_properties.title = xml_text(title)
        document.core_properties.subject = xml_text(consultation.name)
        document.add_heading(xml_text(title), level=0)
        if consultation.purpose:
            document.add_paragraph(xml_text(consultation.purpose))
        sessions = heard["sessions"]
        document.add_paragraph(
            _(
                "%(feedback)d feedback from %(groups)d groups reached, %(self_hosted)d sessions "
                "hosted by groups and %(in_person)d in-person sessions, with %(participants)d "
                "participants."
            )
            % {
                "feedback": heard["feedback_count"],
                "groups": heard["groups_reached"],
                "self_hosted": sessions["self_hosted"],
                "in_person": sessions["in_person"],
                "participants": sessions["participants"],
            }
        )

        document.add_heading(_("What we heard, by theme"), level=1)
        if not heard["by_theme"]:
            document.add_paragraph(_("No feedback has been coded by theme yet."))
        for theme in heard["by_theme"]:
            document.add_heading(xml_text(f"{theme['theme']} ({theme['count']})"), level=2)
            document.add_paragraph(theme_share(theme["count"], heard["feedback_count"]))
            for quote in theme["quotes"]:
                paragraph = document.add_paragraph(style="List Bullet")
                paragraph.add_run(xml_text(f"“{quote['quote']}”"))
                paragraph.add_run(xml_text(f" — {attribution(quote)}")).italic = True

        document.add_heading(_("Feedback by community"), level=1)
        if heard["by_community"]:
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            header = table.rows[0].cells
            header[0].text, header[1].text = _("Community"), _("Feedback")
            for cell in header:
                cell.paragraphs[0].runs[0].bold = True
            for row in heard["by_community"]:
                cells = table.add_row().cells
                cells[0].text = xml_text(row["community"])
                cells[1].text = str(row["count"])
        else:
            document.add_paragraph(_("No feedback is linked to a community yet."))

        document.add_heading(_("Groups that agreed to be named"), level=1)
        for name in heard["named_groups"]:
            document.add_paragraph(xml_text(name), style="List Bullet")
        if not heard["named_groups"]:
            document.add_paragraph(_("No group has agreed to be named."))

        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


class WhatWeHeardPdf(WhatWeHeardExporter):
    """A PDF laid out for print (letter, portrait) from the print template, tagged for
    screen readers (PDF/UA-1)."""

    content_type = "application/pdf"
    extension = "pdf"

    @staticmethod
    def stylesheet_path() -> Path:
        found = finders.find(PRINT_STYLESHEET)
        return Path(found) if found else Path(settings.STATIC_ROOT) / PRINT_STYLESHEET

    def html(self, consultation: Consultation, heard: dict) -> str:
        return render_to_string(
            PRINT_TEMPLATE,
            {
                "consultation": consultation,
                "heard": heard,
                "generated_on": timezone.localdate(),
            },
        )

    def write(self, consultation: Consultation, heard: dict) -> bytes:
        from weasyprint import CSS, HTML

        fetcher = no_network_fetcher()
        # base_url=None: a relative URL in the HTML resolves to nothing rather than a path.
        html = HTML(string=self.html(consultation, heard), base_url=None, url_fetcher=fetcher)
        stylesheet = CSS(filename=str(self.stylesheet_path()), url_fetcher=fetcher)
        return html.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")


class WhatWeHeardXlsx(WhatWeHeardExporter):
    """A workbook for analysts: "By theme" (counts as numbers), "Quotes", "By community" and
    "Named groups". Every text cell goes through ``safe_cell``."""

    content_type = XLSX_CONTENT_TYPE
    extension = "xlsx"

    def write(self, consultation: Consultation, heard: dict) -> bytes:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        self._sheet(
            workbook,
            _("By theme"),
            [_("Theme"), _("Code"), _("Feedback"), _("Quotes")],
            [
                [theme["theme"], theme["code"], theme["count"], len(theme["quotes"])]
                for theme in heard["by_theme"]
            ],
        )
        self._sheet(
            workbook,
            _("Quotes"),
            [_("Theme"), _("Quote"), _("Group"), _("Source")],
            [
                [theme["theme"], quote["quote"], quote["group"], quote["source"]]
                for theme in heard["by_theme"]
                for quote in theme["quotes"]
            ],
        )
        self._sheet(
            workbook,
            _("By community"),
            [_("Community"), _("Feedback")],
            [[row["community"], row["count"]] for row in heard["by_community"]],
        )
        self._sheet(
            workbook,
            _("Named groups"),
            [_("Group")],
            [[name] for name in heard["named_groups"]],
        )
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    @staticmethod
    def _sheet(workbook, title: str, header: list[str], rows: list[list]) -> None:
        sheet = workbook.create_sheet(title=xml_text(title)[:31])
        sheet.append([_cell(str(h)) for h in header])
        for row in rows:
            sheet.append([_cell(value) for value in row])


def _cell(value):
    """A cell as Excel should hold it: numbers as numbers, text XML-safe and neutralized
    (in that order, so a control character cannot hide a leading "=" from ``safe_cell``)."""
    if isinstance(value, str):
        value = xml_text(value)
    return safe_cell(value)


EXPORTERS: dict[str, WhatWeHeardExporter] = {
    "docx": WhatWeHeardDocx(),
    "pdf": WhatWeHeardPdf(),
    "xlsx": WhatWeHeardXlsx(),
}
