"""Importing the sections' toolkit distribution lists (DESIGN.md, "Import and export"): what
a good file saves, consultations and toolkits matched by name (the latest edition unless one
is given), rows matched to the distribution of the same toolkit to the same partner, every
problem by line and column, partner names that match no partner (create, or use a likely
duplicate, as for activities and events), the section rule, the annual report's count of
toolkits distributed, the command and the browser flow."""

from datetime import date, datetime

import pytest
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command

from consultations.choices import DistributionStatus
from consultations.imports import DistributionImporter, edition_key
from consultations.models import Distribution
from consultations.tests.factories import (
    ConsultationFactory,
    DistributionFactory,
    ToolkitFactory,
)
from core.imports import IMPORTERS, Resolution, load_importers
from core.testing import errors_of, unknown_partner_key, upload, write_csv, write_xlsx
from partners.choices import PartnerKind, PartnerStatus
from partners.models import Partner
from partners.tests.factories import PartnerFactory
from reports.queries import annual_report

pytestmark = pytest.mark.django_db

HEADER = ["consultation", "toolkit", "partner", "sent_on", "status", "session_date", "participants"]
PLAN = "OPSB/OPS Strategic Plan 2019-2020 community consultation"
RIGHTS = "Human rights consultation"
TOOLKIT = "Self-directed consultation toolkit"
YOUTH = "Youth toolkit"
VANIER = "Vanier Community Association"
OVERBROOK = "Overbrook Community Association"
IMMIGRANTS = "Catholic Centre for Immigrants"
NEWCOMERS = "Ottawa Newcomer Network"


def row(**values):
    """A row of HEADER: the given cells, blank elsewhere."""
    return [values.get(column, "") for column in HEADER]


def import_distributions(path, *, dry_run=False, user=None, resolutions=None, **options):
    return DistributionImporter(**options).run(
        path, dry_run=dry_run, user=user, resolutions=resolutions
    )


def pairs():
    """Every distribution as (toolkit, partner name), sorted."""
    return sorted(
        (str(d.toolkit), d.partner.name)
        for d in Distribution.objects.select_related("toolkit", "partner")
    )


@pytest.fixture
def consultations(cds, drr):
    plan = ConsultationFactory(name=PLAN, section=cds)
    rights = ConsultationFactory(name=RIGHTS, section=drr)
    return {
        "plan": plan,
        "rights": rights,
        "v1": ToolkitFactory(consultation=plan, name=TOOLKIT, edition="1.0"),
        # Created before 2.0 was, and still the older edition.
        "v1_1": ToolkitFactory(consultation=plan, name=TOOLKIT, edition="1.1"),
        "v2": ToolkitFactory(consultation=plan, name=TOOLKIT, edition="2.0"),
        "youth": ToolkitFactory(consultation=plan, name=YOUTH, edition="1.0"),
        "rights_toolkit": ToolkitFactory(
            consultation=rights, name="Human rights toolkit", edition="1.0"
        ),
    }


@pytest.fixture
def partners(db):
    return {
        "vanier": PartnerFactory(name=VANIER),
        "overbrook": PartnerFactory(name=OVERBROOK),
        "immigrants": PartnerFactory(name=IMMIGRANTS),
    }


@pytest.fixture
def sheet(tmp_path, consultations, partners):
    """A CDS list written as people write them: names in any case, statuses as labels."""
    return write_csv(
        tmp_path / "distributions.csv",
        [
            HEADER,
            row(
                consultation="opsb/ops strategic plan 2019-2020  COMMUNITY consultation",
                toolkit="self-directed consultation toolkit",
                partner="vanier  community association",
                sent_on="2018-04-02",
                status="Feedback received",
                session_date="2018-05-10",
                participants="24",
            ),
            row(
                consultation=PLAN,
                toolkit=f"{TOOLKIT} v1.0",
                partner=OVERBROOK,
                sent_on="2018-04-03",
                status="session_held",
                session_date="2018-04-03",
                participants="0",
            ),
            row(consultation=PLAN, toolkit=YOUTH, partner=IMMIGRANTS, sent_on="2018-06-01"),
            row(
                consultation=PLAN,
                toolkit=TOOLKIT,
                partner="Centre catholique pour immigrants",
                sent_on="2018-06-15",
                status="DECLINED",
            ),
        ],
    )


# A good file -----------------------------------------------------------------------------


def test_the_distributions_importer_is_registered():
    load_importers()

    assert IMPORTERS["distributions"] is DistributionImporter


def test_a_good_file_creates_distributions_with_every_column(sheet, consultations, partners):
    result = import_distributions(sheet)

    assert result.errors == []
    assert result.saved is True
    assert [(r.line, r.action, r.label) for r in result.rows] == [
        (2, "create", f"2018-04-02 {TOOLKIT} v2.0 → {VANIER}"),
        (3, "create", f"2018-04-03 {TOOLKIT} v1.0 → {OVERBROOK}"),
        (4, "create", f"2018-06-01 {YOUTH} v1.0 → {IMMIGRANTS}"),
        (5, "create", f"2018-06-15 {TOOLKIT} v2.0 → Centre catholique pour immigrants"),
    ]
    # Without an edition, the latest edition of the toolkit; "v1.0" names that edition.
    vanier = Distribution.objects.get(partner=partners["vanier"])
    assert (vanier.toolkit, vanier.sent_on, vanier.status) == (
        consultations["v2"],
        date(2018, 4, 2),
        DistributionStatus.FEEDBACK_RECEIVED,
    )
    assert (vanier.session_date, vanier.participants) == (date(2018, 5, 10), 24)
    overbrook = Distribution.objects.get(partner=partners["overbrook"])
    assert (overbrook.toolkit, overbrook.status, overbrook.participants) == (
        consultations["v1"],
        DistributionStatus.SESSION_HELD,
        0,
    )
    # A blank status is sent; blank session and participants stay empty.
    immigrants = Distribution.objects.get(partner=partners["immigrants"])
    assert (immigrants.status, immigrants.session_date, immigrants.participants) == (
        DistributionStatus.SENT,
        None,
        None,
    )
    declined = Distribution.objects.get(partner__name__startswith="Centre")
    assert declined.status == DistributionStatus.DECLINED
    # The unknown name became a partner (the command's and a plain run's choice).
    assert Partner.objects.count() == 4
    assert result.notes == ["Created partner “Centre catholique pour immigrants” (lines 5)."]


def test_imported_distributions_are_in_the_audit_history_under_the_user(sheet, administrator):
    import_distributions(sheet, user=administrator)

    record = Distribution.objects.get(partner__name=VANIER).history.earliest()
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "+",
        administrator,
        "Imported from distributions.csv",
    )


def test_a_dry_run_saves_nothing_but_says_what_it_would_do(sheet):
    result = import_distributions(sheet, dry_run=True)

    assert (result.ok, result.saved, result.summary()) == (
        True,
        False,
        "4 created, 0 updated, 0 unchanged",
    )
    assert result.notes == ["Would create partner “Centre catholique pour immigrants” (lines 5)."]
    assert (Distribution.objects.count(), Partner.objects.count()) == (0, 3)


def test_the_edition_is_read_from_its_own_column_or_after_the_name(tmp_path, consultations):
    path = write_csv(
        tmp_path / "d.csv",
        [
            ["consultation", "toolkit", "edition", "partner", "sent_on"],
            [PLAN, TOOLKIT, "1.1", "A", "2018-04-02"],
            [PLAN, f"{TOOLKIT} V1", "", "B", "2018-04-02"],
            [PLAN, f"{TOOLKIT} version 1.1", "v1.1", "C", "2018-04-02"],
            [PLAN, TOOLKIT, "2", "D", "2018-04-02"],
        ],
    )

    result = import_distributions(path)

    assert result.errors == []
    assert pairs() == [
        (f"{TOOLKIT} v1.0", "B"),
        (f"{TOOLKIT} v1.1", "A"),
        (f"{TOOLKIT} v1.1", "C"),
        (f"{TOOLKIT} v2.0", "D"),
    ]


@pytest.mark.parametrize(
    ("value", "key"),
    [("1.0", "1"), ("v1.0", "1"), ("Version 2.00", "2"), ("1.10", "1.10"), ("10", "10")],
)
def test_editions_match_whatever_way_they_are_written(value, key):
    assert edition_key(value) == key


def test_an_xlsx_sheet_with_date_and_number_cells_imports_like_a_csv(
    tmp_path, consultations, partners
):
    path = write_xlsx(
        tmp_path / "distributions.xlsx",
        [
            ["Consultation", "Toolkit", "Edition", "Partner", "Sent on", "Session-date", "Status",
             "Participants"],
            [PLAN, TOOLKIT, 1.0, VANIER.upper(), date(2018, 4, 2), datetime(2018, 5, 10),
             "Session held", 24],
            ["Human rights consultation", "Human Rights Toolkit", None, "Équipe jeunesse",
             date(2018, 7, 1), None, None, None],
        ],
    )  # fmt: skip

    first = import_distributions(path)
    second = import_distributions(path)

    assert first.errors == []
    vanier = Distribution.objects.get(partner=partners["vanier"])
    assert (vanier.toolkit, vanier.sent_on, vanier.session_date, vanier.participants) == (
        consultations["v1"],
        date(2018, 4, 2),
        date(2018, 5, 10),
        24,
    )
    equipe = Distribution.objects.get(partner__name="Équipe jeunesse")
    assert equipe.toolkit == consultations["rights_toolkit"]
    assert [r.action for r in second.rows] == ["unchanged", "unchanged"]
    assert second.resolutions == []
    assert (Distribution.objects.count(), Partner.objects.count()) == (2, 4)


# Importing twice -------------------------------------------------------------------------


def test_importing_the_same_file_twice_creates_nothing_new(sheet, administrator):
    import_distributions(sheet, user=administrator)
    counts = (Distribution.objects.count(), Partner.objects.count())
    versions = sorted(Distribution.objects.values_list("version", flat=True))

    second = import_distributions(sheet, user=administrator)

    assert second.errors == []
    assert second.resolutions == []
    assert second.notes == []
    assert [(r.line, r.action) for r in second.rows] == [
        (2, "unchanged"),
        (3, "unchanged"),
        (4, "unchanged"),
        (5, "unchanged"),
    ]
    assert counts == (4, 4)
    assert (Distribution.objects.count(), Partner.objects.count()) == counts
    assert sorted(Distribution.objects.values_list("version", flat=True)) == versions


def test_a_distribution_matched_by_toolkit_and_partner_is_updated(
    tmp_path, consultations, partners
):
    existing = DistributionFactory(
        toolkit=consultations["v2"],
        partner=partners["vanier"],
        sent_on=date(2018, 4, 2),
        status=DistributionStatus.SENT,
        participants=None,
        notes="Hand-delivered.",
    )
    path = write_csv(
        tmp_path / "d.csv",
        [
            HEADER,
            row(
                consultation=PLAN,
                toolkit=TOOLKIT,
                partner="VANIER community association",
                sent_on="2018-04-02",
                status="session held",
                session_date="2018-05-10",
                participants="31",
            ),
            # The same partner given another edition is another distribution.
            row(consultation=PLAN, toolkit=f"{TOOLKIT} v1.0", partner=VANIER, sent_on="2018-03-01"),
        ],
    )

    result = import_distributions(path)

    assert [(r.action, r.changed) for r in result.rows] == [
        ("update", ("status", "session_date", "participants")),
        ("create", ()),
    ]
    existing.refresh_from_db()
    assert (existing.status, existing.session_date, existing.participants) == (
        DistributionStatus.SESSION_HELD,
        date(2018, 5, 10),
        31,
    )
    # What the file does not say is left alone, and edit forms opened before see a change.
    assert (existing.notes, existing.version) == ("Hand-delivered.", 2)
    assert existing.history.latest().history_change_reason == "Imported from d.csv"
    assert Distribution.objects.count() == 2


def test_a_new_sent_on_after_the_session_already_known_is_an_error(
    tmp_path, consultations, partners
):
    DistributionFactory(
        toolkit=consultations["v2"],
        partner=partners["vanier"],
        sent_on=date(2018, 4, 2),
        session_date=date(2018, 5, 10),
    )
    path = write_csv(
        tmp_path / "d.csv",
        [HEADER, row(consultation=PLAN, toolkit=TOOLKIT, partner=VANIER, sent_on="2018-06-01")],
    )

    result = import_distributions(path)

    assert [str(error) for error in result.errors] == [
        "line 2, column sent_on: The group's session, on 2018-05-10, is before this date the "
        "toolkit was sent."
    ]
    assert Distribution.objects.get().sent_on == date(2018, 4, 2)


def test_the_same_toolkit_and_partner_twice_in_one_file_is_an_error_on_the_second(
    tmp_path, consultations, partners
):
    path = write_csv(
        tmp_path / "d.csv",
        [
            HEADER,
            row(consultation=PLAN, toolkit=TOOLKIT, partner=VANIER, sent_on="2018-04-02"),
            row(consultation=PLAN, toolkit=TOOLKIT, partner=OVERBROOK, sent_on="2018-04-02"),
            # The latest edition, named: the same toolkit, the same partner spelled otherwise.
            row(
                consultation=PLAN,
                toolkit=f"{TOOLKIT} v2.0",
                partner="vanier community  ASSOCIATION",
                sent_on="2018-05-01",
            ),
            row(consultation=PLAN, toolkit=f"{TOOLKIT} v1.0", partner=VANIER, sent_on="2018-04-02"),
        ],
    )

    result = import_distributions(path)

    assert [str(error) for error in result.errors] == [
        "line 4, column partner: Line 2 already has this toolkit sent to this partner."
    ]
    assert Distribution.objects.count() == 0


# Every problem, with its line and column -------------------------------------------------


def test_every_bad_row_is_reported_with_its_line_and_column_and_nothing_is_saved(
    tmp_path, consultations, partners
):
    good = {"consultation": PLAN, "toolkit": TOOLKIT, "sent_on": "2018-04-02"}
    path = write_csv(
        tmp_path / "d.csv",
        [
            HEADER,
            # Good, and names a partner the import would create: it is not created either.
            row(**good, partner=NEWCOMERS),
            row(**{**good, "consultation": "Budget consultation"}, partner=VANIER),
            row(**{**good, "toolkit": "Sticker pack"}, partner=VANIER),
            row(**{**good, "sent_on": "02/04/2018"}, partner=VANIER),
            row(**good, partner=OVERBROOK, session_date="2018-04-01"),
            row(**good, partner=IMMIGRANTS, participants="-3"),
            row(**{**good, "toolkit": YOUTH}, partner=VANIER, status="lost"),
            row(**{**good, "toolkit": f"{TOOLKIT} v3.0"}, partner=OVERBROOK),
            row(**{**good, "sent_on": ""}, partner=f"{VANIER}; {OVERBROOK}"),
            row(consultation=RIGHTS, toolkit=TOOLKIT, partner=VANIER, sent_on="2018-04-02"),
            row(consultation="", toolkit="", partner="", sent_on="2018-02-30"),
            row(**{**good, "toolkit": YOUTH}, partner=OVERBROOK, participants="lots"),
        ],
    )

    result = import_distributions(path)

    assert errors_of(result) == [
        (3, "consultation"),
        (4, "toolkit"),
        (5, "sent_on"),
        (6, "session_date"),
        (7, "participants"),
        (8, "status"),
        (9, "toolkit"),
        (10, "partner"),
        (10, "sent_on"),
        (11, "toolkit"),
        (12, "consultation"),
        (12, "partner"),
        (12, "sent_on"),
        (12, "toolkit"),
        (13, "participants"),
    ]
    assert [str(error) for error in result.errors[:10]] == [
        "line 3, column consultation: No consultation is named “Budget consultation”. Add the "
        "consultation first.",
        f"line 4, column toolkit: The consultation “{PLAN}” has no toolkit “Sticker pack”. Its "
        f"toolkits are: {TOOLKIT} v1.0; {TOOLKIT} v1.1; {TOOLKIT} v2.0; {YOUTH} v1.0.",
        "line 5, column sent_on: “02/04/2018” is not a date written YYYY-MM-DD, such as "
        "2018-06-01.",
        "line 6, column session_date: The group's session is before the toolkit was sent.",
        "line 7, column participants: -3 is less than 0.",
        "line 8, column status: “lost” is not one of: sent, session_held, feedback_received, "
        "declined.",
        f"line 9, column toolkit: The consultation “{PLAN}” has no toolkit “{TOOLKIT} v3.0”. "
        f"Its toolkits are: {TOOLKIT} v1.0; {TOOLKIT} v1.1; {TOOLKIT} v2.0; {YOUTH} v1.0.",
        f"line 10, column partner: Name one partner per row: “{VANIER}; {OVERBROOK}” names "
        "several. Write one row for each partner given the toolkit.",
        "line 10, column sent_on: This column must have a value.",
        f"line 11, column toolkit: The consultation “{RIGHTS}” has no toolkit “{TOOLKIT}”. Its "
        "toolkits are: Human rights toolkit v1.0.",
    ]
    assert str(result.errors[-1]) == ("line 13, column participants: “lots” is not a whole number.")
    assert result.saved is False
    assert result.notes == []
    assert (Distribution.objects.count(), Partner.objects.count()) == (0, 3)


def test_a_missing_required_column_is_reported_on_line_one(tmp_path, consultations):
    path = write_csv(
        tmp_path / "d.csv",
        [["consultation", "toolkit", "sent_on", "notes"], [PLAN, TOOLKIT, "2018-04-02", "x"]],
    )

    result = import_distributions(path)

    assert [str(error) for error in result.errors] == [
        "line 1, column notes: Unknown column. The columns are: consultation, toolkit, partner, "
        "sent_on, status, session_date, participants, edition.",
        "line 1, column partner: This required column is missing.",
    ]


def test_a_consultation_name_two_sections_use_is_the_importing_persons_sections(
    tmp_path, consultations, partners, staff_drr, administrator
):
    # DRR runs a consultation under the same name as CDS's.
    ToolkitFactory(
        consultation=ConsultationFactory(name=PLAN, section=consultations["rights"].section),
        name=TOOLKIT,
        edition="1.0",
    )
    path = write_csv(
        tmp_path / "d.csv",
        [HEADER, row(consultation=PLAN, toolkit=TOOLKIT, partner=VANIER, sent_on="2018-04-02")],
    )

    by_administrator = import_distributions(path, user=administrator, dry_run=True)
    by_staff = import_distributions(path, user=staff_drr)

    assert [str(error) for error in by_administrator.errors] == [
        f"line 2, column consultation: 2 consultations are named “{PLAN}” (sections CDS, DRR): "
        "rename one of them so that each name says which consultation it is."
    ]
    assert by_staff.saved is True
    assert Distribution.objects.get().toolkit.consultation.section.code == "DRR"


# Partner names that match no partner -----------------------------------------------------


@pytest.fixture
def look_alikes(db):
    """Partners the name "The Vanier Community Association Inc." probably means."""
    return {
        "vanier": PartnerFactory(name=VANIER),
        "centre": PartnerFactory(name="Vanier Community Centre"),
    }


@pytest.fixture
def sheet_with_unknown_partners(tmp_path, consultations):
    return write_csv(
        tmp_path / "distributions.csv",
        [
            HEADER,
            row(consultation=PLAN, toolkit=TOOLKIT, partner="The Vanier Community Association Inc.",
                sent_on="2018-04-02"),
            row(consultation=PLAN, toolkit=TOOLKIT, partner=NEWCOMERS, sent_on="2018-04-03"),
            row(consultation=PLAN, toolkit=YOUTH, partner="ottawa  NEWCOMER network",
                sent_on="2018-04-04"),
        ],
    )  # fmt: skip


def test_the_preview_offers_to_create_each_unknown_partner_or_use_a_likely_duplicate(
    sheet_with_unknown_partners, look_alikes
):
    vanier, centre = look_alikes["vanier"], look_alikes["centre"]

    result = import_distributions(sheet_with_unknown_partners, dry_run=True)

    assert result.errors == []
    assert result.resolutions == [
        Resolution(
            key="the vanier community association inc.",
            label="No partner is named “The Vanier Community Association Inc.”.",
            lines=(2,),
            options=[
                ("create", "Create a new partner named “The Vanier Community Association Inc.”"),
                (f"partner:{vanier.pk}", f"Use existing partner “{VANIER}”"),
                (f"partner:{centre.pk}", "Use existing partner “Vanier Community Centre”"),
            ],
            default=f"partner:{vanier.pk}",
            column="partner",
        ),
        Resolution(
            key="ottawa newcomer network",
            label=f"No partner is named “{NEWCOMERS}”.",
            lines=(3, 4),
            options=[("create", f"Create a new partner named “{NEWCOMERS}”")],
            default="create",
            column="partner",
        ),
    ]
    assert [r.label for r in result.rows] == [
        f"2018-04-02 {TOOLKIT} v2.0 → The Vanier Community Association Inc.",
        f"2018-04-03 {TOOLKIT} v2.0 → {NEWCOMERS}",
        f"2018-04-04 {YOUTH} v1.0 → {NEWCOMERS}",
    ]
    assert (Distribution.objects.count(), Partner.objects.count()) == (0, 2)


def test_choosing_create_creates_the_partner_once_working_with_the_consultations_section(
    sheet_with_unknown_partners, look_alikes, supervisor_cds
):
    preview = import_distributions(sheet_with_unknown_partners, dry_run=True, user=supervisor_cds)
    choices = {resolution.key: "create" for resolution in preview.resolutions}

    result = import_distributions(
        sheet_with_unknown_partners, user=supervisor_cds, resolutions=choices
    )

    assert result.saved is True
    assert Partner.objects.count() == 4
    newcomers = Partner.objects.get(name_key="ottawa newcomer network")
    assert (newcomers.name, newcomers.kind, newcomers.status) == (
        NEWCOMERS,
        PartnerKind.OTHER,
        PartnerStatus.ACTIVE,
    )
    assert [s.code for s in newcomers.sections.all()] == ["CDS"]
    assert sorted(str(d.toolkit) for d in newcomers.distributions.all()) == [
        f"{TOOLKIT} v2.0",
        f"{YOUTH} v1.0",
    ]
    record = newcomers.history.earliest()
    assert (record.history_user, record.history_change_reason) == (
        supervisor_cds,
        "Imported from distributions.csv",
    )
    assert result.notes == [
        "Created partner “The Vanier Community Association Inc.” (lines 2).",
        f"Created partner “{NEWCOMERS}” (lines 3, 4).",
    ]


def test_choosing_an_existing_partner_links_it_and_creates_no_partner(
    sheet_with_unknown_partners, look_alikes
):
    vanier = look_alikes["vanier"]
    association = "The Vanier Community Association Inc."
    preview = import_distributions(sheet_with_unknown_partners, dry_run=True)
    choices = {
        unknown_partner_key(preview, association): f"partner:{vanier.pk}",
        unknown_partner_key(preview, NEWCOMERS): "create",
    }

    result = import_distributions(sheet_with_unknown_partners, resolutions=choices)
    again = import_distributions(sheet_with_unknown_partners, resolutions=choices)

    assert result.saved is True
    assert not Partner.objects.filter(name__startswith="The Vanier").exists()
    assert pairs() == [
        (f"{TOOLKIT} v2.0", NEWCOMERS),
        (f"{TOOLKIT} v2.0", VANIER),
        (f"{YOUTH} v1.0", NEWCOMERS),
    ]
    assert result.notes == [f"Created partner “{NEWCOMERS}” (lines 3, 4)."]
    # The choice matches Vanier's distribution the first run saved; the new partner now exists.
    assert [r.action for r in again.rows] == ["unchanged", "unchanged", "unchanged"]
    assert Distribution.objects.count() == 3


def test_a_name_resolved_to_a_partner_the_file_already_gives_the_toolkit_is_a_duplicate(
    tmp_path, consultations, look_alikes
):
    vanier = look_alikes["vanier"]
    path = write_csv(
        tmp_path / "d.csv",
        [
            HEADER,
            row(consultation=PLAN, toolkit=TOOLKIT, partner=VANIER, sent_on="2018-04-02"),
            row(consultation=PLAN, toolkit=TOOLKIT, partner="The Vanier Community Association",
                sent_on="2018-04-02"),
        ],
    )  # fmt: skip
    preview = import_distributions(path, dry_run=True)

    result = import_distributions(
        path, resolutions={preview.resolutions[0].key: f"partner:{vanier.pk}"}
    )

    assert [str(error) for error in result.errors] == [
        "line 3, column partner: Line 2 already has this toolkit sent to this partner."
    ]
    assert Distribution.objects.count() == 0


def test_without_creating_partners_an_unknown_partner_is_an_error(
    sheet_with_unknown_partners, look_alikes
):
    result = import_distributions(sheet_with_unknown_partners, create_partners=False)

    assert errors_of(result) == [(2, "partner"), (3, "partner"), (4, "partner")]
    assert str(result.errors[1]) == (
        f"line 3, column partner: No partner is named: {NEWCOMERS}. Import or add the partners "
        "first."
    )
    assert result.resolutions == []
    assert (Distribution.objects.count(), Partner.objects.count()) == (0, 2)


# Who may import what ---------------------------------------------------------------------


def test_staff_and_supervisors_import_their_own_sections_consultations_only(
    tmp_path, consultations, partners, staff_cds, supervisor_drr, administrator
):
    path = write_csv(
        tmp_path / "d.csv",
        [
            HEADER,
            row(consultation=PLAN, toolkit=TOOLKIT, partner=VANIER, sent_on="2018-04-02"),
            row(
                consultation=RIGHTS,
                toolkit="Human rights toolkit",
                partner=VANIER,
                sent_on="2018-07-01",
            ),
        ],
    )

    by_staff = import_distributions(path, user=staff_cds)
    by_supervisor = import_distributions(path, user=supervisor_drr)
    by_administrator = import_distributions(path, user=administrator)

    assert [str(error) for error in by_staff.errors] == [
        "line 3, column consultation: You can import the distributions of your own section's "
        "consultations only."
    ]
    assert errors_of(by_supervisor) == [(2, "consultation")]
    assert by_administrator.saved is True
    assert sorted(
        Distribution.objects.values_list("toolkit__consultation__section__code", flat=True)
    ) == ["CDS", "DRR"]


# The annual report -----------------------------------------------------------------------


def test_the_annual_report_counts_the_imported_partners_exactly(tmp_path, consultations, partners):
    path = write_csv(
        tmp_path / "d.csv",
        [
            HEADER,
            row(consultation=PLAN, toolkit=f"{TOOLKIT} v1.0", partner=VANIER, sent_on="2018-04-02"),
            # Vanier again, another edition: still one partner given a toolkit.
            row(consultation=PLAN, toolkit=TOOLKIT, partner=VANIER, sent_on="2018-09-01"),
            row(consultation=PLAN, toolkit=TOOLKIT, partner=OVERBROOK, sent_on="2018-01-01"),
            row(consultation=PLAN, toolkit=YOUTH, partner=NEWCOMERS, sent_on="2018-12-31"),
            row(consultation=PLAN, toolkit=YOUTH, partner=IMMIGRANTS, sent_on="2019-01-01"),
            row(consultation=RIGHTS, toolkit="Human rights toolkit", partner=VANIER,
                sent_on="2018-07-01"),
        ],
    )  # fmt: skip

    result = import_distributions(path)
    report_2018 = annual_report(2018)
    report_2019 = annual_report(2019)

    assert result.saved is True
    by_code = {s["code"]: s["toolkits_distributed"] for s in report_2018["sections"]}
    assert (by_code["CDS"], by_code["DRR"]) == (3, 1)
    # Vanier got toolkits from both sections: one partner in the total.
    assert report_2018["totals"]["toolkits_distributed"] == 3
    assert report_2019["totals"]["toolkits_distributed"] == 1

    import_distributions(path)
    assert annual_report(2018)["totals"]["toolkits_distributed"] == 3


# The command -----------------------------------------------------------------------------


def test_the_command_imports_distributions_and_creates_unknown_partners(
    sheet_with_unknown_partners, look_alikes, capsys
):
    call_command("import", "distributions", str(sheet_with_unknown_partners))

    assert capsys.readouterr().out.splitlines() == [
        "Created partner “The Vanier Community Association Inc.” (lines 2).",
        f"Created partner “{NEWCOMERS}” (lines 3, 4).",
        "3 created, 0 updated, 0 unchanged",
    ]
    assert (Distribution.objects.count(), Partner.objects.count()) == (3, 4)

    call_command("import", "distributions", str(sheet_with_unknown_partners))

    assert capsys.readouterr().out.splitlines() == ["0 created, 0 updated, 3 unchanged"]
    assert (Distribution.objects.count(), Partner.objects.count()) == (3, 4)


def test_the_command_dry_run_saves_nothing(sheet, capsys):
    call_command("import", "distributions", str(sheet), "--dry-run")

    assert capsys.readouterr().out.splitlines() == [
        "Would create partner “Centre catholique pour immigrants” (lines 5).",
        "4 created, 0 updated, 0 unchanged",
        "dry run: nothing saved",
    ]
    assert (Distribution.objects.count(), Partner.objects.count()) == (0, 3)


def test_the_command_refuses_unknown_partners_with_no_create_partners(
    sheet_with_unknown_partners, capsys
):
    with pytest.raises(CommandError, match="^3 errors: nothing was imported$"):
        call_command(
            "import", "distributions", str(sheet_with_unknown_partners), "--no-create-partners"
        )

    assert capsys.readouterr().err.splitlines()[0].startswith("line 2, column partner:")
    assert (Distribution.objects.count(), Partner.objects.count()) == (0, 0)


def test_the_command_checks_the_user_s_section(sheet, staff_drr, capsys):
    with pytest.raises(CommandError, match="^4 errors: nothing was imported$"):
        call_command("import", "distributions", str(sheet), "--user", "staff.drr")

    assert capsys.readouterr().err.splitlines()[0] == (
        "line 2, column consultation: You can import the distributions of your own section's "
        "consultations only."
    )
    assert Distribution.objects.count() == 0


# The browser flow ------------------------------------------------------------------------

URL = "/test-import/distributions/"


@pytest.fixture
def import_urls(settings):
    settings.ROOT_URLCONF = "core.tests.import_urls"


def test_the_browser_preview_asks_about_unknown_partners_and_the_confirm_saves(
    import_urls, login, supervisor_cds, sheet_with_unknown_partners, look_alikes
):
    vanier = look_alikes["vanier"]
    client = login(supervisor_cds)

    preview = client.post(URL, {"file": upload(sheet_with_unknown_partners)})

    assert preview.status_code == 200
    body = preview.content.decode()
    assert "Confirm import" in body
    assert f"2018-04-03 {TOOLKIT} v2.0 → {NEWCOMERS}" in body
    assert Distribution.objects.count() == 0

    confirm = client.post(
        URL,
        {
            "action": "confirm",
            "digest": preview.context["digest"],
            "resolve-0-key": "the vanier community association inc.",
            "resolve-0": f"partner:{vanier.pk}",
            "resolve-1-key": "ottawa newcomer network",
            "resolve-1": "create",
        },
    )

    assert (confirm.status_code, confirm.url) == (302, "/consultations/")
    assert [str(m) for m in get_messages(confirm.wsgi_request)] == [
        "3 created, 0 updated, 0 unchanged",
        f"Created partner “{NEWCOMERS}” (lines 3, 4).",
    ]
    distribution = Distribution.objects.get(partner=vanier)
    assert distribution.history.earliest().history_user == supervisor_cds


def test_a_browser_preview_shows_each_bad_row_and_offers_no_confirm(
    import_urls, login, staff_drr, sheet
):
    response = login(staff_drr).post(URL, {"file": upload(sheet)})

    assert response.status_code == 200
    assert errors_of(response.context["result"]) == [
        (2, "consultation"),
        (3, "consultation"),
        (4, "consultation"),
        (5, "consultation"),
    ]
    body = response.content.decode()
    assert "Confirm import" not in body
    assert Distribution.objects.count() == 0


def test_section_staff_see_the_upload_page_viewers_do_not(
    import_urls, login, staff_cds, viewer, client
):
    page = login(staff_cds).get(URL)
    assert page.status_code == 200
    assert [c["name"] for c in page.context["columns"]] == [*HEADER, "edition"]

    client.force_login(viewer)
    assert client.get(URL).status_code == 403
