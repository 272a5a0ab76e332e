"""The review workflow: only approved work counts, and every step is checked and recorded."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from engagement.choices import ReviewAction, ReviewStatus
from engagement.services import (
    activity_after_edit,
    activity_approve,
    activity_approve_many,
    activity_return,
    activity_submit,
)
from engagement.tests.factories import ActivityFactory
from reports.queries import annual_report

pytestmark = pytest.mark.django_db


def cds_figures():
    return next(s for s in annual_report(2018)["sections"] if s["code"] == "CDS")


def test_submit_then_approve_counts_it_and_leaves_a_trail(staff_cds, supervisor_cds, cds):
    activity = ActivityFactory(section=cds, status=ReviewStatus.DRAFT, created_by=staff_cds)

    activity_submit(activity=activity, user=staff_cds)
    assert (cds_figures()["activities"], cds_figures()["awaiting_review"]) == (0, 1)
    activity_approve(activity=activity, reviewer=supervisor_cds)

    assert (cds_figures()["activities"], cds_figures()["awaiting_review"]) == (1, 0)
    trail = [(r.action, r.by) for r in activity.reviews.order_by("at", "pk")]
    assert trail == [
        (ReviewAction.SUBMITTED, staff_cds),
        (ReviewAction.APPROVED, supervisor_cds),
    ]


def test_return_needs_a_comment_and_resubmission_clears_the_queue(staff_cds, supervisor_cds, cds):
    activity = ActivityFactory(section=cds, status=ReviewStatus.SUBMITTED, created_by=staff_cds)

    with pytest.raises(ValidationError):
        activity_return(activity=activity, reviewer=supervisor_cds, comment="  ")
    activity_return(activity=activity, reviewer=supervisor_cds, comment="Add people reached")
    returned_comment = activity.review_comment
    activity_submit(activity=activity, user=staff_cds)

    assert returned_comment == "Add people reached"
    assert activity.status == ReviewStatus.SUBMITTED


def test_staff_cannot_approve(staff_cds, staff_drr, cds):
    activity = ActivityFactory(section=cds, status=ReviewStatus.SUBMITTED, created_by=staff_drr)

    with pytest.raises(PermissionDenied):
        activity_approve(activity=activity, reviewer=staff_cds)


def test_nobody_approves_their_own_activity(supervisor_cds, cds):
    activity = ActivityFactory(
        section=cds, status=ReviewStatus.SUBMITTED, created_by=supervisor_cds
    )

    with pytest.raises(ValidationError, match="logged themselves"):
        activity_approve(activity=activity, reviewer=supervisor_cds)


def test_a_supervisor_reviews_only_her_section(supervisor_drr, staff_cds, cds):
    activity = ActivityFactory(section=cds, status=ReviewStatus.SUBMITTED, created_by=staff_cds)

    with pytest.raises(PermissionDenied):
        activity_approve(activity=activity, reviewer=supervisor_drr)


def test_approve_many_is_all_or_nothing(staff_cds, supervisor_cds, cds):
    waiting = ActivityFactory.create_batch(
        3, section=cds, status=ReviewStatus.SUBMITTED, created_by=staff_cds
    )
    draft = ActivityFactory(section=cds, status=ReviewStatus.DRAFT, created_by=staff_cds)

    with pytest.raises(ValidationError):
        activity_approve_many(activities=[*waiting, draft], reviewer=supervisor_cds)
    assert cds_figures()["activities"] == 0

    activity_approve_many(activities=waiting, reviewer=supervisor_cds)
    assert cds_figures()["activities"] == 3


def test_an_approved_activity_edited_goes_back_to_the_queue(staff_cds, cds):
    activity = ActivityFactory(section=cds, created_by=staff_cds, date=datetime.date(2018, 5, 1))

    activity_after_edit(activity=activity, was_approved=True, user=staff_cds)

    assert activity.status == ReviewStatus.SUBMITTED
    assert (cds_figures()["activities"], cds_figures()["awaiting_review"]) == (0, 1)
    assert activity.reviews.get().action == ReviewAction.REOPENED
