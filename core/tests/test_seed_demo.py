"""``seed_demo``: the demo's 2018 gives the source documents' figures, it can be run again
without creating anything new, and it never runs by accident on a production database."""

from datetime import date, datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from accounts.models import Section, User
from accounts.roles import GROUP_NAMES
from consultations.models import Consultation, Distribution, Feedback
from core.demo import data
from core.demo.seed import current_activity_date, observances_for_year, plan_activities_2018
from core.demo.seed import seed_demo as run_seed
from engagement.choices import CONSULTATION_SESSION
from engagement.models import Activity, ActivityReview
from events.models import Event, Observance
from partners.choices import PartnerKind
from partners.models import Partner
from reports.queries import annual_report

DEMO_APPS = {"accounts", "auth", "partners", "engagement", "events", "consultations"}


@pytest.fixture
def seeded(db):
    return run_seed()


def section_figures(report: dict, code: str) -> dict:
    return next(s for s in report["sections"] if s["code"] == code)


def row_counts() -> dict[str, int]:
    """Rows of every model of the domain, many-to-many tables included, history excluded."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in DEMO_APPS and not model.__name__.startswith("Historical")
    }


# The plan, without a database -----------------------------------------------------------


def test_the_2018_plan_is_fixed_and_has_unique_natural_keys():
    plan = plan_activities_2018()
    assert plan == plan_activities_2018()
    keys = [(a["section"], a["date"], a["title"]) for a in plan]
    assert len(keys) == len(set(keys))
    assert sum(a["section"] == "CDS" for a in plan) == 97
    assert sum(a["section"] == "DRR" for a in plan) == 64
    assert all(a["date"].year == 2018 for a in plan)
    assert all(len(a["title"]) <= 200 for a in plan)
    weekdays = sum(a["date"].weekday() < 5 for a in plan)
    assert weekdays / len(plan) > 0.9


def test_current_year_titles_are_not_2018_titles():
    """The current year's activities are found by (section, title): never a 2018 one."""
    titles_2018 = {(a["section"], a["title"]) for a in plan_activities_2018()}
    for section, specs in data.CURRENT_ACTIVITIES.items():
        titles = [(section, spec["title"]) for spec in specs]
        assert len(titles) == len(set(titles))
        assert not set(titles) & titles_2018


@pytest.mark.parametrize(
    "today", [date(2026, 11, 23), date(2027, 1, 2), date(2027, 3, 1), date(2030, 12, 31)]
)
def test_current_year_activities_are_dated_this_year_before_today(today):
    for specs in data.CURRENT_ACTIVITIES.values():
        for spec in specs:
            day = current_activity_date(spec, today)
            assert day.year == today.year
            assert day < today


def test_observances_of_a_year():
    by_name = {row["name"]: row for row in observances_for_year(2018)}
    assert by_name["Ramadan"]["starts_on"] == date(2018, 5, 16)
    assert by_name["Eid al-Fitr"]["starts_on"] == date(2018, 6, 15)
    assert by_name["Diwali"]["starts_on"] == date(2018, 11, 7)
    assert by_name["Orange Shirt Day"]["starts_on"] == date(2018, 9, 30)
    assert "National Day for Truth and Reconciliation" not in by_name
    assert by_name["Capital Pride festival"]["ends_on"] == date(2018, 8, 26)
    assert by_name["Black History Month"]["ends_on"] == date(2018, 2, 28)

    by_name_2026 = {row["name"]: row for row in observances_for_year(2026)}
    assert by_name_2026["Lunar New Year"]["starts_on"] == date(2026, 2, 17)
    assert "National Day for Truth and Reconciliation" in by_name_2026

    # A year without known lunar dates gets the fixed-date observances only.
    names_2031 = {row["name"] for row in observances_for_year(2031)}
    assert "Pride Month" in names_2031 and "Ramadan" not in names_2031
    for year in (2018, 2025, 2026, 2027, 2031):
        assert all(row["ends_on"] >= row["starts_on"] for row in observances_for_year(year))


# The command ----------------------------------------------------------------------------


def test_today_must_be_after_2018():
    with pytest.raises(ValueError, match="after 2018"):
        run_seed(today=date(2018, 6, 1))


@pytest.mark.django_db
def test_command_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_command_is_idempotent_and_prints_the_logins(settings):
    settings.DEBUG = False
    out = StringIO()
    call_command("seed_demo", "--force", stdout=out)
    first = row_counts()
    history_before = Activity.history.count()

    call_command("seed_demo", "--force", stdout=StringIO())

    assert row_counts() == first
    assert first["engagement.Activity"] > 160
    # Saved one by one, so the audit history records every save.
    assert Activity.history.count() == history_before + Activity.objects.count()
    printed = out.getvalue()
    assert data.DEMO_PASSWORD in printed
    for username in ("admin", "sergeant.cds", "sergeant.drr", "staff.cds", "staff.drr", "viewer"):
        assert username in printed


# The 2018 of the source documents -------------------------------------------------------


def test_2018_annual_report_has_the_source_documents_figures(seeded):
    report = annual_report(2018)

    cds = section_figures(report, "CDS")
    assert cds["name"] == "Community Development Section"
    assert cds["activities"] == 97
    assert cds["consultation_sessions"] == 4
    assert cds["activities_by_type"][CONSULTATION_SESSION] == 4
    assert cds["toolkits_distributed"] == 16
    assert cds["awaiting_review"] == 0

    drr = section_figures(report, "DRR")
    assert drr["name"] == "Diversity and Race Relations Section"
    assert drr["activities"] >= 60
    assert drr["funds_raised"] == "1200.00"
    assert CONSULTATION_SESSION not in drr["activities_by_type"]
    assert drr["awaiting_review"] == 0


def test_2018_activities_events_and_consultation(seeded):
    cds, drr = Section.objects.get(code="CDS"), Section.objects.get(code="DRR")

    students = Activity.objects.get(section=cds, title=data.STUDENTS_MEETING_TITLE)
    assert students.date.year == 2018 and students.status == "approved"
    assert students.type.code == "meeting"
    assert students.people_reached >= 150
    assert students.audience == "students"

    consultation = Consultation.objects.get(section=cds, name=data.CONSULTATION["name"])
    sessions = Activity.objects.filter(type__code=CONSULTATION_SESSION, date__year=2018)
    assert sessions.count() == 4
    assert set(sessions.values_list("consultation", flat=True)) == {consultation.pk}
    assert all(
        "Partnership in Action (PIA)" in title for title in sessions.values_list("title", flat=True)
    )

    distributions = Distribution.objects.filter(toolkit__consultation=consultation)
    assert distributions.values("partner").distinct().count() == 16
    assert all(d.sent_on.year == 2018 for d in distributions)
    assert distributions.filter(status="feedback_received").count() >= 12
    feedback = Feedback.objects.filter(consultation=consultation)
    assert 20 <= feedback.count() <= 30
    assert not feedback.filter(themes=None).exists()
    assert feedback.filter(activity__in=sessions).exists()
    assert feedback.filter(distribution__isnull=False).exists()

    forum = Event.objects.get(section=drr, title=data.HRLF_2018)
    assert forum.status == "completed" and forum.role == "organized"
    assert timezone.localtime(forum.starts_at).month == 12
    assert data.HRLF_THEME in forum.description
    assert forum.expected_attendance == 200
    assert 190 <= forum.actual_attendance <= 200
    assert set(forum.speakers.values_list("name", flat=True)) == {
        "Rabbi Reuven Bulka",
        "Mark D. Moors",
        "William Evans",
    }
    assert forum.run_of_show.count() >= 5
    assert forum.activities.filter(type__code="event_hosted").exists()

    parade = Event.objects.get(section=drr, title=data.PRIDE_PARADE_2018)
    assert parade.role == "participated" and parade.status == "completed"
    assert parade.funds_raised == Decimal("1200.00")
    assert parade.funds_beneficiary
    assert parade.activities.filter(title="Marched in the Capital Pride Parade").exists()

    celebration = Event.objects.get(section=drr, title=data.DIVERSITY_CELEBRATION_2018)
    assert "George Springate" in celebration.description
    assert "citizens" in celebration.description

    police_week = Event.objects.get(section=cds, title=data.POLICE_WEEK_2018)
    assert timezone.localtime(police_week.starts_at).month == 5
    assert police_week.activities.count() >= 5

    for event in Event.objects.all():
        assert timezone.is_aware(event.starts_at)
        assert event.ends_at >= event.starts_at
    assert str(timezone.localtime(forum.starts_at).tzinfo) == "America/Toronto"


def test_named_partners_and_contacts(seeded):
    names = set(Partner.objects.values_list("name", flat=True))
    assert set(data.NAMED_PARTNERS) <= names
    assert "Centre des services communautaires Vanier" in names
    assert "Association des communautés francophones d'Ottawa" in names
    kinds = set(Partner.objects.values_list("kind", flat=True))
    assert kinds == set(PartnerKind.values)
    olip = Partner.objects.get(name=data.OLIP)
    assert set(olip.sections.values_list("code", flat=True)) == {"CDS", "DRR"}
    for partner in Partner.objects.prefetch_related("contacts"):
        contacts = list(partner.contacts.all())
        assert 1 <= len(contacts) <= 2
        for contact in contacts:
            assert ".example.ca" in contact.email
            assert contact.phone.startswith("613-555-01")


# Users and the current year --------------------------------------------------------------


def test_demo_users_sign_in_with_the_demo_password(seeded):
    expected = {
        "admin": ("administrator", None),
        "sergeant.cds": ("supervisor", "CDS"),
        "sergeant.drr": ("supervisor", "DRR"),
        "staff.cds": ("staff", "CDS"),
        "staff.drr": ("staff", "DRR"),
        "viewer": ("viewer", None),
    }
    for username, (role, section) in expected.items():
        user = User.objects.select_related("section").get(username=username)
        assert user.check_password("inroads-demo"), username
        assert user.role == role
        assert (user.section.code if user.section else None) == section
        assert user.first_name and user.last_name
        assert list(user.groups.values_list("name", flat=True)) == [GROUP_NAMES[role]]
    assert User.objects.get(username="admin").is_staff


def test_current_year_has_work_waiting_for_review(seeded):
    today = timezone.localdate()
    report = annual_report(today.year)
    for code in ("CDS", "DRR"):
        this_year = Activity.objects.filter(section__code=code, date__year=today.year)
        assert this_year.filter(status="submitted").count() == 2
        returned = this_year.get(status="returned")
        assert returned.review_comment == data.RETURN_COMMENT
        assert ActivityReview.objects.filter(
            activity=returned, action="returned", comment=data.RETURN_COMMENT
        ).exists()
        assert this_year.filter(status="approved").count() >= 4
        assert all(day <= today for day in this_year.values_list("date", flat=True))
        assert section_figures(report, code)["awaiting_review"] == 3
        upcoming = Event.objects.filter(
            section__code=code,
            status__in=["planning", "confirmed"],
            starts_at__year=today.year,
        )
        assert upcoming.exists()
        assert all(event.tasks.exists() for event in upcoming)

    parade = Event.objects.get(title=f"Capital Pride Parade {today.year}")
    marched = Activity.objects.get(
        title="Marched in the Capital Pride Parade with members of the service"
    )
    if parade.status == "completed":
        assert marched.event == parade
        assert marched.date == timezone.localtime(parade.starts_at).date()
    else:
        assert marched.event is None


def test_multicultural_calendar_for_2018_and_this_year(seeded):
    today = timezone.localdate()
    ramadan = Observance.objects.get(name="Ramadan", starts_on=date(2018, 5, 16))
    assert ramadan.ends_on == date(2018, 6, 14)
    assert "iftar" in ramadan.notes
    assert set(ramadan.communities.values_list("name", flat=True)) >= {"Muslim"}
    assert Observance.objects.filter(name="Orange Shirt Day", starts_on__year=2018).exists()
    assert Observance.objects.filter(starts_on__year=today.year, name="Pride Month").exists()
    assert not Observance.objects.filter(communities=None).exists()


@pytest.mark.django_db
def test_seed_dated_by_a_given_today():
    today = date(2027, 3, 1)
    run_seed(today=today)

    this_year = Activity.objects.filter(date__year=2027)
    assert this_year.count() == 16
    assert all(day < today for day in this_year.values_list("date", flat=True))
    forum = Event.objects.get(title="Human Rights Learning Forum 2027")
    assert forum.starts_at > datetime(2027, 3, 1, tzinfo=forum.starts_at.tzinfo)
    assert Observance.objects.filter(name="Ramadan", starts_on=date(2027, 2, 8)).exists()
    assert section_figures(annual_report(2018), "CDS")["activities"] == 97
