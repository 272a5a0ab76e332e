"""The audit history of a record as people read it: who changed what, from what to what.

Reads django-simple-history's records in a fixed number of queries: one for the records
(with their users), one per many-to-many field (prefetched), one per related model whose
names are shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    at: datetime
    user: object
    kind: str  # "+" created, "~" changed, "-" deleted
    reason: str
    changes: list[Change] = field(default_factory=list)


def _display(model_field, value) -> str:
    if value in (None, ""):
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def history_entries(instance, *, limit: int = 200) -> list[HistoryEntry]:
    """Newest first: each record with the fields it changed against the one before."""
    history_model = instance.history.model
    # simple-history keeps each tracked many-to-many field in a model of its own
    # (HistoricalPartner_communities), reached from a record by its reverse accessor.
    accessors = {
        rel.related_model._meta.model_name: rel.get_accessor_name()
        for rel in history_model._meta.related_objects
    }
    tracked_m2m = [
        f
        for f in type(instance)._meta.many_to_many
        if f"{history_model._meta.model_name}_{f.name}" in accessors
    ]
    rows_of = {
        m2m.name: accessors[f"{history_model._meta.model_name}_{m2m.name}"] for m2m in tracked_m2m
    }
    records_qs = instance.history.select_related("history_user").order_by("-history_date", "-pk")
    for m2m in tracked_m2m:
        records_qs = records_qs.prefetch_related(Prefetch(rows_of[m2m.name]))
    records = list(records_qs[:limit])

    # Names of the linked objects (communities, partners...) in one query per field.
    names: dict[str, dict[int, str]] = {}
    for m2m in tracked_m2m:
        target = m2m.related_model
        column = f"{target._meta.model_name}_id"
        ids = {
            getattr(row, column)
            for record in records
            for row in getattr(record, rows_of[m2m.name]).all()
        }
        names[m2m.name] = {obj.pk: str(obj) for obj in target._default_manager.filter(pk__in=ids)}

    def m2m_value(record, m2m) -> str:
        column = f"{m2m.related_model._meta.model_name}_id"
        ids = sorted(getattr(row, column) for row in getattr(record, rows_of[m2m.name]).all())
        return ", ".join(names[m2m.name].get(pk, str(pk)) for pk in ids) or "—"

    fields = [
        f
        for f in type(instance)._meta.concrete_fields
        if f.name not in {"id", "created_at", "updated_at", "version"} and f.editable
    ]
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        for model_field in fields:
            attname = model_field.attname
            new = getattr(record, attname)
            old = getattr(previous, attname) if previous else None
            if previous is None and new in (None, "", False):
                continue
            if previous is None or old != new:
                if model_field.is_relation:
                    new_text, old_text = str(new or "—"), str(old or "—")
                else:
                    new_text, old_text = _display(model_field, new), _display(model_field, old)
                changes.append(Change(str(model_field.verbose_name), old_text, new_text))
        for m2m in tracked_m2m:
            new_text = m2m_value(record, m2m)
            old_text = m2m_value(previous, m2m) if previous else "—"
            if new_text != old_text:
                changes.append(Change(str(m2m.verbose_name), old_text, new_text))
        entries.append(
            HistoryEntry(
                at=record.history_date,
                user=record.history_user,
                kind=record.history_type,
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries
