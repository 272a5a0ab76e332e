"""French (Canada) ships complete: every string of the code is in the catalog, every entry
is translated, none fuzzy, and the catalog is compiled."""

import ast
import gettext
import hashlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
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


# What `makemessages` leaves out of the catalog. Regenerate the catalog with the same list:
#   python manage.py makemessages --locale fr_CA --ignore ".venv/*" --ignore "var/*" \
#       --ignore "core/demo/*" --ignore "*/tests/*" --ignore "conftest.py" --ignore "bench/*"
MAKEMESSAGES_IGNORE = [".venv/*", "var/*", "core/demo/*", "*/tests/*", "conftest.py", "bench/*"]
# The files makemessages reads (its default extensions), and the folders never worth copying.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
SKIPPED_FOLDERS = {"var", "locale", "node_modules", "__pycache__"}


def catalog_keys(path: Path) -> set[tuple[str | None, str, str | None]]:
    """(msgctxt, msgid, msgid_plural) of every live entry of a .po file: not the header,
    not the obsolete ``#~`` entries."""
    keys, entry, field = set(), {}, None

    def flush():
        if entry.get("msgid"):
            keys.add((entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural")))

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):  # a continuation of the field above
            entry[field] += ast.literal_eval(line)
            continue
        field, _, text = line.partition(" ")
        if field == "msgctxt" or (field == "msgid" and set(entry) - {"msgctxt"}):
            flush()
            entry = {}
        entry[field] = ast.literal_eval(text)
    flush()
    return keys


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def copy_sources(source: Path, destination: Path) -> None:
    """The project's .py, .html and .txt files, without its locale folder, so makemessages
    can run there and write nothing into the project."""
    for dirpath, dirnames, filenames in os.walk(source):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in SKIPPED_FOLDERS]
        here = Path(dirpath)
        for filename in filenames:
            if Path(filename).suffix in SOURCE_SUFFIXES:
                target = destination / here.relative_to(source) / filename
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(here / filename, target)


def listing(keys: set) -> str:
    return "\n".join(
        (f"[{context}] " if context else "") + repr(msgid) + (f" / {plural!r}" if plural else "")
        for context, msgid, plural in sorted(keys, key=lambda key: (key[1], key[0] or ""))
    )


@pytest.fixture(scope="module")
def code_msgids(tmp_path_factory) -> set:
    """The msgids makemessages finds in the code today, extracted in a copy of the project
    into a fresh locale folder (the committed catalog is left alone)."""
    if shutil.which("xgettext") is None or shutil.which("msguniq") is None:
        message = "GNU gettext is not installed: apt-get install -y gettext"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    base = Path(settings.BASE_DIR)
    locale = base / "locale"
    before = fingerprint(locale)
    copy = tmp_path_factory.mktemp("project")
    copy_sources(base, copy)
    here = os.getcwd()
    os.chdir(copy)  # makemessages reads the current folder
    try:
        # LOCALE_PATHS decides where makemessages writes: the copy's locale folder.
        with override_settings(LOCALE_PATHS=[str(copy / "locale")]):
            call_command(
                "makemessages",
                locale=["fr_CA"],
                ignore_patterns=MAKEMESSAGES_IGNORE,
                verbosity=0,
                stdout=io.StringIO(),
            )
    finally:
        os.chdir(here)
    assert fingerprint(locale) == before, "extracting the messages changed the real catalog"
    return catalog_keys(copy / "locale" / "fr_CA" / "LC_MESSAGES" / "django.po")


def test_every_string_of_the_code_is_in_the_catalog(code_msgids):
    missing = code_msgids - catalog_keys(CATALOG / "django.po")

    assert not missing, (
        "Strings of the code missing from locale/fr_CA/LC_MESSAGES/django.po: regenerate it "
        "(the command above MAKEMESSAGES_IGNORE), translate them, compile.\n" + listing(missing)
    )


def test_the_catalog_has_no_string_the_code_no_longer_has(code_msgids):
    stale = catalog_keys(CATALOG / "django.po") - code_msgids

    assert not stale, (
        "Entries of locale/fr_CA/LC_MESSAGES/django.po that the code no longer has: "
        'regenerating the catalog makes them obsolete ("#~"); delete them.\n' + listing(stale)
    )
