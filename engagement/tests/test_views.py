"""Activities in the browser's terms: the grid, the pages, their query budgets."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from core.testing import assert_constant_queries
from engagement.choices import ReviewStatus
from engagement.models import Activity
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory, FollowUpFactory
from engagement.views import ReviewQueueView
from partners.tests.factories import CommunityFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(cds, staff_cds):
    return ActivityFactory(
        section=cds,
        created_by=staff_cds,
        status=ReviewStatus.SUBMITTED,
        staff=[staff_cds],
        partners=[PartnerFactory(name="Vanier Community Association")],
        title="Safety walk in Vanier",
    )


def grid_cases():
    grid = {
        "/activities/": dict(staff_cds=200, staff_drr=200, supervisor_cds=200, viewer=403),
        "/activities/?export=csv": dict(staff_cds=200, supervisor_cds=200, viewer=403),
        "/activities/new/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
        "/activities/{a}/": dict(staff_cds=200, staff_drr=200, supervisor_cds=200, viewer=403),
        "/activities/{a}/edit/": dict(
            staff_cds=200, staff_drr=404, supervisor_cds=200, supervisor_drr=404, viewer=403
        ),
        "/activities/{a}/history/": dict(staff_cds=403, supervisor_cds=200, viewer=403),
        "/activities/{a}/return/": dict(
            staff_cds=403, supervisor_cds=200, supervisor_drr=404, viewer=403
        ),
        "/activities/review/": dict(
            staff_cds=403, supervisor_cds=200, supervisor_drr=200, viewer=403, administrator=403
        ),
        "/activities/follow-ups/": dict(staff_cds=200, supervisor_cds=200, viewer=403),
        "/activities/import/": dict(
            staff_cds=200, supervisor_cds=200, viewer=403, administrator=403
        ),
        "/activities/options/partners/?field=partners&partners-search=van": dict(
            staff_cds=200, supervisor_cds=200, viewer=403, administrator=403
        ),
        "/activities/options/contacts/?field=contacts&contacts-search=van": dict(
            staff_cds=200, supervisor_cds=200, viewer=403, administrator=403
        ),
    }
    # Unless written out: an administrator uses none of these pages, and the other section's
    # staff and supervisor get what CDS's get (reading is open to both sections).
    for roles in grid.values():
        roles.setdefault("administrator", 403)
        roles.setdefault("staff_drr", roles.get("staff_cds"))
        roles.setdefault("supervisor_drr", roles.get("supervisor_cds"))
        for role in ("staff_cds", "supervisor_cds", "viewer"):
            roles.setdefault(role, 403)
    return [(url, role, status) for url, roles in grid.items() for role, status in roles.items()]


@pytest.mark.parametrize(("url", "role", "status"), grid_cases())
def test_permission_grid(client, users, activity, url, role, status):
    client.force_login(users[role])

    assert client.get(url.format(a=activity.pk)).status_code == status


@pytest.mark.parametrize(
    ("url", "role", "status"),
    [
        ("approve", "staff_cds", 403),
        ("approve", "viewer", 403),
        ("submit", "viewer", 403),
        ("submit", "staff_drr", 404),
    ],
)
def test_actions_are_refused_to_other_roles(client, users, activity, url, role, status):
    client.force_login(users[role])

    assert client.post(f"/activities/{activity.pk}/{url}/").status_code == status
    activity.refresh_from_db()
    assert activity.status == ReviewStatus.SUBMITTED


def test_log_an_activity_and_submit_it(login, staff_cds, cds):
    meeting = ActivityTypeFactory(code="meeting")
    partner = PartnerFactory(communities=[CommunityFactory(name="Youth")])

    response = login(staff_cds).post(
        "/activities/new/",
        {
            "date": "2026-03-02",
            "section": cds.pk,
            "type": meeting.pk,
            "title": "Meeting with the youth council",
            "partners": [partner.pk],
            "people_reached": "12",
            "staff_hours": "1.5",
            "audience": "community",
            "staff": [staff_cds.pk],
            "version": "",
            "action": "submit",
            "follow_ups-TOTAL_FORMS": "1",
            "follow_ups-INITIAL_FORMS": "0",
            "follow_ups-0-text": "Send the minutes",
            "follow_ups-0-owner": staff_cds.pk,
            "follow_ups-0-due_on": "2026-03-09",
        },
    )

    activity = Activity.objects.get()
    assert response.url == f"/activities/{activity.pk}/"
    assert (activity.status, activity.created_by, activity.staff_hours) == (
        ReviewStatus.SUBMITTED,
        staff_cds,
        Decimal("1.50"),
    )
    assert [f.text for f in activity.follow_ups.all()] == ["Send the minutes"]


def test_bad_input_is_a_message_not_an_error(login, staff_cds, cds):
    response = login(staff_cds).post(
        "/activities/new/",
        {
            "date": "2019-02-30",
            "section": cds.pk,
            "title": "",
            "people_reached": "-4",
            "version": "",
            "follow_ups-TOTAL_FORMS": "0",
            "follow_ups-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"date", "title", "type", "people_reached"}
    assert Activity.objects.count() == 0


def test_new_form_defaults_to_today_the_section_and_the_user(login, staff_cds, cds):
    form = login(staff_cds).get("/activities/new/").context["form"]

    assert form.initial["date"] == timezone.localdate()
    assert (form.initial["section"], form.initial["staff"]) == (cds.pk, [staff_cds.pk])


def test_log_another_like_this_copies_the_last_one(login, staff_cds, activity):
    form = login(staff_cds).get(f"/activities/new/?copy={activity.pk}").context["form"]

    assert form.initial["title"] == "Safety walk in Vanier"
    assert form.initial["partners"] == [p.pk for p in activity.partners.all()]
    assert form.initial["date"] == timezone.localdate()


def test_editing_an_approved_activity_sends_it_back_to_the_queue(login, supervisor_cds, activity):
    activity.status = ReviewStatus.APPROVED
    activity.save()
    client = login(supervisor_cds)
    form = client.get(f"/activities/{activity.pk}/edit/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "partners"}
    data.update(
        title="Safety walk in Vanier (corrected)",
        version=activity.version,
        type=activity.type_id,
        section=activity.section_id,
        staff=[u.pk for u in activity.staff.all()],
        partners=[p.pk for p in activity.partners.all()],
        communities=[],
        contacts=[],
        **{"follow_ups-TOTAL_FORMS": "0", "follow_ups-INITIAL_FORMS": "0"},
    )
    data.pop("event", None)
    data.pop("consultation", None)

    response = client.post(f"/activities/{activity.pk}/edit/", data)

    activity.refresh_from_db()
    assert response.status_code == 302
    assert activity.status == ReviewStatus.SUBMITTED


def test_review_queue_approves_many_and_returns_one(login, supervisor_cds, staff_cds, cds):
    waiting = ActivityFactory.create_batch(
        5, section=cds, created_by=staff_cds, status=ReviewStatus.SUBMITTED
    )
    client = login(supervisor_cds)

    queue = client.get("/activities/review/")
    approved = client.post("/activities/review/", {"activity": [a.pk for a in waiting[:4]]})
    returned = client.post(f"/activities/{waiting[4].pk}/return/", {"comment": "Which school?"})

    assert [a.pk for a in queue.context["object_list"]] == [a.pk for a in waiting]
    assert (approved.status_code, returned.status_code) == (302, 302)
    statuses = list(Activity.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["approved"] * 4 + ["returned"]
    home = login(staff_cds).get("/")
    assert [a.review_comment for a in home.context["returned"]] == ["Which school?"]


def test_approving_one_activity_says_so_in_the_singular(login, supervisor_cds, staff_cds, cds):
    one = ActivityFactory(section=cds, created_by=staff_cds, status=ReviewStatus.SUBMITTED)

    response = login(supervisor_cds).post(
        "/activities/review/", {"activity": [one.pk]}, follow=True
    )

    assert [str(m) for m in response.context["messages"]] == ["1 activity approved."]


def test_queue_refuses_a_selection_that_is_not_waiting(login, supervisor_cds, staff_cds, cds):
    draft = ActivityFactory(section=cds, created_by=staff_cds, status=ReviewStatus.DRAFT)

    response = login(supervisor_cds).post("/activities/review/", {"activity": [draft.pk]})

    draft.refresh_from_db()
    assert response.status_code == 302
    assert draft.status == ReviewStatus.DRAFT


def test_review_queue_counts_every_waiting_activity_beyond_those_shown(
    login, supervisor_cds, staff_cds, cds, monkeypatch
):
    monkeypatch.setattr(ReviewQueueView, "queue_limit", 2)
    ActivityFactory.create_batch(
        3, section=cds, created_by=staff_cds, status=ReviewStatus.SUBMITTED
    )

    response = login(supervisor_cds).get("/activities/review/")

    assert len(response.context["object_list"]) == 2
    assert response.context["waiting"] == 3
    assert "3 activities of your section are waiting for review" in response.content.decode()


def test_return_without_a_comment_is_refused(login, supervisor_cds, activity):
    response = login(supervisor_cds).post(f"/activities/{activity.pk}/return/", {"comment": ""})

    activity.refresh_from_db()
    assert response.status_code == 400
    assert activity.status == ReviewStatus.SUBMITTED


def test_list_totals_are_those_of_the_filtered_rows(login, staff_cds, cds, drr):
    ActivityFactory(section=cds, people_reached=150, staff_hours=Decimal("2.5"))
    ActivityFactory(section=cds, people_reached=5, staff_hours=Decimal("1"))
    ActivityFactory(section=drr, people_reached=999)

    response = login(staff_cds).get("/activities/", {"section": cds.pk})

    assert response.context["totals"] == {
        "count": 2,
        "people_reached": 155,
        "staff_hours": Decimal("3.50"),
    }


def test_my_activities_filter(login, staff_cds, staff_drr, cds):
    mine = ActivityFactory(section=cds, created_by=staff_cds)
    ActivityFactory(section=cds, created_by=staff_drr)

    response = login(staff_cds).get("/activities/", {"mine": "on"})

    assert [row.record for row in response.context["table"].rows] == [mine]


def test_csv_export_of_filtered_activities(login, staff_cds, cds):
    ActivityFactory(section=cds, title="@SUM(1+1)", date=datetime.date(2018, 3, 1))
    ActivityFactory(section=cds, title="Not this year", date=datetime.date(2017, 3, 1))

    response = login(staff_cds).get("/activities/", {"year": "2018", "export": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["'@SUM(1+1)"]


def test_partner_options_search_ignores_accents(login, staff_cds):
    PartnerFactory(name="Association des communautés francophones d'Ottawa")

    response = login(staff_cds).get(
        "/activities/options/partners/", {"field": "partners", "partners-search": "communautes"}
    )

    assert [o["label"] for o in response.context["options"]] == [
        "Association des communautés francophones d'Ottawa"
    ]


def test_follow_up_marked_done_from_the_list(login, staff_cds, activity):
    follow_up = FollowUpFactory(activity=activity, owner=staff_cds)

    response = login(staff_cds).post(
        f"/activities/follow-ups/{follow_up.pk}/done/", HTTP_HX_REQUEST="true"
    )

    follow_up.refresh_from_db()
    assert follow_up.done is True
    assert "Reopen" in response.content.decode()


def test_overdue_follow_ups_come_first(login, staff_cds, activity):
    later = FollowUpFactory(activity=activity, owner=staff_cds, due_on=datetime.date(2030, 1, 1))
    overdue = FollowUpFactory(activity=activity, owner=staff_cds, due_on=datetime.date(2020, 1, 1))
    FollowUpFactory(activity=activity, owner=staff_cds, done=True, due_on=datetime.date(2019, 1, 1))

    response = login(staff_cds).get("/activities/follow-ups/")

    assert list(response.context["object_list"])[:2] == [overdue, later]


def add_activities(n, cds, staff):
    def add():
        partner = PartnerFactory()
        for _ in range(n):
            ActivityFactory(
                section=cds,
                created_by=staff,
                status=ReviewStatus.SUBMITTED,
                partners=[partner],
                communities=[CommunityFactory()],
                staff=[staff],
            )

    return add


def test_activity_list_runs_a_fixed_number_of_queries(login, staff_cds, cds):
    add_activities(3, cds, staff_cds)()
    # session, user; filter choices (sections, types, partners, communities, staff); totals
    # with the count (the paginator's too); page; partners, communities and staff of the page.
    assert_constant_queries(
        login(staff_cds), "/activities/", expected=12, add_rows=add_activities(27, cds, staff_cds)
    )


def test_review_queue_runs_a_fixed_number_of_queries(login, supervisor_cds, staff_cds, cds):
    add_activities(3, cds, staff_cds)()
    assert_constant_queries(
        login(supervisor_cds),
        "/activities/review/",
        # session, user, the queue, its partners.
        expected=4,
        add_rows=add_activities(27, cds, staff_cds),
    )


def test_activity_page_runs_a_fixed_number_of_queries(login, supervisor_cds, staff_cds, activity):
    def add_more():
        for _ in range(27):
            FollowUpFactory(activity=activity, owner=staff_cds)
            activity.partners.add(PartnerFactory())

    FollowUpFactory.create_batch(3, activity=activity, owner=staff_cds)
    assert_constant_queries(
        # session, user; activity with section, type, event, consultation, author; its
        # partners, contacts, communities, staff; follow-ups; review trail; may edit; may review.
        login(supervisor_cds),
        f"/activities/{activity.pk}/",
        expected=11,
        add_rows=add_more,
    )


def test_second_of_two_concurrent_edits_is_refused_and_keeps_the_typing(
    client, staff_cds, supervisor_cds, activity
):
    form = {
        "date": "2018-06-01",
        "section": activity.section_id,
        "type": activity.type_id,
        "title": activity.title,
        "people_reached": "10",
        "staff_hours": "2",
        "audience": "community",
        "version": str(activity.version),
        "action": "save",
        "follow_ups-TOTAL_FORMS": "0",
        "follow_ups-INITIAL_FORMS": "0",
    }
    client.force_login(staff_cds)
    first = client.post(f"/activities/{activity.pk}/edit/", {**form, "people_reached": "40"})
    client.force_login(supervisor_cds)
    second = client.post(f"/activities/{activity.pk}/edit/", {**form, "people_reached": "55"})

    activity.refresh_from_db()
    assert first.status_code == 302
    assert "Someone else saved this record" in second.content.decode()
    assert second.context["form"]["people_reached"].value() == "55"
    assert activity.people_reached == 40


def test_the_paginator_counts_with_the_totals(login, staff_cds, cds):
    add_activities(30, cds, staff_cds)()
    ActivityFactory(section=cds, title="Youth summit", people_reached=7)

    client = login(staff_cds)
    last_page = client.get("/activities/", {"page": 2}).context
    searched = client.get("/activities/", {"q": "summit"}).context

    assert (last_page["table"].paginator.count, len(last_page["table"].page.object_list)) == (
        31,
        6,
    )
    assert last_page["totals"]["count"] == 31
    assert (searched["table"].paginator.count, searched["totals"]["people_reached"]) == (1, 7)
