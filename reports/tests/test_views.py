import csv
import io
import json

import pytest

from core.testing import assert_constant_queries
from engagement.choices import ReviewStatus
from engagement.tests.factories import ActivityFactory
from partners.tests.factories import PartnerFactory
from reports.queries import annual_report

pytestmark = pytest.mark.django_db


def test_json_report_is_the_contract(login, supervisor_cds, cds, drr):
    ActivityFactory(section=cds, partners=[PartnerFactory()])
    ActivityFactory(section=drr, status=ReviewStatus.SUBMITTED)

    response = login(supervisor_cds).get("/reports/annual/2018/?format=json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == annual_report(2018)


def test_csv_report_downloads_with_the_same_figures(login, viewer, cds):
    ActivityFactory.create_batch(3, section=cds)

    response = login(viewer).get("/reports/annual/2018/?format=csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Disposition"] == 'attachment; filename="inroads-report-2018.csv"'
    assert [(r["section"], r["activities"]) for r in rows] == [("CDS", "3"), ("TOTAL", "3")]


def test_report_page_shows_figures_and_awaiting_review(login, supervisor_cds, cds):
    ActivityFactory.create_batch(2, section=cds)
    ActivityFactory(section=cds, status=ReviewStatus.SUBMITTED)

    response = login(supervisor_cds).get("/reports/annual/2018/")

    assert response.status_code == 200
    row = next(r for r in response.context["rows"] if r["code"] == "CDS")
    assert (row["activities"], row["awaiting_review"]) == (2, 1)


def test_unknown_format_is_a_clear_400(login, supervisor_cds):
    response = login(supervisor_cds).get("/reports/annual/2018/?format=exe")

    assert response.status_code == 400
    assert "Unknown format" in response.content.decode()


@pytest.mark.parametrize("year", [9999, 99999])
def test_year_out_of_range_is_a_clear_404(login, supervisor_cds, year):
    response = login(supervisor_cds).get(f"/reports/annual/{year}/")

    assert response.status_code == 404
    assert f"There is no report for the year {year}" in response.content.decode()


def test_current_report_redirects_to_this_year(login, viewer):
    response = login(viewer).get("/reports/annual/")

    assert response.status_code == 302
    assert response.url.startswith("/reports/annual/20")


def test_report_page_runs_a_fixed_number_of_queries(login, supervisor_cds, cds, drr):
    client = login(supervisor_cds)

    def add_rows():
        for section in (cds, drr):
            ActivityFactory.create_batch(10, section=section, partners=[PartnerFactory()])

    ActivityFactory(section=cds)
    # Session and user (2), the sections (1), the year's figures (6), the previous year's (6)
    # and the breakdowns and introductions (6): reports/tests/test_report_page.py itemizes.
    assert_constant_queries(client, "/reports/annual/2018/", expected=21, add_rows=add_rows)
