"""The multicultural calendar and the month and agenda views: who may use them, what they
show on which local day, how they answer bad dates, and how many queries they cost."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.testing import assert_constant_queries
from events.choices import EventStatus
from events.models import Observance
from events.tests.factories import EventFactory, ObservanceFactory
from partners.tests.factories import CommunityFactory

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")
LOGIN_PAGES = {"/accounts/login/"}


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=TORONTO)


@pytest.fixture
def ramadan():
    return ObservanceFactory(
        name="Ramadan",
        starts_on=datetime.date(2019, 5, 5),
        ends_on=datetime.date(2019, 6, 4),
        communities=[CommunityFactory(name="Muslim")],
        notes="Avoid evening events; offer an iftar if the event runs past sunset.",
    )


# --- Who may use what ------------------------------------------------------------------------

SECTION_PAGES = [
    "events:observance_list",
    "events:observance_create",
    "events:observance_detail",
    "events:observance_update",
    "events:calendar_month",
    "events:calendar_agenda",
]
EXPECTED = dict(staff_cds=200, staff_drr=200, supervisor_cds=200, viewer=403, administrator=403)


def page_url(name: str, observance: Observance) -> str:
    if name in {"events:observance_detail", "events:observance_update"}:
        return reverse(name, args=[observance.pk])
    return reverse(name)


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("name", SECTION_PAGES)
def test_permission_grid(client, users, ramadan, name, role):
    client.force_login(users[role])

    response = client.get(page_url(name, ramadan))

    assert response.status_code == EXPECTED[role]


@pytest.mark.parametrize("role", list(EXPECTED))
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_permission_grid_for_exports(client, users, ramadan, fmt, role):
    client.force_login(users[role])

    response = client.get(reverse("events:observance_list"), {"export": fmt})

    assert response.status_code == EXPECTED[role]


@pytest.mark.parametrize("name", SECTION_PAGES)
def test_anonymous_is_sent_to_login(client, ramadan, name):
    response = client.get(page_url(name, ramadan))

    assert response.status_code == 302
    assert response.url.split("?next=")[0] in LOGIN_PAGES


@pytest.mark.parametrize(
    ("role", "status"), [("viewer", 403), ("administrator", 403), ("staff_drr", 302)]
)
def test_only_section_staff_save_observances(client, users, ramadan, role, status):
    client.force_login(users[role])
    form = {"name": "Ramadan", "starts_on": "2019-05-06", "ends_on": "2019-06-04"}

    response = client.post(reverse("events:observance_update", args=[ramadan.pk]), form)

    ramadan.refresh_from_db()
    assert (response.status_code, ramadan.starts_on) == (
        status,
        datetime.date(2019, 5, 6) if status == 302 else datetime.date(2019, 5, 5),
    )


# --- The multicultural calendar ---------------------------------------------------------------


def test_list_is_sorted_by_start_date(login, staff_cds):
    later = ObservanceFactory(name="Diwali", starts_on=datetime.date(2019, 10, 27))
    earlier = ObservanceFactory(name="Lunar New Year", starts_on=datetime.date(2019, 2, 5))

    response = login(staff_cds).get(reverse("events:observance_list"))

    assert [row.record for row in response.context["table"].rows] == [earlier, later]


def test_list_filters_by_year_community_and_text(login, staff_cds, ramadan):
    sikh = CommunityFactory(name="Sikh")
    vaisakhi = ObservanceFactory(
        name="Vaisakhi", starts_on=datetime.date(2019, 4, 14), communities=[sikh]
    )
    ObservanceFactory(name="Vaisakhi", starts_on=datetime.date(2018, 4, 14), communities=[sikh])
    # Kwanzaa 2018 runs into 2019: it belongs to both years.
    kwanzaa = ObservanceFactory(
        name="Kwanzaa", starts_on=datetime.date(2018, 12, 26), ends_on=datetime.date(2019, 1, 1)
    )
    client = login(staff_cds)
    url = reverse("events:observance_list")

    def shown(**params):
        return [row.record for row in client.get(url, params).context["table"].rows]

    assert shown(year=2019, community=sikh.pk) == [vaisakhi]
    assert shown(year=2019) == [kwanzaa, vaisakhi, ramadan]
    assert shown(q="iftar") == [ramadan]


def test_a_bad_year_is_a_filter_error_not_a_server_error(login, staff_cds, ramadan):
    response = login(staff_cds).get(reverse("events:observance_list"), {"year": "0"})

    assert response.status_code == 200
    assert list(response.context["table"].rows) == []
    assert "year" in response.context["filter"].errors


def test_list_exports_the_filtered_observances_to_csv_and_xlsx(login, staff_cds, ramadan):
    ObservanceFactory(name="Diwali", starts_on=datetime.date(2018, 11, 7))
    client = login(staff_cds)
    url = reverse("events:observance_list")

    text = client.get(url, {"year": 2019, "export": "csv"}).content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(client.get(url, {"year": 2019, "export": "xlsx"}).content))

    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["Name", "Starts", "Ends", "Communities", "Notes for planners"],
        [
            "Ramadan",
            "2019-05-05",
            "2019-06-04",
            "Muslim",
            "Avoid evening events; offer an iftar if the event runs past sunset.",
        ],
    ]
    assert [[cell.value for cell in row] for row in workbook.active.iter_rows()][1][0] == "Ramadan"


def test_staff_adds_an_observance(login, staff_drr):
    pride = CommunityFactory(name="2SLGBTQ+")
    client = login(staff_drr)

    response = client.post(
        reverse("events:observance_create"),
        {
            "name": "Pride Month",
            "starts_on": "2019-06-01",
            "ends_on": "2019-06-30",
            "communities": [pride.pk],
            "notes": "Flag raising at headquarters on the first Monday.",
            "version": "",
        },
    )

    observance = Observance.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("events:observance_detail", args=[observance.pk])
    assert (observance.name, observance.ends_on, list(observance.communities.all())) == (
        "Pride Month",
        datetime.date(2019, 6, 30),
        [pride],
    )


def test_an_observance_cannot_end_before_it_starts(login, staff_cds):
    response = login(staff_cds).post(
        reverse("events:observance_create"),
        {"name": "Diwali", "starts_on": "2019-10-28", "ends_on": "2019-10-27", "version": ""},
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert Observance.objects.count() == 0


def test_the_same_observance_twice_on_one_date_is_refused(login, staff_cds, ramadan):
    response = login(staff_cds).post(
        reverse("events:observance_create"),
        {"name": "Ramadan", "starts_on": "2019-05-05", "ends_on": "2019-06-04", "version": ""},
    )

    assert response.status_code == 200
    assert Observance.objects.count() == 1


def test_edit_form_shows_the_dates_for_the_date_pickers(login, staff_cds, ramadan):
    response = login(staff_cds).get(reverse("events:observance_update", args=[ramadan.pk]))

    html = response.content.decode()
    assert 'type="date" name="starts_on" value="2019-05-05"' in html
    assert 'type="date" name="ends_on" value="2019-06-04"' in html


def test_observance_page_lists_the_events_on_its_days(login, staff_cds, ramadan):
    iftar = EventFactory(title="Community iftar", starts_at=at(2019, 5, 20, 19, 0))
    EventFactory(title="Police Week", starts_at=at(2019, 5, 4, 20, 0))  # ends 23:00

    response = login(staff_cds).get(ramadan.get_absolute_url())

    assert response.context["events"] == [iftar]
    assert "Avoid evening events" in response.content.decode()


# --- The month view -------------------------------------------------------------------------


def test_month_view_is_a_table_with_weekday_headers_and_a_caption(login, staff_cds):
    response = login(staff_cds).get(reverse("events:calendar_month"), {"month": "2019-03"})

    html = response.content.decode()
    assert "<caption" in html
    assert html.count('<th scope="col">') == 7
    assert '<th scope="col">Sunday</th>' in html
    weeks = response.context["grid"].weeks
    # March 2019 starts on a Friday and ends on a Sunday: six weeks, Sunday first.
    assert (len(weeks), weeks[0][0].date, weeks[-1][-1].date) == (
        6,
        datetime.date(2019, 2, 24),
        datetime.date(2019, 4, 6),
    )


def test_month_view_links_to_the_months_around_it(login, staff_cds):
    response = login(staff_cds).get(reverse("events:calendar_month"), {"month": "2019-01"})

    html = response.content.decode()
    assert 'href="?month=2018-12"' in html
    assert 'href="?month=2019-02"' in html


def test_month_view_defaults_to_the_current_local_month_and_marks_today(login, staff_cds):
    today = timezone.localdate()

    response = login(staff_cds).get(reverse("events:calendar_month"))

    grid = response.context["grid"]
    marked = [day.date for week in grid.weeks for day in week if day.is_today]
    assert (grid.month, marked) == (today.replace(day=1), [today])
    assert response.content.decode().count('aria-current="date"') == 1


def test_events_and_observances_land_on_their_local_days(login, staff_cds, ramadan):
    # 23:30 in Toronto is already the next day in UTC.
    late = EventFactory(
        title="Eid al-Fitr reception",
        starts_at=at(2019, 5, 31, 23, 30),
        ends_at=at(2019, 6, 1, 0, 0),
    )
    cancelled = EventFactory(
        title="Cancelled vigil", starts_at=at(2019, 5, 10, 18, 0), status=EventStatus.CANCELLED
    )

    response = login(staff_cds).get(reverse("events:calendar_month"), {"month": "2019-05"})

    days = {day.date: day for week in response.context["grid"].weeks for day in week}
    assert [entry.event for entry in days[datetime.date(2019, 5, 31)].events] == [late]
    assert days[datetime.date(2019, 6, 1)].events == []
    # A month-long observance is on every day it covers, in the month and after it.
    covered = [date for date, day in days.items() if ramadan in day.observances]
    assert covered == [
        datetime.date(2019, 5, 5) + datetime.timedelta(days=n)
        for n in range((datetime.date(2019, 6, 1) - datetime.date(2019, 5, 5)).days + 1)
    ]
    html = response.content.decode()
    assert f'href="{late.get_absolute_url()}"' in html
    assert f'href="{ramadan.get_absolute_url()}"' in html
    assert f"<del>{cancelled.title}</del>" in html


def test_an_event_over_several_days_shows_on_each(login, staff_cds):
    forum = EventFactory(
        title="Human Rights Learning Forum",
        starts_at=at(2019, 3, 9, 9, 0),
        ends_at=at(2019, 3, 11, 0, 0),  # midnight: the 11th is not a day of it
    )

    response = login(staff_cds).get(reverse("events:calendar_month"), {"month": "2019-03"})

    days = {day.date: day for week in response.context["grid"].weeks for day in week}
    shown = {date: [e.starts_today for e in day.events] for date, day in days.items() if day.events}
    assert shown == {datetime.date(2019, 3, 9): [True], datetime.date(2019, 3, 10): [False]}
    assert forum.title in response.content.decode()


@pytest.mark.parametrize("month", ["2019-13", "garbage", "0000-01", "2019-00", "99999-01"])
def test_a_bad_month_shows_a_message_and_the_current_month(login, staff_cds, month):
    response = login(staff_cds).get(reverse("events:calendar_month"), {"month": month})

    assert response.status_code == 200
    assert "is not a month" in response.context["error"]
    assert response.context["grid"].month == timezone.localdate().replace(day=1)
    assert 'role="alert"' in response.content.decode()


# --- The agenda -----------------------------------------------------------------------------


def test_agenda_defaults_to_the_next_sixty_days(login, staff_cds):
    today = timezone.localdate()
    soon = EventFactory(
        title="Soon",
        starts_at=datetime.datetime.combine(today, datetime.time(12), tzinfo=TORONTO),
    )
    EventFactory(
        title="Too far",
        starts_at=datetime.datetime.combine(
            today + datetime.timedelta(days=60), datetime.time(12), tzinfo=TORONTO
        ),
    )

    response = login(staff_cds).get(reverse("events:calendar_agenda"))

    context = response.context
    assert (context["first"], context["last"]) == (today, today + datetime.timedelta(days=59))
    assert [entry.event for day in context["days"] for entry in day.events] == [soon]


def test_agenda_lists_each_day_once_with_its_events_and_observances(login, staff_cds, ramadan):
    forum = EventFactory(title="Forum", starts_at=at(2019, 5, 14, 9, 0))
    late = EventFactory(title="Late", starts_at=at(2018, 12, 31, 23, 30))

    response = login(staff_cds).get(
        reverse("events:calendar_agenda"), {"from": "2018-12-01", "to": "2019-05-31"}
    )

    days = [
        (day.date, [o.name for o in day.observances], [e.event.title for e in day.events])
        for day in response.context["days"]
    ]
    assert days == [
        (datetime.date(2018, 12, 31), [], [late.title]),
        (datetime.date(2019, 5, 5), ["Ramadan"], []),
        (datetime.date(2019, 5, 14), [], [forum.title]),
    ]
    assert "Muslim" in response.content.decode()


def test_agenda_starting_inside_an_observance_lists_it_on_the_first_day(login, staff_cds, ramadan):
    response = login(staff_cds).get(
        reverse("events:calendar_agenda"), {"from": "2019-05-20", "to": "2019-05-25"}
    )

    assert [(day.date, day.observances) for day in response.context["days"]] == [
        (datetime.date(2019, 5, 20), [ramadan])
    ]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"from": "garbage"}, "is not a date"),
        ({"from": "2019-02-30"}, "is not a date"),
        ({"to": "31/12/2019"}, "is not a date"),
        ({"from": "0001-01-01"}, "is not a date"),
        ({"from": "2019-06-01", "to": "2019-05-01"}, "before the start"),
        ({"from": "2019-01-01", "to": "2020-01-02"}, "at most 366 days"),
    ],
)
def test_bad_agenda_dates_show_a_message_and_the_next_sixty_days(login, staff_cds, params, message):
    response = login(staff_cds).get(reverse("events:calendar_agenda"), params)

    assert response.status_code == 200
    assert message in response.context["error"]
    assert response.context["first"] == timezone.localdate()


def test_agenda_accepts_a_whole_leap_year(login, staff_cds):
    response = login(staff_cds).get(
        reverse("events:calendar_agenda"), {"from": "2020-01-01", "to": "2020-12-31"}
    )

    assert "error" not in response.context
    assert response.context["last"] == datetime.date(2020, 12, 31)


# --- Queries --------------------------------------------------------------------------------


def add_rows(count: int, *, day: datetime.date):
    """``count`` events and observances (each with communities) around ``day``."""

    def add():
        for n in range(count):
            if n % 3 == 0:
                ObservanceFactory(
                    starts_on=day + datetime.timedelta(days=n % 20),
                    ends_on=day + datetime.timedelta(days=n % 20 + 2),
                    communities=[CommunityFactory(), CommunityFactory()],
                )
            else:
                start = datetime.datetime.combine(
                    day + datetime.timedelta(days=n % 25), datetime.time(10), tzinfo=TORONTO
                )
                EventFactory(starts_at=start)  # each with a section of its own

    return add


@pytest.mark.parametrize(
    "url",
    [
        "/calendar/?month=2019-05",
        "/calendar/agenda/?from=2019-05-01&to=2019-06-30",
    ],
)
def test_calendar_views_run_a_fixed_number_of_queries(login, staff_cds, url):
    add_rows(3, day=datetime.date(2019, 5, 2))()
    # session, user; events with their sections; observances; their communities.
    assert_constant_queries(
        login(staff_cds), url, expected=5, add_rows=add_rows(27, day=datetime.date(2019, 5, 2))
    )


def test_observance_list_runs_a_fixed_number_of_queries(login, staff_cds):
    add_rows(9, day=datetime.date(2019, 5, 2))()
    # session, user; the community choices; count, page, the page's communities.
    assert_constant_queries(
        login(staff_cds),
        "/observances/",
        expected=6,
        add_rows=add_rows(81, day=datetime.date(2019, 5, 2)),
    )


def test_observance_page_runs_a_fixed_number_of_queries(login, staff_cds, ramadan):
    def add():
        for n in range(27):
            EventFactory(starts_at=at(2019, 5, 5 + n % 25, 10, 0))
            ramadan.communities.add(CommunityFactory())

    EventFactory.create_batch(3, starts_at=at(2019, 5, 10, 10, 0))
    # session, user; the observance, its communities; the events on its days.
    assert_constant_queries(login(staff_cds), ramadan.get_absolute_url(), expected=5, add_rows=add)
