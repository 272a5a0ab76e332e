"""Reads about partners that more than one page needs."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, Case, Count, Max, Q, Value, When
from django.utils import timezone


class PartnerQuerySet(models.QuerySet):
    def with_engagement_stats(self, *, today=None) -> "PartnerQuerySet":
        """Annotate ``last_engaged_on``, ``engagements_this_year`` and ``is_dormant``.

        Only approved activities count, as in the annual report. Dormant means no approved
        activity within ``INROADS_DORMANT_AFTER_DAYS`` days (or none ever).
        """
        # Deferred import: engagement depends on partners, not the other way round.
        from engagement.choices import ReviewStatus

        today = today or timezone.localdate()
        approved = Q(activities__status=ReviewStatus.APPROVED)
        cutoff = today - timedelta(days=settings.INROADS_DORMANT_AFTER_DAYS)
        return self.annotate(
            last_engaged_on=Max("activities__date", filter=approved),
            engagements_this_year=Count(
                "activities",
                filter=approved & Q(activities__date__year=today.year),
                distinct=True,
            ),
        ).annotate(
            is_dormant=Case(
                When(last_engaged_on__gte=cutoff, then=Value(False)),
                default=Value(True),
                output_field=BooleanField(),
            )
        )

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
    from django.db.models import Exists, OuterRef

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
    from consultations.models import Feedback
    from engagement.choices import ReviewStatus

    activities = partner.activities.select_related("type", "section").order_by("-date", "-pk")
    if user.role == "viewer":
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
