"""Writes about partners that touch more than one row or model.

Merging is how a supervisor fixes a partner entered twice: everything the sections did with
the duplicate moves to the partner kept, so the annual report counts the organization once,
and the duplicate stays, archived, so its audit history can still be read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Func, IntegerField, Model, Subquery, Value
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import Contact, Partner

if TYPE_CHECKING:
    from accounts.models import User

# Everything that points at a partner, by its related name. A test compares this with the
# model's relations, so a new one cannot be forgotten by the merge.
MERGED_RELATIONS = frozenset({"activities", "events", "contacts", "distributions"})

# Fields of the duplicate that fill the kept partner's when those are empty.
FILLED_FIELDS = ("ward", "email", "phone", "website", "relationship_lead")

# django-simple-history stores a change reason in 100 characters.
CHANGE_REASON_LENGTH = 100


@contextmanager
def _history_paused(instance: Model) -> Iterator[None]:
    """Record no history for ``instance`` inside the block (django-simple-history's own
    switch), so that several steps of one change leave one history record, written by the
    step after the block with the final state."""
    instance.skip_history_when_saving = True
    try:
        yield
    finally:
        del instance.skip_history_when_saving


def _attribute_to(instance: Model, *, user: User, reason: str) -> Model:
    """Make the history record that saving ``instance`` writes name the user and the merge."""
    instance._history_user = user
    instance._change_reason = reason
    return instance


def _check_pair(keep: Partner | None, duplicate: Partner | None) -> None:
    """Refuse, before touching anything, a pair that cannot be merged: a form posted with a
    partner missing, or the same partner chosen twice (which would archive it)."""
    if keep is None or duplicate is None or keep.pk is None or duplicate.pk is None:
        raise ValidationError(
            _("Choose both the partner to keep and the duplicate to merge into it."),
            code="missing_partner",
        )
    if keep.pk == duplicate.pk:
        raise ValidationError(_("A partner cannot be merged into itself."), code="same_partner")


def _merge_reason(keep: Partner, duplicate: Partner) -> str:
    """The change reason of every history record the merge writes, e.g. "Merged The Vanier
    Community Association Inc. (#12) into Vanier Community Association (#7)"."""
    sentence = _("Merged %(duplicate)s (#%(duplicate_pk)s) into %(keep)s (#%(keep_pk)s)")

    def reason(duplicate_name: str, keep_name: str) -> str:
        return sentence % {
            "duplicate": duplicate_name,
            "duplicate_pk": duplicate.pk,
            "keep": keep_name,
            "keep_pk": keep.pk,
        }

    full = reason(duplicate.name, keep.name)
    if len(full) <= CHANGE_REASON_LENGTH:
        return full
    # Too long: cut the names, not the sentence, so the ids (the only sure way to tell two
    # near-identical names apart) always fit.
    room = max((CHANGE_REASON_LENGTH - len(reason("", ""))) // 2, 1)
    shortened = reason(Truncator(duplicate.name).chars(room), Truncator(keep.name).chars(room))
    return Truncator(shortened).chars(CHANGE_REASON_LENGTH)


def _append(text: str, line: str) -> str:
    return f"{text.rstrip()}\n\n{line}" if text.strip() else line


def _move_many_to_many(
    model: type[Model], *, keep: Partner, duplicate: Partner, user: User, reason: str
) -> None:
    """Link every ``model`` row (activity, event) of the duplicate to the kept partner instead.

    Through the many-to-many manager, not the link table, so that each row gets one history
    record with its new partners; a row already linked to both ends up linked once.
    """
    # Locked (PostgreSQL) so an edit form cannot save the old partners back meanwhile.
    linked = list(
        model.objects.select_for_update(of=("self",)).filter(partners=duplicate).order_by("pk")
    )
    # The partners of these rows change under any edit form open on them: bump the version
    # the form checks, so it reports a conflict instead of restoring the duplicate.
    now = timezone.now()
    model.objects.filter(pk__in=[row.pk for row in linked]).update(
        version=F("version") + 1, updated_at=now
    )
    for row in linked:
        row.version += 1
        row.updated_at = now
        _attribute_to(row, user=user, reason=reason)
        with _history_paused(row):
            row.partners.add(keep)
        row.partners.remove(duplicate)  # writes the history record, with the final partners


def _move_contacts(*, keep: Partner, duplicate: Partner, user: User, reason: str) -> None:
    """Saved one by one (few per partner) so each contact's history says it moved and why."""
    for contact in Contact.objects.select_for_update().filter(partner=duplicate).order_by("pk"):
        contact.partner = keep
        contact.version += 1
        _attribute_to(contact, user=user, reason=reason).save()


def _distribution_progress(status: str) -> int:
    """How far a distribution got; declined is below sent, as it leads nowhere."""
    from consultations.choices import DistributionStatus

    order = [
        DistributionStatus.DECLINED,
        DistributionStatus.SENT,
        DistributionStatus.SESSION_HELD,
        DistributionStatus.FEEDBACK_RECEIVED,
    ]
    return order.index(status) if status in order else -1


def _move_distributions(*, keep: Partner, duplicate: Partner, user: User, reason: str) -> None:
    """Give the duplicate's toolkit distributions to the kept partner.

    A partner gets a toolkit once (a unique constraint). When both partners got the same
    toolkit, the distribution that got further wins; ties go to the kept partner's. The
    other one's feedback moves to the winner, its empty details are filled from the other's,
    and the other is deleted (with a history record saying why).
    """
    from consultations.models import Distribution, Feedback

    kept_by_toolkit = {
        distribution.toolkit_id: distribution
        for distribution in Distribution.objects.select_for_update().filter(partner=keep)
    }
    moving = Distribution.objects.select_for_update().filter(partner=duplicate).order_by("pk")
    for distribution in moving:
        other = kept_by_toolkit.get(distribution.toolkit_id)
        if other is None:
            distribution.partner = keep
            distribution.version += 1
            _attribute_to(distribution, user=user, reason=reason).save()
            continue
        if _distribution_progress(distribution.status) > _distribution_progress(other.status):
            winner, loser = distribution, other
        else:
            winner, loser = other, distribution
        for field in ("sent_by", "due_back", "session_date", "participants"):
            if getattr(winner, field) is None and getattr(loser, field) is not None:
                setattr(winner, field, getattr(loser, field))
        if loser.notes.strip():
            winner.notes = _append(winner.notes, loser.notes.strip())
        feedback_of_loser = Feedback.objects.select_for_update().filter(distribution=loser)
        for feedback in feedback_of_loser.order_by("pk"):
            feedback.distribution = winner
            feedback.version += 1
            _attribute_to(feedback, user=user, reason=reason).save()
        # Deleted before the winner takes the kept partner: (toolkit, partner) is unique.
        _attribute_to(loser, user=user, reason=reason).delete()
        winner.partner = keep
        winner.version += 1
        _attribute_to(winner, user=user, reason=reason).save()


def _merge_details(*, keep: Partner, duplicate: Partner) -> None:
    """Fill what the kept partner lacks from the duplicate, losing nothing either knew."""
    for field in FILLED_FIELDS:
        attname = keep._meta.get_field(field).attname
        if not getattr(keep, attname) and getattr(duplicate, attname):
            setattr(keep, attname, getattr(duplicate, attname))
    known_since = [since for since in (keep.since, duplicate.since) if since is not None]
    keep.since = min(known_since, default=None)
    # A confidential relationship stays confidential whichever record said so.
    keep.is_sensitive = keep.is_sensitive or duplicate.is_sensitive
    if duplicate.notes.strip():
        line = _("Merged from %(name)s: %(notes)s") % {
            "name": duplicate.name,
            "notes": duplicate.notes.strip(),
        }
        keep.notes = _append(keep.notes, line)
    # Recorded with the save of the kept partner that follows, in the same history record.
    with _history_paused(keep):
        keep.communities.add(*duplicate.communities.all())
        keep.sections.add(*duplicate.sections.all())


@transaction.atomic
def partner_merge(*, keep: Partner, duplicate: Partner, user: User) -> Partner:
    """Merge ``duplicate`` into ``keep``, all or nothing, and return the kept partner as saved.

    Moves the duplicate's activities, events, contacts and toolkit distributions (with their
    feedback) to ``keep``; adds its communities and sections; fills ``keep``'s empty details,
    keeps the earliest "partner since" and appends its notes. The duplicate is archived, not
    deleted, so its history stays readable, and its notes say where it went. Every record
    changed gets a history record naming ``user`` and the merge, and a new version, so an
    edit form opened before the merge reports a conflict instead of undoing it.

    The instances passed in are not modified: the rows are read again under a lock.
    Raises ``ValidationError`` when a partner is missing, both are the same partner, or the
    merged partner is not valid.
    """
    _check_pair(keep, duplicate)
    # Locked in id order (two merges of the same pair cannot deadlock). On PostgreSQL, a new
    # link to either partner waits for the merge, so none is left behind on the duplicate.
    locked = Partner.objects.select_for_update().filter(pk__in=[keep.pk, duplicate.pk])
    rows = {partner.pk: partner for partner in locked.order_by("pk")}
    if len(rows) != 2:
        raise ValidationError(
            _("One of the partners no longer exists. Reload the page."), code="missing_partner"
        )
    keep, duplicate = rows[keep.pk], rows[duplicate.pk]
    reason = _merge_reason(keep, duplicate)
    by = {"user": user, "reason": reason}  # who and why, on every history record written

    from engagement.models import Activity
    from events.models import Event

    _move_many_to_many(Activity, keep=keep, duplicate=duplicate, **by)
    _move_many_to_many(Event, keep=keep, duplicate=duplicate, **by)
    _move_contacts(keep=keep, duplicate=duplicate, **by)
    _move_distributions(keep=keep, duplicate=duplicate, **by)
    _merge_details(keep=keep, duplicate=duplicate)

    keep.version += 1
    keep.full_clean()
    _attribute_to(keep, user=user, reason=reason).save()

    duplicate.is_archived = True
    duplicate.notes = _append(
        duplicate.notes,
        _("Merged into %(keep)s (#%(keep_pk)s) on %(date)s by %(user)s.")
        % {
            "keep": keep.name,
            "keep_pk": keep.pk,
            "date": timezone.localdate().isoformat(),
            "user": user,
        },
    )
    duplicate.version += 1
    _attribute_to(duplicate, user=user, reason=reason).save()

    keep.refresh_from_db()
    return keep


def _count(queryset) -> Subquery:
    """``SELECT COUNT(*)`` of ``queryset`` as a subquery, so many counts take one query.
    (A plain function, not the ``Count`` aggregate, so Django adds no GROUP BY.)"""
    return Subquery(
        queryset.order_by().annotate(n=Func(Value(1), function="COUNT")).values("n")[:1],
        output_field=IntegerField(),
    )


def partner_merge_preview(*, keep: Partner, duplicate: Partner) -> dict[str, int]:
    """What ``partner_merge`` would move, for the page that asks to confirm it. One query.

    ``activities`` and ``events`` count the duplicate's; the ``*_shared`` ones, those also
    linked to the kept partner (linked once after the merge). ``conflicting_distributions``
    counts toolkits both partners received, of which only one distribution will remain.
    Raises ``ValidationError`` for the same pairs as ``partner_merge``.
    """
    from consultations.models import Distribution, Feedback
    from engagement.models import Activity
    from events.models import Event

    _check_pair(keep, duplicate)
    keep_toolkits = Distribution.objects.filter(partner=keep).values("toolkit_id")
    moving_activities = Activity.objects.filter(partners=duplicate)
    moving_events = Event.objects.filter(partners=duplicate)
    moving_distributions = Distribution.objects.filter(partner=duplicate)
    subqueries = {
        "activities": moving_activities,
        "activities_shared": moving_activities.filter(partners=keep),
        "events": moving_events,
        "events_shared": moving_events.filter(partners=keep),
        "contacts": Contact.objects.filter(partner=duplicate),
        "distributions": moving_distributions,
        "conflicting_distributions": moving_distributions.filter(toolkit_id__in=keep_toolkits),
        "feedback": Feedback.objects.filter(distribution__partner=duplicate),
    }
    # All counted in one SELECT on the duplicate's row; the aliases are prefixed because
    # "activities", "events", ... are already names of the partner's relations.
    row = (
        Partner.objects.filter(pk=duplicate.pk)
        .values(**{f"n_{name}": _count(queryset) for name, queryset in subqueries.items()})
        .first()
    )
    if row is None:
        raise ValidationError(
            _("One of the partners no longer exists. Reload the page."), code="missing_partner"
        )
    return {name: row[f"n_{name}"] or 0 for name in subqueries}
