"""Which existing partners a name probably means, so nobody creates a second record for an
organization the sections already work with (and so a supervisor can find the ones to merge).

Matching is on ``Partner.match_key`` (``core.models.match_key``): the name without case,
accents, punctuation or words such as "the", "inc", "association", "of", "de". On that key,
"The Vanier Community Association" and "Vanier Community Association Inc." are equal, and so
are "Capital Pride" and "capital-pride". Beyond equality, a name of two words or more also
finds the longer names that contain all of its words, and the shorter names (two words or
more) that it contains, because people drop or add a word ("Capital Pride" for "Capital
Pride Ottawa"). One word in common is not enough: "Capital Pride" and "Capital Rainbow
Refuge" are different partners.

It is one SQL query whatever the number of partners: this runs as someone types a name.
"""

from __future__ import annotations

from django.db.models import BooleanField, Case, CharField, F, Q, Value, When
from django.db.models.functions import Concat

from core.models import match_key

from .models import Partner


def likely_duplicates(name: str, *, exclude_pk: int | None = None, limit: int = 5) -> list[Partner]:
    """Partners that ``name`` probably means, exact key matches first, then by name.

    Archived partners are included on purpose: a new record for an organization that was
    archived (or merged away) is still a duplicate, and the caller shows ``is_archived``.
    Each partner carries ``exact_match`` (True when its key equals the name's key).
    ``exclude_pk`` leaves out the partner being edited.
    """
    key = match_key(name)
    if not key or limit <= 0:
        return []
    words = key.split()
    same_key = Q(match_key=key)
    condition = same_key
    if len(words) >= 2:
        # Keys are lower-case words joined by single spaces, so wrapping them in spaces
        # turns "contains the word" into a plain LIKE and never matches inside a word
        # ("art" in "party").
        every_word_in_theirs = Q(*(Q(spaced_key__contains=f" {word} ") for word in words))
        theirs_within_ours = Q(match_key__contains=" ") & Q(spaced_name__contains=F("spaced_key"))
        condition |= every_word_in_theirs | theirs_within_ours

    partners = (
        Partner.objects.annotate(
            spaced_key=Concat(Value(" "), "match_key", Value(" "), output_field=CharField()),
            spaced_name=Value(f" {key} ", output_field=CharField()),
            exact_match=Case(
                When(same_key, then=Value(True)), default=Value(False), output_field=BooleanField()
            ),
        )
        .filter(condition)
        .order_by("-exact_match", "name_key", "pk")
    )
    if exclude_pk is not None:
        partners = partners.exclude(pk=exclude_pk)
    return list(partners[:limit])
