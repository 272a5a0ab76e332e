"""The report's figures written as the sentences of the source documents ("In 2018, CDS
participated in 97 separate community engagement activities."), in the reader's language.

Every sentence is built from a figure of ``reports.queries`` with ``ngettext``; nothing here
counts. A figure of zero gets no sentence, except the activities, which always have one.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.templatetags.inroads import money, number

from .queries import Period


def period_label(period: Period) -> str:
    """ "2018" for a calendar year, else "from 1 January 2018 to 31 March 2018"."""
    if period.is_calendar_year:
        return str(period.start.year)
    return _("%(start)s to %(end)s") % {
        "start": date_format(period.start, "DATE_FORMAT"),
        "end": date_format(period.end, "DATE_FORMAT"),
    }


def _activities_sentence(period: Period, subject: str, count: int) -> str:
    values = {"subject": subject, "count": number(count)}
    if period.is_calendar_year:
        values["year"] = str(period.start.year)
        return (
            ngettext(
                "In %(year)s, %(subject)s participated in %(count)s community engagement activity.",
                "In %(year)s, %(subject)s participated in %(count)s separate community engagement "
                "activities.",
                count,
            )
            % values
        )
    values["start"] = date_format(period.start, "DATE_FORMAT")
    values["end"] = date_format(period.end, "DATE_FORMAT")
    return (
        ngettext(
            "From %(start)s to %(end)s, %(subject)s participated in %(count)s community "
            "engagement activity.",
            "From %(start)s to %(end)s, %(subject)s participated in %(count)s separate community "
            "engagement activities.",
            count,
        )
        % values
    )


def figure_sentences(
    figures: dict, *, period: Period, subject: str, again: str | None = None
) -> list[str]:
    """The sentences for one section's figures (``subject`` its code) or the totals'
    (``subject`` "the sections together", ``again`` "they" for the sentences after the
    first), in the order the report reads them."""
    sentences = [_activities_sentence(period, subject, figures["activities"])]
    start = capfirst(again or subject)
    activities, people = figures["activities"], figures["people_reached"]
    if activities and people:
        if activities == 1:
            text = ngettext(
                "This activity reached %(count)s person.",
                "This activity reached %(count)s people.",
                people,
            )
        else:
            text = ngettext(
                "Together these activities reached %(count)s person.",
                "Together these activities reached %(count)s people.",
                people,
            )
        sentences.append(text % {"count": number(people)})
    if figures["partners_engaged"]:
        sentences.append(
            ngettext(
                "%(subject)s worked with %(count)s partner organization.",
                "%(subject)s worked with %(count)s partner organizations.",
                figures["partners_engaged"],
            )
            % {"subject": start, "count": number(figures["partners_engaged"])}
        )
    if figures["toolkits_distributed"]:
        sentences.append(
            ngettext(
                "%(subject)s connected with %(count)s community stakeholder group to provide it "
                "with a self-directed consultation toolkit.",
                "%(subject)s connected with %(count)s community stakeholder groups to provide "
                "them with self-directed consultation toolkits.",
                figures["toolkits_distributed"],
            )
            % {"subject": start, "count": number(figures["toolkits_distributed"])}
        )
    if figures["consultation_sessions"]:
        sentences.append(
            ngettext(
                "%(subject)s hosted %(count)s in-person consultation session.",
                "%(subject)s hosted %(count)s in-person consultation sessions.",
                figures["consultation_sessions"],
            )
            % {"subject": start, "count": number(figures["consultation_sessions"])}
        )
    if figures["events"]:
        sentences.append(
            ngettext(
                "%(subject)s organized or took part in %(count)s event.",
                "%(subject)s organized or took part in %(count)s events.",
                figures["events"],
            )
            % {"subject": start, "count": number(figures["events"])}
        )
    if Decimal(figures["funds_raised"]) > 0:
        sentences.append(
            _("A total of %(amount)s was raised.") % {"amount": money(figures["funds_raised"])}
        )
    return sentences


def awaiting_review_warning(figures: dict, *, subject: str | None) -> str:
    """ "3 activities of CDS await review: they are not counted in these figures." or "";
    ``subject`` None for the totals."""
    count = figures["awaiting_review"]
    if not count:
        return ""
    if subject is None:
        return ngettext(
            "%(count)s activity in all awaits review: it is not counted in these figures.",
            "%(count)s activities in all await review: they are not counted in these figures.",
            count,
        ) % {"count": number(count)}
    return ngettext(
        "%(count)s activity of %(subject)s awaits review: it is not counted in these figures.",
        "%(count)s activities of %(subject)s await review: they are not counted in these figures.",
        count,
    ) % {"count": number(count), "subject": subject}


def signed(change, *, is_money: bool = False) -> str:
    """A change as a report writes it: "+3", "−1,200.00 $", "0"."""
    sign = "+" if change > 0 else "−" if change < 0 else ""
    magnitude = abs(change)
    return sign + (money(magnitude) if is_money else number(magnitude))
