"""Reads about activities that more than one page needs: who may see, edit and review."""

from __future__ import annotations

from django.db.models import Count, DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from accounts.choices import Role

from .choices import ReviewStatus


def activities_visible_to(queryset: QuerySet, user) -> QuerySet:
    """Section staff read every section's activities (DESIGN.md); nobody else reads them."""
    if user.role in (Role.STAFF, Role.SUPERVISOR):
        return queryset
    return queryset.none()


def activities_editable_by(queryset: QuerySet, user) -> QuerySet:
    """Staff edit the activities they logged or took part in; a supervisor edits every
    activity of the section."""
    if user.role == Role.SUPERVISOR and user.section_id:
        return queryset.filter(section_id=user.section_id)
    if user.role == Role.STAFF:
        return queryset.filter(Q(created_by=user) | Q(staff=user)).distinct()
    return queryset.none()


def activities_reviewable_by(queryset: QuerySet, user) -> QuerySet:
    """Submitted activities of the supervisor's section that someone else logged."""
    if user.role != Role.SUPERVISOR or not user.section_id:
        return queryset.none()
    return queryset.filter(section_id=user.section_id, status=ReviewStatus.SUBMITTED).exclude(
        created_by=user
    )


def activity_totals(queryset: QuerySet) -> dict:
    """Count, people reached and staff hours of the filtered activities, in one query."""
    return queryset.order_by().aggregate(
        count=Count("pk"),
        people_reached=Coalesce(Sum("people_reached"), Value(0)),
        staff_hours=Coalesce(
            Sum("staff_hours"), Value(0), output_field=DecimalField(max_digits=12, decimal_places=2)
        ),
    )
