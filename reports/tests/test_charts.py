"""The report's charts (``ReportContents.charts``, drawn by ``reports.charts``) and the grouped
numbers of the tables beside them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.templatetags.inroads import number
from engagement.tests.factories import ActivityFactory, ActivityTypeFactory
from partners.tests.factories import CommunityFactory
from reports import charts
from reports.contents import month_ticks, report_for_period, report_for_year
from reports.queries import Period

NBSP = "\u00a0"


def months(start: datetime.date, count: int) -> list[datetime.date]:
    out = [start]
    while len(out) < count:
        last = out[-1]
        out.append(last.replace(year=last.year + last.month // 12, month=last.month % 12 + 1))
    return out


def aria_labels(svgs: str) -> list[str]:
    return re.findall(r'<svg [^>]*role="img" aria-label="([^"]+)"', svgs)


# The report's three charts ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_report_draws_months_types_and_communities_from_its_own_rows(cds, drr):
    youth, seniors = CommunityFactory(name="Youth"), CommunityFactory(name="Seniors")
    workshop = ActivityTypeFactory(code="workshop", name="Workshop")
    ActivityFactory.create_batch(
        3, section=cds, date=datetime.date(2018, 3, 5), communities=[youth]
    )
    ActivityFactory(
        section=drr, type=workshop, date=datetime.date(2018, 7, 1), communities=[seniors]
    )
    report = report_for_year(2018)
    rows = (report.by_month, report.by_type, report.by_community)

    with CaptureQueriesContext(connection) as queries:
        drawn = report.charts

    assert len(queries) == 0, "the charts read the breakdowns' rows: no query of their own"
    assert len(rows[0]) == 12
    assert aria_labels(drawn["by_month"]) == [
        "Line chart of approved activities per month. 2018: 4 in all, most in March 2018 (3). "
        "The numbers are also in the table with this chart."
    ]
    assert aria_labels(drawn["by_type"]) == [
        "Bar chart of approved activities by type. 2 bars; the longest is Meeting with 3. "
        "The numbers are also in the table with this chart."
    ]
    assert aria_labels(drawn["by_community"]) == [
        "Bar chart of approved activities per community engaged. 2 bars; the longest is Youth "
        "with 3. The numbers are also in the table with this chart."
    ]
    assert "<title>Approved activities per month, 2018</title>" in drawn["by_month"]
    assert "<title>Approved activities by community, 2018</title>" in drawn["by_community"]
    assert drawn["by_type"].count("<rect ") == 2


@pytest.mark.django_db
def test_a_report_without_activities_draws_its_months_but_no_bars(cds):
    drawn = report_for_year(2018).charts

    assert aria_labels(drawn["by_month"]) == [
        "Line chart of approved activities per month. 2018: none. "
        "The numbers are also in the table with this chart."
    ]
    assert (drawn["by_type"], drawn["by_community"]) == ("", "")


@pytest.mark.django_db
def test_a_quarters_chart_has_the_quarters_months(cds):
    ActivityFactory(section=cds, date=datetime.date(2018, 2, 14))

    report = report_for_period(Period(datetime.date(2018, 1, 1), datetime.date(2018, 3, 31)))

    svg = report.charts["by_month"]
    assert re.findall(r'fill="#595959">([A-Za-z.]+)</text>', svg) == ["Jan.", "Feb.", "March"]
    assert "most in February 2018 (1)" in svg


# Month labels ----------------------------------------------------------------------------


def test_a_year_labels_each_month_by_its_short_name():
    assert month_ticks(months(datetime.date(2018, 1, 1), 12)) == [
        "Jan.",
        "Feb.",
        "March",
        "April",
        "May",
        "June",
        "July",
        "Aug.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
    ]


def test_a_fiscal_year_writes_its_january_as_the_new_year():
    ticks = month_ticks(months(datetime.date(2018, 4, 1), 12))

    assert ticks == [
        "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
        "2019", "Feb.", "March",
    ]  # fmt: skip


def test_a_longer_period_labels_fewer_months():
    eighteen = month_ticks(months(datetime.date(2018, 1, 1), 18))
    ten_years = month_ticks(months(datetime.date(2010, 1, 1), 120))

    assert eighteen == [
        "2018", "", "March", "", "May", "", "July", "", "Sept.", "", "Nov.", "",
        "2019", "", "March", "", "May", "",
    ]  # fmt: skip
    assert [tick for tick in ten_years if tick] == [str(year) for year in range(2010, 2020)]


# Drawing ---------------------------------------------------------------------------------


def test_a_line_chart_without_legend_and_with_unlabelled_months():
    svg = charts.line_chart(
        title="t",
        summary="s",
        categories=["2018", "", "March"],
        series=[charts.Series(name="Total", values=[1, 2, 3])],
        legend=False,
    )

    assert re.findall(r"<text [^>]*>([^<]*)</text>", svg)[-2:] == ["2018", "March"]
    assert "Total" not in svg
    assert svg.count("<circle") == 3


def test_a_dense_line_keeps_markers_for_lone_points_only():
    values = [5] * 40 + [None, 7, None]

    svg = charts.line_chart(
        title="t",
        summary="s",
        categories=[""] * len(values),
        series=[charts.Series(name="Total", values=values)],
        legend=False,
    )

    assert svg.count("<polyline") == 1 and svg.count("<circle") == 1


def test_axis_and_values_are_grouped_by_thousands():
    svg = charts.bar_chart(title="t", summary="s", bars=[("Youth", 3150)])

    assert ">3,150</text>" in svg and ">4,000</text>" in svg


def test_bars_summary_names_the_longest_bar_even_when_not_first():
    bars = [("Meeting", 40), ("Workshop", 1250), ("Focus group", 1250)]

    summary = charts.bars_summary("Bar chart of approved activities by type.", bars)

    assert summary == (
        "Bar chart of approved activities by type. 3 bars; the longest is Workshop with 1,250. "
        "The numbers are also in the table with this chart."
    )
    assert charts.bars_summary("Bar chart.", []) == ""


def test_series_sentence_in_french_groups_the_total():
    with translation.override("fr-ca"):
        sentence = charts.series_sentence("2018", [1200, 34, None], ["janvier", "février", "mars"])

    assert f"1{NBSP}234" in sentence and "janvier" in sentence and f"1{NBSP}200" in sentence


# The number filter -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("en", 1234, "1,234"),
        ("en", 97, "97"),
        ("en", "412.5", "412.5"),
        ("en", Decimal("12406.50"), "12,406.50"),
        ("fr-ca", 1234, f"1{NBSP}234"),
        ("fr-ca", "1412.5", f"1{NBSP}412,5"),
        ("en", None, None),
        ("en", "—", "—"),
        ("en", True, True),
    ],
)
def test_number_writes_counts_as_the_language_groups_them(language, value, expected):
    with translation.override(language):
        assert number(value) == expected


def test_a_single_bar_is_said_in_the_singular():
    assert charts.bars_summary("Bar chart of people reached.", [("Youth", 1250)]) == (
        "Bar chart of people reached. 1 bar, Youth, with 1,250. "
        "The numbers are also in the table with this chart."
    )
