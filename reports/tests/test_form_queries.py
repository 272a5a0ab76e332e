"""A section's introduction to the annual report is written on a page that runs a fixed
number of SQL queries, however many introductions, edits of them and sections there are."""

from itertools import count

import pytest

from accounts.tests.factories import SectionFactory
from core.testing import assert_form_constant_queries
from reports.models import INTRODUCTION_MAX_LENGTH, ReportIntroduction

pytestmark = pytest.mark.django_db


def test_introduction_page_runs_a_fixed_number_of_queries(login, supervisor_cds, cds):
    introduction = ReportIntroduction.objects.create(section=cds, year=2018, text="First words")
    other_years = count(1950)

    def add_rows():
        for n in range(10):
            introduction.text = f"Draft {n}"
            introduction.save()
            ReportIntroduction.objects.create(section=cds, year=next(other_years), text="")
            ReportIntroduction.objects.create(section=SectionFactory(), year=2018, text="Theirs")

    assert_form_constant_queries(
        login(supervisor_cds),
        "/reports/annual/2018/introduction/CDS/",
        add_rows=add_rows,
        # session, user, the section, its introduction of the year.
        on_get=4,
        on_post=4,
        changes={"text": "x" * (INTRODUCTION_MAX_LENGTH + 1)},
    )
