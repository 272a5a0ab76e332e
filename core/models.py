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


# Words that do not tell two organizations apart: "The Vanier Community Association" and
# "Vanier Community Association Inc." are the same partner.
MATCH_STOPWORDS = frozenset(
    {
        "the",
        "inc",
        "incorporated",
        "ltd",
        "association",
        "of",
        "and",
        "for",
        "de",
        "des",
        "du",
        "la",
        "le",
        "les",
        "l",
        "d",
        "et",
        "society",
        "societe",
        "corporation",
        "corp",
    }
)


def match_key(value: str) -> str:
    """A name reduced to the words that identify it, for duplicate warnings: no case,
    accents, punctuation or words such as "the", "inc" and "association of"."""
    words = re.findall(r"[a-z0-9]+", name_key(value))
    kept = [word for word in words if word not in MATCH_STOPWORDS]
    return " ".join(kept or words)
