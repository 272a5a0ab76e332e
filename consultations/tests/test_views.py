"""Consultations in the browser's terms: toolkits, sending them, feedback, who may do what."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.choices import DistributionStatus
from consultations.models import Distribution, Feedback, Toolkit
from consultations.tests.factories import (
    ConsultationFactory,
    DistributionFactory,
    FeedbackFactory,
    FeedbackThemeFactory,
    ToolkitFactory,
)
from core.testing import assert_constant_queries
from partners.tests.factories import CommunityFactory, PartnerFactory
from reports.queries import annual_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def consultation(cds):
    return ConsultationFactory(
        section=cds,
        name="Strategic plan 2019-2020",
        starts_on=datetime.date(2019, 1, 15),
        ends_on=datetime.date(2019, 6, 30),
    )


@pytest.fixture
def toolkit(consultation):
    return ToolkitFactory(
        consultation=consultation,
        name="Self-directed toolkit",
        file=SimpleUploadedFile("toolkit.pdf", b"%PDF-1.4 a toolkit"),
    )


# Section staff and supervisors read every consultation; CDS's own manage CDS's (404 for
# DRR's); supervisors read the history; viewers and administrators use none of these pages.
READ = dict(staff_cds=200, staff_drr=200, supervisor_cds=200, supervisor_drr=200)
MANAGE = dict(staff_cds=200, staff_drr=404, supervisor_cds=200, supervisor_drr=404)
HISTORY = dict(staff_cds=403, staff_drr=403, supervisor_cds=200, supervisor_drr=200)
GRID = {
    "/consultations/": READ,
    "/consultations/new/": READ,
    "/consultations/{c}/": READ,
    "/consultations/{c}/heard/": READ,
    "/consultations/{c}/edit/": MANAGE,
    "/consultations/{c}/history/": HISTORY,
    "/consultations/{c}/toolkits/new/": MANAGE,
    "/consultations/{c}/send/": MANAGE,
    "/consultations/{c}/feedback/new/": MANAGE,
    "/consultations/toolkits/{t}/download/": READ,
    "/consultations/distributions/{d}/edit/": MANAGE,
}


def grid_cases():
    return [
        (url, role, status)
        for url, roles in GRID.items()
        for role, status in {**roles, "viewer": 403, "administrator": 403}.items()
    ]


@pytest.mark.parametrize(("url", "role", "status"), grid_cases())
def test_permission_grid(client, users, consultation, toolkit, url, role, status):
    distribution = DistributionFactory(toolkit=toolkit)
    client.force_login(users[role])

    response = client.get(url.format(c=consultation.pk, t=toolkit.pk, d=distribution.pk))

    assert response.status_code == status


def upload(client, consultation, name, content, **extra):
    return client.post(
        f"/consultations/{consultation.pk}/toolkits/new/",
        {
            "name": "Toolkit",
            "edition": "1.0",
            "version": "",
            "file": SimpleUploadedFile(name, content),
            **extra,
        },
    )


def test_a_document_uploads_and_downloads(login, staff_cds, consultation):
    client = login(staff_cds)

    response = upload(client, consultation, "guide.docx", b"PK\x03\x04 a word file")
    toolkit = Toolkit.objects.get()
    download = client.get(f"/consultations/toolkits/{toolkit.pk}/download/")

    assert response.status_code == 302
    assert b"".join(download.streaming_content) == b"PK\x03\x04 a word file"
    assert "attachment" in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00", "File extension"),
        ("guide.pdf", b"MZ\x90\x00 a program renamed", "a program, not a document"),
        ("run.sh", b"#!/bin/sh", "File extension"),
        ("guide.pdf", b"\x7fELF program", "a program, not a document"),
    ],
)
def test_programs_are_refused_with_a_clear_message(
    login, staff_cds, consultation, name, content, message
):
    response = upload(login(staff_cds), consultation, name, content)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Toolkit.objects.count() == 0


def test_an_oversized_file_is_refused(login, staff_cds, consultation, settings):
    settings.INROADS_TOOLKIT_MAX_MB = 1

    response = upload(login(staff_cds), consultation, "big.pdf", b"%PDF" + b"x" * 1024 * 1024)

    assert "larger than 1 MB" in response.content.decode()
    assert Toolkit.objects.count() == 0


def test_send_to_twelve_partners_chosen_by_community_in_one_step(
    login, staff_cds, consultation, toolkit
):
    somali = CommunityFactory(name="Somali")
    twelve = PartnerFactory.create_batch(12, communities=[somali])
    PartnerFactory.create_batch(3)
    client = login(staff_cds)

    page = client.get(f"/consultations/{consultation.pk}/send/", {"community": somali.pk})
    offered = list(page.context["form"].fields["partners"].queryset)
    response = client.post(
        f"/consultations/{consultation.pk}/send/?community={somali.pk}",
        {
            "toolkit": toolkit.pk,
            "sent_on": "2019-02-01",
            "due_back": "2019-04-01",
            "partners": [p.pk for p in twelve],
        },
    )

    assert sorted(p.pk for p in offered) == sorted(p.pk for p in twelve)
    assert response.status_code == 302
    assert Distribution.objects.filter(toolkit=toolkit).count() == 12
    cds_2019 = next(s for s in annual_report(2019)["sections"] if s["code"] == "CDS")
    assert cds_2019["toolkits_distributed"] == 12


def test_sending_again_skips_partners_who_already_have_it(login, staff_cds, consultation, toolkit):
    partner = PartnerFactory()
    DistributionFactory(toolkit=toolkit, partner=partner)

    login(staff_cds).post(
        f"/consultations/{consultation.pk}/send/",
        {"toolkit": toolkit.pk, "sent_on": "2019-02-01", "partners": [partner.pk]},
    )

    assert Distribution.objects.filter(toolkit=toolkit, partner=partner).count() == 1


def test_a_distribution_records_its_session(login, staff_cds, toolkit):
    distribution = DistributionFactory(toolkit=toolkit, sent_on=datetime.date(2019, 2, 1))

    response = login(staff_cds).post(
        f"/consultations/distributions/{distribution.pk}/edit/",
        {
            "status": "session_held",
            "sent_on": "2019-02-01",
            "session_date": "2019-03-05",
            "participants": "18",
            "version": str(distribution.version),
        },
    )

    distribution.refresh_from_db()
    assert response.status_code == 302
    assert (distribution.status, distribution.participants) == (
        DistributionStatus.SESSION_HELD,
        18,
    )


def test_a_session_before_the_toolkit_was_sent_is_refused(login, staff_cds, toolkit):
    distribution = DistributionFactory(toolkit=toolkit, sent_on=datetime.date(2019, 2, 1))

    response = login(staff_cds).post(
        f"/consultations/distributions/{distribution.pk}/edit/",
        {
            "status": "session_held",
            "sent_on": "2019-02-01",
            "session_date": "2019-01-05",
            "version": str(distribution.version),
        },
    )

    assert response.status_code == 200
    assert "session_date" in response.context["form"].errors


def test_feedback_is_coded_by_theme(login, staff_cds, consultation, toolkit):
    distribution = DistributionFactory(toolkit=toolkit)
    trust = FeedbackThemeFactory(code="trust_confidence", name="Trust and confidence")
    safety = FeedbackThemeFactory(code="safety", name="Perceptions of safety")

    response = login(staff_cds).post(
        f"/consultations/{consultation.pk}/feedback/new/",
        {
            "distribution": distribution.pk,
            "themes": [trust.pk, safety.pk],
            "received_on": "2019-03-10",
            "text": "Parents feel safer when officers know their names.",
            "quote": "They know our kids by name now.",
            "group_agreed_to_be_named": "on",
            "version": "",
        },
    )

    feedback = Feedback.objects.get()
    assert response.status_code == 302
    assert (feedback.consultation, sorted(t.code for t in feedback.themes.all())) == (
        consultation,
        ["safety", "trust_confidence"],
    )


def test_feedback_needs_a_source(login, staff_cds, consultation):
    response = login(staff_cds).post(
        f"/consultations/{consultation.pk}/feedback/new/",
        {"text": "Heard something", "version": ""},
    )

    assert response.status_code == 200
    assert "Say where it was heard" in response.content.decode()
    assert Feedback.objects.count() == 0


def add_distributions(n, toolkit):
    def add():
        for _ in range(n):
            distribution = DistributionFactory(toolkit=toolkit)
            FeedbackFactory(distribution=distribution, themes=[FeedbackThemeFactory()])

    return add


def test_consultation_page_runs_a_fixed_number_of_queries(login, staff_cds, consultation, toolkit):
    add_distributions(3, toolkit)()
    # session, user, consultation; its figures; toolkits; distributions; in-person sessions;
    # feedback with its themes.
    assert_constant_queries(
        login(staff_cds),
        f"/consultations/{consultation.pk}/",
        expected=10,
        add_rows=add_distributions(27, toolkit),
    )


def test_consultation_list_runs_a_fixed_number_of_queries(login, staff_cds, cds):
    def add():
        for _ in range(27):
            kit = ToolkitFactory(consultation=ConsultationFactory(section=cds))
            DistributionFactory(toolkit=kit)

    ToolkitFactory(consultation=ConsultationFactory(section=cds))
    assert_constant_queries(login(staff_cds), "/consultations/", expected=5, add_rows=add)


def test_the_demos_2018_consultation_reads_as_the_annual_report_says():
    from consultations.models import Consultation
    from consultations.queries import consultation_figures, what_we_heard
    from core.demo.seed import seed_demo

    seed_demo()
    consultation = Consultation.objects.get(starts_on__year=2018)

    figures = consultation_figures(consultation)
    heard = what_we_heard(consultation)
    assert (figures["groups_reached"], figures["sessions_in_person"]) == (16, 4)
    assert heard["feedback_count"] > 0
    assert {theme["code"] for theme in heard["by_theme"]} >= {"safety_perceptions", "crime"}
