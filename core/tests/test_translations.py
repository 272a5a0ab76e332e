"""French (Canada) ships complete: every entry translated, none fuzzy, and compiled."""

import gettext
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

CATALOG = Path(settings.BASE_DIR, "locale", "fr_CA", "LC_MESSAGES")


def po_entries() -> list[str]:
    text = CATALOG.joinpath("django.po").read_text(encoding="utf-8")
    return [block for block in text.split("\n\n")[1:] if "msgid" in block]


def test_every_entry_is_translated_and_none_is_fuzzy():
    untranslated = [
        block
        for block in po_entries()
        if "#, fuzzy" in block or re.search(r'msgstr(\[\d\])? ""\n?$', block.strip() + "\n")
    ]

    assert untranslated == []


def test_the_compiled_catalog_matches_the_source():
    with CATALOG.joinpath("django.mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    msgids = {
        # The .po escapes quotes inside a msgid; the compiled catalog holds them plain.
        match.group(1).replace('\\"', '"')
        for block in po_entries()
        if not block.lstrip().startswith("#~")
        for match in [re.search(r'^msgid "(.+)"$', block, re.MULTILINE)]
        if match and "msgctxt" not in block and "msgid_plural" not in block
    }

    # Some words are the same in both languages ("section"), so look the msgid up rather
    # than compare the translation with it.
    compiled_msgids = set(catalog._catalog)  # noqa: SLF001 (gettext has no public listing)
    assert sorted(msgids - compiled_msgids) == []


def test_pages_speak_french_when_asked():
    with translation.override("fr-ca"):
        assert translation.gettext("Skip to main content") == "Passer au contenu principal"
