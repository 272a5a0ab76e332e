"""Importing the sections' activity logs (DESIGN.md, "Import and export"): what a good file
saves, matching what is already there, every problem by line and column, partner names that
match no partner (create, or use a likely duplicate), the command, the browser flow, and the
annual report's figures over imported activities."""

import csv
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command

from core.imports import IMPORTERS, Resolution, load_importers
from core.testing import (
    assert_no_axe_violations,
    errors_of,
    unknown_partner_key,
    upload,
    write_csv,
    write_xlsx,
)
from engagement.choices import ReviewAction, ReviewStatus
from engagement.imports import ActivityImporter
from engagement.models import Activity, ActivityReview
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory
from partners.choices import PartnerKind, PartnerStatus
from partners.models import Partner
from partners.tests.factories import CommunityFactory, PartnerFactory
from reports.queries import annual_report

pytestmark = pytest.mark.django_db

HEADER = [
    "date",
    "section",
    "type",
    "title",
    "partners",
    "people_reached",
    "staff_hours",
    "status",
    "summary",
    "staff",
    "communities",
    "ward",
]
VANIER = "Centre communautaire Vanier"
NEWCOMERS = "Ottawa Newcomer Network"


def activity_row(**values):
    """A row of HEADER: the given cells, blank elsewhere."""
    return [values.get(column, "") for column in HEADER]


def import_activities(path, *, dry_run=False, user=None, resolutions=None, **options):
    return ActivityImporter(**options).run(
        path, dry_run=dry_run, user=user, resolutions=resolutions
    )


@pytest.fixture
def reference_lists(cds, drr):
    """The activity types, communities and partner a section's log names."""
    return {
        "meeting": ActivityTypeFactory(code="meeting", name="Meeting"),
        "session": ActivityTypeFactory(code="consultation_session", name="Consultation session"),
        "workshop": ActivityTypeFactory(code="workshop", name="Workshop or training"),
        "francophones": CommunityFactory(name="Francophones"),
        "youth": CommunityFactory(name="Youth"),
        "vanier": PartnerFactory(name=VANIER),
    }


@pytest.fixture
def activity_log(tmp_path, reference_lists, staff_cds, supervisor_cds):
    """A CDS log whose every cell is filled in one row, with codes and names written as
    people write them (case, accents, spacing)."""
    return write_csv(
        tmp_path / "activities.csv",
        [
            HEADER,
            activity_row(
                date="2018-06-01",
                section="CDS",
                type="MEETING",
                title="Meeting with the Vanier centre",
                partners="centre COMMUNAUTAIRE  vanier",
                people_reached="12",
                staff_hours="2.5",
                summary="Planning the summer barbecue.",
                staff="staff.cds; sergeant.cds",
                communities="francophones;Youth",
                ward="Vanier",
            ),
            activity_row(
                date="2018-06-02",
                section="cds",
                type="consultation session",
                title="Strategic plan session",
                people_reached="150",
                staff_hours="1.25",
                status="Submitted",
            ),
            activity_row(
                date="2018-07-03",
                section="CDS",
                type="Workshop or Training",
                title="Draft workshop",
                status="draft",
            ),
        ],
    )


# A good file -----------------------------------------------------------------------------


def test_the_activities_importer_is_registered():
    load_importers()

    assert IMPORTERS["activities"] is ActivityImporter


def test_a_good_file_creates_activities_with_partners_staff_communities_and_numbers(
    activity_log, reference_lists, staff_cds, supervisor_cds
):
    result = import_activities(activity_log, user=supervisor_cds)

    assert result.errors == []
    assert result.saved is True
    assert [(row.line, row.action, row.label) for row in result.rows] == [
        (2, "create", "2018-06-01 CDS: Meeting with the Vanier centre"),
        (3, "create", "2018-06-02 CDS: Strategic plan session"),
        (4, "create", "2018-07-03 CDS: Draft workshop"),
    ]
    meeting = Activity.objects.get(title="Meeting with the Vanier centre")
    assert (meeting.date, meeting.section.code, meeting.type) == (
        date(2018, 6, 1),
        "CDS",
        reference_lists["meeting"],
    )
    assert (meeting.people_reached, meeting.staff_hours, meeting.status) == (
        12,
        Decimal("2.50"),
        ReviewStatus.APPROVED,
    )
    assert (meeting.summary, meeting.ward, meeting.created_by) == (
        "Planning the summer barbecue.",
        "Vanier",
        supervisor_cds,
    )
    assert list(meeting.partners.all()) == [reference_lists["vanier"]]
    assert sorted(user.username for user in meeting.staff.all()) == ["sergeant.cds", "staff.cds"]
    assert sorted(c.name for c in meeting.communities.all()) == ["Francophones", "Youth"]
    session = Activity.objects.get(title="Strategic plan session")
    assert (session.type, session.status, session.staff_hours, session.people_reached) == (
        reference_lists["session"],
        ReviewStatus.SUBMITTED,
        Decimal("1.25"),
        150,
    )
    draft = Activity.objects.get(title="Draft workshop")
    assert (draft.type, draft.status, draft.staff_hours, draft.people_reached) == (
        reference_lists["workshop"],
        ReviewStatus.DRAFT,
        Decimal("0"),
        0,
    )
    assert Partner.objects.count() == 1


def test_imported_activities_start_their_review_trail_and_audit_history_with_the_user(
    activity_log, supervisor_cds
):
    import_activities(activity_log, user=supervisor_cds)

    assert list(
        ActivityReview.objects.order_by("activity__date").values_list(
            "activity__title", "action", "by__username", "comment"
        )
    ) == [
        (
            "Meeting with the Vanier centre",
            ReviewAction.APPROVED,
            "sergeant.cds",
            "Imported from activities.csv",
        ),
        (
            "Strategic plan session",
            ReviewAction.SUBMITTED,
            "sergeant.cds",
            "Imported from activities.csv",
        ),
    ]
    record = Activity.objects.get(title="Draft workshop").history.earliest()
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "+",
        supervisor_cds,
        "Imported from activities.csv",
    )


def test_without_a_user_no_review_step_is_recorded_and_nobody_logged_them(activity_log):
    result = import_activities(activity_log)

    assert result.saved is True
    assert ActivityReview.objects.count() == 0
    assert set(Activity.objects.values_list("created_by", flat=True)) == {None}


def test_a_dry_run_saves_nothing_but_says_what_it_would_do(activity_log):
    result = import_activities(activity_log, dry_run=True)

    assert (result.ok, result.saved, result.summary()) == (
        True,
        False,
        "3 created, 0 updated, 0 unchanged",
    )
    assert Activity.objects.count() == 0


def test_an_xlsx_log_with_date_and_number_cells_imports_like_a_csv(tmp_path, reference_lists):
    path = write_xlsx(
        tmp_path / "activities.xlsx",
        [
            ["Date", "Section", "Type", "Title", "People reached", "Staff hours", "Partners"],
            [date(2018, 6, 1), "CDS", "meeting", "Réunion à Vanier", 12, 2.5, VANIER.upper()],
        ],
    )

    first = import_activities(path)
    second = import_activities(path)

    assert first.errors == []
    activity = Activity.objects.get()
    assert (activity.date, activity.title, activity.people_reached, activity.staff_hours) == (
        date(2018, 6, 1),
        "Réunion à Vanier",
        12,
        Decimal("2.50"),
    )
    assert list(activity.partners.all()) == [reference_lists["vanier"]]
    assert [row.action for row in second.rows] == ["unchanged"]


# Importing twice -------------------------------------------------------------------------


def test_importing_the_same_file_twice_creates_nothing_new(activity_log, tmp_path, supervisor_cds):
    with activity_log.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(
            activity_row(
                date="2018-08-01", section="CDS", type="meeting", title="New", partners=NEWCOMERS
            )
        )
    import_activities(activity_log, user=supervisor_cds)
    counts = (Activity.objects.count(), Partner.objects.count(), ActivityReview.objects.count())

    second = import_activities(activity_log, user=supervisor_cds)

    assert second.errors == []
    assert second.resolutions == []
    assert [(row.line, row.action) for row in second.rows] == [
        (2, "unchanged"),
        (3, "unchanged"),
        (4, "unchanged"),
        (5, "unchanged"),
    ]
    assert counts == (4, 2, 3)
    assert (
        Activity.objects.count(),
        Partner.objects.count(),
        ActivityReview.objects.count(),
    ) == counts


def test_an_activity_matched_by_section_date_and_title_is_updated_not_renamed(
    tmp_path, reference_lists, cds
):
    existing = ActivityFactory(
        section=cds,
        date=date(2018, 6, 1),
        type=reference_lists["meeting"],
        title="Meeting with the Vanier centre",
        people_reached=10,
        staff_hours=Decimal("2.00"),
        status=ReviewStatus.APPROVED,
    )
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["date", "section", "type", "title", "people_reached", "staff_hours"],
            ["2018-06-01", "CDS", "meeting", "MEETING WITH THE  VANIER CENTRE", "14", "2"],
        ],
    )

    result = import_activities(path)

    assert [(row.action, row.changed) for row in result.rows] == [("update", ("people_reached",))]
    existing.refresh_from_db()
    assert Activity.objects.count() == 1
    assert (existing.title, existing.people_reached, existing.status, existing.version) == (
        "Meeting with the Vanier centre",
        14,
        ReviewStatus.APPROVED,
        2,
    )


def test_an_activity_twice_in_one_file_is_an_error_on_the_second(tmp_path, reference_lists):
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["date", "section", "type", "title"],
            ["2018-06-01", "CDS", "meeting", "Team meeting"],
            ["2018-06-01", "DRR", "meeting", "Team meeting"],
            ["2018-06-01", "cds", "meeting", "team  MEETING"],
        ],
    )

    result = import_activities(path)

    assert [str(error) for error in result.errors] == [
        "line 4, column title: Line 2 already has an activity of this section on this date "
        "with this title."
    ]
    assert Activity.objects.count() == 0


# Every problem, with its line and column -------------------------------------------------


def test_every_bad_row_is_reported_with_its_line_and_column_and_nothing_is_saved(
    tmp_path, reference_lists, staff_cds
):
    good = {"date": "2018-06-01", "section": "CDS", "type": "meeting", "title": "Good"}
    path = write_csv(
        tmp_path / "a.csv",
        [
            HEADER,
            activity_row(**good),
            activity_row(**{**good, "title": "Unknown section", "section": "XYZ"}),
            activity_row(**{**good, "title": "No such day", "date": "2019-02-30"}),
            activity_row(**{**good, "title": "Negative", "people_reached": "-3"}),
            activity_row(**{**good, "title": ""}),
            activity_row(**{**good, "title": "Unknown type", "type": "picnic"}),
            activity_row(**{**good, "title": "Bad status", "status": "returned"}),
            activity_row(**{**good, "title": "Unknown staff", "staff": "staff.cds;nobody"}),
            activity_row(**{**good, "title": "Unknown community", "communities": "Martians"}),
            activity_row(**{**good, "title": "Thousandths", "staff_hours": "1.255"}),
            activity_row(**{**good, "title": "Several", "date": "01/06/2018", "status": "done"}),
        ],
    )

    result = import_activities(path)

    assert errors_of(result) == [
        (3, "section"),
        (4, "date"),
        (5, "people_reached"),
        (6, "title"),
        (7, "type"),
        (8, "status"),
        (9, "staff"),
        (10, "communities"),
        (11, "staff_hours"),
        (12, "date"),
        (12, "status"),
    ]
    assert [str(error) for error in result.errors[:2]] == [
        "line 3, column section: Unknown section code “XYZ”.",
        "line 4, column date: “2019-02-30” is not a date written YYYY-MM-DD, such as 2018-06-01.",
    ]
    assert str(result.errors[5]) == (
        "line 8, column status: “returned” is not one of: draft, submitted, approved."
    )
    assert str(result.errors[6]) == "line 9, column staff: Unknown usernames: nobody."
    assert result.saved is False
    assert Activity.objects.count() == 0


def test_staff_hours_with_more_digits_than_a_number_holds_are_an_error_not_a_crash(
    tmp_path, reference_lists
):
    path = write_csv(
        tmp_path / "a.csv",
        [
            HEADER,
            activity_row(
                date="2018-06-01", section="CDS", type="meeting", title="Huge", staff_hours="1e30"
            ),
        ],
    )

    result = import_activities(path)

    assert [str(error) for error in result.errors] == [
        "line 2, column staff_hours: 1e30 is too large."
    ]
    assert Activity.objects.count() == 0


def test_a_missing_required_column_is_reported_on_line_one(tmp_path, reference_lists):
    path = write_csv(tmp_path / "a.csv", [["date", "type", "title"], ["2018-06-01", "x", "y"]])

    result = import_activities(path)

    assert errors_of(result) == [(1, "section")]


def test_blank_required_cells_are_errors(tmp_path, reference_lists):
    path = write_csv(
        tmp_path / "a.csv",
        [["date", "section", "type", "title", "ward"], ["", "", "", "", "Vanier"]],
    )

    result = import_activities(path)

    assert errors_of(result) == [(2, "date"), (2, "section"), (2, "title"), (2, "type")]


# Partner names that match no partner -----------------------------------------------------


@pytest.fixture
def look_alikes(db):
    """Partners the name "The Vanier Community Association" probably means: one with the
    same duplicate key, one that merely contains its words."""
    return {
        "association": PartnerFactory(name="Vanier Community Association Inc."),
        "garden": PartnerFactory(name="Vanier Community Garden"),
    }


@pytest.fixture
def log_with_unknown_partners(tmp_path, reference_lists):
    """Two partner names that match no partner, on several lines and in both sections."""
    return unknown_partners_log(tmp_path, second_section="DRR")


@pytest.fixture
def cds_log_with_unknown_partners(tmp_path, reference_lists):
    """The same, every row of CDS, as a CDS supervisor imports it in the browser."""
    return unknown_partners_log(tmp_path, second_section="CDS")


def unknown_partners_log(tmp_path, *, second_section):
    return write_csv(
        tmp_path / "activities.csv",
        [
            ["date", "section", "type", "title", "partners"],
            [
                "2018-06-01",
                "CDS",
                "meeting",
                "First",
                f"The Vanier Community Association; {VANIER}",
            ],
            ["2018-06-02", second_section, "meeting", "Second", NEWCOMERS],
            ["2018-06-03", "CDS", "meeting", "Third", "ottawa  NEWCOMER network"],
            [
                "2018-06-04",
                "CDS",
                "meeting",
                "Fourth",
                f"{NEWCOMERS};the vanier community association",
            ],
        ],
    )


def test_the_preview_offers_to_create_each_unknown_partner_or_use_a_likely_duplicate(
    log_with_unknown_partners, look_alikes
):
    association, garden = look_alikes["association"], look_alikes["garden"]

    result = import_activities(log_with_unknown_partners, dry_run=True)

    assert result.errors == []
    assert result.resolutions == [
        Resolution(
            key="the vanier community association",
            label="No partner is named “The Vanier Community Association”.",
            lines=(2, 5),
            options=[
                ("create", "Create a new partner named “The Vanier Community Association”"),
                (
                    f"partner:{association.pk}",
                    "Use existing partner “Vanier Community Association Inc.”",
                ),
                (f"partner:{garden.pk}", "Use existing partner “Vanier Community Garden”"),
            ],
            default=f"partner:{association.pk}",
            column="partners",
        ),
        Resolution(
            key="ottawa newcomer network",
            label="No partner is named “Ottawa Newcomer Network”.",
            lines=(3, 4, 5),
            options=[("create", "Create a new partner named “Ottawa Newcomer Network”")],
            default="create",
            column="partners",
        ),
    ]
    assert result.notes == [
        "Would create partner “The Vanier Community Association” (lines 2, 5).",
        "Would create partner “Ottawa Newcomer Network” (lines 3, 4, 5).",
    ]
    assert Partner.objects.count() == 3


def test_two_look_alikes_with_the_same_key_leave_create_as_the_default(tmp_path, reference_lists):
    PartnerFactory(name="Capital Pride")
    PartnerFactory(name="capital-pride inc")
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["date", "section", "type", "title", "partners"],
            ["2018-08-25", "DRR", "meeting", "Parade", "The Capital Pride"],
        ],
    )

    result = import_activities(path, dry_run=True)

    assert [len(r.options) for r in result.resolutions] == [3]
    assert result.resolutions[0].default == "create"


def test_choosing_create_creates_the_partner_once_for_every_row_that_names_it(
    log_with_unknown_partners, look_alikes, supervisor_cds, cds, drr
):
    preview = import_activities(log_with_unknown_partners, dry_run=True)
    choices = {resolution.key: "create" for resolution in preview.resolutions}

    result = import_activities(log_with_unknown_partners, resolutions=choices)

    assert result.saved is True
    assert Partner.objects.count() == 5
    newcomers = Partner.objects.get(name_key="ottawa newcomer network")
    assert (newcomers.name, newcomers.kind, newcomers.status) == (
        NEWCOMERS,
        PartnerKind.OTHER,
        PartnerStatus.ACTIVE,
    )
    assert sorted(s.code for s in newcomers.sections.all()) == ["CDS", "DRR"]
    assert sorted(newcomers.activities.values_list("title", flat=True)) == [
        "Fourth",
        "Second",
        "Third",
    ]
    association = Partner.objects.get(name="The Vanier Community Association")
    assert [s.code for s in association.sections.all()] == ["CDS"]
    assert sorted(p.name for p in Activity.objects.get(title="First").partners.all()) == [
        VANIER,
        "The Vanier Community Association",
    ]
    assert newcomers.history.earliest().history_change_reason == "Imported from activities.csv"
    assert result.notes == [
        "Created partner “The Vanier Community Association” (lines 2, 5).",
        "Created partner “Ottawa Newcomer Network” (lines 3, 4, 5).",
    ]


def test_choosing_an_existing_partner_links_it_and_creates_no_partner(
    log_with_unknown_partners, look_alikes
):
    garden = look_alikes["garden"]
    preview = import_activities(log_with_unknown_partners, dry_run=True)
    choices = {
        unknown_partner_key(preview, "The Vanier Community Association"): f"partner:{garden.pk}",
        unknown_partner_key(preview, NEWCOMERS): "create",
    }

    result = import_activities(log_with_unknown_partners, resolutions=choices)

    assert result.saved is True
    assert sorted(Partner.objects.values_list("name", flat=True)) == [
        VANIER,
        NEWCOMERS,
        "Vanier Community Association Inc.",
        "Vanier Community Garden",
    ]
    assert sorted(p.name for p in Activity.objects.get(title="First").partners.all()) == [
        VANIER,
        "Vanier Community Garden",
    ]
    assert sorted(p.name for p in Activity.objects.get(title="Fourth").partners.all()) == [
        NEWCOMERS,
        "Vanier Community Garden",
    ]
    assert result.notes == ["Created partner “Ottawa Newcomer Network” (lines 3, 4, 5)."]


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("partner:999999", "“partner:999999” is not one of the options offered."),
        ("partner:abc", "“partner:abc” is not one of the options offered."),
        ("delete", "“delete” is not one of the options offered."),
        ("", "Choose one of the options offered."),
    ],
)
def test_a_choice_that_was_not_offered_is_an_error_and_saves_nothing(
    log_with_unknown_partners, look_alikes, answer, message
):
    preview = import_activities(log_with_unknown_partners, dry_run=True)
    choices = {
        unknown_partner_key(preview, "The Vanier Community Association"): "create",
        unknown_partner_key(preview, NEWCOMERS): answer,
    }

    result = import_activities(log_with_unknown_partners, resolutions=choices)

    assert [str(error) for error in result.errors] == [
        f"line 3, column partners: No partner is named “{NEWCOMERS}”. {message}"
    ]
    assert result.saved is False
    assert (Activity.objects.count(), Partner.objects.count()) == (0, 3)


def test_a_question_left_out_of_the_answers_is_an_error(log_with_unknown_partners, look_alikes):
    result = import_activities(
        log_with_unknown_partners, resolutions={"ottawa newcomer network": "create"}
    )

    assert errors_of(result) == [(2, "partners")]
    assert Activity.objects.count() == 0


def test_without_creating_partners_an_unknown_partner_is_an_error(
    log_with_unknown_partners, look_alikes
):
    result = import_activities(log_with_unknown_partners, create_partners=False)

    assert [str(error) for error in result.errors] == [
        "line 2, column partners: No partner is named: The Vanier Community Association. "
        "Import or add the partners first.",
        f"line 3, column partners: No partner is named: {NEWCOMERS}. Import or add the "
        "partners first.",
        "line 4, column partners: No partner is named: ottawa  NEWCOMER network. Import or "
        "add the partners first.",
        f"line 5, column partners: No partner is named: {NEWCOMERS}, the vanier community "
        "association. Import or add the partners first.",
    ]
    assert result.resolutions == []
    assert (Activity.objects.count(), Partner.objects.count()) == (0, 3)


# Who may import what ---------------------------------------------------------------------


def test_staff_import_their_section_and_their_activities_wait_for_review(
    tmp_path, reference_lists, staff_cds
):
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["date", "section", "type", "title", "status"],
            ["2018-06-01", "CDS", "meeting", "Blank status", ""],
            ["2018-06-02", "CDS", "meeting", "Approved by staff", "approved"],
            ["2018-06-03", "DRR", "meeting", "Other section", "draft"],
        ],
    )

    refused = import_activities(path, user=staff_cds)
    path.write_text("date,section,type,title\n2018-06-01,CDS,meeting,Blank status\n")
    accepted = import_activities(path, user=staff_cds)

    assert errors_of(refused) == [(3, "status"), (4, "section")]
    assert accepted.saved is True
    activity = Activity.objects.get()
    assert (activity.status, activity.created_by) == (ReviewStatus.SUBMITTED, staff_cds)
    assert list(ActivityReview.objects.values_list("action", "by")) == [
        (ReviewAction.SUBMITTED, staff_cds.pk)
    ]


def test_an_administrator_imports_every_sections_activities_approved(
    tmp_path, reference_lists, administrator
):
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["date", "section", "type", "title"],
            ["2018-06-01", "CDS", "meeting", "One"],
            ["2018-06-01", "DRR", "meeting", "Two"],
        ],
    )

    result = import_activities(path, user=administrator)

    assert result.saved is True
    assert set(Activity.objects.values_list("status", flat=True)) == {ReviewStatus.APPROVED}


# The annual report -----------------------------------------------------------------------


def test_approved_imported_activities_count_in_the_annual_report(tmp_path, reference_lists):
    path = write_csv(
        tmp_path / "a.csv",
        [
            [
                "date",
                "section",
                "type",
                "title",
                "people_reached",
                "staff_hours",
                "status",
                "partners",
            ],
            ["2018-01-01", "CDS", "meeting", "New Year levee", "150", "3.5", "", VANIER],
            [
                "2018-12-31",
                "CDS",
                "consultation_session",
                "Session",
                "20",
                "2.25",
                "approved",
                NEWCOMERS,
            ],
            ["2018-06-01", "CDS", "meeting", "Waiting", "500", "9", "submitted", ""],
            ["2018-06-02", "CDS", "meeting", "Not done", "500", "9", "draft", ""],
            ["2019-01-01", "CDS", "meeting", "Next year", "500", "9", "", ""],
            ["2018-06-03", "DRR", "workshop", "Pride workshop", "30", "1.25", "", ""],
        ],
    )

    result = import_activities(path)
    report = annual_report(2018)

    assert result.saved is True
    cds_figures = {
        key: value
        for key, value in report["sections"][0].items()
        if key
        in (
            "code",
            "activities",
            "activities_by_type",
            "people_reached",
            "staff_hours",
            "partners_engaged",
            "consultation_sessions",
            "awaiting_review",
        )
    }
    assert cds_figures == {
        "code": "CDS",
        "activities": 2,
        "activities_by_type": {"consultation_session": 1, "meeting": 1},
        "people_reached": 170,
        "staff_hours": "5.75",
        "partners_engaged": 2,
        "consultation_sessions": 1,
        "awaiting_review": 1,
    }
    assert (
        report["totals"]["activities"],
        report["totals"]["people_reached"],
        report["totals"]["staff_hours"],
    ) == (3, 200, "7")


# The command -----------------------------------------------------------------------------


def test_the_command_creates_unknown_partners_and_says_so(
    log_with_unknown_partners, look_alikes, capsys
):
    call_command("import", "activities", str(log_with_unknown_partners))

    assert capsys.readouterr().out.splitlines() == [
        "Created partner “The Vanier Community Association” (lines 2, 5).",
        "Created partner “Ottawa Newcomer Network” (lines 3, 4, 5).",
        "4 created, 0 updated, 0 unchanged",
    ]
    assert Partner.objects.count() == 5
    assert Activity.objects.count() == 4


def test_the_command_dry_run_says_which_partners_it_would_create(log_with_unknown_partners, capsys):
    call_command("import", "activities", str(log_with_unknown_partners), "--dry-run")

    assert capsys.readouterr().out.splitlines() == [
        "Would create partner “The Vanier Community Association” (lines 2, 5).",
        "Would create partner “Ottawa Newcomer Network” (lines 3, 4, 5).",
        "4 created, 0 updated, 0 unchanged",
        "dry run: nothing saved",
    ]
    assert (Activity.objects.count(), Partner.objects.count()) == (0, 1)


def test_the_command_refuses_unknown_partners_with_no_create_partners(
    log_with_unknown_partners, capsys
):
    with pytest.raises(CommandError, match="^4 errors: nothing was imported$"):
        call_command("import", "activities", str(log_with_unknown_partners), "--no-create-partners")

    assert capsys.readouterr().err.splitlines()[0] == (
        "line 2, column partners: No partner is named: The Vanier Community Association. "
        "Import or add the partners first."
    )
    assert (Activity.objects.count(), Partner.objects.count()) == (0, 1)


def test_the_command_records_the_user_as_author_and_reviewer(activity_log, supervisor_cds):
    call_command("import", "activities", str(activity_log), "--user", "sergeant.cds")

    assert Activity.objects.count() == 3
    assert set(Activity.objects.values_list("created_by", flat=True)) == {supervisor_cds.pk}
    assert ActivityReview.objects.filter(by=supervisor_cds).count() == 2


# The browser flow ------------------------------------------------------------------------

IMPORT_URL = "/test-import/activities/"


@pytest.fixture
def import_urls(settings):
    settings.ROOT_URLCONF = "core.tests.import_urls"


def test_the_browser_preview_asks_about_unknown_partners_and_the_confirm_applies_the_choices(
    import_urls, login, supervisor_cds, cds_log_with_unknown_partners, look_alikes
):
    association = look_alikes["association"]
    client = login(supervisor_cds)

    preview = client.post(IMPORT_URL, {"file": upload(cds_log_with_unknown_partners)})

    assert preview.status_code == 200
    body = preview.content.decode()
    assert "Confirm import" in body
    assert body.count("<fieldset") == 2
    assert '<legend class="h6 mb-1">No partner is named “Ottawa Newcomer Network”.</legend>' in body
    assert "Used on lines 3, 4, 5." in body
    assert (
        f'<input class="form-check-input" type="radio" name="resolve-0" id="resolve-0-1" '
        f'value="partner:{association.pk}" checked>'
    ) in body
    assert (
        '<label class="form-check-label" for="resolve-0-1">'
        "Use existing partner “Vanier Community Association Inc.”</label>"
    ) in body
    assert '<input type="hidden" name="resolve-1-key" value="ottawa newcomer network">' in body
    assert Activity.objects.count() == 0

    confirm = client.post(
        IMPORT_URL,
        {
            "action": "confirm",
            "digest": preview.context["digest"],
            "resolve-0-key": "the vanier community association",
            "resolve-0": f"partner:{association.pk}",
            "resolve-1-key": "ottawa newcomer network",
            "resolve-1": "create",
        },
    )

    assert (confirm.status_code, confirm.url) == (302, "/activities/")
    assert [str(m) for m in get_messages(confirm.wsgi_request)] == [
        "4 created, 0 updated, 0 unchanged",
        "Created partner “Ottawa Newcomer Network” (lines 3, 4, 5).",
    ]
    assert Activity.objects.count() == 4
    assert Partner.objects.filter(name=NEWCOMERS).count() == 1
    assert not Partner.objects.filter(name="The Vanier Community Association").exists()
    assert sorted(p.name for p in Activity.objects.get(title="First").partners.all()) == [
        VANIER,
        "Vanier Community Association Inc.",
    ]
    assert ActivityReview.objects.filter(by=supervisor_cds, action="approved").count() == 4
    assert "import:activities" not in client.session


def test_an_altered_choice_in_the_browser_is_shown_as_a_problem_and_saves_nothing(
    import_urls, login, supervisor_cds, cds_log_with_unknown_partners
):
    client = login(supervisor_cds)
    preview = client.post(IMPORT_URL, {"file": upload(cds_log_with_unknown_partners)})

    response = client.post(
        IMPORT_URL,
        {
            "action": "confirm",
            "digest": preview.context["digest"],
            "resolve-0-key": "the vanier community association",
            "resolve-0": "create",
            "resolve-1-key": "ottawa newcomer network",
            "resolve-1": "partner:1; DROP TABLE",
        },
    )

    assert response.status_code == 200
    assert errors_of(response.context["result"]) == [(3, "partners")]
    assert "is not one of the options offered" in response.content.decode()
    assert (Activity.objects.count(), Partner.objects.count()) == (0, 1)


def test_a_confirm_of_another_file_than_the_one_previewed_imports_nothing(
    import_urls, login, supervisor_cds, cds_log_with_unknown_partners
):
    client = login(supervisor_cds)
    client.post(IMPORT_URL, {"file": upload(cds_log_with_unknown_partners)})

    response = client.post(
        IMPORT_URL,
        {"action": "confirm", "digest": "0" * 64, "resolve-0-key": "x", "resolve-0": "create"},
    )

    assert (response.status_code, response.url) == (302, IMPORT_URL)
    assert Activity.objects.count() == 0


def test_staff_of_a_section_see_the_upload_page_viewers_do_not(
    import_urls, login, staff_cds, viewer, client
):
    page = login(staff_cds).get(IMPORT_URL)
    assert page.status_code == 200
    assert [c["name"] for c in page.context["columns"]] == list(ActivityImporter.columns())

    client.force_login(viewer)
    assert client.get(IMPORT_URL).status_code == 403


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_sergeant_answers_the_partner_questions_in_chromium_with_no_axe_violations(
    import_urls,
    browser_login,
    live_server,
    supervisor_cds,
    cds_log_with_unknown_partners,
    look_alikes,
):
    page = browser_login("sergeant.cds")
    page.goto(f"{live_server.url}{IMPORT_URL}")
    assert_no_axe_violations(page)
    page.get_by_label("Spreadsheet (CSV or XLSX)").set_input_files(cds_log_with_unknown_partners)
    page.get_by_role("button", name="Preview the import").click()
    page.wait_for_load_state("networkidle")

    association = page.get_by_role(
        "group", name="No partner is named “The Vanier Community Association”."
    )
    assert association.get_by_label(
        "Use existing partner “Vanier Community Association Inc.”"
    ).is_checked()
    assert_no_axe_violations(page)
    association.get_by_label("Use existing partner “Vanier Community Garden”").check()
    page.get_by_role("button", name="Confirm import").click()
    page.wait_for_load_state("networkidle")

    assert Activity.objects.count() == 4
    assert sorted(p.name for p in Activity.objects.get(title="First").partners.all()) == [
        VANIER,
        "Vanier Community Garden",
    ]
    assert Partner.objects.filter(name=NEWCOMERS).count() == 1
