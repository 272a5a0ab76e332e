"""The iCalendar feeds Outlook subscribes to: valid documents, times on the right local day
across daylight-saving changes, stable UIDs, and the per-user secret token that replaces a
login (and stops working the moment it is reset)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accounts.tests.factories import UserFactory
from core.testing import assert_constant_queries
from events.choices import EventStatus
from events.tests.factories import EventFactory, ObservanceFactory
from partners.tests.factories import CommunityFactory

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")
FEEDS = ["events:events_feed", "events:observances_feed"]


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=TORONTO)


@pytest.fixture
def in_june_2019(monkeypatch):
    """The feeds carry a window around today (a year back, two ahead): make today
    1 June 2019 by setting Django's clock, so 2019's daylight-saving days are in it."""
    moment = datetime.datetime(2019, 6, 1, 16, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def feed(client, name, user, **params):
    response = client.get(reverse(name), {"token": user.calendar_token, **params})
    assert response.status_code == 200, response.status_code
    return response, Calendar.from_ical(response.content)


def vevents(calendar) -> dict[str, object]:
    return {str(component["UID"]): component for component in calendar.walk("VEVENT")}


def local_start(component) -> datetime.datetime:
    """DTSTART as a reader (Outlook) computes it: in Toronto, without its zone."""
    return component.decoded("DTSTART").astimezone(TORONTO).replace(tzinfo=None)


# --- The documents --------------------------------------------------------------------------


@pytest.mark.parametrize("name", FEEDS)
def test_feed_is_a_valid_calendar_with_the_toronto_time_zone(client, staff_cds, name):
    response, calendar = feed(client, name, staff_cds)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == (
        "2.0",
        "-//Inroads//Community engagement calendar//EN",
    )
    assert str(calendar["X-WR-TIMEZONE"]) == "America/Toronto"
    assert str(calendar["X-WR-CALNAME"]).startswith("Inroads")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/Toronto"]
    # Both rules of the zone: Outlook needs them to place times in another zone.
    assert {c.name for c in calendar.walk("VTIMEZONE")[0].subcomponents} == {
        "STANDARD",
        "DAYLIGHT",
    }
    assert "private" in response["Cache-Control"]


def test_events_land_on_their_local_day_across_daylight_saving_changes(
    client, staff_cds, in_june_2019
):
    dst_starts = EventFactory(title="Diversity Celebration", starts_at=at(2019, 3, 10, 12, 0))
    dst_ends_early = EventFactory(
        title="Night patrol debrief",
        starts_at=at(2019, 11, 3, 0, 30),
        ends_at=at(2019, 11, 3, 1, 30),
    )
    dst_ends_late = EventFactory(
        title="Diwali open house",
        starts_at=at(2019, 11, 3, 23, 30),
        ends_at=at(2019, 11, 3, 23, 59),
    )
    new_year = EventFactory(
        title="New Year's Eve safety table",
        starts_at=at(2018, 12, 31, 23, 30),
        ends_at=at(2019, 1, 1, 0, 30),
    )

    response, calendar = feed(client, "events:events_feed", staff_cds)

    events = vevents(calendar)
    starts = {
        pk: local_start(events[f"event-{pk}@inroads"])
        for pk in (dst_starts.pk, dst_ends_early.pk, dst_ends_late.pk, new_year.pk)
    }
    assert starts == {
        dst_starts.pk: datetime.datetime(2019, 3, 10, 12, 0),
        dst_ends_early.pk: datetime.datetime(2019, 11, 3, 0, 30),
        dst_ends_late.pk: datetime.datetime(2019, 11, 3, 23, 30),
        new_year.pk: datetime.datetime(2018, 12, 31, 23, 30),
    }
    assert local_start(events[f"event-{new_year.pk}@inroads"]).date() == datetime.date(2018, 12, 31)
    # Written in local time with the zone's name, never converted to UTC.
    text = response.content.decode()
    assert "DTSTART;TZID=America/Toronto:20190310T120000" in text
    assert "DTSTART;TZID=America/Toronto:20181231T233000" in text
    assert "DTEND;TZID=America/Toronto:20190101T003000" in text


def test_event_carries_its_details_and_link(client, staff_cds, in_june_2019):
    event = EventFactory(
        title="Human Rights Learning Forum",
        starts_at=at(2019, 9, 12, 9, 0),
        ends_at=at(2019, 9, 12, 16, 0),
        venue="Ottawa Conference and Event Centre",
        description="Speakers from the Human Rights Commission.",
        status=EventStatus.CONFIRMED,
    )
    cancelled = EventFactory(starts_at=at(2019, 9, 20, 9, 0), status=EventStatus.CANCELLED)

    _, calendar = feed(client, "events:events_feed", staff_cds)

    events = vevents(calendar)
    forum = events[f"event-{event.pk}@inroads"]
    assert {
        key: str(forum[key]) for key in ("SUMMARY", "LOCATION", "DESCRIPTION", "STATUS", "URL")
    } == {
        "SUMMARY": "Human Rights Learning Forum",
        "LOCATION": "Ottawa Conference and Event Centre",
        "DESCRIPTION": "Speakers from the Human Rights Commission.",
        "STATUS": "CONFIRMED",
        "URL": f"http://testserver/events/{event.pk}/",
    }
    assert forum.decoded("DTEND").astimezone(TORONTO).replace(tzinfo=None) == (
        datetime.datetime(2019, 9, 12, 16, 0)
    )
    assert forum.decoded("LAST-MODIFIED") == event.updated_at.replace(microsecond=0)
    assert "DTSTAMP" in forum
    assert str(events[f"event-{cancelled.pk}@inroads"]["STATUS"]) == "CANCELLED"


def test_uids_are_stable_from_one_fetch_to_the_next(client, staff_cds, in_june_2019):
    event = EventFactory(starts_at=at(2019, 7, 1, 10, 0))
    observance = ObservanceFactory(starts_on=datetime.date(2019, 7, 1))

    first = [set(vevents(feed(client, name, staff_cds)[1])) for name in FEEDS]
    event.title = "Canada Day community barbecue"
    event.save()
    second = [set(vevents(feed(client, name, staff_cds)[1])) for name in FEEDS]

    assert (
        first == second == [{f"event-{event.pk}@inroads"}, {f"observance-{observance.pk}@inroads"}]
    )


def test_feeds_carry_a_year_back_and_two_years_ahead(client, staff_cds, in_june_2019):
    inside = [
        EventFactory(starts_at=at(2018, 6, 2, 10, 0)),
        EventFactory(starts_at=at(2021, 5, 30, 10, 0)),
    ]
    EventFactory(starts_at=at(2018, 5, 20, 10, 0))
    EventFactory(starts_at=at(2021, 6, 10, 10, 0))
    ObservanceFactory(name="Too old", starts_on=datetime.date(2018, 1, 27))
    kept = ObservanceFactory(name="Kept", starts_on=datetime.date(2019, 1, 27))

    events = vevents(feed(client, "events:events_feed", staff_cds)[1])
    observances = vevents(feed(client, "events:observances_feed", staff_cds)[1])

    assert set(events) == {f"event-{e.pk}@inroads" for e in inside}
    assert set(observances) == {f"observance-{kept.pk}@inroads"}


def test_observances_are_all_day_with_an_exclusive_end_and_their_communities(
    client, staff_cds, in_june_2019
):
    pride = ObservanceFactory(
        name="Pride Month",
        starts_on=datetime.date(2019, 6, 1),
        ends_on=datetime.date(2019, 6, 30),
        communities=[CommunityFactory(name="2SLGBTQ+"), CommunityFactory(name="Youth")],
        notes="Flag raising at headquarters.",
    )
    day = ObservanceFactory(
        name="National Indigenous Peoples Day", starts_on=datetime.date(2019, 6, 21)
    )

    response, calendar = feed(client, "events:observances_feed", staff_cds)

    observances = vevents(calendar)
    month = observances[f"observance-{pride.pk}@inroads"]
    single = observances[f"observance-{day.pk}@inroads"]
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (
        datetime.date(2019, 6, 1),
        datetime.date(2019, 7, 1),
    )
    assert (single.decoded("DTSTART"), single.decoded("DTEND")) == (
        datetime.date(2019, 6, 21),
        datetime.date(2019, 6, 22),
    )
    assert [str(c) for c in month["CATEGORIES"].cats] == ["2SLGBTQ+", "Youth"]
    assert (str(month["SUMMARY"]), str(month["DESCRIPTION"])) == (
        "Pride Month",
        "Flag raising at headquarters.",
    )
    text = response.content.decode()
    assert "DTSTART;VALUE=DATE:20190601" in text
    assert "DTEND;VALUE=DATE:20190701" in text


@pytest.mark.parametrize(
    ("name", "expected"), [("events:events_feed", 2), ("events:observances_feed", 3)]
)
def test_feeds_run_a_fixed_number_of_queries(client, staff_cds, in_june_2019, name, expected):
    def add(count):
        def rows():
            for n in range(count):
                EventFactory(starts_at=at(2019, 7, 1 + n % 28, 10, 0))
                ObservanceFactory(
                    starts_on=datetime.date(2019, 7, 1 + n % 28),
                    communities=[CommunityFactory(), CommunityFactory()],
                )

        return rows

    add(3)()
    # The token's user; the events with their sections, or observances and communities.
    assert_constant_queries(
        client,
        f"{reverse(name)}?token={staff_cds.calendar_token}",
        expected=expected,
        add_rows=add(27),
    )


# --- The token ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("params", [{}, {"token": ""}, {"token": "not-a-token"}])
def test_without_a_valid_token_a_feed_is_not_found_not_a_login_redirect(
    client, staff_cds, name, params
):
    response = client.get(reverse(name), params)

    assert response.status_code == 404


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("staff_cds", 200),
        ("staff_drr", 200),
        ("supervisor_cds", 200),
        ("viewer", 404),
        ("administrator", 404),
    ],
)
def test_only_section_staff_tokens_open_the_feeds(client, users, name, role, status):
    response = client.get(reverse(name), {"token": users[role].calendar_token})

    assert response.status_code == status


@pytest.mark.parametrize("name", FEEDS)
def test_an_inactive_users_token_no_longer_opens_the_feeds(client, cds, name):
    gone = UserFactory(username="moved.on", section=cds, is_active=False)

    response = client.get(reverse(name), {"token": gone.calendar_token})

    assert response.status_code == 404


def test_a_signed_in_user_still_needs_the_token(login, staff_cds):
    response = login(staff_cds).get(reverse("events:events_feed"))

    assert response.status_code == 404


def test_profile_shows_the_feed_addresses_with_the_token(login, staff_cds):
    response = login(staff_cds).get(reverse("accounts:profile"))

    html = response.content.decode()
    token = staff_cds.calendar_token
    assert f'value="http://testserver/calendar/events.ics?token={token}"' in html
    assert f'value="http://testserver/calendar/observances.ics?token={token}"' in html
    assert html.count(" readonly") == 2
    assert reverse("accounts:calendar_token_reset") in html


@pytest.mark.parametrize("role", ["viewer", "administrator"])
def test_profile_offers_no_feed_to_roles_that_cannot_use_one(login, users, role):
    response = login(users[role]).get(reverse("accounts:profile"))

    html = response.content.decode()
    assert (response.status_code, "calendar/events.ics" in html) == (200, False)
    assert "Reset my calendar token" not in html


def test_a_reset_token_stops_working_at_once(client, staff_cds):
    old = staff_cds.calendar_token
    client.force_login(staff_cds)

    response = client.post(reverse("accounts:calendar_token_reset"), follow=True)

    staff_cds.refresh_from_db()
    new = staff_cds.calendar_token
    assert (new != old, len(new) >= 40) == (True, True)
    assert response.redirect_chain == [(reverse("accounts:profile"), 302)]
    assert f"?token={new}" in response.content.decode()
    assert "calendar token was reset" in response.content.decode()
    client.logout()
    for name in FEEDS:
        assert client.get(reverse(name), {"token": old}).status_code == 404
        assert client.get(reverse(name), {"token": new}).status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("staff_cds", 302),
        ("staff_drr", 302),
        ("supervisor_cds", 302),
        ("viewer", 403),
        ("administrator", 403),
    ],
)
def test_token_reset_permission_grid(client, users, role, status):
    user = users[role]
    before = user.calendar_token
    client.force_login(user)

    response = client.post(reverse("accounts:calendar_token_reset"))

    user.refresh_from_db()
    assert (response.status_code, user.calendar_token != before) == (status, status == 302)


def test_token_reset_is_a_post(login, staff_cds):
    before = staff_cds.calendar_token

    response = login(staff_cds).get(reverse("accounts:calendar_token_reset"))

    staff_cds.refresh_from_db()
    assert (response.status_code, staff_cds.calendar_token) == (405, before)


def test_anonymous_token_reset_is_sent_to_login(client):
    response = client.post(reverse("accounts:calendar_token_reset"))

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
