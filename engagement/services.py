"""The review workflow: writes that touch an activity and its review trail together.

Only approved activities count in reports, so every change of status goes through here:
submit, approve (one or many), return with a comment, and back to the queue when an
approved activity is edited. Each step leaves an ActivityReview row (who, when, comment).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import Role

from .choices import ReviewAction, ReviewStatus
from .models import Activity, ActivityReview, FollowUp


def _record(activity: Activity, *, action: str, user, comment: str = "") -> None:
    ActivityReview.objects.create(activity=activity, action=action, by=user, comment=comment)


def _save_status(activity: Activity, *, status: str, user, comment: str | None = None) -> None:
    activity.status = status
    fields = ["status", "version", "updated_at"]
    if comment is not None:
        activity.review_comment = comment
        fields.append("review_comment")
    activity.version += 1
    activity._history_user = user
    activity.save(update_fields=fields)


def check_can_review(*, activity: Activity, reviewer) -> None:
    """Supervisors review their own section's submitted work, never their own."""
    if reviewer.role != Role.SUPERVISOR or activity.section_id != reviewer.section_id:
        raise PermissionDenied(_("Only the section's supervisor reviews its activities."))
    if activity.created_by_id == reviewer.pk:
        raise ValidationError(_("Nobody approves or returns an activity they logged themselves."))
    if activity.status != ReviewStatus.SUBMITTED:
        raise ValidationError(
            _("“%(title)s” is not waiting for review.") % {"title": activity.title}
        )


@transaction.atomic
def activity_submit(*, activity: Activity, user) -> Activity:
    """Draft or returned → submitted: it joins the section supervisor's queue."""
    if activity.status not in (ReviewStatus.DRAFT, ReviewStatus.RETURNED):
        raise ValidationError(
            _("“%(title)s” is already submitted or approved.") % {"title": activity.title}
        )
    _save_status(activity, status=ReviewStatus.SUBMITTED, user=user)
    _record(activity, action=ReviewAction.SUBMITTED, user=user)
    return activity


@transaction.atomic
def activity_approve(*, activity: Activity, reviewer, comment: str = "") -> Activity:
    check_can_review(activity=activity, reviewer=reviewer)
    _save_status(activity, status=ReviewStatus.APPROVED, user=reviewer, comment="")
    _record(activity, action=ReviewAction.APPROVED, user=reviewer, comment=comment)
    return activity


@transaction.atomic
def activity_approve_many(*, activities: Iterable[Activity], reviewer) -> list[Activity]:
    """Approve several at once; if any may not be approved, none is."""
    chosen = list(activities)
    for activity in chosen:
        check_can_review(activity=activity, reviewer=reviewer)
    return [activity_approve(activity=a, reviewer=reviewer) for a in chosen]


@transaction.atomic
def activity_return(*, activity: Activity, reviewer, comment: str) -> Activity:
    """Back to its author with the reviewer's comment, which is required."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what to fix: a returned activity needs a comment."))
    check_can_review(activity=activity, reviewer=reviewer)
    _save_status(activity, status=ReviewStatus.RETURNED, user=reviewer, comment=comment)
    _record(activity, action=ReviewAction.RETURNED, user=reviewer, comment=comment)
    return activity


def activity_after_edit(*, activity: Activity, was_approved: bool, user) -> Activity:
    """An approved activity edited later goes back to the queue, so nothing changes in a
    report without a second look. Call inside the edit's transaction, after saving."""
    if was_approved:
        _save_status(activity, status=ReviewStatus.SUBMITTED, user=user)
        _record(activity, action=ReviewAction.REOPENED, user=user)
    return activity


@transaction.atomic
def follow_up_set_done(*, follow_up: FollowUp, user, done: bool = True) -> FollowUp:
    follow_up.done = done
    follow_up.done_at = timezone.now() if done else None
    follow_up.save(update_fields=["done", "done_at"])
    return follow_up
