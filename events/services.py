"""Writes about events that touch several rows: checklists, copying to next year, tasks."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from .choices import EventStatus
from .models import ChecklistTemplate, Event, EventTask, RunOfShowItem, Speaker


def _local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


@transaction.atomic
def event_apply_checklist(
    *, event: Event, template: ChecklistTemplate, owner=None
) -> list[EventTask]:
    """Each item of the template becomes a task due ``offset_days`` from the event's local
    start date (-60: sixty days before)."""
    start = _local_date(event.starts_at)
    return [
        EventTask.objects.create(
            event=event,
            title=item.title,
            owner=owner,
            due_on=start + timedelta(days=item.offset_days),
            position=item.position,
        )
        for item in template.items.all()
    ]


def _next_year(moment: datetime) -> datetime:
    """The same local wall-clock time a year later (29 February becomes the 28th)."""
    local = timezone.localtime(moment)
    try:
        moved = local.replace(year=local.year + 1)
    except ValueError:
        moved = local.replace(year=local.year + 1, day=28)
    return timezone.make_aware(moved.replace(tzinfo=None))


def _retitled(title: str, year: int) -> str:
    """ "Diversity Celebration 2018" becomes "Diversity Celebration 2019"."""
    return re.sub(rf"\b{year}\b", str(year + 1), title)


@transaction.atomic
def event_copy_to_next_year(*, event: Event, user) -> Event:
    """Next year's event with the same partners, speakers, run of show and checklist
    (re-dated, not done), status planning; this year's results are not copied."""
    year = timezone.localtime(event.starts_at).year
    starts_at = _next_year(event.starts_at)
    copy = Event(
        section=event.section,
        title=_retitled(event.title, year),
        role=event.role,
        description=event.description,
        starts_at=starts_at,
        ends_at=starts_at + (event.ends_at - event.starts_at),
        venue=event.venue,
        status=EventStatus.PLANNING,
        expected_attendance=event.expected_attendance,
        budget=event.budget,
        funds_beneficiary=event.funds_beneficiary,
        copied_from=event,
    )
    copy._history_user = user
    copy.full_clean()
    copy.save()
    copy.partners.set(event.partners.all())
    shift = _local_date(copy.starts_at) - _local_date(event.starts_at)
    for speaker in event.speakers.all():
        Speaker.objects.create(
            event=copy,
            name=speaker.name,
            title=speaker.title,
            organization=speaker.organization,
            topic=speaker.topic,
            position=speaker.position,
        )
    for item in event.run_of_show.all():
        RunOfShowItem.objects.create(
            event=copy,
            position=item.position,
            starts_at=item.starts_at,
            title=item.title,
            notes=item.notes,
        )
    for task in event.tasks.all():
        EventTask.objects.create(
            event=copy,
            title=task.title,
            owner=task.owner,
            due_on=task.due_on + shift if task.due_on else None,
            position=task.position,
        )
    return copy


@transaction.atomic
def event_task_set_done(*, task: EventTask, done: bool = True) -> EventTask:
    task.done = done
    task.done_at = timezone.now() if done else None
    task.save(update_fields=["done", "done_at"])
    return task
