"""Importing the sections' events sheets and the multicultural calendar (DESIGN.md, "Import
and export"): what a good file saves, times without an offset read as Toronto time (and
counted in the local year by the annual report), offsets taken as given, matching what is
already there, every problem by line and column, partner names that match no partner
(create, or use a likely duplicate, as for activities), the command and the browser flow."""

import csv
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from core.imports import IMPORTERS, Resolution, load_importers
from core.testing import errors_of, unknown_partner_key, upload, write_csv, write_xlsx
from events.choices import EventStatus
from events.imports import EventImporter, ObservanceImporter, parse_datetime
from events.models import Event, Observance
from events.tests.factories import EventFactory, ObservanceFactory
from partners.choices import PartnerKind, PartnerStatus
from partners.models import Partner
from partners.tests.factories import CommunityFactory, PartnerFactory
from reports.queries import annual_report

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")
HEADER = [
    "title",
    "section",
    "starts_at",
    "ends_at",
    "status",
    "venue",
    "partners",
    "expected_attendance",
    "actual_attendance",
    "budget",
    "funds_raised",
    "funds_beneficiary",
]
PRIDE = "Capital Pride"
FORUM_PARTNER = "Centre communautaire Vanier"
NEWCOMERS = "Ottawa Newcomer Network"


def event_row(**values):
    """A row of HEADER: the given cells, blank elsewhere."""
    return [values.get(column, "") for column in HEADER]


def import_events(path, *, dry_run=False, user=None, resolutions=None, **options):
    return EventImporter(**options).run(path, dry_run=dry_run, user=user, resolutions=resolutions)


def import_observances(path, *, dry_run=False, user=None):
    return ObservanceImporter().run(path, dry_run=dry_run, user=user)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def partners(db):
    return {"pride": PartnerFactory(name=PRIDE), "vanier": PartnerFactory(name=FORUM_PARTNER)}


@pytest.fixture
def events_sheet(tmp_path, cds, drr, partners):
    """A DRR sheet, every cell filled in the first row, written as people write them."""
    return write_csv(
        tmp_path / "events.csv",
        [
            HEADER,
            event_row(
                title="Pride parade",
                section="drr",
                starts_at="2018-08-26 11:00",
                ends_at="2018-08-26T15:30",
                status="Completed",
                venue="Downtown",
                partners="capital  PRIDE; centre communautaire vanier",
                expected_attendance="5000",
                actual_attendance="6 200",
                budget="$1,500.00",
                funds_raised="1,200.00",
                funds_beneficiary="Capital Pride",
            ),
            event_row(
                title="Human Rights Learning Forum",
                section="DRR",
                starts_at="2018-11-08T09:00-05:00",
                ends_at="2018-11-08T16:00-05:00",
                actual_attendance="200",
            ),
            event_row(
                title="Police Week",
                section="CDS",
                starts_at="2019-05-12 10:00",
                ends_at="2019-05-18 16:00",
                status="confirmed",
            ),
        ],
    )


# A good file -----------------------------------------------------------------------------


def test_the_events_and_observances_importers_are_registered():
    load_importers()

    assert IMPORTERS["events"] is EventImporter
    assert IMPORTERS["observances"] is ObservanceImporter


def test_a_good_file_creates_events_with_every_column(events_sheet, partners, supervisor_drr):
    result = import_events(events_sheet)

    assert result.errors == []
    assert result.saved is True
    assert [(row.line, row.action, row.label) for row in result.rows] == [
        (2, "create", "2018-08-26 11:00 DRR: Pride parade"),
        (3, "create", "2018-11-08 09:00 DRR: Human Rights Learning Forum"),
        (4, "create", "2019-05-12 10:00 CDS: Police Week"),
    ]
    parade = Event.objects.get(title="Pride parade")
    assert (parade.section.code, parade.status, parade.venue) == (
        "DRR",
        EventStatus.COMPLETED,
        "Downtown",
    )
    # 11:00 in Toronto in August is 15:00 UTC (daylight saving time).
    assert (parade.starts_at, parade.ends_at) == (utc(2018, 8, 26, 15, 0), utc(2018, 8, 26, 19, 30))
    assert sorted(p.name for p in parade.partners.all()) == [PRIDE, FORUM_PARTNER]
    assert (parade.expected_attendance, parade.actual_attendance) == (5000, 6200)
    assert (parade.budget, parade.funds_raised, parade.funds_beneficiary) == (
        Decimal("1500.00"),
        Decimal("1200.00"),
        "Capital Pride",
    )
    forum = Event.objects.get(title="Human Rights Learning Forum")
    assert (forum.starts_at, forum.ends_at) == (utc(2018, 11, 8, 14, 0), utc(2018, 11, 8, 21, 0))
    # Blank cells take the model's defaults: planning, no budget, nothing raised.
    assert (forum.status, forum.budget, forum.funds_raised, forum.actual_attendance) == (
        EventStatus.PLANNING,
        None,
        Decimal("0"),
        200,
    )
    assert Event.objects.get(title="Police Week").status == EventStatus.CONFIRMED
    assert Partner.objects.count() == 2


def test_imported_events_are_in_the_audit_history_under_the_user(events_sheet, administrator):
    import_events(events_sheet, user=administrator)

    record = Event.objects.get(title="Pride parade").history.earliest()
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "+",
        administrator,
        "Imported from events.csv",
    )


def test_a_dry_run_saves_nothing_but_says_what_it_would_do(events_sheet):
    result = import_events(events_sheet, dry_run=True)

    assert (result.ok, result.saved, result.summary()) == (
        True,
        False,
        "3 created, 0 updated, 0 unchanged",
    )
    assert Event.objects.count() == 0


def test_an_xlsx_sheet_with_date_time_and_number_cells_imports_like_a_csv(tmp_path, drr, partners):
    path = write_xlsx(
        tmp_path / "events.xlsx",
        [
            ["Title", "Section", "Starts at", "Ends-at", "Partners", "Budget", "Funds raised"],
            [
                "Célébration de la diversité",
                "DRR",
                datetime(2018, 6, 14, 18, 0),
                "2018-06-14T21:00-04:00",
                PRIDE.upper(),
                2500,
                1200.5,
            ],
        ],
    )

    first = import_events(path)
    second = import_events(path)

    assert first.errors == []
    event = Event.objects.get()
    assert (event.title, event.starts_at, event.ends_at) == (
        "Célébration de la diversité",
        utc(2018, 6, 14, 22, 0),
        utc(2018, 6, 15, 1, 0),
    )
    assert (event.budget, event.funds_raised) == (Decimal("2500.00"), Decimal("1200.50"))
    assert list(event.partners.all()) == [partners["pride"]]
    assert [row.action for row in second.rows] == ["unchanged"]
    assert Event.objects.count() == 1


# Importing twice -------------------------------------------------------------------------


def test_importing_the_same_file_twice_creates_nothing_new(events_sheet, administrator):
    # Times near midnight, local or in UTC, still match the day they were saved on.
    with events_sheet.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                event_row(
                    title="New Year levee",
                    section="DRR",
                    starts_at="2018-12-31 23:30",
                    ends_at="2019-01-01 01:00",
                    partners=NEWCOMERS,
                ),
                event_row(
                    title="Late start",
                    section="CDS",
                    starts_at="2019-01-01T03:30Z",
                    ends_at="2019-01-01T05:00Z",
                ),
            ]
        )
    import_events(events_sheet, user=administrator)
    counts = (Event.objects.count(), Partner.objects.count())

    second = import_events(events_sheet, user=administrator)

    assert second.errors == []
    assert second.resolutions == []
    assert second.notes == []
    assert [(row.line, row.action) for row in second.rows] == [
        (2, "unchanged"),
        (3, "unchanged"),
        (4, "unchanged"),
        (5, "unchanged"),
        (6, "unchanged"),
    ]
    assert counts == (5, 3)
    assert (Event.objects.count(), Partner.objects.count()) == counts


def test_an_event_matched_by_section_title_and_local_day_is_updated_not_renamed(
    tmp_path, drr, partners
):
    existing = EventFactory(
        section=drr,
        title="Human Rights Learning Forum",
        starts_at=datetime(2018, 11, 8, 9, 0, tzinfo=TORONTO),
        ends_at=datetime(2018, 11, 8, 16, 0, tzinfo=TORONTO),
        status=EventStatus.CONFIRMED,
        venue="City Hall",
    )
    path = write_csv(
        tmp_path / "e.csv",
        [
            ["title", "section", "starts_at", "ends_at", "actual_attendance", "venue"],
            ["HUMAN RIGHTS  learning forum", "DRR", "2018-11-08 08:30", "2018-11-08 16:00", "200"],
            ["Human Rights Learning Forum", "DRR", "2019-11-07 09:00", "2019-11-07 16:00", ""],
        ],
    )

    result = import_events(path)

    assert [(row.action, row.changed) for row in result.rows] == [
        ("update", ("starts_at", "actual_attendance")),
        ("create", ()),
    ]
    existing.refresh_from_db()
    assert Event.objects.count() == 2
    assert (existing.title, existing.starts_at, existing.actual_attendance) == (
        "Human Rights Learning Forum",
        utc(2018, 11, 8, 13, 30),
        200,
    )
    # A blank cell erases nothing, and edit forms opened before see a new version.
    assert (existing.venue, existing.status, existing.version) == (
        "City Hall",
        EventStatus.CONFIRMED,
        2,
    )
    assert existing.history.latest().history_change_reason == "Imported from e.csv"


def test_the_same_event_twice_in_one_file_is_an_error_on_the_second(tmp_path, cds, drr):
    path = write_csv(
        tmp_path / "e.csv",
        [
            ["title", "section", "starts_at", "ends_at"],
            ["Police Week", "CDS", "2019-05-12 10:00", "2019-05-12 16:00"],
            ["Police Week", "DRR", "2019-05-12 10:00", "2019-05-12 16:00"],
            ["police  WEEK", "cds", "2019-05-12 18:00", "2019-05-12 20:00"],
            ["Police Week", "CDS", "2019-05-13 10:00", "2019-05-13 16:00"],
        ],
    )

    result = import_events(path)

    assert [str(error) for error in result.errors] == [
        "line 4, column title: Line 2 already has an event of this section with this title "
        "starting on the same day."
    ]
    assert Event.objects.count() == 0


# Times -----------------------------------------------------------------------------------


def test_times_without_an_offset_are_toronto_time_even_on_the_day_the_clocks_change(tmp_path, cds):
    path = write_csv(
        tmp_path / "e.csv",
        [
            ["title", "section", "starts_at", "ends_at"],
            # Daylight saving time starts at 2:00 on 10 March 2019: noon is UTC-4.
            ["Spring forward", "CDS", "2019-03-10 12:00", "2019-03-10 13:00"],
            # The day before, noon is UTC-5.
            ["Winter", "CDS", "2019-03-09T12:00", "2019-03-09T13:00:00"],
        ],
    )

    result = import_events(path)

    assert result.errors == []
    assert Event.objects.get(title="Spring forward").starts_at == utc(2019, 3, 10, 16, 0)
    assert Event.objects.get(title="Winter").starts_at == utc(2019, 3, 9, 17, 0)
    # What the database holds, read in UTC by the database itself.
    with timezone.override(UTC):
        assert list(
            Event.objects.order_by("starts_at").values_list("starts_at__day", "starts_at__hour")
        ) == [(9, 17), (10, 16)]


def test_offsets_are_taken_as_given(tmp_path, cds):
    path = write_csv(
        tmp_path / "e.csv",
        [
            ["title", "section", "starts_at", "ends_at"],
            ["Offset", "CDS", "2019-06-27T18:00-04:00", "2019-06-27T20:00-0400"],
            ["Zulu", "CDS", "2019-06-27T18:00Z", "2019-06-27T18:00:00+00:00"],
            ["Elsewhere", "CDS", "2019-06-27 18:00+05:30", "2019-06-27 19:00+05"],
        ],
    )

    result = import_events(path)

    assert result.errors == []
    assert [
        (event.title, event.starts_at, event.ends_at)
        for event in Event.objects.order_by("starts_at")
    ] == [
        ("Elsewhere", utc(2019, 6, 27, 12, 30), utc(2019, 6, 27, 14, 0)),
        ("Zulu", utc(2019, 6, 27, 18, 0), utc(2019, 6, 27, 18, 0)),
        ("Offset", utc(2019, 6, 27, 22, 0), utc(2019, 6, 28, 0, 0)),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-06-27 18:00", utc(2019, 6, 27, 22, 0)),
        ("2019-06-27T18:00:30", utc(2019, 6, 27, 22, 0, 30)),
        ("2019-06-27 9:05", utc(2019, 6, 27, 13, 5)),
        ("2019-01-15 00:00", utc(2019, 1, 15, 5, 0)),
        ("2019-11-03T01:30-04:00", utc(2019, 11, 3, 5, 30)),
        ("2019-11-03T01:30-05:00", utc(2019, 11, 3, 6, 30)),
    ],
)
def test_parse_datetime_reads_local_times_and_offsets(value, expected):
    assert parse_datetime(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "2019-06-27",
            "“2019-06-27” has no time: write the date and the time, such as 2019-06-27 18:00 "
            "(2019-06-27 00:00 for midnight).",
        ),
        (
            "27/06/2019 18:00",
            "“27/06/2019 18:00” is not a date and time written YYYY-MM-DD HH:MM, such as "
            "2019-06-27 18:00 (America/Toronto time), or with its offset, such as "
            "2019-06-27T18:00-04:00.",
        ),
        ("2019-02-30 18:00", "“2019-02-30 18:00” is not a date and time written"),
        ("2019-06-27 25:00", "“2019-06-27 25:00” is not a date and time written"),
        ("2019-06-27 18:00 EDT", "“2019-06-27 18:00 EDT” is not a date and time written"),
        (
            "2019-03-10 02:30",
            "“2019-03-10 02:30” does not exist in America/Toronto: the clocks skip that hour "
            "when daylight saving time starts.",
        ),
        (
            "2019-11-03 01:30",
            "“2019-11-03 01:30” happens twice in America/Toronto, when daylight saving time "
            "ends: add the offset, -04:00 for the first time or -05:00 for the second.",
        ),
    ],
)
def test_parse_datetime_refuses_dates_without_time_bad_formats_and_ambiguous_times(value, message):
    with pytest.raises(ValidationError) as raised:
        parse_datetime(value)

    assert raised.value.messages[0].startswith(message)


def test_an_event_late_on_new_years_eve_counts_in_its_local_year_in_the_annual_report(
    tmp_path, cds, drr
):
    path = write_csv(
        tmp_path / "e.csv",
        [
            ["title", "section", "starts_at", "ends_at", "status", "funds_raised"],
            # 04:30 UTC on 1 January 2019, but 2018 in Toronto.
            ["Levee", "DRR", "2018-12-31 23:30", "2019-01-01 01:00", "completed", "100"],
            # 22:30 on 31 December in Toronto, written in UTC.
            ["Written in UTC", "DRR", "2019-01-01T03:30Z", "2019-01-01T04:00Z", "", "20.50"],
            ["Cancelled", "DRR", "2018-06-01 10:00", "2018-06-01 12:00", "cancelled", "900"],
            ["Next year", "DRR", "2019-01-01 00:30", "2019-01-01 02:00", "", "5"],
        ],
    )

    result = import_events(path)
    report_2018 = annual_report(2018)
    report_2019 = annual_report(2019)

    assert result.saved is True
    drr_2018 = next(s for s in report_2018["sections"] if s["code"] == "DRR")
    drr_2019 = next(s for s in report_2019["sections"] if s["code"] == "DRR")
    assert (drr_2018["events"], drr_2018["funds_raised"]) == (2, "120.50")
    assert (drr_2019["events"], drr_2019["funds_raised"]) == (1, "5.00")
    assert (report_2018["totals"]["events"], report_2019["totals"]["events"]) == (2, 1)


# Every problem, with its line and column -------------------------------------------------


def test_every_bad_row_is_reported_with_its_line_and_column_and_nothing_is_saved(
    tmp_path, cds, drr, partners
):
    good = {
        "title": "Good",
        "section": "CDS",
        "starts_at": "2019-06-27 18:00",
        "ends_at": "2019-06-27 20:00",
    }
    path = write_csv(
        tmp_path / "e.csv",
        [
            HEADER,
            event_row(**good, partners=NEWCOMERS),
            event_row(**{**good, "title": "Unknown section", "section": "XYZ"}),
            event_row(**{**good, "title": "Backwards", "ends_at": "2019-06-27 17:00"}),
            event_row(**{**good, "title": "Negative", "expected_attendance": "-3"}),
            event_row(**{**good, "title": "Bad status", "status": "done"}),
            event_row(**{**good, "title": "Date only", "starts_at": "2019-06-27"}),
            event_row(**{**good, "title": ""}),
            event_row(**{**good, "title": "Money", "budget": "12.345", "funds_raised": "-5"}),
            event_row(**{**good, "title": "Not a number", "actual_attendance": "lots"}),
            event_row(**{**good, "title": "Several", "section": "", "ends_at": "tomorrow"}),
            event_row(**{**good, "title": "T" * 201}),
        ],
    )

    result = import_events(path)

    assert errors_of(result) == [
        (3, "section"),
        (4, "ends_at"),
        (5, "expected_attendance"),
        (6, "status"),
        (7, "starts_at"),
        (8, "title"),
        (9, "budget"),
        (9, "funds_raised"),
        (10, "actual_attendance"),
        (11, "ends_at"),
        (11, "section"),
        (12, "title"),
    ]
    assert [str(error) for error in result.errors[:5]] == [
        "line 3, column section: Unknown section code “XYZ”.",
        "line 4, column ends_at: The event ends before it starts.",
        "line 5, column expected_attendance: -3 is less than 0.",
        "line 6, column status: “done” is not one of: idea, planning, confirmed, completed, "
        "cancelled.",
        "line 7, column starts_at: “2019-06-27” has no time: write the date and the time, "
        "such as 2019-06-27 18:00 (2019-06-27 00:00 for midnight).",
    ]
    assert str(result.errors[6]) == (
        "line 9, column budget: “12.345” has more than 2 decimals; write amounts such as "
        "1200 or 1200.50."
    )
    assert result.saved is False
    assert result.notes == []
    assert (Event.objects.count(), Partner.objects.count()) == (0, 2)


def test_a_missing_required_column_is_reported_on_line_one(tmp_path, cds):
    path = write_csv(
        tmp_path / "e.csv",
        [["title", "section", "starts_at", "venue"], ["x", "CDS", "2019-06-27 18:00", "y"]],
    )

    result = import_events(path)

    assert [str(error) for error in result.errors] == [
        "line 1, column ends_at: This required column is missing."
    ]


# Partner names that match no partner -----------------------------------------------------


@pytest.fixture
def look_alikes(db):
    """Partners the name "The Capital Pride Association" probably means."""
    return {
        "pride": PartnerFactory(name=PRIDE),
        "pride_ottawa": PartnerFactory(name="Capital Pride Ottawa"),
    }


@pytest.fixture
def sheet_with_unknown_partners(tmp_path, cds, drr):
    return write_csv(
        tmp_path / "events.csv",
        [
            ["title", "section", "starts_at", "ends_at", "partners"],
            ["Parade", "DRR", "2018-08-26 11:00", "2018-08-26 15:00", "The Capital Pride Inc."],
            ["Picnic", "DRR", "2018-08-27 11:00", "2018-08-27 15:00", NEWCOMERS],
            [
                "Fair",
                "DRR",
                "2018-09-01 11:00",
                "2018-09-01 15:00",
                "ottawa  NEWCOMER network;the capital pride inc.",
            ],
        ],
    )


def test_the_preview_offers_to_create_each_unknown_partner_or_use_a_likely_duplicate(
    sheet_with_unknown_partners, look_alikes
):
    pride, pride_ottawa = look_alikes["pride"], look_alikes["pride_ottawa"]

    result = import_events(sheet_with_unknown_partners, dry_run=True)

    assert result.errors == []
    assert result.resolutions == [
        Resolution(
            key="the capital pride inc.",
            label="No partner is named “The Capital Pride Inc.”.",
            lines=(2, 4),
            options=[
                ("create", "Create a new partner named “The Capital Pride Inc.”"),
                (f"partner:{pride.pk}", "Use existing partner “Capital Pride”"),
                (f"partner:{pride_ottawa.pk}", "Use existing partner “Capital Pride Ottawa”"),
            ],
            default=f"partner:{pride.pk}",
            column="partners",
        ),
        Resolution(
            key="ottawa newcomer network",
            label="No partner is named “Ottawa Newcomer Network”.",
            lines=(3, 4),
            options=[("create", "Create a new partner named “Ottawa Newcomer Network”")],
            default="create",
            column="partners",
        ),
    ]
    assert result.notes == [
        "Would create partner “The Capital Pride Inc.” (lines 2, 4).",
        "Would create partner “Ottawa Newcomer Network” (lines 3, 4).",
    ]
    assert (Event.objects.count(), Partner.objects.count()) == (0, 2)


def test_choosing_create_creates_the_partner_once_working_with_the_events_section(
    sheet_with_unknown_partners, look_alikes, supervisor_drr
):
    preview = import_events(sheet_with_unknown_partners, dry_run=True, user=supervisor_drr)
    choices = {resolution.key: "create" for resolution in preview.resolutions}

    result = import_events(sheet_with_unknown_partners, user=supervisor_drr, resolutions=choices)

    assert result.saved is True
    assert Partner.objects.count() == 4
    newcomers = Partner.objects.get(name_key="ottawa newcomer network")
    assert (newcomers.name, newcomers.kind, newcomers.status) == (
        NEWCOMERS,
        PartnerKind.OTHER,
        PartnerStatus.ACTIVE,
    )
    assert [s.code for s in newcomers.sections.all()] == ["DRR"]
    assert sorted(newcomers.events.values_list("title", flat=True)) == ["Fair", "Picnic"]
    record = newcomers.history.earliest()
    assert (record.history_user, record.history_change_reason) == (
        supervisor_drr,
        "Imported from events.csv",
    )
    assert sorted(p.name for p in Event.objects.get(title="Fair").partners.all()) == [
        NEWCOMERS,
        "The Capital Pride Inc.",
    ]
    assert result.notes == [
        "Created partner “The Capital Pride Inc.” (lines 2, 4).",
        "Created partner “Ottawa Newcomer Network” (lines 3, 4).",
    ]


def test_choosing_an_existing_partner_links_it_and_creates_no_partner(
    sheet_with_unknown_partners, look_alikes
):
    pride_ottawa = look_alikes["pride_ottawa"]
    preview = import_events(sheet_with_unknown_partners, dry_run=True)
    choices = {
        unknown_partner_key(preview, "The Capital Pride Inc."): f"partner:{pride_ottawa.pk}",
        unknown_partner_key(preview, NEWCOMERS): "create",
    }

    result = import_events(sheet_with_unknown_partners, resolutions=choices)

    assert result.saved is True
    assert not Partner.objects.filter(name="The Capital Pride Inc.").exists()
    assert list(Event.objects.get(title="Parade").partners.all()) == [pride_ottawa]
    assert sorted(p.name for p in Event.objects.get(title="Fair").partners.all()) == [
        "Capital Pride Ottawa",
        NEWCOMERS,
    ]
    assert result.notes == ["Created partner “Ottawa Newcomer Network” (lines 3, 4)."]


def test_a_choice_that_was_not_offered_is_an_error_and_saves_nothing(
    sheet_with_unknown_partners, look_alikes
):
    preview = import_events(sheet_with_unknown_partners, dry_run=True)
    choices = {
        unknown_partner_key(preview, "The Capital Pride Inc."): "create",
        unknown_partner_key(preview, NEWCOMERS): "partner:999999",
    }

    result = import_events(sheet_with_unknown_partners, resolutions=choices)

    assert [str(error) for error in result.errors] == [
        f"line 3, column partners: No partner is named “{NEWCOMERS}”. “partner:999999” is "
        "not one of the options offered."
    ]
    assert (Event.objects.count(), Partner.objects.count()) == (0, 2)


def test_without_creating_partners_an_unknown_partner_is_an_error(
    sheet_with_unknown_partners, look_alikes
):
    result = import_events(sheet_with_unknown_partners, create_partners=False)

    assert errors_of(result) == [(2, "partners"), (3, "partners"), (4, "partners")]
    assert str(result.errors[0]) == (
        "line 2, column partners: No partner is named: The Capital Pride Inc.. Import or add "
        "the partners first."
    )
    assert result.resolutions == []
    assert (Event.objects.count(), Partner.objects.count()) == (0, 2)


# Who may import what ---------------------------------------------------------------------


def test_staff_and_supervisors_import_their_own_sections_events_only(
    tmp_path, cds, drr, staff_cds, supervisor_drr, administrator
):
    path = write_csv(
        tmp_path / "e.csv",
        [
            ["title", "section", "starts_at", "ends_at"],
            ["Police Week", "CDS", "2019-05-12 10:00", "2019-05-12 16:00"],
            ["Pride parade", "DRR", "2019-08-25 11:00", "2019-08-25 15:00"],
        ],
    )

    by_staff = import_events(path, user=staff_cds)
    by_supervisor = import_events(path, user=supervisor_drr)
    by_administrator = import_events(path, user=administrator)

    assert [str(error) for error in by_staff.errors] == [
        "line 3, column section: You can import the events of your own section only."
    ]
    assert errors_of(by_supervisor) == [(2, "section")]
    assert by_administrator.saved is True
    assert sorted(Event.objects.values_list("section__code", flat=True)) == ["CDS", "DRR"]


# The command -----------------------------------------------------------------------------


def test_the_command_imports_events_and_creates_unknown_partners(
    sheet_with_unknown_partners, look_alikes, capsys
):
    call_command("import", "events", str(sheet_with_unknown_partners))

    assert capsys.readouterr().out.splitlines() == [
        "Created partner “The Capital Pride Inc.” (lines 2, 4).",
        "Created partner “Ottawa Newcomer Network” (lines 3, 4).",
        "3 created, 0 updated, 0 unchanged",
    ]
    assert (Event.objects.count(), Partner.objects.count()) == (3, 4)


def test_the_command_dry_run_saves_nothing(events_sheet, capsys):
    call_command("import", "events", str(events_sheet), "--dry-run")

    assert capsys.readouterr().out.splitlines() == [
        "3 created, 0 updated, 0 unchanged",
        "dry run: nothing saved",
    ]
    assert Event.objects.count() == 0


def test_the_command_refuses_unknown_partners_with_no_create_partners(
    sheet_with_unknown_partners, capsys
):
    with pytest.raises(CommandError, match="^3 errors: nothing was imported$"):
        call_command("import", "events", str(sheet_with_unknown_partners), "--no-create-partners")

    assert capsys.readouterr().err.splitlines()[0].startswith("line 2, column partners:")
    assert (Event.objects.count(), Partner.objects.count()) == (0, 0)


def test_the_command_lists_every_error_and_saves_nothing(tmp_path, staff_cds, capsys):
    path = write_csv(
        tmp_path / "e.csv",
        [
            ["title", "section", "starts_at", "ends_at"],
            ["Good", "CDS", "2019-06-27 18:00", "2019-06-27 20:00"],
            ["Bad", "CDS", "2019-06-27", "2019-06-27 20:00"],
        ],
    )

    with pytest.raises(CommandError, match="^1 error: nothing was imported$"):
        call_command("import", "events", str(path), "--user", "staff.cds")

    assert capsys.readouterr().err.splitlines() == [
        "line 3, column starts_at: “2019-06-27” has no time: write the date and the time, "
        "such as 2019-06-27 18:00 (2019-06-27 00:00 for midnight)."
    ]
    assert Event.objects.count() == 0


# Observances -----------------------------------------------------------------------------


@pytest.fixture
def communities(db):
    return {
        "hindu": CommunityFactory(name="Hindu"),
        "sikh": CommunityFactory(name="Sikh"),
        "muslim": CommunityFactory(name="Muslim"),
        "indigenous": CommunityFactory(name="Indigenous"),
    }


@pytest.fixture
def calendar_sheet(tmp_path, communities):
    return write_csv(
        tmp_path / "observances.csv",
        [
            ["name", "starts_on", "ends_on", "communities", "notes"],
            ["Diwali", "2019-10-27", "", "hindu; SIKH", "Avoid evening events."],
            ["Ramadan", "2019-05-05", "2019-06-04", "Muslim", "Iftar at sunset."],
            ["National Indigenous Peoples Day", "2019-06-21", "2019-06-21", "", ""],
        ],
    )


def test_a_good_calendar_creates_observances_with_their_communities(calendar_sheet):
    result = import_observances(calendar_sheet)

    assert result.errors == []
    assert [(row.line, row.action, row.label) for row in result.rows] == [
        (2, "create", "2019-10-27 Diwali"),
        (3, "create", "2019-05-05 Ramadan"),
        (4, "create", "2019-06-21 National Indigenous Peoples Day"),
    ]
    diwali = Observance.objects.get(name="Diwali")
    # A blank end is the first day.
    assert (diwali.starts_on, diwali.ends_on, diwali.notes) == (
        date(2019, 10, 27),
        date(2019, 10, 27),
        "Avoid evening events.",
    )
    assert sorted(c.name for c in diwali.communities.all()) == ["Hindu", "Sikh"]
    ramadan = Observance.objects.get(name="Ramadan")
    assert (ramadan.starts_on, ramadan.ends_on) == (date(2019, 5, 5), date(2019, 6, 4))
    assert [c.name for c in ramadan.communities.all()] == ["Muslim"]
    # The calendar is reference data: no audit history.
    assert not hasattr(Observance, "history")


def test_importing_the_same_calendar_twice_creates_nothing_new(calendar_sheet):
    import_observances(calendar_sheet)

    second = import_observances(calendar_sheet)

    assert second.errors == []
    assert [row.action for row in second.rows] == ["unchanged", "unchanged", "unchanged"]
    assert Observance.objects.count() == 3


def test_an_observance_matched_by_name_and_first_day_is_updated_not_renamed(tmp_path, communities):
    existing = ObservanceFactory(
        name="Lunar New Year", starts_on=date(2019, 2, 5), ends_on=date(2019, 2, 19), notes=""
    )
    path = write_csv(
        tmp_path / "o.csv",
        [
            ["name", "starts_on", "ends_on", "notes"],
            ["LUNAR  new year", "2019-02-05", "", "Parade on the Sunday."],
            ["Lunar New Year", "2020-01-25", "", ""],
        ],
    )

    result = import_observances(path)

    assert [(row.action, row.changed) for row in result.rows] == [
        ("update", ("notes",)),
        ("create", ()),
    ]
    existing.refresh_from_db()
    # The match keeps its name, and a blank end leaves its last day alone.
    assert (existing.name, existing.ends_on, existing.notes) == (
        "Lunar New Year",
        date(2019, 2, 19),
        "Parade on the Sunday.",
    )
    assert Observance.objects.get(starts_on=date(2020, 1, 25)).ends_on == date(2020, 1, 25)


def test_an_xlsx_calendar_with_date_cells_imports_like_a_csv(tmp_path, communities):
    path = write_xlsx(
        tmp_path / "observances.xlsx",
        [
            ["Name", "Starts on", "Ends on", "Communities"],
            ["Fête nationale", date(2019, 6, 24), date(2019, 6, 24), None],
            ["Vaisakhi", datetime(2019, 4, 14), None, "sikh"],
        ],
    )

    first = import_observances(path)
    second = import_observances(path)

    assert first.errors == []
    assert Observance.objects.get(name="Fête nationale").ends_on == date(2019, 6, 24)
    assert [c.name for c in Observance.objects.get(name="Vaisakhi").communities.all()] == ["Sikh"]
    assert [row.action for row in second.rows] == ["unchanged", "unchanged"]


def test_every_bad_observance_is_reported_and_nothing_is_saved(tmp_path, communities):
    path = write_csv(
        tmp_path / "o.csv",
        [
            ["name", "starts_on", "ends_on", "communities"],
            ["Good", "2019-10-27", "", ""],
            ["Unknown", "2019-10-28", "", "Hindu; Martians; Venusians"],
            ["Backwards", "2019-06-04", "2019-05-05", ""],
            ["", "2019/10/27", "", ""],
            ["good", "2019-10-27", "2019-10-28", ""],
        ],
    )

    result = import_observances(path)

    assert [str(error) for error in result.errors] == [
        "line 3, column communities: Unknown communities: Martians, Venusians. Use the names "
        "of the communities list (an administrator can add one).",
        "line 4, column ends_on: The observance ends before it starts.",
        "line 5, column name: This column must have a value.",
        "line 5, column starts_on: “2019/10/27” is not a date written YYYY-MM-DD, such as "
        "2018-06-01.",
        "line 6, column name: Line 2 already has this observance starting on the same day.",
    ]
    assert result.saved is False
    assert Observance.objects.count() == 0


def test_the_command_imports_observances(calendar_sheet, capsys):
    call_command("import", "observances", str(calendar_sheet), "--dry-run")
    dry = capsys.readouterr().out.splitlines()
    count_after_dry_run = Observance.objects.count()

    call_command("import", "observances", str(calendar_sheet))

    assert dry == ["3 created, 0 updated, 0 unchanged", "dry run: nothing saved"]
    assert count_after_dry_run == 0
    assert capsys.readouterr().out.splitlines() == ["3 created, 0 updated, 0 unchanged"]
    assert Observance.objects.count() == 3


# The browser flow ------------------------------------------------------------------------

EVENTS_URL = "/test-import/events/"
OBSERVANCES_URL = "/test-import/observances/"


@pytest.fixture
def import_urls(settings):
    settings.ROOT_URLCONF = "core.tests.import_urls"


def test_the_browser_preview_asks_about_unknown_partners_and_the_confirm_saves_the_events(
    import_urls, login, supervisor_drr, sheet_with_unknown_partners, look_alikes
):
    pride = look_alikes["pride"]
    client = login(supervisor_drr)

    preview = client.post(EVENTS_URL, {"file": upload(sheet_with_unknown_partners)})

    assert preview.status_code == 200
    body = preview.content.decode()
    assert "Confirm import" in body
    assert '<legend class="h6 mb-1">No partner is named “The Capital Pride Inc.”.</legend>' in body
    assert (
        f'<input class="form-check-input" type="radio" name="resolve-0" id="resolve-0-1" '
        f'value="partner:{pride.pk}" checked>'
    ) in body
    assert "2018-08-26 11:00 DRR: Parade" in body
    assert Event.objects.count() == 0

    confirm = client.post(
        EVENTS_URL,
        {
            "action": "confirm",
            "digest": preview.context["digest"],
            "resolve-0-key": "the capital pride inc.",
            "resolve-0": f"partner:{pride.pk}",
            "resolve-1-key": "ottawa newcomer network",
            "resolve-1": "create",
        },
    )

    assert (confirm.status_code, confirm.url) == (302, "/events/")
    assert [str(m) for m in get_messages(confirm.wsgi_request)] == [
        "3 created, 0 updated, 0 unchanged",
        "Created partner “Ottawa Newcomer Network” (lines 3, 4).",
    ]
    assert list(Event.objects.get(title="Parade").partners.all()) == [pride]
    assert Event.objects.get(title="Parade").history.earliest().history_user == supervisor_drr
    assert "import:events" not in client.session


def test_a_browser_preview_shows_each_bad_row_and_offers_no_confirm(
    import_urls, login, staff_cds, drr, tmp_path
):
    path = write_csv(
        tmp_path / "e.csv",
        [
            ["title", "section", "starts_at", "ends_at"],
            ["Good", "CDS", "2019-06-27 18:00", "2019-06-27 20:00"],
            ["Other section", "DRR", "2019-06-27 18:00", "2019-06-27 20:00"],
        ],
    )
    response = login(staff_cds).post(EVENTS_URL, {"file": upload(path)})

    assert response.status_code == 200
    assert errors_of(response.context["result"]) == [(3, "section")]
    body = response.content.decode()
    assert "You can import the events of your own section only." in body
    assert "Confirm import" not in body
    assert Event.objects.count() == 0


def test_observances_are_imported_through_the_browser(
    import_urls, login, staff_cds, calendar_sheet
):
    client = login(staff_cds)
    preview = client.post(OBSERVANCES_URL, {"file": upload(calendar_sheet)})

    response = client.post(
        OBSERVANCES_URL, {"action": "confirm", "digest": preview.context["digest"]}
    )

    assert (response.status_code, response.url) == (302, "/observances/")
    assert Observance.objects.count() == 3


def test_section_staff_see_the_upload_pages_viewers_do_not(
    import_urls, login, staff_cds, viewer, client
):
    staff = login(staff_cds)
    events_page = staff.get(EVENTS_URL)
    observances_page = staff.get(OBSERVANCES_URL)
    assert (events_page.status_code, observances_page.status_code) == (200, 200)
    assert [c["name"] for c in events_page.context["columns"]] == list(EventImporter.columns())
    assert [c["name"] for c in observances_page.context["columns"]] == [
        "name",
        "starts_on",
        "ends_on",
        "communities",
        "notes",
    ]

    client.force_login(viewer)
    assert client.get(EVENTS_URL).status_code == 403
    assert client.get(OBSERVANCES_URL).status_code == 403
