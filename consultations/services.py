"""Writes about consultations that touch several rows: sending a toolkit to many partners."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from .models import Distribution, Toolkit


@transaction.atomic
def distribution_send_many(
    *, toolkit: Toolkit, partners: Iterable, sent_on: date, due_back: date | None, user
) -> tuple[list[Distribution], list]:
    """One distribution per partner; partners who already have this toolkit are skipped
    (a toolkit goes to a partner once). Returns (created, skipped partners)."""
    partners = list(partners)
    already = set(
        Distribution.objects.filter(toolkit=toolkit, partner__in=partners).values_list(
            "partner_id", flat=True
        )
    )
    created, skipped = [], []
    for partner in partners:
        if partner.pk in already:
            skipped.append(partner)
            continue
        distribution = Distribution(
            toolkit=toolkit, partner=partner, sent_on=sent_on, due_back=due_back, sent_by=user
        )
        distribution._history_user = user
        distribution.full_clean()
        distribution.save()
        created.append(distribution)
    return created, skipped
