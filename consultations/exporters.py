""" "What we heard" exporters: one small class per format, like ``reports.exporters``.

Each takes a consultation and its summary (``consultations.queries.what_we_heard``) and
returns bytes: DOCX and PDF that a sergeant can hand to the board, XLSX for analysts. The page
and the tests go through ``EXPORTERS``.
"""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.exports import (
    XLSX_CONTENT_TYPE,
    docx_table,
    html_to_pdf,
    saved_bytes,
    static_path,
    xlsx_sheet,
    xml_text,
)

from .models import Consultation
from .queries import what_we_heard

PRINT_TEMPLATE = "consultations/what_we_heard_print.html"
PRINT_STYLESHEET = "css/print_what_we_heard.css"


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
        docx_table(
            document,
            [_("Community"), _("Feedback")],
            [[row["community"], str(row["count"])] for row in heard["by_community"]],
            empty=_("No feedback is linked to a community yet."),
        )

        document.add_heading(_("Groups that agreed to be named"), level=1)
        for name in heard["named_groups"]:
            document.add_paragraph(xml_text(name), style="List Bullet")
        if not heard["named_groups"]:
            document.add_paragraph(_("No group has agreed to be named."))

        return saved_bytes(document)


class WhatWeHeardPdf(WhatWeHeardExporter):
    """A PDF laid out for print (letter, portrait) from the print template, tagged for
    screen readers (PDF/UA-1)."""

    content_type = "application/pdf"
    extension = "pdf"

    @staticmethod
    def stylesheet_path() -> Path:
        return static_path(PRINT_STYLESHEET)

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
        return html_to_pdf(self.html(consultation, heard), stylesheet=self.stylesheet_path())


class WhatWeHeardXlsx(WhatWeHeardExporter):
    """A workbook for analysts: "By theme" (counts as numbers), "Quotes", "By community" and
    "Named groups". Every text cell goes through ``safe_cell``."""

    content_type = XLSX_CONTENT_TYPE
    extension = "xlsx"

    def write(self, consultation: Consultation, heard: dict) -> bytes:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        xlsx_sheet(
            workbook,
            _("By theme"),
            [_("Theme"), _("Code"), _("Feedback"), _("Quotes")],
            [
                [theme["theme"], theme["code"], theme["count"], len(theme["quotes"])]
                for theme in heard["by_theme"]
            ],
        )
        xlsx_sheet(
            workbook,
            _("Quotes"),
            [_("Theme"), _("Quote"), _("Group"), _("Source")],
            [
                [theme["theme"], quote["quote"], quote["group"], quote["source"]]
                for theme in heard["by_theme"]
                for quote in theme["quotes"]
            ],
        )
        xlsx_sheet(
            workbook,
            _("By community"),
            [_("Community"), _("Feedback")],
            [[row["community"], row["count"]] for row in heard["by_community"]],
        )
        xlsx_sheet(
            workbook,
            _("Named groups"),
            [_("Group")],
            [[name] for name in heard["named_groups"]],
        )
        return saved_bytes(workbook)


EXPORTERS: dict[str, WhatWeHeardExporter] = {
    "docx": WhatWeHeardDocx(),
    "pdf": WhatWeHeardPdf(),
    "xlsx": WhatWeHeardXlsx(),
}
