""" "What we heard": the summary's exact figures, its fixed query budget, and the DOCX, PDF
and XLSX a sergeant hands to the board (opened with the libraries a reader would use)."""

import datetime
import io

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from consultations.choices import DistributionStatus
from consultations.exporters import (
    EXPORTERS,
    PRINT_TEMPLATE,
    WhatWeHeardPdf,
)
from consultations.models import Distribution
from consultations.queries import consultation_figures, what_we_heard
from consultations.tests.factories import (
    ConsultationFactory,
    DistributionFactory,
    FeedbackFactory,
    FeedbackThemeFactory,
    ToolkitFactory,
)
from core.exports import no_network_fetcher
from engagement.choices import CONSULTATION_SESSION, ReviewStatus
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory
from partners.tests.factories import CommunityFactory, PartnerFactory

pytestmark = pytest.mark.django_db

HELD = DistributionStatus.SESSION_HELD
RECEIVED = DistributionStatus.FEEDBACK_RECEIVED
FORMULA_QUOTE = '=HYPERLINK("http://evil.example","Tell us next year what you did")'


@pytest.fixture
def heard_setup(cds):
    """A consultation as the 2018 one was: toolkits sent to groups (one sensitive, one that
    declined, one overdue), an in-person session, and feedback coded by theme with quotes."""
    today = timezone.localdate()
    themes = {
        "safety": FeedbackThemeFactory(
            code="safety_perceptions", name="Perceptions of safety", sort_order=1
        ),
        "crime": FeedbackThemeFactory(code="crime", name="Crime", sort_order=2),
        "trust": FeedbackThemeFactory(
            code="trust_confidence", name="Trust and confidence", sort_order=3
        ),
        "unused": FeedbackThemeFactory(code="disorder", name="Disorder", sort_order=4),
    }
    black = CommunityFactory(name="Black", sort_order=1)
    youth = CommunityFactory(name="Youth", sort_order=2)
    francophone = CommunityFactory(name="Francophone", sort_order=3)
    seniors = CommunityFactory(name="Seniors", sort_order=4)
    CommunityFactory(name="Sikh", sort_order=5)

    vanier = PartnerFactory(name="Vanier Community Association", communities=[francophone, seniors])
    somali = PartnerFactory(name="Somali Centre for Family Services", communities=[black, youth])
    shelter = PartnerFactory(name="Women's shelter", is_sensitive=True, communities=[youth])
    eglise = PartnerFactory(name="Église Unie St-Marc")
    aines = PartnerFactory(name="aînés de Vanier")
    declined = PartnerFactory(name="Declined group", communities=[seniors])
    late = PartnerFactory(name="Late group")
    pending = PartnerFactory(name="Pending group")

    consultation = ConsultationFactory(
        section=cds, name="Strategic plan 2019-2020", purpose="Hear residents on safety."
    )
    toolkit = ToolkitFactory(consultation=consultation, name="Toolkit", edition="1.0")
    toolkit_v2 = ToolkitFactory(consultation=consultation, name="Toolkit", edition="2.0")

    def send(partner, status, participants=None, due_back=None, kit=toolkit):
        return DistributionFactory(
            toolkit=kit,
            partner=partner,
            status=status,
            participants=participants,
            due_back=due_back,
        )

    to_vanier = send(vanier, RECEIVED, 24, due_back=today - datetime.timedelta(days=30))
    to_somali = send(somali, HELD, 18)
    to_shelter = send(shelter, RECEIVED, 10)
    to_eglise = send(eglise, RECEIVED, 12)
    to_aines = send(aines, RECEIVED, 8)
    send(declined, DistributionStatus.DECLINED)
    # Sent and past due: overdue; its expected head count is no participant yet.
    send(late, DistributionStatus.SENT, 5, due_back=today - datetime.timedelta(days=1))
    send(pending, DistributionStatus.SENT, due_back=today + datetime.timedelta(days=7))
    # The second version to a group that already had the first: one more toolkit, same group.
    send(
        vanier, DistributionStatus.SENT, due_back=today + datetime.timedelta(days=7), kit=toolkit_v2
    )

    session_type = ActivityTypeFactory(code=CONSULTATION_SESSION)
    session = ActivityFactory(
        section=cds,
        type=session_type,
        consultation=consultation,
        people_reached=62,
        status=ReviewStatus.APPROVED,
        communities=[black, seniors],
    )
    # Not counted as in-person sessions: a draft session and an approved meeting.
    ActivityFactory(
        section=cds,
        type=session_type,
        consultation=consultation,
        people_reached=40,
        status=ReviewStatus.DRAFT,
    )
    ActivityFactory(section=cds, consultation=consultation, people_reached=30)

    def feedback(source, day, themes_, quote="", agreed=False):
        if isinstance(source, Distribution):
            kwargs = {"distribution": source}
        else:
            kwargs = {"distribution": None, "consultation": consultation, "activity": source}
        return FeedbackFactory(
            **kwargs,
            received_on=datetime.date(2018, 3, day),
            themes=themes_,
            quote=quote,
            group_agreed_to_be_named=agreed,
        )

    feedback(
        to_vanier,
        22,
        [themes["safety"], themes["trust"]],
        "We love our neighbourhood, but not the needles.",
        agreed=True,
    )
    feedback(to_somali, 25, [themes["trust"]], "Our boys should not grow up afraid.")
    feedback(to_shelter, 26, [themes["safety"]], "We need to know you will come.", agreed=True)
    feedback(session, 28, [themes["crime"], themes["trust"]], FORMULA_QUOTE)
    feedback(to_vanier, 29, [themes["crime"]], "", agreed=True)
    feedback(to_eglise, 30, [], "   ", agreed=True)
    feedback(to_aines, 31, [], "", agreed=True)

    # Another consultation's feedback never leaks into this one.
    other = ConsultationFactory(section=cds, name="Another consultation")
    FeedbackFactory(
        distribution=DistributionFactory(toolkit=ToolkitFactory(consultation=other), partner=late),
        themes=[themes["unused"]],
        quote="Not ours.",
        group_agreed_to_be_named=True,
    )
    return consultation, themes, toolkit


EXPECTED = {
    "feedback_count": 7,
    "by_theme": [
        {
            "theme": "Trust and confidence",
            "code": "trust_confidence",
            "count": 3,
            "quotes": [
                {
                    "quote": "We love our neighbourhood, but not the needles.",
                    "group": "Vanier Community Association",
                    "source": "self-hosted session",
                },
                {
                    "quote": "Our boys should not grow up afraid.",
                    "group": None,
                    "source": "self-hosted session",
                },
                {"quote": FORMULA_QUOTE, "group": None, "source": "in-person session"},
            ],
        },
        {
            "theme": "Perceptions of safety",
            "code": "safety_perceptions",
            "count": 2,
            "quotes": [
                {
                    "quote": "We love our neighbourhood, but not the needles.",
                    "group": "Vanier Community Association",
                    "source": "self-hosted session",
                },
                # The shelter agreed, but the partnership is sensitive: never named.
                {
                    "quote": "We need to know you will come.",
                    "group": None,
                    "source": "self-hosted session",
                },
            ],
        },
        {
            "theme": "Crime",
            "code": "crime",
            "count": 2,
            "quotes": [{"quote": FORMULA_QUOTE, "group": None, "source": "in-person session"}],
        },
    ],
    "by_community": [
        {"community": "Seniors", "count": 3},
        {"community": "Black", "count": 2},
        {"community": "Youth", "count": 2},
        {"community": "Francophone", "count": 2},
    ],
    # Folded order (case and accents ignored), the same on SQLite and PostgreSQL.
    "named_groups": ["aînés de Vanier", "Église Unie St-Marc", "Vanier Community Association"],
    "sessions": {"self_hosted": 5, "in_person": 1, "participants": 24 + 18 + 10 + 12 + 8 + 62},
    "groups_reached": 8,
}


def test_what_we_heard_counts_by_theme_and_community_with_quotes_named_only_when_agreed(
    heard_setup,
):
    consultation, _, _ = heard_setup

    assert what_we_heard(consultation) == EXPECTED


def test_consultation_figures_count_groups_sessions_participants_and_overdue(heard_setup):
    consultation, _, _ = heard_setup

    assert consultation_figures(consultation) == {
        "groups_reached": 8,
        "toolkits_sent": 9,
        "sessions_self_hosted": 5,
        "sessions_in_person": 1,
        "participants": 134,
        "feedback_received": 7,
        "overdue": 1,
    }


def test_an_empty_consultation_has_zero_figures_and_nothing_heard(cds):
    consultation = ConsultationFactory(section=cds)

    assert what_we_heard(consultation) == {
        "feedback_count": 0,
        "by_theme": [],
        "by_community": [],
        "named_groups": [],
        "sessions": {"self_hosted": 0, "in_person": 0, "participants": 0},
        "groups_reached": 0,
    }
    assert consultation_figures(consultation)["overdue"] == 0


def add_feedback(consultation, themes, toolkit, count):
    for n in range(count):
        community = CommunityFactory(name=f"Community {n}")
        distribution = DistributionFactory(
            toolkit=toolkit,
            partner=PartnerFactory(communities=[community]),
            status=RECEIVED,
            participants=10,
        )
        FeedbackFactory(
            distribution=distribution,
            themes=[themes["crime"], themes["unused"]],
            quote=f"Quote {n}",
            group_agreed_to_be_named=n % 2 == 0,
        )


@pytest.mark.parametrize("count", [3, 30])
def test_what_we_heard_runs_six_queries_whatever_the_feedback(
    heard_setup, django_assert_num_queries, count
):
    consultation, themes, toolkit = heard_setup
    add_feedback(consultation, themes, toolkit, count)

    with django_assert_num_queries(6):
        heard = what_we_heard(consultation)

    assert heard["feedback_count"] == 7 + count
    assert len(heard["named_groups"]) == 3 + (count + 1) // 2


@pytest.mark.parametrize("count", [3, 30])
def test_consultation_figures_run_two_queries_whatever_the_rows(
    heard_setup, django_assert_num_queries, count
):
    consultation, themes, toolkit = heard_setup
    add_feedback(consultation, themes, toolkit, count)

    with django_assert_num_queries(2):
        figures = consultation_figures(consultation)

    assert figures["toolkits_sent"] == 9 + count


def test_docx_has_a_heading_per_theme_with_its_count_and_the_quotes(heard_setup):
    from docx import Document

    consultation, _, _ = heard_setup

    body = EXPORTERS["docx"].render(consultation)

    document = Document(io.BytesIO(body))
    by_style = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["What we heard: Strategic plan 2019-2020"]
    assert by_style["Heading 2"] == [
        "Trust and confidence (3)",
        "Perceptions of safety (2)",
        "Crime (2)",
    ]
    assert by_style["Heading 1"] == [
        "What we heard, by theme",
        "Feedback by community",
        "Groups that agreed to be named",
    ]
    assert by_style["List Bullet"] == [
        "“We love our neighbourhood, but not the needles.” — Vanier Community Association",
        "“Our boys should not grow up afraid.” — self-hosted session",
        f"“{FORMULA_QUOTE}” — in-person session",
        "“We love our neighbourhood, but not the needles.” — Vanier Community Association",
        "“We need to know you will come.” — self-hosted session",
        f"“{FORMULA_QUOTE}” — in-person session",
        "aînés de Vanier",
        "Église Unie St-Marc",
        "Vanier Community Association",
    ]
    assert "Hear residents on safety." in by_style["Normal"]
    assert "Raised in 3 of 7 feedback entries." in by_style["Normal"]
    [table] = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Community", "Feedback"],
        ["Seniors", "3"],
        ["Black", "2"],
        ["Youth", "2"],
        ["Francophone", "2"],
    ]
    assert document.core_properties.title == "What we heard: Strategic plan 2019-2020"


def test_xlsx_keeps_numbers_as_numbers_and_neutralizes_a_formula_quote(heard_setup):
    from openpyxl import load_workbook

    consultation, _, _ = heard_setup

    body = EXPORTERS["xlsx"].render(consultation)

    workbook = load_workbook(io.BytesIO(body))
    assert workbook.sheetnames == ["By theme", "Quotes", "By community", "Named groups"]
    rows = lambda name: [list(row) for row in workbook[name].iter_rows(values_only=True)]  # noqa: E731
    assert rows("By theme") == [
        ["Theme", "Code", "Feedback", "Quotes"],
        ["Trust and confidence", "trust_confidence", 3, 3],
        ["Perceptions of safety", "safety_perceptions", 2, 2],
        ["Crime", "crime", 2, 1],
    ]
    assert all(isinstance(row[2], int) for row in rows("By theme")[1:])
    quotes = rows("Quotes")
    assert quotes[0] == ["Theme", "Quote", "Group", "Source"]
    assert quotes[1] == [
        "Trust and confidence",
        "We love our neighbourhood, but not the needles.",
        "Vanier Community Association",
        "self-hosted session",
    ]
    assert quotes[3] == ["Trust and confidence", "'" + FORMULA_QUOTE, None, "in-person session"]
    assert not any(str(cell).startswith("=") for row in quotes for cell in row)
    assert rows("By community") == [
        ["Community", "Feedback"],
        ["Seniors", 3],
        ["Black", 2],
        ["Youth", 2],
        ["Francophone", 2],
    ]
    assert rows("Named groups") == [
        ["Group"],
        ["aînés de Vanier"],
        ["Église Unie St-Marc"],
        ["Vanier Community Association"],
    ]


def test_xlsx_and_docx_survive_control_characters_in_a_quote(heard_setup):
    from docx import Document
    from openpyxl import load_workbook

    consultation, themes, _ = heard_setup
    FeedbackFactory(
        distribution=DistributionFactory(
            toolkit=ToolkitFactory(consultation=consultation), status=RECEIVED
        ),
        themes=[themes["unused"]],
        quote="\x01=cmd|' /C calc'!A0 pasted from a form\x07",
    )

    workbook = load_workbook(io.BytesIO(EXPORTERS["xlsx"].render(consultation)))
    document = Document(io.BytesIO(EXPORTERS["docx"].render(consultation)))

    quotes = [row[1] for row in workbook["Quotes"].iter_rows(values_only=True)]
    assert "'=cmd|' /C calc'!A0 pasted from a form" in quotes
    assert any("=cmd|' /C calc'!A0 pasted from a form”" in p.text for p in document.paragraphs)


def pdf_text(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_shows_the_theme_names_with_counts_and_the_quotes(heard_setup):
    consultation, _, _ = heard_setup

    body = EXPORTERS["pdf"].render(consultation)

    assert body.startswith(b"%PDF-")
    text = pdf_text(body)
    for heading in ("Trust and confidence (3)", "Perceptions of safety (2)", "Crime (2)"):
        assert heading in text
    assert "What we heard: Strategic plan 2019-2020" in text
    assert "Our boys should not grow up afraid." in text
    assert "— Vanier Community Association" in text
    assert "Église Unie St-Marc" in text
    assert "Seniors 3" in text


def test_pdf_fetches_nothing_from_outside():
    fetcher = no_network_fetcher()

    for url in ("https://cdn.example.org/font.woff2", "file:///etc/passwd", "http://127.0.0.1/"):
        with pytest.raises(ValueError, match="no outside resource"):
            fetcher.fetch(url)
    # The print layout names no outside resource at all: its CSS is handed over as a file.
    assert WhatWeHeardPdf.stylesheet_path().is_file()
    stylesheet = WhatWeHeardPdf.stylesheet_path().read_text()
    assert "url(" not in stylesheet and "@import" not in stylesheet


def test_print_template_escapes_quotes_and_links_nothing(heard_setup):
    consultation, themes, _ = heard_setup
    FeedbackFactory(
        distribution=DistributionFactory(
            toolkit=ToolkitFactory(consultation=consultation), status=RECEIVED
        ),
        themes=[themes["unused"]],
        quote='<img src="http://127.0.0.1:9/tracker.png"> <link rel="stylesheet" href="x.css">',
    )

    html = render_to_string(
        PRINT_TEMPLATE,
        {
            "consultation": consultation,
            "heard": what_we_heard(consultation),
            "generated_on": datetime.date(2018, 10, 1),
        },
    )

    assert "<img" not in html and "<link" not in html and "<style" not in html
    assert "&lt;img src=&quot;http://127.0.0.1:9/tracker.png&quot;&gt;" in html


@pytest.mark.parametrize(
    ("fmt", "content_type", "extension"),
    [
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        ("pdf", "application/pdf", "pdf"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ],
)
def test_exporters_name_their_file_after_the_consultation(cds, fmt, content_type, extension):
    consultation = ConsultationFactory(section=cds, name="Consultation d'Orléans 2019")

    exporter = EXPORTERS[fmt]

    assert exporter.content_type == content_type
    assert exporter.filename(consultation) == (
        f"what-we-heard-{consultation.pk}-consultation-dorleans-2019.{extension}"
    )


def test_the_page_shows_themes_quotes_a_captioned_community_table_and_downloads(
    heard_setup, supervisor_cds
):
    consultation, _, _ = heard_setup
    request = RequestFactory().get(f"/consultations/{consultation.pk}/what-we-heard/")
    request.user = supervisor_cds

    html = render_to_string(
        "consultations/what_we_heard.html",
        {
            "consultation": consultation,
            "heard": what_we_heard(consultation),
            "formats": list(EXPORTERS),
        },
        request=request,
    )

    assert '<h3 id="theme-trust_confidence" class="h5">Trust and confidence' in html
    assert "Raised in 3 of 7 feedback entries." in html
    assert "Vanier Community Association · self-hosted session" in html
    assert "“Our boys should not grow up afraid.”" in html
    assert "<caption>" in html
    assert '<th scope="col">Community</th>' in html
    assert '<th scope="row" class="fw-normal">Seniors</th><td class="text-end">3</td>' in html
    for fmt in ("docx", "pdf", "xlsx"):
        assert f'href="?format={fmt}"' in html
    assert "<li>Église Unie St-Marc</li>" in html


def test_pdf_without_pango_is_a_clear_503_like_the_report(login, staff_cds, cds, monkeypatch):
    import sys
    import types

    class NoPango(types.ModuleType):
        def __getattr__(self, name):
            raise OSError("cannot load library 'libpango-1.0-0'")

    consultation = ConsultationFactory(section=cds)
    monkeypatch.setitem(sys.modules, "weasyprint", NoPango("weasyprint"))

    response = login(staff_cds).get(f"/consultations/{consultation.pk}/heard/?format=pdf")

    assert response.status_code == 503
    assert response.content.decode() == (
        "PDF export is not available on this server. Use DOCX, or ask IT."
    )
