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
from django.utils.translation import ngettext, ngettext_lazy

from core.templatetags.inroads import money, number

from .queries import Period

# The sentences of the figures that count partners, groups, sessions and events, in the
# order the report reads them after the people reached. ``n`` (the figure itself) chooses
# the singular or the plural; ``count`` is the figure as the reader's language writes it.
COUNTED_SENTENCES = [
    (
        "partners_engaged",
        ngettext_lazy(
            "%(subject)s worked with %(count)s partner organization.",
            "%(subject)s worked with %(count)s partner organizations.",
            "n",
        ),
    ),
    (
        "toolkits_distributed",
        ngettext_lazy(
            "%(subject)s connected with %(count)s community stakeholder group to provide it "
            "with a self-directed consultation toolkit.",
            "%(subject)s connected with %(count)s community stakeholder groups to provide "
            "them with self-directed consultation toolkits.",
            "n",
        ),
    ),
    (
        "consultation_sessions",
        ngettext_lazy(
            "%(subject)s hosted %(count)s in-person consultation session.",
            "%(subject)s hosted %(count)s in-person consultation sessions.",
            "n",
        ),
    ),
    (
        "events",
        ngettext_lazy(
            "%(subject)s organized or took part in %(count)s event.",
            "%(subject)s organized or took part in %(count)s events.",
            "n",
        ),
    ),
]


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
    for figure, sentence in COUNTED_SENTENCES:
        n = figures[figure]
        if n:
            sentences.append(sentence % {"subject": start, "count": number(n), "n": n})
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


def sign(change) -> str:
    """ "+" for a rise, "−" (the minus sign, not a hyphen) for a fall, "" for no change."""
    return "+" if change > 0 else "−" if change < 0 else ""


def signed(change, *, is_money: bool = False) -> str:
    """A change as a report writes it: "+3", "−1,200.00 $", "0"."""
    magnitude = abs(change)
    return sign(change) + (money(magnitude) if is_money else number(magnitude))
