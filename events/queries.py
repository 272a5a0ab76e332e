"""Reads about events that more than one page needs."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from accounts.choices import Role

from .models import Event, Observance


def events_editable_by(queryset: QuerySet, user) -> QuerySet:
    """Staff and supervisors manage the events their section is responsible for."""
    if user.role in (Role.STAFF, Role.SUPERVISOR) and user.section_id:
        return queryset.filter(section_id=user.section_id)
    return queryset.none()


def observance_clashes(
    *, starts_at: datetime, ends_at: datetime, community_ids
) -> list[Observance]:
    """Observances of the event's communities (through its partners) on any of its local
    days. One query."""
    community_ids = {pk for pk in community_ids if pk}
    if not community_ids or not starts_at or not ends_at:
        return []
    first = timezone.localtime(starts_at).date()
    last = timezone.localtime(max(ends_at, starts_at)).date()
    return list(
        Observance.objects.filter(
            starts_on__lte=last, ends_on__gte=first, communities__in=community_ids
        )
        .distinct()
        .order_by("starts_on", "name")
    )


def event_community_ids(event: Event) -> set[int]:
    """The communities an event is for: those its partners serve (prefetch
    ``partners__communities`` first; no query then)."""
    return {c.pk for partner in event.partners.all() for c in partner.communities.all()}
