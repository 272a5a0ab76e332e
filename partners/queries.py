"""Reads about partners that more than one page needs."""

from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models.query import ModelIterable
from django.utils import timezone


def dormancy_cutoff(today: date) -> date:
    """The first day an approved activity must fall on for its partners not to be dormant."""
    return today - timedelta(days=settings.INROADS_DORMANT_AFTER_DAYS)


def engaged_since(cutoff: date) -> Exists:
    """True for a partner linked to an approved activity dated ``cutoff`` or later. PostgreSQL
    answers it as one anti- or semi-join over the activities since the cutoff
    (``engagement_report_idx``) and the links' (activity, partner) index, whatever the
    partners' whole history: 40 ms for every partner among a million activities, where the
    maximum date over all their activities took 0.8 s."""
    from engagement.choices import ReviewStatus

    Link = apps.get_model("engagement", "Activity").partners.through
    return Exists(
        Link.objects.filter(
            partner_id=OuterRef("pk"),
            activity__status=ReviewStatus.APPROVED,
            activity__date__gte=cutoff,
        )
    )


def engagement_stats(partner_ids, *, today: date) -> dict[int, dict]:
    """``{partner id: {"last_engaged_on", "engagements_this_year"}}`` over approved
    activities, for the given partners only: one grouped query on the links' partner index,
    so a page of 25 partners reads their activities and nobody else's."""
    from engagement.choices import ReviewStatus

    Link = apps.get_model("engagement", "Activity").partners.through
    approved = Q(activity__status=ReviewStatus.APPROVED)
    rows = (
        Link.objects.filter(partner_id__in=list(partner_ids))
        .values("partner_id")
        .annotate(
            last_engaged_on=Max("activity__date", filter=approved),
            engagements_this_year=Count(
                "activity_id",
                filter=approved & Q(activity__date__year=today.year),
                distinct=True,
            ),
        )
        .order_by()
    )
    return {row.pop("partner_id"): row for row in rows}


class PartnerQuerySet(models.QuerySet):
    """Partners; ``with_engagement_stats()`` adds what they did with the sections."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The day engagement stats are computed for, once asked for (None: not asked).
        self._stats_today: date | None = None

    def _clone(self):
        clone = super()._clone()
        clone._stats_today = self._stats_today
        return clone

    def _fetch_all(self):
        fetched = self._result_cache is None
        super()._fetch_all()
        if fetched and self._stats_today and self._iterable_class is ModelIterable:
            self._attach_engagement_stats(self._result_cache)

    def _attach_engagement_stats(self, partners) -> None:
        today = self._stats_today
        stats = engagement_stats([p.pk for p in partners], today=today) if partners else {}
        cutoff = dormancy_cutoff(today)
        for partner in partners:
            row = stats.get(partner.pk, {})
            partner.last_engaged_on = row.get("last_engaged_on")
            partner.engagements_this_year = row.get("engagements_this_year", 0)
            partner.is_dormant = not (partner.last_engaged_on and partner.last_engaged_on >= cutoff)

    def with_engagement_stats(self, *, today=None) -> "PartnerQuerySet":
        """Give each partner fetched ``last_engaged_on``, ``engagements_this_year`` and
        ``is_dormant``, like a prefetch: one more query, for the fetched partners only.

        Only approved activities count, as in the annual report. Dormant means no approved
        activity within ``INROADS_DORMANT_AFTER_DAYS`` days (or none ever). To filter or
        sort on them in SQL, use ``dormant()`` and ``order_by_engagement()``.
        """
        clone = self._chain()
        clone._stats_today = today or timezone.localdate()
        return clone

    def dormant(self, dormant: bool = True, *, today=None) -> "PartnerQuerySet":
        condition = engaged_since(dormancy_cutoff(today or timezone.localdate()))
        return self.filter(~condition if dormant else condition)

    def order_by_engagement(self, field: str, *, descending: bool, today=None):
        """Sorted by ``last_engaged_on``, ``engagements_this_year`` or ``is_dormant``, then
        by name. This aggregates every partner's activities (a second over a million
        activities), so only a click on the column's heading asks for it."""
        from engagement.choices import ReviewStatus

        today = today or timezone.localdate()
        approved = Q(activities__status=ReviewStatus.APPROVED)
        expressions = {
            "last_engaged_on": Max("activities__date", filter=approved),
            "engagements_this_year": Count(
                "activities", filter=approved & Q(activities__date__year=today.year)
            ),
            "is_dormant": ~engaged_since(dormancy_cutoff(today)),
        }
        key = expressions[field]
        queryset = self.alias(sort_key=key)
        sort = models.F("sort_key")
        sort = sort.desc(nulls_last=True) if descending else sort.asc(nulls_first=True)
        return queryset.order_by(sort, "name_key", "pk")

    def active(self) -> "PartnerQuerySet":
        return self.filter(is_archived=False)


def partners_visible_to(queryset, user):
    """Viewers do not see partners flagged sensitive; section staff see every partner."""
    from accounts.choices import Role

    if user.role == Role.VIEWER:
        return queryset.filter(is_sensitive=False)
    return queryset


def partners_editable_by(queryset, user):
    """Staff and supervisors manage the partners of their section (and unassigned ones)."""
    from accounts.choices import Role

    if user.role not in (Role.STAFF, Role.SUPERVISOR) or not user.section_id:
        return queryset.none()
    Link = queryset.model.sections.through
    own = Link.objects.filter(partner_id=OuterRef("pk"), section_id=user.section_id)
    unassigned = Link.objects.filter(partner_id=OuterRef("pk"))
    return queryset.filter(Exists(own) | ~Exists(unassigned))


def partner_timeline(partner, *, user, limit: int = 100) -> list[dict]:
    """Everything the sections did with a partner, newest first: activities, events,
    toolkit distributions and feedback. Four queries whatever the partner's history."""
    from accounts.choices import Role
    from consultations.models import Feedback
    from engagement.choices import ReviewStatus

    activities = partner.activities.select_related("type", "section").order_by("-date", "-pk")
    if user.role == Role.VIEWER:
        activities = activities.filter(status=ReviewStatus.APPROVED)
    items = [
        {
            "date": a.date,
            "kind": a.type.name,
            "title": a.title,
            "url": a.get_absolute_url(),
            "section": a.section.code,
            "status": a.get_status_display() if a.status != ReviewStatus.APPROVED else "",
        }
        for a in activities[:limit]
    ]
    for event in partner.events.select_related("section").order_by("-starts_at")[:limit]:
        items.append(
            {
                "date": timezone.localtime(event.starts_at).date(),
                "kind": str(event._meta.verbose_name).capitalize(),
                "title": event.title,
                "url": event.get_absolute_url(),
                "section": event.section.code,
                "status": event.get_status_display(),
            }
        )
    distributions = partner.distributions.select_related("toolkit__consultation__section")
    for distribution in distributions.order_by("-sent_on")[:limit]:
        items.append(
            {
                "date": distribution.sent_on,
                "kind": str(distribution._meta.verbose_name).capitalize(),
                "title": str(distribution.toolkit),
                "url": distribution.get_absolute_url(),
                "section": distribution.toolkit.consultation.section.code,
                "status": distribution.get_status_display(),
            }
        )
    feedback = Feedback.objects.filter(distribution__partner=partner).select_related(
        "consultation__section"
    )
    for item in feedback.order_by("-received_on")[:limit]:
        items.append(
            {
                "date": item.received_on or item.created_at.date(),
                "kind": str(item._meta.verbose_name).capitalize(),
                "title": item.text[:120],
                "url": item.get_absolute_url(),
                "section": item.consultation.section.code,
                "status": "",
            }
        )
    items.sort(key=lambda item: item["date"], reverse=True)
    return items[:limit]
