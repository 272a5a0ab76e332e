"""Every page of the project, checked as DESIGN.md's "Qualities" ask: the role grid and the
query budget of the pages (and their downloads) that the apps' own tests leave out, and bad
input that still makes a page fail.

The apps' tests hold the rest (``grep -rn permission_grid */tests``, ``*/tests/
test_form_queries.py``); anonymous users are sent to sign in on every page by
``core/tests/test_security.py``, which walks every URL pattern."""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.tests.factories import (
    ConsultationFactory,
    DistributionFactory,
    FeedbackFactory,
    FeedbackThemeFactory,
    ToolkitFactory,
)
from core.testing import assert_constant_queries
from engagement.choices import ReviewStatus
from engagement.models import Activity, FollowUp
from engagement.tests.factories import ActivityFactory, FollowUpFactory
from events.models import Event, EventTask
from events.tests.factories import (
    ChecklistTemplateFactory,
    ChecklistTemplateItemFactory,
    EventFactory,
    EventTaskFactory,
    ObservanceFactory,
)
from partners.models import Partner
from partners.tests.factories import CommunityFactory, ContactFactory, PartnerFactory
from reports.tests.test_report_page import add_many_rows

pytestmark = pytest.mark.django_db

ROLES = ["staff_cds", "staff_drr", "supervisor_cds", "supervisor_drr", "viewer", "administrator"]
# Section work: viewers and administrators have none of it.
NO_SECTION_WORK = {"viewer": 403, "administrator": 403}


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_rows(cds, staff_cds) -> SimpleNamespace:
    """One of each record the pages open, all of CDS and logged by staff.cds."""
    partner = PartnerFactory(
        name="Vanier Community Association", sections=[cds], communities=[CommunityFactory()]
    )
    activity = ActivityFactory(
        section=cds,
        created_by=staff_cds,
        staff=[staff_cds],
        partners=[partner],
        status=ReviewStatus.SUBMITTED,
    )
    event = EventFactory(section=cds, partners=[partner])
    consultation = ConsultationFactory(section=cds)
    toolkit = ToolkitFactory(
        consultation=consultation, file=SimpleUploadedFile("toolkit.pdf", b"%PDF-1.4 a toolkit")
    )
    distribution = DistributionFactory(toolkit=toolkit, partner=partner)
    FeedbackFactory(distribution=distribution, themes=[FeedbackThemeFactory()])
    return SimpleNamespace(
        partner=partner,
        contact=ContactFactory(partner=partner),
        activity=activity,
        draft=ActivityFactory(section=cds, created_by=staff_cds, status=ReviewStatus.DRAFT),
        follow_up=FollowUpFactory(activity=activity, owner=staff_cds),
        event=event,
        task=EventTaskFactory(event=event, owner=staff_cds),
        checklist=ChecklistTemplateItemFactory(template=ChecklistTemplateFactory()).template,
        observance=ObservanceFactory(communities=[CommunityFactory()]),
        consultation=consultation,
        toolkit=toolkit,
        distribution=distribution,
    )


@pytest.fixture
def rows(cds, staff_cds):
    return make_rows(cds, staff_cds)


def address(url: str, rows) -> str:
    return url.format(**{name: row.pk for name, row in vars(rows).items()})


# --- Who may open what -----------------------------------------------------------------------

# Pages of one record that no app's grid holds for every role (core/tests/test_pages.py holds
# those that need no record). The records are CDS's: DRR's people read them but may not act.
GET_GRID = {
    "/partners/{partner}/merge/": dict(
        staff_cds=403, staff_drr=403, supervisor_cds=200, supervisor_drr=404
    ),
    # To the activity form, filled from the event.
    "/events/{event}/log-activity/": dict(
        staff_cds=302, staff_drr=404, supervisor_cds=302, supervisor_drr=404
    ),
}
GET_CASES = [
    (url, role, {**NO_SECTION_WORK, **roles}[role])
    for url, roles in GET_GRID.items()
    for role in ROLES
]


@pytest.mark.parametrize(("url", "role", "status"), GET_CASES)
def test_permission_grid_of_record_pages(client, users, rows, url, role, status):
    client.force_login(users[role])

    assert client.get(address(url, rows)).status_code == status


# The actions (posts) of one record: the answer of each role, and whether the action was
# taken (exactly when the answer is the redirect of success).
CDS_MANAGE = dict(staff_cds=302, staff_drr=404, supervisor_cds=302, supervisor_drr=404)
ACTIONS = {
    "archive": (
        "/partners/{partner}/archive/",
        {},
        lambda rows: Partner.objects.get(pk=rows.partner.pk).is_archived,
        CDS_MANAGE,
    ),
    "submit": (
        "/activities/{draft}/submit/",
        {},
        lambda rows: Activity.objects.get(pk=rows.draft.pk).status == ReviewStatus.SUBMITTED,
        CDS_MANAGE,
    ),
    # The section's supervisor reviews; the other section's is refused by the review rules.
    "approve": (
        "/activities/{activity}/approve/",
        {},
        lambda rows: Activity.objects.get(pk=rows.activity.pk).status == ReviewStatus.APPROVED,
        dict(staff_cds=403, staff_drr=403, supervisor_cds=302, supervisor_drr=403),
    ),
    "follow-up done": (
        "/activities/follow-ups/{follow_up}/done/",
        {},
        lambda rows: FollowUp.objects.get(pk=rows.follow_up.pk).done,
        CDS_MANAGE,
    ),
    "copy event": (
        "/events/{event}/copy/",
        {},
        lambda rows: Event.objects.count() == 2,
        CDS_MANAGE,
    ),
    "apply checklist": (
        "/events/{event}/checklist/",
        lambda rows, users: {"template": rows.checklist.pk, "owner": users["staff_cds"].pk},
        lambda rows: EventTask.objects.filter(event=rows.event).count() == 2,
        CDS_MANAGE,
    ),
    "task done": (
        "/events/tasks/{task}/done/",
        {},
        lambda rows: EventTask.objects.get(pk=rows.task.pk).done,
        CDS_MANAGE,
    ),
}
ACTION_CASES = [
    (action, role, {**NO_SECTION_WORK, **roles}[role])
    for action, (*_, roles) in ACTIONS.items()
    for role in ROLES
]


@pytest.mark.parametrize(("action", "role", "status"), ACTION_CASES)
def test_permission_grid_of_actions(client, users, rows, action, role, status):
    url, data, taken, _ = ACTIONS[action]
    client.force_login(users[role])

    response = client.post(address(url, rows), data(rows, users) if callable(data) else data)

    assert (response.status_code, taken(rows)) == (status, status == 302)


@pytest.mark.parametrize("role", ROLES)
def test_every_role_signs_out_with_a_post(client, users, role):
    client.force_login(users[role])

    response = client.post("/accounts/logout/")

    assert (response.status_code, response.url) == (302, "/accounts/login/")
    assert "_auth_user_id" not in client.session


# --- How many queries each page costs ----------------------------------------------------------

SERIAL = iter(range(10**6))


def grow(rows, cds, drr, staff, n=5):
    """``n`` more of everything the pages list or count, and ``n`` more edits of each record
    they open (its history), every partner and contact matching the type-ahead's "vanier"."""

    def add():
        for _ in range(n):
            serial = next(SERIAL)
            community = CommunityFactory()
            partner = PartnerFactory(
                name=f"Vanier partner {serial}", sections=[cds, drr], communities=[community]
            )
            contact = ContactFactory(partner=partner, name=f"Vanier contact {serial}")
            activity = ActivityFactory(
                section=cds,
                created_by=staff,
                staff=[staff],
                partners=[partner],
                communities=[community],
            )
            activity.contacts.add(contact)
            FollowUpFactory(activity=activity, owner=staff)
            EventFactory(section=cds, partners=[partner])
            EventTaskFactory(event=rows.event, owner=staff)
            ObservanceFactory(communities=[community])
            ChecklistTemplateItemFactory(
                template=ChecklistTemplateFactory(name=f"Checklist {serial}")
            )
            ConsultationFactory(section=cds)
            kit = ToolkitFactory(consultation=rows.consultation)
            FeedbackFactory(
                distribution=DistributionFactory(toolkit=kit, partner=partner),
                themes=[FeedbackThemeFactory(code=f"theme_{serial}")],
                quote=f"Quote {serial}",
                group_agreed_to_be_named=serial % 2 == 0,
            )
            # The records' histories: a field and a link changed in each edit.
            rows.contact.partner, rows.contact.role = partner, f"Role {serial}"
            rows.contact.save()
            rows.activity.partners.add(partner)
            rows.activity.contacts.add(contact)
            rows.activity.communities.add(community)
            rows.activity.title = f"Safety walk {serial}"
            rows.activity.save()
            rows.event.partners.add(partner)
            rows.event.title = f"Community event {serial}"
            rows.event.save()
            rows.consultation.section = drr
            rows.consultation.save()
            rows.consultation.name, rows.consultation.section = f"Consultation {serial}", cds
            rows.consultation.save()

    return add


def vanier(field: str) -> str:
    return f"?field={field}&{field}-search=vanier"


# (address, role, queries). Every page starts with the session and the user (2).
PAGES = [
    ("/accounts/password/done/", "staff_cds", 2),
    # the contact with its partner.
    ("/contacts/{contact}/", "staff_cds", 3),
    # the record; its history records with their users (core.history); for each link tracked
    # (an activity's partners, contacts, staff and communities; an event's partners) the
    # rows of each record, then the names of what they link to.
    ("/contacts/{contact}/history/", "supervisor_cds", 4),
    ("/activities/{activity}/history/", "supervisor_cds", 12),
    ("/events/{event}/history/", "supervisor_cds", 6),
    ("/consultations/{consultation}/history/", "supervisor_cds", 4),
    # the matching partners (15 at most), their communities; the matching contacts with
    # their partners.
    ("/activities/options/partners/" + vanier("partners"), "staff_cds", 4),
    ("/activities/options/contacts/" + vanier("contacts"), "staff_cds", 3),
    # the consultation; its figures (2); themes with their counts, quotes, communities,
    # groups that agreed to be named.
    ("/consultations/{consultation}/heard/", "staff_cds", 9),
]
REDIRECTS = [
    ("/events/{event}/log-activity/", "staff_cds", 3),
    ("/reports/annual/", "viewer", 2),
]
# A list's download counts its rows twice (the page's paginator, then the exported table),
# then reads every filtered row with what its columns show.
DOWNLOADS = [
    # partners, their communities, their engagement figures.
    ("/partners/?export=csv", "staff_cds", 7),
    ("/partners/?export=xlsx", "staff_cds", 7),
    # contacts with their partners; the record of who exported them.
    ("/contacts/?export=csv", "staff_cds", 6),
    ("/contacts/?export=xlsx", "staff_cds", 6),
    ("/contacts/?export=vcf", "staff_cds", 4),
    # the totals (which count the rows once), activities, partners, communities, staff.
    ("/activities/?export=csv", "staff_cds", 8),
    ("/activities/?export=xlsx", "staff_cds", 8),
    ("/events/?when=all&export=csv", "staff_cds", 6),
    ("/events/?when=all&export=xlsx", "staff_cds", 6),
    ("/observances/?export=csv", "staff_cds", 6),
    ("/observances/?export=xlsx", "staff_cds", 6),
    ("/events/checklists/?export=csv", "supervisor_cds", 5),
    ("/events/checklists/?export=xlsx", "supervisor_cds", 5),
    ("/consultations/?export=csv", "staff_cds", 5),
    ("/consultations/?export=xlsx", "staff_cds", 5),
    # as the page.
    ("/consultations/{consultation}/heard/?format=docx", "staff_cds", 9),
    ("/consultations/{consultation}/heard/?format=xlsx", "staff_cds", 9),
    ("/consultations/{consultation}/heard/?format=pdf", "staff_cds", 9),
    ("/consultations/toolkits/{toolkit}/download/", "staff_cds", 3),
]


@pytest.mark.parametrize(
    ("url", "role", "expected", "status"),
    [(*page, 200) for page in PAGES + DOWNLOADS] + [(*page, 302) for page in REDIRECTS],
)
def test_page_runs_a_fixed_number_of_queries(
    login, users, cds, drr, staff_cds, rows, url, role, expected, status
):
    grow(rows, cds, drr, staff_cds, n=1)()

    assert_constant_queries(
        login(users[role]),
        address(url, rows),
        expected=expected,
        add_rows=grow(rows, cds, drr, staff_cds),
        status=status,
    )


# The report's downloads run the queries of its page (reports/tests/test_report_page.py): the
# CSV and JSON only the figures (9), the others the breakdowns too (a year's 21 with its
# introductions, a period's 20).
PERIOD = "/reports/period/?from=2018-01-01&to=2018-06-30&format="
REPORT_DOWNLOADS = [
    ("/reports/annual/2018/?format=csv", 9),
    ("/reports/annual/2018/?format=xlsx", 21),
    ("/reports/annual/2018/?format=docx", 21),
    ("/reports/annual/2018/?format=pdf", 21),
    (PERIOD + "csv", 9),
    (PERIOD + "json", 9),
    (PERIOD + "xlsx", 20),
    (PERIOD + "docx", 20),
    (PERIOD + "pdf", 20),
]


@pytest.mark.parametrize(("url", "expected"), REPORT_DOWNLOADS)
def test_report_download_runs_a_fixed_number_of_queries(login, viewer, cds, drr, url, expected):
    ActivityFactory(section=cds)

    assert_constant_queries(
        login(viewer), url, expected=expected, add_rows=lambda: add_many_rows(cds, drr)
    )


# --- Bad input -------------------------------------------------------------------------------

# Every list of django-tables2 (core.generic.ObjectListView and the review queue).
TABLE_PAGES = [
    "/partners/",
    "/contacts/",
    "/activities/",
    "/activities/review/",
    "/events/",
    "/events/checklists/",
    "/observances/",
    "/consultations/",
]


@pytest.mark.parametrize("url", TABLE_PAGES)
def test_a_negative_page_size_is_not_a_server_error(client, supervisor_cds, url):
    client.raise_request_exception = False
    client.force_login(supervisor_cds)

    response = client.get(url, {"per_page": "-1"})

    assert response.status_code < 500


@pytest.mark.parametrize("url", TABLE_PAGES)
def test_a_page_size_stays_between_one_and_a_hundred(client, supervisor_cds, url):
    client.force_login(supervisor_cds)

    sizes = [
        client.get(url, {"per_page": asked}).context["table"].paginator.per_page
        for asked in ("-1", "0", "100000")
    ]

    assert sizes == [1, 25, 100]  # 0 asks for the default
