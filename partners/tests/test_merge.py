import datetime

import pytest
from django.core.exceptions import ValidationError

from consultations.choices import DistributionStatus
from consultations.models import Distribution, Feedback
from consultations.tests.factories import (
    ConsultationFactory,
    DistributionFactory,
    FeedbackFactory,
    ToolkitFactory,
)
from engagement.models import Activity
from engagement.tests.factories import ActivityFactory
from events.tests.factories import EventFactory
from partners.models import Contact, Partner
from partners.services import MERGED_RELATIONS, partner_merge, partner_merge_preview
from partners.tests.factories import CommunityFactory, ContactFactory, PartnerFactory
from reports.queries import annual_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def keep(db):
    return PartnerFactory(name="Vanier Community Association")


@pytest.fixture
def duplicate(db):
    return PartnerFactory(name="The Vanier Community Association Inc.")


def ids(queryset):
    return sorted(queryset.values_list("pk", flat=True))


def cds_figures(report):
    return next(section for section in report["sections"] if section["code"] == "CDS")


def test_every_link_of_the_duplicate_moves_to_the_partner_kept(keep, duplicate, supervisor_cds):
    activity = ActivityFactory(partners=[duplicate])
    event = EventFactory(partners=[duplicate])
    contact = ContactFactory(partner=duplicate)
    feedback = FeedbackFactory(distribution=DistributionFactory(partner=duplicate))

    partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    assert ids(keep.activities) == [activity.pk]
    assert ids(keep.events) == [event.pk]
    assert ids(keep.contacts) == [contact.pk]
    assert ids(keep.distributions) == [feedback.distribution_id]
    assert ids(Feedback.objects.filter(distribution__partner=keep)) == [feedback.pk]
    assert (
        ids(duplicate.activities),
        ids(duplicate.events),
        ids(duplicate.contacts),
        ids(duplicate.distributions),
    ) == ([], [], [], [])


def test_the_merge_handles_every_relation_that_points_at_a_partner():
    relations = {relation.name for relation in Partner._meta.related_objects}

    assert relations == MERGED_RELATIONS


def test_an_activity_or_event_linked_to_both_is_linked_once_to_the_partner_kept(
    keep, duplicate, supervisor_cds
):
    other = PartnerFactory(name="Odawa Native Friendship Centre")
    activity = ActivityFactory(partners=[keep, duplicate, other])
    event = EventFactory(partners=[duplicate, keep])

    partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    assert ids(activity.partners) == sorted([keep.pk, other.pk])
    assert ids(event.partners) == [keep.pk]
    assert Activity.partners.through.objects.filter(activity=activity, partner=keep).count() == 1


@pytest.mark.parametrize(
    ("kept_status", "duplicate_status", "winner"),
    [
        (DistributionStatus.SENT, DistributionStatus.FEEDBACK_RECEIVED, "duplicate"),
        (DistributionStatus.SESSION_HELD, DistributionStatus.SENT, "keep"),
        (DistributionStatus.DECLINED, DistributionStatus.SENT, "duplicate"),
        (DistributionStatus.SENT, DistributionStatus.DECLINED, "keep"),
        (DistributionStatus.SESSION_HELD, DistributionStatus.SESSION_HELD, "keep"),
    ],
)
def test_of_two_distributions_of_one_toolkit_the_most_advanced_is_kept_with_all_feedback(
    keep, duplicate, supervisor_cds, kept_status, duplicate_status, winner
):
    toolkit = ToolkitFactory()
    kept_distribution = DistributionFactory(toolkit=toolkit, partner=keep, status=kept_status)
    duplicate_distribution = DistributionFactory(
        toolkit=toolkit, partner=duplicate, status=duplicate_status, participants=12
    )
    kept_feedback = FeedbackFactory(distribution=kept_distribution)
    duplicate_feedback = FeedbackFactory(distribution=duplicate_distribution)
    expected = {"keep": kept_distribution, "duplicate": duplicate_distribution}[winner]

    partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    remaining = Distribution.objects.get(toolkit=toolkit)
    assert (remaining.pk, remaining.partner_id, remaining.status) == (
        expected.pk,
        keep.pk,
        expected.status,
    )
    assert remaining.participants == 12
    assert ids(remaining.feedback) == sorted([kept_feedback.pk, duplicate_feedback.pk])


def test_communities_and_sections_are_united(keep, duplicate, supervisor_cds, cds, drr):
    youth, seniors, newcomers = (
        CommunityFactory(name=name) for name in ["Youth", "Seniors", "Newcomers and refugees"]
    )
    keep.communities.set([youth, seniors])
    keep.sections.set([cds])
    duplicate.communities.set([seniors, newcomers])
    duplicate.sections.set([drr])

    merged = partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    assert ids(merged.communities) == sorted([youth.pk, seniors.pk, newcomers.pk])
    assert ids(merged.sections) == sorted([cds.pk, drr.pk])


def test_empty_details_are_filled_and_none_is_overwritten(supervisor_cds, staff_cds):
    keep = PartnerFactory(
        name="Jewish Federation of Ottawa",
        ward="",
        email="",
        phone="613-555-0101",
        since=datetime.date(2015, 4, 1),
        notes="Annual Holocaust Education Week.",
    )
    duplicate = PartnerFactory(
        name="jewish federation ottawa",
        ward="Alta Vista",
        email="info@example.org",
        phone="613-555-0199",
        website="https://example.org/",
        since=datetime.date(2012, 9, 1),
        relationship_lead=staff_cds,
        notes="Security briefing every fall.",
        is_sensitive=True,
    )

    merged = partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    assert (
        merged.ward,
        merged.email,
        merged.phone,
        merged.website,
        merged.since,
        merged.relationship_lead,
        merged.is_sensitive,
    ) == (
        "Alta Vista",
        "info@example.org",
        "613-555-0101",
        "https://example.org/",
        datetime.date(2012, 9, 1),
        staff_cds,
        True,
    )
    assert merged.notes == (
        "Annual Holocaust Education Week.\n\n"
        "Merged from jewish federation ottawa: Security briefing every fall."
    )


def test_the_duplicate_is_archived_not_deleted(keep, duplicate, supervisor_cds, monkeypatch):
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *args, **kwargs: datetime.date(2019, 1, 15)
    )

    partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    duplicate.refresh_from_db()
    assert duplicate.is_archived is True
    assert duplicate.notes == (
        f"Merged into Vanier Community Association (#{keep.pk}) on 2019-01-15 by {supervisor_cds}."
    )


def test_both_partners_get_a_new_version(keep, duplicate, supervisor_cds):
    activity = ActivityFactory(partners=[duplicate])
    contact = ContactFactory(partner=duplicate)

    merged = partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    duplicate.refresh_from_db()
    activity.refresh_from_db()
    contact.refresh_from_db()
    assert (merged.version, duplicate.version, activity.version, contact.version) == (2, 2, 2, 2)


def test_the_merge_is_in_the_audit_history_with_its_user(keep, duplicate, supervisor_cds):
    activity = ActivityFactory(partners=[duplicate])
    contact = ContactFactory(partner=duplicate)
    activity_records_before = activity.history.count()
    reason = f"Merged {duplicate.name} (#{duplicate.pk}) into {keep.name} (#{keep.pk})"

    partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    for record in [
        keep.history.latest(),
        duplicate.history.latest(),
        activity.history.latest(),
        contact.history.latest(),
    ]:
        assert (record.history_change_reason, record.history_user) == (reason, supervisor_cds)
    # One record per activity, holding its partners after the merge.
    assert activity.history.count() == activity_records_before + 1
    assert [link.partner_id for link in activity.history.latest().partners.all()] == [keep.pk]
    assert keep.history.filter(history_change_reason=reason).count() == 1


def test_a_long_name_still_fits_the_history_change_reason(supervisor_cds):
    keep = PartnerFactory(name="Centre des services communautaires Vanier " * 4)
    duplicate = PartnerFactory(name="Centre des Services Communautaires de Vanier " * 4)

    partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    reason = keep.history.latest().history_change_reason
    assert len(reason) <= 100
    assert reason.endswith(f"(#{keep.pk})")


def test_the_annual_report_counts_the_merged_partner_once(keep, duplicate, cds, supervisor_cds):
    ActivityFactory(section=cds, partners=[keep])
    ActivityFactory(section=cds, partners=[duplicate])
    toolkit = ToolkitFactory(consultation=ConsultationFactory(section=cds))
    DistributionFactory(toolkit=toolkit, partner=keep)
    DistributionFactory(toolkit=toolkit, partner=duplicate)
    before = cds_figures(annual_report(2018))

    partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    after = cds_figures(annual_report(2018))
    assert (before["partners_engaged"], before["toolkits_distributed"]) == (2, 2)
    assert (after["partners_engaged"], after["toolkits_distributed"]) == (1, 1)
    assert after["activities"] == before["activities"] == 2


@pytest.mark.parametrize("pair", ["same", "missing keep", "missing duplicate"])
def test_an_impossible_pair_is_refused_and_nothing_changes(keep, supervisor_cds, pair):
    ActivityFactory(partners=[keep])
    ContactFactory(partner=keep)
    arguments = {
        "same": {"keep": keep, "duplicate": keep},
        "missing keep": {"keep": None, "duplicate": keep},
        "missing duplicate": {"keep": keep, "duplicate": None},
    }[pair]
    versions_before = keep.history.count()

    with pytest.raises(ValidationError):
        partner_merge(**arguments, user=supervisor_cds)

    keep.refresh_from_db()
    assert (keep.is_archived, keep.version, keep.notes) == (False, 1, "")
    assert keep.history.count() == versions_before
    assert (keep.activities.count(), keep.contacts.count()) == (1, 1)


def test_a_merge_that_fails_midway_changes_nothing(keep, duplicate, supervisor_cds, monkeypatch):
    activity = ActivityFactory(partners=[duplicate])
    first, second = ContactFactory.create_batch(2, partner=duplicate)
    history_before = keep.history.count()
    saved = []
    real_save = Contact.save

    def save_once_then_fail(contact, *args, **kwargs):
        if saved:
            raise RuntimeError("the database went away")
        saved.append(contact.pk)
        real_save(contact, *args, **kwargs)

    monkeypatch.setattr(Contact, "save", save_once_then_fail)

    with pytest.raises(RuntimeError):
        partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    monkeypatch.undo()
    assert saved == [first.pk]
    duplicate.refresh_from_db()
    assert duplicate.is_archived is False
    assert ids(activity.partners) == [duplicate.pk]
    assert ids(duplicate.contacts) == sorted([first.pk, second.pk])
    assert keep.history.count() == history_before


def test_a_merge_that_would_leave_the_partner_kept_invalid_is_refused(keep, supervisor_cds):
    duplicate = PartnerFactory(name="Vanier Community Association Inc.", email="not an address")
    activity = ActivityFactory(partners=[duplicate])
    keep.email = ""
    keep.save()

    with pytest.raises(ValidationError) as refused:
        partner_merge(keep=keep, duplicate=duplicate, user=supervisor_cds)

    assert list(refused.value.message_dict) == ["email"]
    assert ids(activity.partners) == [duplicate.pk]


def test_the_preview_counts_what_would_move(keep, duplicate, django_assert_num_queries):
    ActivityFactory.create_batch(2, partners=[duplicate])
    ActivityFactory(partners=[keep, duplicate])
    EventFactory(partners=[duplicate])
    ContactFactory.create_batch(3, partner=duplicate)
    shared_toolkit = ToolkitFactory()
    DistributionFactory(toolkit=shared_toolkit, partner=keep)
    FeedbackFactory.create_batch(
        2, distribution=DistributionFactory(toolkit=shared_toolkit, partner=duplicate)
    )
    FeedbackFactory(distribution=DistributionFactory(partner=duplicate))

    with django_assert_num_queries(1):
        preview = partner_merge_preview(keep=keep, duplicate=duplicate)

    assert preview == {
        "activities": 3,
        "activities_shared": 1,
        "events": 1,
        "events_shared": 0,
        "contacts": 3,
        "distributions": 2,
        "conflicting_distributions": 1,
        "feedback": 3,
    }


def test_the_preview_of_a_partner_with_nothing_linked_is_all_zeros(keep, duplicate):
    preview = partner_merge_preview(keep=keep, duplicate=duplicate)

    assert set(preview.values()) == {0}


def test_the_preview_refuses_a_partner_merged_into_itself(keep):
    with pytest.raises(ValidationError):
        partner_merge_preview(keep=keep, duplicate=keep)
