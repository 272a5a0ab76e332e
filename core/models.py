"""Shared model plumbing; core holds no domain models."""

import re
import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrackedModel(models.Model):
    """Creation and change times, and a version number that edit forms check so that two
    people saving the same record never silently overwrite each other."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


def name_key(value: str) -> str:
    """A name folded for matching: no case, no accents, single spaces.

    "  Centre  Communautaire  Vanier " and "centre communautaire vanier" have the same key,
    and so do "Équipe" and "equipe".
    """
    decomposed = unicodedata.normalize("NFKD", value or "")
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", without_accents).strip().casefold()
