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
