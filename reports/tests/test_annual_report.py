"""The annual report contract of DESIGN.md, row by row."""

import datetime
import json
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consultations.tests.factories import ConsultationFactory, DistributionFactory, ToolkitFactory
from engagement.choices import CONSULTATION_SESSION, ReviewStatus
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory
from events.choices import EventStatus
from events.tests.factories import EventFactory
from partners.tests.factories import PartnerFactory
from reports.queries import Period, annual_report, period_report

TORONTO = ZoneInfo("America/Toronto")
pytestmark = pytest.mark.django_db


def section_figures(report, code):
    return next(s for s in report["sections"] if s["code"] == code)


def test_only_approved_activities_of_the_year_are_counted(cds):
    for status in ReviewStatus:
        ActivityFactory(section=cds, status=status, date=datetime.date(2018, 3, 1))
    ActivityFactory(section=cds, date=datetime.date(2017, 12, 31))
    ActivityFactory(section=cds, date=datetime.date(2019, 1, 1))
    ActivityFactory(section=cds, date=datetime.date(2018, 12, 31))
    ActivityFactory(section=cds, date=datetime.date(2018, 1, 1))

    figures = section_figures(annual_report(2018), "CDS")

    assert figures["activities"] == 3


def test_submitted_and_returned_activities_await_review_and_are_not_counted(cds):
    ActivityFactory(section=cds, status=ReviewStatus.SUBMITTED, people_reached=50)
    ActivityFactory(section=cds, status=ReviewStatus.RETURNED, people_reached=50)
    ActivityFactory(section=cds, status=ReviewStatus.DRAFT, people_reached=50)
    ActivityFactory(section=cds, status=ReviewStatus.APPROVED, people_reached=7)

    figures = section_figures(annual_report(2018), "CDS")

    assert (figures["activities"], figures["awaiting_review"], figures["people_reached"]) == (
        1,
        2,
        7,
    )


def test_activities_by_type_people_reached_and_staff_hours(cds):
    meeting = ActivityTypeFactory(code="meeting")
    workshop = ActivityTypeFactory(code="workshop")
    ActivityFactory(section=cds, type=meeting, people_reached=155, staff_hours=Decimal("2.5"))
    ActivityFactory(section=cds, type=meeting, people_reached=20, staff_hours=Decimal("3"))
    ActivityFactory(section=cds, type=workshop, people_reached=5, staff_hours=Decimal("1.25"))
    ActivityFactory(
        section=cds, type=workshop, status=ReviewStatus.SUBMITTED, staff_hours=Decimal("99")
    )

    figures = section_figures(annual_report(2018), "CDS")

    assert figures["activities_by_type"] == {"meeting": 2, "workshop": 1}
    assert figures["people_reached"] == 180
    assert figures["staff_hours"] == "6.75"


def test_staff_hours_and_funds_are_decimal_strings(cds):
    ActivityFactory(section=cds, staff_hours=Decimal("400.00"))
    ActivityFactory(section=cds, staff_hours=Decimal("12.50"))

    figures = section_figures(annual_report(2018), "CDS")

    assert (figures["staff_hours"], figures["funds_raised"]) == ("412.5", "0.00")


def test_consultation_sessions_are_approved_activities_of_that_type(cds):
    session = ActivityTypeFactory(code=CONSULTATION_SESSION)
    ActivityFactory.create_batch(4, section=cds, type=session)
    ActivityFactory(section=cds, type=session, status=ReviewStatus.SUBMITTED)
    ActivityFactory(section=cds)

    figures = section_figures(annual_report(2018), "CDS")

    assert figures["consultation_sessions"] == 4
    assert figures["activities_by_type"][CONSULTATION_SESSION] == 4


def test_partners_engaged_are_distinct_per_section_and_across_sections(cds, drr):
    shared, only_cds, only_drr, unapproved = PartnerFactory.create_batch(4)
    ActivityFactory(section=cds, partners=[shared, only_cds])
    ActivityFactory(section=cds, partners=[shared])
    ActivityFactory(section=drr, partners=[shared, only_drr])
    ActivityFactory(section=drr, partners=[unapproved], status=ReviewStatus.SUBMITTED)

    report = annual_report(2018)

    assert section_figures(report, "CDS")["partners_engaged"] == 2
    assert section_figures(report, "DRR")["partners_engaged"] == 2
    assert report["totals"]["partners_engaged"] == 3


def test_cancelled_events_are_not_counted_and_funds_are_summed(drr):
    EventFactory(section=drr, funds_raised=Decimal("1200.00"))
    EventFactory(section=drr, funds_raised=Decimal("0"))
    EventFactory(section=drr, status=EventStatus.CANCELLED, funds_raised=Decimal("500"))

    figures = section_figures(annual_report(2018), "DRR")

    assert (figures["events"], figures["funds_raised"]) == (2, "1200.00")


def test_event_years_are_toronto_local(cds):
    late_new_years_eve = datetime.datetime(2018, 12, 31, 23, 30, tzinfo=TORONTO)
    just_after_midnight = datetime.datetime(2019, 1, 1, 0, 30, tzinfo=TORONTO)
    EventFactory(section=cds, starts_at=late_new_years_eve)
    EventFactory(section=cds, starts_at=just_after_midnight)

    assert section_figures(annual_report(2018), "CDS")["events"] == 1
    assert section_figures(annual_report(2019), "CDS")["events"] == 1


def test_toolkits_distributed_counts_distinct_partners_sent_in_the_year(cds, drr):
    cds_consultation = ConsultationFactory(section=cds)
    kit_v1 = ToolkitFactory(consultation=cds_consultation, edition="1.0")
    kit_v2 = ToolkitFactory(consultation=cds_consultation, name=kit_v1.name, edition="2.0")
    twice, once, last_year = PartnerFactory.create_batch(3)
    DistributionFactory(toolkit=kit_v1, partner=twice)
    DistributionFactory(toolkit=kit_v2, partner=twice)
    DistributionFactory(toolkit=kit_v1, partner=once)
    DistributionFactory(toolkit=kit_v2, partner=last_year, sent_on=datetime.date(2017, 12, 31))
    drr_kit = ToolkitFactory(consultation=ConsultationFactory(section=drr))
    DistributionFactory(toolkit=drr_kit, partner=twice)

    report = annual_report(2018)

    assert section_figures(report, "CDS")["toolkits_distributed"] == 2
    assert section_figures(report, "DRR")["toolkits_distributed"] == 1
    assert report["totals"]["toolkits_distributed"] == 2


def test_totals_sum_sections(cds, drr):
    ActivityFactory(section=cds, people_reached=3, staff_hours=Decimal("1.5"))
    ActivityFactory(section=drr, people_reached=4, staff_hours=Decimal("2"))
    ActivityFactory(section=drr, status=ReviewStatus.RETURNED)
    EventFactory(section=cds, funds_raised=Decimal("10.10"))
    EventFactory(section=drr, funds_raised=Decimal("1200"))

    totals = annual_report(2018)["totals"]

    assert totals == {
        "activities": 2,
        "activities_by_type": {"meeting": 2},
        "people_reached": 7,
        "staff_hours": "3.5",
        "partners_engaged": 0,
        "events": 2,
        "funds_raised": "1210.10",
        "toolkits_distributed": 0,
        "consultation_sessions": 0,
        "awaiting_review": 1,
    }


def test_report_has_the_contract_shape(cds):
    ActivityFactory(section=cds)

    report = annual_report(2018)

    assert list(report) == ["year", "sections", "totals"]
    assert report["year"] == 2018
    assert report["sections"][0] == {
        "code": "CDS",
        "name": "Community Development Section",
        "activities": 1,
        "activities_by_type": {"meeting": 1},
        "people_reached": 10,
        "staff_hours": "2",
        "partners_engaged": 0,
        "events": 0,
        "funds_raised": "0.00",
        "toolkits_distributed": 0,
        "consultation_sessions": 0,
        "awaiting_review": 0,
    }


def test_a_section_with_no_work_still_appears_with_zeros(cds, drr):
    ActivityFactory(section=cds)

    figures = section_figures(annual_report(2018), "DRR")

    assert (figures["activities"], figures["activities_by_type"]) == (0, {})


def test_report_runs_a_fixed_number_of_queries(cds, drr):
    def run() -> int:
        with CaptureQueriesContext(connection) as queries:
            annual_report(2018)
        return len(queries)

    ActivityFactory(section=cds, partners=[PartnerFactory()])
    few = run()
    for section in (cds, drr):
        ActivityFactory.create_batch(5, section=section, partners=PartnerFactory.create_batch(2))
        EventFactory.create_batch(2, section=section)
        DistributionFactory.create_batch(
            2, toolkit=ToolkitFactory(consultation=ConsultationFactory(section=section))
        )
    many = run()

    assert (few, many) == (7, 7)


def test_period_report_covers_any_date_range(cds):
    ActivityFactory(section=cds, date=datetime.date(2018, 3, 31))
    ActivityFactory(section=cds, date=datetime.date(2018, 4, 1))

    quarter = period_report(Period(datetime.date(2018, 1, 1), datetime.date(2018, 3, 31)))

    assert "year" not in quarter
    assert (quarter["start"], quarter["end"]) == ("2018-01-01", "2018-03-31")
    assert quarter["totals"]["activities"] == 1


def test_command_prints_the_contract_as_json(cds):
    ActivityFactory(section=cds)
    out = StringIO()

    call_command("annual_report", "2018", "--format", "json", stdout=out)

    assert json.loads(out.getvalue()) == annual_report(2018)


def test_command_prints_csv_with_a_totals_row(cds, drr):
    ActivityFactory(section=cds)
    out = StringIO()

    call_command("annual_report", "2018", "--format", "csv", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("year,section,name,activities,people_reached")
    assert lines[0].endswith(",type:meeting")
    assert [line.split(",")[1] for line in lines[1:]] == ["CDS", "DRR", "TOTAL"]
    assert lines[1].split(",")[3] == "1"


def test_command_rejects_an_unknown_section(cds):
    with pytest.raises(CommandError, match="Unknown section code"):
        call_command("annual_report", "2018", "--section", "XYZ", stdout=StringIO())


def test_command_limits_to_chosen_sections(cds, drr):
    out = StringIO()

    call_command("annual_report", "2018", "--section", "DRR", stdout=out)

    assert [s["code"] for s in json.loads(out.getvalue())["sections"]] == ["DRR"]
