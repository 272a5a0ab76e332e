"""Everything one report shows, gathered once for the page and every exporter.

``ReportContents`` holds the contract's figures (``reports.queries``, the only source of
figures) and reads the breakdowns (``reports.breakdowns``), the sentences
(``reports.sentences``) and the sections' introductions lazily, so the JSON and CSV exports
run only the contract's queries and the page and the documents run a fixed number more.
``charts`` draws three of the breakdowns (``reports.charts``) from those same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.utils.dates import MONTHS_AP
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Section

from . import breakdowns, charts
from .models import ReportIntroduction
from .queries import Period, annual_report, period_report
from .sentences import awaiting_review_warning, figure_sentences, period_label, signed

# What each figure of the contract is called in tables, documents and spreadsheets.
FIGURE_LABELS = {
    "activities": gettext_lazy("Engagement activities"),
    "people_reached": gettext_lazy("People reached"),
    "staff_hours": gettext_lazy("Staff hours"),
    "partners_engaged": gettext_lazy("Partners engaged"),
    "events": gettext_lazy("Events"),
    "funds_raised": gettext_lazy("Funds raised"),
    "toolkits_distributed": gettext_lazy("Groups given toolkits"),
    "consultation_sessions": gettext_lazy("Consultation sessions"),
    "awaiting_review": gettext_lazy("Awaiting review (not counted)"),
}
# The figures of the tables, in order (``activities_by_type`` has its own table).
TABLE_FIGURES = list(FIGURE_LABELS)
MONEY_FIGURES = {"funds_raised"}
TOTAL = breakdowns.TOTAL
# A line chart labels at most this many of its months (a period of up to ten years).
MONTH_LABELS = 12


def month_ticks(months: list[date]) -> list[str]:
    """The labels under the line chart of a period's months: each month's short name ("Jan.")
    for a year or less, else every 2nd, 3rd, 6th or 12th month, so about MONTH_LABELS at
    most. January is written as its year ("2019") when the period runs over more than one."""
    step = next((s for s in (1, 2, 3, 6) if len(months) <= MONTH_LABELS * s), 12)
    several_years = bool(months) and months[0].year != months[-1].year

    def tick(month: date) -> str:
        if (month.month - 1) % step:
            return ""
        if month.month == 1 and several_years:
            return str(month.year)
        return str(MONTHS_AP[month.month])

    return [tick(month) for month in months]


@dataclass
class ReportContents:
    """One report: ``figures`` is the contract's document, exactly as the JSON export has it
    (``annual_report()`` for a year, ``period_report()`` for any other range)."""

    period: Period
    sections: list
    figures: dict

    @property
    def year(self) -> int | None:
        """The calendar year the report covers, or None for another range of dates."""
        return self.period.start.year if self.period.is_calendar_year else None

    @property
    def title(self) -> str:
        if self.year is not None:
            return _("Annual report %(year)s") % {"year": self.year}
        return _("Report from %(start)s to %(end)s") % {
            "start": date_format(self.period.start, "DATE_FORMAT"),
            "end": date_format(self.period.end, "DATE_FORMAT"),
        }

    @property
    def period_label(self) -> str:
        return period_label(self.period)

    @property
    def previous_label(self) -> str:
        return period_label(self.previous_period)

    @property
    def previous_period(self) -> Period:
        return breakdowns.previous_period(self.period)

    # Breakdowns: one query each, on first use -------------------------------------------

    @cached_property
    def previous_figures(self) -> dict:
        return breakdowns.previous_figures(self.period, self.sections)

    @cached_property
    def comparison(self) -> list[dict]:
        rows = breakdowns.comparison(self.figures, self.previous_figures)
        for subject in rows:
            for row in subject["rows"]:
                row["label"] = FIGURE_LABELS[row["figure"]]
                row["is_money"] = row["figure"] in MONEY_FIGURES
                row["change_text"] = signed(row["change"], is_money=row["is_money"])
        return rows

    @cached_property
    def by_type(self) -> list[dict]:
        codes = self.figures["totals"]["activities_by_type"]
        return breakdowns.by_type(self.figures, self.sections, breakdowns.activity_types(codes))

    @cached_property
    def by_month(self) -> list[dict]:
        rows = breakdowns.by_month(self.period, self.sections)
        for row in rows:
            row["label"] = date_format(row["month"], "YEAR_MONTH_FORMAT")
        return rows

    @cached_property
    def by_community(self) -> list[dict]:
        return breakdowns.by_community(self.period, self.sections)

    @cached_property
    def charts(self) -> dict[str, SafeString]:
        """The SVG charts of the breakdowns by month, type and community (empty where the
        breakdown has no row), drawn from the rows the tables show: no query of their own."""
        months = [row["label"] for row in self.by_month]
        totals = [row["total"] for row in self.by_month]
        type_bars = [(row["name"], row["total"]) for row in self.by_type if row["total"]]
        community_bars = [(row["community"], row["total"]) for row in self.by_community]
        label = self.period_label
        return {
            "by_month": charts.line_chart(
                title=_("Approved activities per month, %(label)s") % {"label": label},
                summary=" ".join(
                    [
                        _("Line chart of approved activities per month."),
                        charts.series_sentence(label, totals, months),
                        charts.table_note(),
                    ]
                ),
                categories=month_ticks([row["month"] for row in self.by_month]),
                series=[charts.Series(name=label, values=totals)],
                legend=False,
            ),
            "by_type": charts.types_chart(type_bars, label=label),
            "by_community": charts.bar_chart(
                title=_("Approved activities by community, %(label)s") % {"label": label},
                summary=charts.bars_summary(
                    _("Bar chart of approved activities per community engaged."),
                    community_bars,
                ),
                bars=community_bars,
            ),
        }

    @cached_property
    def events(self) -> list[dict]:
        return breakdowns.events_of(self.period, self.sections)

    @cached_property
    def consultations(self) -> list[dict]:
        return breakdowns.consultations_of(self.period, self.sections)

    @cached_property
    def introductions(self) -> dict[int, ReportIntroduction]:
        """The sections' introductions of the year, by section id (none for other ranges)."""
        if self.year is None:
            return {}
        return {
            intro.section_id: intro
            for intro in ReportIntroduction.objects.filter(
                year=self.year, section_id__in=[s.pk for s in self.sections]
            )
        }

    # What the page and the documents read ----------------------------------------------

    @cached_property
    def subjects(self) -> list[dict]:
        """Each section, then the totals when there is more than one section: its figures,
        sentences, introduction and the awaiting-review warning."""
        by_code = {s["code"]: s for s in self.figures["sections"]}
        out = []
        for section in self.sections:
            figures = by_code[section.code]
            introduction = self.introductions.get(section.pk)
            out.append(
                {
                    "code": section.code,
                    "name": section.name,
                    "section": section,
                    "is_total": False,
                    "figures": figures,
                    "sentences": figure_sentences(
                        figures, period=self.period, subject=section.code
                    ),
                    "introduction": introduction.text if introduction else "",
                    "introduction_object": introduction,
                    "warning": awaiting_review_warning(figures, subject=section.code),
                }
            )
        if len(self.sections) > 1:
            totals = self.figures["totals"]
            out.append(
                {
                    "code": TOTAL,
                    "name": _("All sections"),
                    "section": None,
                    "is_total": True,
                    "figures": totals,
                    "sentences": figure_sentences(
                        totals,
                        period=self.period,
                        subject=_("the sections together"),
                        # The subject of the sentences after the first: "They hosted ...".
                        again=_("they"),
                    ),
                    "introduction": "",
                    "introduction_object": None,
                    "warning": awaiting_review_warning(totals, subject=None),
                }
            )
        return out

    @property
    def awaiting_review(self) -> int:
        return self.figures["totals"]["awaiting_review"]

    @property
    def table_rows(self) -> list[dict]:
        """The figures table: one row per section and a totals row."""
        return [
            *self.figures["sections"],
            {"code": _("Total"), "name": "", **self.figures["totals"]},
        ]

    @property
    def figure_rows(self) -> list[dict]:
        """The figures table turned for print: one row per figure, a value per section and
        the total (``is_money`` for funds raised)."""
        return [
            {
                "figure": figure,
                "label": FIGURE_LABELS[figure],
                "is_money": figure in MONEY_FIGURES,
                "values": [s[figure] for s in self.figures["sections"]],
                "total": self.figures["totals"][figure],
            }
            for figure in TABLE_FIGURES
        ]

    @property
    def section_codes(self) -> list[str]:
        return [s.code for s in self.sections]

    @property
    def filename_stem(self) -> str:
        if self.year is not None:
            return str(self.year)
        return f"{self.period.start.isoformat()}_{self.period.end.isoformat()}"


def _sections(sections) -> list:
    if sections is None:
        # The same default as report_figures(), fetched once and shared with the breakdowns.
        sections = Section.objects.filter(is_active=True)
    return list(sections)


def report_for_year(year: int, sections=None) -> ReportContents:
    """The annual report of DESIGN.md: ``figures`` is ``annual_report(year)``."""
    sections = _sections(sections)
    return ReportContents(Period.year(year), sections, annual_report(year, sections))


def report_for_period(period: Period, sections=None) -> ReportContents:
    """The same report for any range of dates: ``figures`` is ``period_report(period)``."""
    sections = _sections(sections)
    return ReportContents(period, sections, period_report(period, sections))
