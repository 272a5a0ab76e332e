"""Reads of a consultation that more than one page or export needs, computed in SQL.

``consultation_figures`` feeds the consultation's page; ``what_we_heard`` feeds the "what we
heard" page and its DOCX, PDF and XLSX exports (``consultations.exporters``). Both run a fixed
number of queries whatever the number of distributions, sessions and feedback: the figures
two, "what we heard" six. Tests pin both.
"""

from __future__ import annotations

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext

from engagement.choices import CONSULTATION_SESSION, ReviewStatus
from engagement.models import Activity
from partners.models import Community, Partner

from .choices import DistributionStatus
from .models import Consultation, Distribution, Feedback, FeedbackTheme

# A distribution whose group held its session: a self-hosted session.
SESSION_HELD = (DistributionStatus.SESSION_HELD, DistributionStatus.FEEDBACK_RECEIVED)


def in_person_sessions(consultation: Consultation | OuterRef) -> QuerySet[Activity]:
    """The consultation's in-person sessions as the annual report counts them: approved
    activities of type consultation session linked to it (``OuterRef("pk")`` in a subquery
    per consultation, as the report's consultations breakdown counts them)."""
    return Activity.objects.filter(
        consultation=consultation,
        type__code=CONSULTATION_SESSION,
        status=ReviewStatus.APPROVED,
    )


def scalar_subquery(queryset: QuerySet, group: str, aggregate) -> Coalesce:
    """One aggregate over ``queryset`` as a subquery (0 when it has no rows), to annotate each
    row of an outer query. ``group`` is a column every row shares (the ``OuterRef`` the
    queryset filters on), so the subquery returns one row."""
    return Coalesce(
        Subquery(queryset.order_by().values(group).annotate(value=aggregate).values("value")),
        0,
        output_field=IntegerField(),
    )


def consultation_figures(consultation: Consultation) -> dict[str, int]:
    """The figures on a consultation's page, in two queries.

    - ``groups_reached``: distinct partners given one of its toolkits;
    - ``toolkits_sent``: its distributions;
    - ``sessions_self_hosted``: distributions whose group held its session (session held or
      feedback received);
    - ``sessions_in_person``: approved consultation-session activities linked to it;
    - ``participants``: participants of the self-hosted sessions plus people reached by the
      in-person ones;
    - ``feedback_received``: its feedback entries;
    - ``overdue``: distributions still "sent" whose due-back date is before today (local).
    """
    held = Q(status__in=SESSION_HELD)
    distributions = Distribution.objects.filter(toolkit__consultation=consultation).aggregate(
        groups_reached=Count("partner", distinct=True),
        toolkits_sent=Count("pk"),
        sessions_self_hosted=Count("pk", filter=held),
        self_hosted_participants=Sum("participants", filter=held, default=0),
        overdue=Count(
            "pk",
            filter=Q(status=DistributionStatus.SENT, due_back__lt=timezone.localdate()),
        ),
    )
    sessions = in_person_sessions(OuterRef("pk"))
    others = (
        Consultation.objects.filter(pk=consultation.pk)
        .values(
            sessions_in_person=scalar_subquery(sessions, "consultation", Count("pk")),
            in_person_participants=scalar_subquery(sessions, "consultation", Sum("people_reached")),
            feedback_received=scalar_subquery(
                Feedback.objects.filter(consultation=OuterRef("pk")), "consultation", Count("pk")
            ),
        )
        .get()
    )
    return {
        "groups_reached": distributions["groups_reached"],
        "toolkits_sent": distributions["toolkits_sent"],
        "sessions_self_hosted": distributions["sessions_self_hosted"],
        "sessions_in_person": others["sessions_in_person"],
        "participants": distributions["self_hosted_participants"]
        + others["in_person_participants"],
        "feedback_received": others["feedback_received"],
        "overdue": distributions["overdue"],
    }


def _by_theme(consultation: Consultation) -> list[dict]:
    """Feedback per theme, most first, each with its publishable quotes (two queries)."""
    themes = list(
        FeedbackTheme.objects.filter(feedback__consultation=consultation)
        .annotate(count=Count("feedback", distinct=True))
        .order_by("-count", "sort_order", "name")
        .values("pk", "name", "code", "count")
    )
    # One row per (theme, quoted feedback): the through table joined to its feedback and the
    # partner of the feedback's distribution.
    quoted = (
        Feedback.themes.through.objects.filter(feedback__consultation=consultation)
        .exclude(feedback__quote="")
        .order_by(
            F("feedback__received_on").asc(nulls_last=True), "feedback_id", "feedbacktheme_id"
        )
        .values(
            "feedbacktheme_id",
            quote=F("feedback__quote"),
            agreed=F("feedback__group_agreed_to_be_named"),
            distribution=F("feedback__distribution_id"),
            partner=F("feedback__distribution__partner__name"),
            sensitive=F("feedback__distribution__partner__is_sensitive"),
        )
    )
    self_hosted, in_person = gettext("self-hosted session"), gettext("in-person session")
    quotes: dict[int, list[dict]] = {theme["pk"]: [] for theme in themes}
    for row in quoted:
        quote = row["quote"].strip()
        if not quote:
            continue
        quotes[row["feedbacktheme_id"]].append(
            {
                "quote": quote,
                "group": row["partner"] if _may_be_named(row) else None,
                "source": self_hosted if row["distribution"] else in_person,
            }
        )
    return [
        {
            "theme": theme["name"],
            "code": theme["code"],
            "count": theme["count"],
            "quotes": quotes[theme["pk"]],
        }
        for theme in themes
    ]


def _may_be_named(row: dict) -> bool:
    """A group is named only when it agreed, and never when the partnership is sensitive
    (Partner.is_sensitive: "keep it out of public material")."""
    return bool(row["agreed"] and row["partner"] and not row["sensitive"])


def _by_community(consultation: Consultation) -> list[dict]:
    """Feedback per community, most first (one query). A feedback counts once for each
    community served by the partner of its distribution or engaged by its in-person session;
    a community reached both ways still counts that feedback once."""
    feedback = (
        Feedback.objects.filter(consultation=consultation)
        .filter(
            Q(distribution__partner__communities=OuterRef("pk"))
            | Q(activity__communities=OuterRef("pk"))
        )
        .order_by()
        .values("consultation")
        .annotate(count=Count("pk", distinct=True))
        .values("count")
    )
    rows = (
        Community.objects.annotate(count=Coalesce(Subquery(feedback), 0))
        .filter(count__gt=0)
        .order_by("-count", "sort_order", "name")
        .values("name", "count")
    )
    return [{"community": row["name"], "count": row["count"]} for row in rows]


def _named_groups(consultation: Consultation) -> list[str]:
    """Partners whose group agreed to be named in feedback of this consultation, by name
    (folded, so the order is the same on every database). Sensitive partners never are."""
    return list(
        Partner.objects.filter(
            is_sensitive=False,
            distributions__feedback__consultation=consultation,
            distributions__feedback__group_agreed_to_be_named=True,
        )
        .order_by("name_key", "name")
        .values_list("name", flat=True)
        .distinct()
    )


def what_we_heard(consultation: Consultation) -> dict:
    """The "what we heard" summary of a consultation, in six queries.

    ``feedback_count``; ``by_theme``: [{theme, code, count, quotes: [{quote, group, source}]}]
    most feedback first, then the themes' own order, ``group`` the partner's name only when
    the group agreed to be named; ``by_community``: [{community, count}] most first;
    ``named_groups``: partner names; ``sessions``: {self_hosted, in_person, participants};
    ``groups_reached``: distinct partners given a toolkit.
    """
    figures = consultation_figures(consultation)
    return {
        "feedback_count": figures["feedback_received"],
        "by_theme": _by_theme(consultation),
        "by_community": _by_community(consultation),
        "named_groups": _named_groups(consultation),
        "sessions": {
            "self_hosted": figures["sessions_self_hosted"],
            "in_person": figures["sessions_in_person"],
            "participants": figures["participants"],
        },
        "groups_reached": figures["groups_reached"],
    }
