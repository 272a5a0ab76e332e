"""Import machinery shared by every list a section keeps today in a spreadsheet.

DESIGN.md, "Import and export": a CSV or XLSX file is read into rows, every row is checked
(all problems are reported, each with its spreadsheet line and column), and only a file
without a single problem is saved, in one transaction. Importing the same file twice creates
nothing new, because each importer matches rows to existing records first.

Each kind of list has an ``Importer`` subclass in its app's ``imports.py``, registered with
``@register``; ``load_importers()`` imports those modules. The command (``manage.py import``)
and the browser flow (``ImportView``) both run an importer; neither knows the kinds.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    ImproperlyConfigured,
    ValidationError,
)
from django.core.validators import URLValidator, validate_email
from django.db import DatabaseError, models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from accounts.choices import Role
from accounts.models import Section

from .models import name_key
from .permissions import RoleRequiredMixin

CREATE = "create"
UPDATE = "update"
UNCHANGED = "unchanged"
ACTION_LABELS = {
    CREATE: gettext_lazy("New"),
    UPDATE: gettext_lazy("Update"),
    UNCHANGED: gettext_lazy("Unchanged"),
}
# The browser flow keeps the uploaded file in the session between preview and confirm;
# a bigger sheet is almost certainly not one of the section's lists.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
FILE_TYPES = (".csv", ".xlsx")
# Excel in a French (Canada) locale separates CSV cells with ";", some tools with a tab.
CSV_DELIMITERS = (",", ";", "\t")
# Batches for ``__in`` lookups, well under SQLite's and PostgreSQL's parameter limits.
LOOKUP_BATCH = 500


# --- Errors and results -------------------------------------------------------------------


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, not a spreadsheet, bad encoding).

    Its message is meant for the person who uploaded the file, never a traceback.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True, order=True)
class RowError:
    """One problem in the file, where a person finds it in their spreadsheet.

    ``column`` is the header name (or a column letter for a cell without a header); empty
    for a problem with the row as a whole.
    """

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("line %(line)s, column %(column)s: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class RowOutcome:
    """What the import does (or did) with one valid row."""

    line: int
    action: str  # CREATE, UPDATE or UNCHANGED
    label: str
    # Columns whose values an update changes, for the preview.
    changed: tuple[str, ...] = ()

    @property
    def action_display(self) -> str:
        return str(ACTION_LABELS[self.action])


@dataclass
class Resolution:
    """A question the file raises that only the person importing it can answer, such as
    what to do with a partner name that matches no partner: create it, or use a partner
    that is probably the same organization.

    ``key`` identifies the question within the file (the confirm form sends it back with
    the answer), ``label`` is the question as the person reads it, ``lines`` the lines that
    raise it, ``options`` the possible answers as (value, label) pairs, ``default`` the
    answer preselected, and ``column`` the column an error about the answer names.
    """

    key: str
    label: str
    lines: tuple[int, ...]
    options: list[tuple[str, str]]
    default: str
    column: str = ""

    @property
    def values(self) -> list[str]:
        return [value for value, _label in self.options]

    @property
    def first_line(self) -> int:
        return min(self.lines) if self.lines else 1


@dataclass
class ImportResult:
    """Outcome of one run: the valid rows' outcomes, every error, and whether it saved.

    ``resolutions`` are the questions the file raised (``Importer.unresolved()``), for the
    preview to ask; ``notes`` are lines for the person about what else the import does or
    did (a partner created, ...), set when the file has no problem.
    """

    kind: str
    dry_run: bool
    rows: list[RowOutcome] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    saved: bool = False
    resolutions: list[Resolution] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def _count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def created(self) -> int:
        return self._count(CREATE)

    @property
    def updated(self) -> int:
        return self._count(UPDATE)

    @property
    def unchanged(self) -> int:
        return self._count(UNCHANGED)

    def summary(self) -> str:
        """ "N created, M updated, K unchanged", the message people see after an import."""
        return _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


# --- Reading files ------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One non-empty data row: its spreadsheet line (the header is line 1) and its cells,
    keyed by normalized header name. ``unnamed`` lists the letters of columns that hold a
    value but have no header, so the value is not silently dropped."""

    line: int
    values: dict[str, str]
    unnamed: tuple[str, ...] = ()

    def get(self, column: str) -> str:
        return self.values.get(column, "")

    def __getitem__(self, column: str) -> str:
        return self.get(column)


@dataclass
class Sheet:
    """A file read as a header (normalized column names, "" for a blank header cell) and
    its non-empty rows."""

    header: list[str]
    rows: list[Row]


def normalize_header(value: str) -> str:
    """ "Consent to contact " and "consent-to-contact" both name ``consent_to_contact``:
    people retype headers in Excel."""
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def cell_text(value: Any) -> str:
    """An XLSX cell as the text a person sees: dates in ISO form, 12.0 as "12"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value).strip()


def decode_csv(content: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252, which Excel on Windows
    writes when a sheet is saved as plain "CSV"."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _(
                "The file is not readable text. Save it from your spreadsheet as "
                "“CSV UTF-8” or as an Excel workbook (.xlsx)."
            )
        ) from exc


def read_csv(content: bytes) -> list[list[str]]:
    """Records of a CSV file as lists of stripped cells."""
    text = decode_csv(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [[cell.strip() for cell in record] for record in reader]
    except csv.Error as exc:
        raise ImportFileError(
            _("Line %(line)s cannot be read as CSV (%(reason)s).")
            % {"line": reader.line_num, "reason": exc}
        ) from exc


def read_xlsx(content: bytes) -> list[list[str]]:
    """Records of the first sheet of an Excel workbook, cells as text."""
    from openpyxl import load_workbook

    try:
        # data_only: a formula cell gives the value Excel last computed, never "=SUM(...)".
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file.
        raise ImportFileError(
            _("The file is not an Excel workbook that can be read (.xlsx).")
        ) from exc
    try:
        if not workbook.worksheets:
            return []
        sheet = workbook.worksheets[0]
        # Some tools write a wrong sheet size; read every row actually present.
        sheet.reset_dimensions()
        return [
            [cell_text(value) for value in record] for record in sheet.iter_rows(values_only=True)
        ]
    except Exception as exc:
        raise ImportFileError(
            _("The file is not an Excel workbook that can be read (.xlsx).")
        ) from exc
    finally:
        workbook.close()


def read_sheet(content: bytes, filename: str) -> Sheet:
    """Read a CSV or XLSX file (by its name's extension) into a header and its rows.

    Raises ImportFileError with a message for the uploader when the file cannot be read.
    """
    suffix = Path(filename or "").suffix.lower()
    if suffix == ".xlsx":
        records = read_xlsx(content)
    elif suffix == ".csv":
        if content.startswith(b"PK\x03\x04"):
            raise ImportFileError(
                _("This file is an Excel workbook, not CSV: give it the .xlsx extension.")
            )
        records = read_csv(content)
    else:
        raise ImportFileError(
            _("%(name)s is not a CSV or XLSX file. Save the sheet as CSV or as .xlsx.")
            % {"name": filename or _("The file")}
        )
    if not records or not any(records[0]):
        raise ImportFileError(
            _("The first line of the file must name the columns, and it is empty.")
        )
    header = [normalize_header(cell) for cell in records[0]]
    rows = []
    for line, record in enumerate(records[1:], start=2):
        if not any(record):
            continue
        values: dict[str, str] = {}
        unnamed = []
        for index, cell in enumerate(record):
            name = header[index] if index < len(header) else ""
            if not name:
                if cell:
                    unnamed.append(column_letter(index))
                continue
            values.setdefault(name, cell)
        rows.append(Row(line=line, values=values, unnamed=tuple(unnamed)))
    return Sheet(header=header, rows=rows)


def read_input(file: Any, filename: str | None = None) -> tuple[bytes, str]:
    """Bytes and name of what ``Importer.run`` was given: a path, bytes, or a file object
    (an upload, a ``ContentFile``, an open binary file)."""
    if isinstance(file, (str, os.PathLike)):
        path = Path(file)
        try:
            return path.read_bytes(), filename or path.name
        except OSError as exc:
            raise ImportFileError(
                _("Cannot open %(name)s: %(reason)s") % {"name": path, "reason": exc.strerror}
            ) from exc
    if isinstance(file, bytes):
        return file, filename or ""
    if hasattr(file, "seek"):
        file.seek(0)
    content = file.read()
    if isinstance(content, str):
        content = content.encode("utf-8")
    return content, filename or os.path.basename(getattr(file, "name", "") or "")


# --- Parsing cells ------------------------------------------------------------------------
# Each parser takes a non-empty cell and returns the value, or raises ValidationError with
# a message for the uploader. Importers of every app reuse them through RowParser.


def split_list(value: str, separator: str = ";") -> list[str]:
    """ "Black; Youth;" → ["Black", "Youth"]."""
    return [item.strip() for item in value.split(separator) if item.strip()]


def _choice_key(value: str) -> str:
    return name_key(value.replace("_", " ").replace("-", " "))


def parse_choice(value: str, choices: type[models.Choices]) -> str:
    """A choice by its code or its label in English or in the page's language, ignoring
    case and accents: "faith_based", "Faith-based organization" and "faith based" all
    give ``faith_based``."""
    wanted = _choice_key(value)
    for code, label in choices.choices:
        with translation.override("en"):
            english = str(label)
        if wanted in {_choice_key(str(code)), _choice_key(english), _choice_key(str(label))}:
            return code
    raise ValidationError(
        _("“%(value)s” is not one of: %(choices)s.")
        % {"value": value, "choices": ", ".join(str(code) for code in choices.values)}
    )


TRUE_WORDS = frozenset({"yes", "y", "true", "1", "oui", "o", "vrai"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "non", "faux"})


def parse_bool(value: str) -> bool:
    """yes/no, true/false, oui/non, 1/0, any case."""
    word = value.strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError(_("“%(value)s” is not yes or no.") % {"value": value})


def parse_date(value: str) -> date:
    """A calendar date written YYYY-MM-DD (an XLSX date cell arrives in that form)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError(
        _("“%(value)s” is not a date written YYYY-MM-DD, such as 2018-06-01.") % {"value": value}
    )


def parse_int(value: str, *, minimum: int | None = 0) -> int:
    """A whole number, by default zero or more (head counts)."""
    try:
        number = int(value.replace(" ", ""))
    except ValueError:
        raise ValidationError(_("“%(value)s” is not a whole number.") % {"value": value}) from None
    if minimum is not None and number < minimum:
        raise ValidationError(
            _("%(value)s is less than %(minimum)s.") % {"value": number, "minimum": minimum}
        )
    return number


def parse_decimal(value: str, *, minimum: Decimal | None = Decimal(0)) -> Decimal:
    """A number such as 12.5 or $1,200.00 (hours, money), by default zero or more."""
    cleaned = value.replace("$", "").replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(",", "")  # 1,200.00
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(
            _("“%(value)s” is not a number such as 12.5.") % {"value": value}
        ) from None
    if not number.is_finite():
        raise ValidationError(_("“%(value)s” is not a number such as 12.5.") % {"value": value})
    if minimum is not None and number < minimum:
        raise ValidationError(
            _("%(value)s is less than %(minimum)s.") % {"value": value, "minimum": minimum}
        )
    return number


def parse_hundredths(value: str, too_precise: str) -> Decimal:
    """A number of zero or more with at most 2 decimals (hours, money), quantized so that
    "2.500" is 2.50 and equals the 2.50 an earlier import saved; ``too_precise`` is the
    message for more decimals, with ``%(value)s``."""
    number = parse_decimal(value)
    try:
        rounded = number.quantize(Decimal("0.01"))
    except InvalidOperation:  # more digits than the decimal context holds, such as 1e30
        raise ValidationError(_("%(value)s is too large.") % {"value": value}) from None
    if number != rounded:
        raise ValidationError(too_precise % {"value": value})
    return rounded


def parse_email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError(
            _("“%(value)s” is not an email address.") % {"value": value}
        ) from None
    return value


def parse_url(value: str) -> str:
    """A web address; "www.example.org" is read as "https://www.example.org"."""
    url = value if "://" in value else f"https://{value}"
    try:
        URLValidator()(url)
    except ValidationError:
        raise ValidationError(_("“%(value)s” is not a web address.") % {"value": value}) from None
    return url


def lookup_names(value: str, known: dict[str, Any], unknown_message: str) -> list[Any]:
    """Objects named in a ";"-separated cell, matched by ``name_key`` (case, accents and
    spacing ignored) in ``known``. Every unknown name is reported at once, through
    ``unknown_message`` and its ``%(names)s`` placeholder."""
    found, unknown = [], []
    for name in split_list(value):
        obj = known.get(name_key(name))
        if obj is None:
            unknown.append(name)
        elif obj not in found:
            found.append(obj)
    if unknown:
        raise ValidationError(unknown_message % {"names": ", ".join(unknown)})
    return found


def lookup_one(value: str, known: dict[str, Any], unknown_message: str) -> Any:
    """One object by name (``name_key``); ``unknown_message`` takes ``%(name)s``."""
    obj = known.get(name_key(value))
    if obj is None:
        raise ValidationError(unknown_message % {"name": value})
    return obj


def index_by_key(objects: Iterable[Any], key: Callable[[Any], str]) -> dict[str, Any]:
    """Objects keyed by ``key(obj)``; where two share a key the first one wins, so callers
    pass them oldest first and a match is always the same record."""
    index: dict[str, Any] = {}
    for obj in objects:
        index.setdefault(key(obj), obj)
    return index


def section_index() -> dict[str, Section]:
    """Sections by folded code ("cds" finds CDS), for a column naming sections; oldest
    first, so that if two share a folded code the same one always matches."""
    return index_by_key(Section.objects.order_by("pk"), lambda section: name_key(section.code))


UNKNOWN_SECTION = gettext_lazy("Unknown section code “%(name)s”.")


def batched(values: Iterable[Any], size: int = LOOKUP_BATCH) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class RowParser:
    """Collects a row's values and every problem in it, so ``parse_row`` reads as a list of
    columns::

        p = RowParser(row)
        cleaned = {"name": p.text("name", required=True), "kind": p.parse("kind", ...)}
        return p.result(cleaned)

    A blank cell gives None: "leave as it is" for an update, "the default" for a new row.
    """

    def __init__(self, row: Row) -> None:
        self.row = row
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.row.line, column, str(message)))

    def text(self, column: str, *, required: bool = False) -> str | None:
        value = self.row.get(column)
        if not value:
            if required:
                self.error(column, _("This column must have a value."))
            return None
        return value

    def parse(
        self,
        column: str,
        parser: Callable[..., Any],
        *args: Any,
        required: bool = False,
        **kwargs: Any,
    ) -> Any:
        value = self.text(column, required=required)
        if value is None:
            return None
        try:
            return parser(value, *args, **kwargs)
        except ValidationError as exc:
            for message in exc.messages:
                self.error(column, message)
            return None

    def result(self, cleaned: dict[str, Any]) -> tuple[dict[str, Any] | None, list[RowError]]:
        return (None if self.errors else cleaned), self.errors


# --- Importers ----------------------------------------------------------------------------


@dataclass
class PlannedRow:
    """A valid row matched to its record: what saving it will do."""

    line: int
    cleaned: dict[str, Any]
    instance: models.Model
    action: str
    m2m: dict[str, list[Any]] = field(default_factory=dict)
    changed: tuple[str, ...] = ()


def _is_blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, (list, tuple, set)) and not value)


class Importer:
    """One kind of list (partners, contacts, ...) read from a file.

    Subclasses name the model and columns and implement ``parse_row``; the usual update
    rule is built in: a row matched to an existing record (``find_existing``) changes only
    the fields whose cells are not blank, so a sparse sheet never erases what is known.
    ``cleaned`` dicts are keyed by model field name; a list value sets a many-to-many field
    (replacing its links); keys that are not fields are left to ``after_save``.
    """

    kind: ClassVar[str] = ""
    model: ClassVar[type[models.Model]]
    title: ClassVar[str] = ""
    required_columns: ClassVar[tuple[str, ...]] = ()
    optional_columns: ClassVar[tuple[str, ...]] = ()
    # What each column holds, for the upload page.
    column_help: ClassVar[dict[str, str]] = {}
    # Model field → column, where they differ, so a full_clean() error names the column.
    field_columns: ClassVar[dict[str, str]] = {}

    def __init__(self) -> None:
        self.user: Any = None
        self.filename = ""
        # Key of each Resolution → the answer the run applies (set before rows are planned).
        self.choices: dict[str, str] = {}

    # Hooks for subclasses ---------------------------------------------------------------

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        return cls.required_columns + cls.optional_columns

    def prepare(self) -> None:
        """Load the reference lists rows are checked against (once per run, not per row)."""

    def parse_row(self, row: Row) -> tuple[dict[str, Any] | None, list[RowError]]:
        """Check one row: its cleaned values (None if it has errors) and its errors."""
        raise NotImplementedError

    def identity(self, cleaned: dict[str, Any]) -> tuple[Hashable, str] | None:
        """What makes two rows the same record, and the column to blame when a file has
        it twice; None when rows cannot repeat each other."""
        return None

    def duplicate_message(self, first_line: int) -> str:
        return _("This row is the same as line %(line)s.") % {"line": first_line}

    def load_existing(self, cleaned_rows: list[dict[str, Any]]) -> None:
        """Fetch, in a few queries, the records the valid rows may match."""

    def find_existing(self, cleaned: dict[str, Any]) -> models.Model | None:
        """The record this row updates, or None to create one."""
        return None

    def kept_on_update(self, cleaned: dict[str, Any]) -> set[str]:
        """Fields an update leaves alone: the ones the row was matched on, so "VANIER
        centre" in a sheet does not rename "Vanier Centre"."""
        return set()

    def row_label(self, cleaned: dict[str, Any]) -> str:
        return str(cleaned.get(self.required_columns[0], "")) if self.required_columns else ""

    def after_save(self, instance: models.Model, cleaned: dict[str, Any], created: bool) -> None:
        """Save what is not a field of the model (follow-ups, checklists...)."""

    def unresolved(self) -> list[Resolution]:
        """The questions the file's rows raise, computed once every row is parsed and
        ``load_existing`` has run; the preview asks them and the answers come back to
        ``run(resolutions=...)``, landing in ``self.choices`` before ``plan_row``."""
        return []

    def unasked_choice(self, resolution: Resolution) -> str:
        """The answer when nobody was asked (the command, the preview's dry run)."""
        return resolution.default

    def notes(self, result: ImportResult) -> list[str]:
        """Lines for the person about what the import does besides its rows (dry run) or
        did (saved), such as partners it creates. Only asked when the file has no problem."""
        return []

    @classmethod
    def from_command_options(cls, options: Mapping[str, Any]) -> Importer:
        """The importer ``manage.py import`` runs, configured from the command's options."""
        return cls()

    def imports_every_section(self) -> bool:
        """Administrators (IT migrating the old lists), superusers and the command without
        ``--user`` import any section's rows; section staff and supervisors only their own
        section's (``outside_own_section``)."""
        user = self.user
        return user is None or user.is_superuser or user.role == Role.ADMINISTRATOR

    def outside_own_section(self, section_id: int | None) -> bool:
        """Whether a row of the section ``section_id`` is one the importing person may not
        import: another section's, for section staff and supervisors."""
        return not self.imports_every_section() and section_id != self.user.section_id

    def change_reason(self) -> str:
        """The audit history's reason for every change the import makes."""
        return (_("Imported from %(file)s") % {"file": self.filename or self.kind})[:100]

    # The run -----------------------------------------------------------------------------

    def run(
        self,
        file: Any,
        *,
        dry_run: bool,
        user: Any = None,
        filename: str | None = None,
        resolutions: Mapping[str, str] | None = None,
    ) -> ImportResult:
        """Check every row of ``file`` and, unless ``dry_run`` or a single row has a problem,
        save them all in one transaction.

        ``file`` is a path, bytes (give ``filename``) or a binary file object with a name.
        ``resolutions`` answers the questions the file raises (``unresolved()``), by
        ``Resolution.key``: each asked question then needs one of its options, and a missing
        or unknown answer is an error on the first line that raised it. None when nobody
        was asked: every question takes ``unasked_choice()``.
        Raises ImportFileError when the file cannot be read at all.
        """
        content, self.filename = read_input(file, filename)
        self.user = user
        sheet = read_sheet(content, self.filename)
        result = ImportResult(kind=self.kind, dry_run=dry_run)

        errors = self.check_header(sheet.header)
        if any(column not in sheet.header for column in self.required_columns):
            # Without a required column every row would repeat the same error: the header
            # problem is the one to fix (often the wrong file or the wrong kind).
            result.errors = sorted(errors)
            return result
        if not sheet.rows:
            errors.append(RowError(1, "", _("The file has no rows under its header.")))

        self.prepare()
        parsed: list[tuple[int, dict[str, Any]]] = []
        seen: dict[Hashable, int] = {}
        for row in sheet.rows:
            for letter in row.unnamed:
                errors.append(
                    RowError(
                        row.line, letter, _("This cell has a value but no column name above it.")
                    )
                )
            cleaned, row_errors = self.parse_row(row)
            errors.extend(row_errors)
            if cleaned is None:
                continue
            identity = self.identity(cleaned)
            if identity is not None:
                key, column = identity
                if key in seen:
                    errors.append(RowError(row.line, column, self.duplicate_message(seen[key])))
                    continue
                seen[key] = row.line
            parsed.append((row.line, cleaned))

        self.load_existing([cleaned for _line, cleaned in parsed])
        result.resolutions = self.unresolved()
        self.choices, choice_errors = self.choose(result.resolutions, resolutions)
        errors.extend(choice_errors)
        planned = []
        for line, cleaned in parsed:
            plan, row_errors = self.plan_row(line, cleaned)
            errors.extend(row_errors)
            if plan is not None:
                planned.append(plan)
                result.rows.append(
                    RowOutcome(line, plan.action, self.row_label(cleaned), plan.changed)
                )

        result.errors = sorted(errors)
        if not result.errors and not dry_run:
            self.save_all(planned, result)
        if result.ok:
            result.notes = self.notes(result)
        return result

    def choose(
        self, asked: list[Resolution], answers: Mapping[str, str] | None
    ) -> tuple[dict[str, str], list[RowError]]:
        """The answer to each question, and an error for each asked one left unanswered or
        answered with a value that was not offered (a stale or altered form)."""
        choices: dict[str, str] = {}
        errors: list[RowError] = []
        for resolution in asked:
            if answers is None:
                choices[resolution.key] = self.unasked_choice(resolution)
                continue
            value = answers.get(resolution.key) or ""
            if value in resolution.values:
                choices[resolution.key] = value
            elif not value:
                errors.append(
                    RowError(
                        resolution.first_line,
                        resolution.column,
                        _("%(question)s Choose one of the options offered.")
                        % {"question": resolution.label},
                    )
                )
            else:
                errors.append(
                    RowError(
                        resolution.first_line,
                        resolution.column,
                        _("%(question)s “%(value)s” is not one of the options offered.")
                        % {"question": resolution.label, "value": value[:60]},
                    )
                )
        return choices, errors

    def check_header(self, header: list[str]) -> list[RowError]:
        """Missing required columns, unknown columns and columns named twice, on line 1."""
        errors = []
        allowed = self.columns()
        for column in self.required_columns:
            if column not in header:
                errors.append(RowError(1, column, _("This required column is missing.")))
        named = [column for column in header if column]
        for column in dict.fromkeys(named):
            if column not in allowed:
                errors.append(
                    RowError(
                        1,
                        column,
                        _("Unknown column. The columns are: %(columns)s.")
                        % {"columns": ", ".join(allowed)},
                    )
                )
            elif named.count(column) > 1:
                errors.append(RowError(1, column, _("This column is named twice.")))
        return errors

    def plan_row(
        self, line: int, cleaned: dict[str, Any]
    ) -> tuple[PlannedRow | None, list[RowError]]:
        """Match the row, apply its non-blank values to the record in memory and validate
        the result with ``full_clean()`` (lengths, choices, formats), saving nothing."""
        instance = self.find_existing(cleaned)
        created = instance is None
        if created:
            instance = self.model()
        kept = set() if created else self.kept_on_update(cleaned)
        opts = self.model._meta
        changed: list[str] = []
        m2m: dict[str, list[Any]] = {}
        for name, value in cleaned.items():
            if name in kept or _is_blank(value):
                continue
            try:
                model_field = opts.get_field(name)
            except FieldDoesNotExist:
                continue
            if model_field.many_to_many:
                current = set() if created else {obj.pk for obj in getattr(instance, name).all()}
                if {obj.pk for obj in value} != current:
                    m2m[name] = list(value)
                    changed.append(name)
                continue
            current = getattr(instance, model_field.attname)
            wanted = value.pk if model_field.is_relation and value is not None else value
            if created or current != wanted:
                setattr(instance, model_field.name, value)
                changed.append(name)

        if created:
            action = CREATE
        elif changed:
            action = UPDATE
        else:
            return PlannedRow(line, cleaned, instance, UNCHANGED), []

        # Fields the model fills itself (name_key, version) are not the file's business.
        exclude = [f.name for f in opts.concrete_fields if not f.editable]
        try:
            instance.full_clean(exclude=exclude)
        except ValidationError as exc:
            return None, self.validation_errors(line, exc)
        columns = tuple(self.field_columns.get(name, name) for name in changed)
        return PlannedRow(line, cleaned, instance, action, m2m, columns if not created else ()), []

    def validation_errors(self, line: int, exc: ValidationError) -> list[RowError]:
        if not hasattr(exc, "error_dict"):
            return [RowError(line, "", message) for message in exc.messages]
        errors = []
        for name, field_errors in exc.message_dict.items():
            column = "" if name == NON_FIELD_ERRORS else self.field_columns.get(name, name)
            errors.extend(RowError(line, column, message) for message in field_errors)
        return errors

    def save_all(self, planned: list[PlannedRow], result: ImportResult) -> None:
        """Save every changed row in one transaction: if the database refuses one, none is
        saved and the refusal is reported on its line."""
        reason = self.change_reason()
        line = 0
        try:
            with transaction.atomic():
                for plan in planned:
                    if plan.action == UNCHANGED:
                        continue
                    line = plan.line
                    self.save_row(plan, reason)
        except ValidationError as exc:
            result.errors = sorted([*result.errors, *self.validation_errors(line, exc)])
            return
        except DatabaseError as exc:
            reason_text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            result.errors = sorted(
                [
                    *result.errors,
                    RowError(
                        line,
                        "",
                        _("The database refused this row (%(reason)s); nothing was imported.")
                        % {"reason": reason_text},
                    ),
                ]
            )
            return
        result.saved = True

    def save_row(self, plan: PlannedRow, reason: str) -> None:
        """Save through ``Model.save()`` so the audit history records who imported what."""
        instance = plan.instance
        if self.user is not None:
            instance._history_user = self.user
        instance._change_reason = reason
        created = plan.action == CREATE
        if not created and isinstance(getattr(instance, "version", None), int):
            # An edit form opened before the import must not overwrite it silently.
            instance.version += 1
        instance.save()
        for name, values in plan.m2m.items():
            getattr(instance, name).set(values)
        self.after_save(instance, plan.cleaned, created)


# --- Registry -----------------------------------------------------------------------------

IMPORTERS: dict[str, type[Importer]] = {}


def register(importer: type[Importer]) -> type[Importer]:
    """Class decorator: make an importer available to the command and the browser flow."""
    if not importer.kind:
        raise ImproperlyConfigured(f"{importer.__name__} has no kind.")
    existing = IMPORTERS.get(importer.kind)
    if existing is not None and existing.__qualname__ != importer.__qualname__:
        raise ImproperlyConfigured(
            f"Two importers for {importer.kind!r}: {existing.__name__} and {importer.__name__}."
        )
    IMPORTERS[importer.kind] = importer
    return importer


def load_importers() -> dict[str, type[Importer]]:
    """Import every installed app's ``imports`` module (partners.imports, and later
    engagement.imports, events.imports, ...) so their ``@register`` runs; the same
    discovery Django's admin uses for ``admin.py``."""
    autodiscover_modules("imports")
    return IMPORTERS


def get_importer(kind: str) -> type[Importer]:
    """The importer of ``kind``; KeyError if there is none."""
    return load_importers()[kind]


# --- Browser flow -------------------------------------------------------------------------


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet (CSV or XLSX)"),
        widget=forms.FileInput(attrs={"accept": ",".join(FILE_TYPES)}),
    )

    def __init__(self, *args: Any, importer_class: type[Importer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        required = ", ".join(importer_class.required_columns)
        optional = ", ".join(importer_class.optional_columns)
        self.fields["file"].help_text = _(
            "The first row names the columns, in any order. Required: %(required)s. "
            "Optional: %(optional)s. At most %(limit)s."
        ) % {
            "required": required,
            "optional": optional or "—",
            "limit": filesizeformat(MAX_UPLOAD_BYTES),
        }

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("This file is %(size)s; the largest file accepted is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_BYTES)}
            )
        if Path(upload.name).suffix.lower() not in FILE_TYPES:
            raise ValidationError(
                _("%(name)s is not a CSV or XLSX file. Save the sheet as CSV or as .xlsx.")
                % {"name": upload.name}
            )
        return upload


class ImportView(RoleRequiredMixin, View):
    """Upload, preview with every error, confirm: DESIGN.md's browser import.

    Route one per kind::

        path("partners/import/", ImportView.as_view(
            kind="partners", allowed_roles=SECTION_ROLES, success_url="partners:partner_list"
        ), name="partner_import")

    ``success_url`` is a URL name or a path. The preview is a dry run; the uploaded file
    waits in the session (base64) with a digest the confirm form sends back, so a confirm
    imports exactly the file that was previewed, run again for real.

    When the importer raises questions (``Importer.unresolved()``), the preview asks each
    one in the confirm form: a hidden ``resolve-<n>-key`` holding ``Resolution.key`` and
    radio buttons ``resolve-<n>`` whose values are the options; the confirm passes the
    answers to ``run(resolutions=...)``, which refuses any value it did not offer.
    """

    kind = ""
    success_url = ""
    template_name = "generic/import_form.html"
    preview_template_name = "generic/import_preview.html"

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        try:
            self.importer_class = get_importer(self.kind)
        except KeyError:
            raise ImproperlyConfigured(f"No importer is registered for {self.kind!r}.") from None

    @property
    def session_key(self) -> str:
        return f"import:{self.kind}"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_form(ImportFileForm(importer_class=self.importer_class))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.POST.get("action") == "confirm":
            return self.confirm()
        form = ImportFileForm(request.POST, request.FILES, importer_class=self.importer_class)
        if not form.is_valid():
            return self.render_form(form)
        upload = form.cleaned_data["file"]
        content = b"".join(upload.chunks())
        name = os.path.basename(upload.name)
        try:
            result = self.importer_class().run(
                content, filename=name, dry_run=True, user=request.user
            )
        except ImportFileError as exc:
            form.add_error("file", str(exc))
            return self.render_form(form)
        digest = hashlib.sha256(content).hexdigest()
        if result.ok:
            request.session[self.session_key] = {
                "name": name,
                "content": base64.b64encode(content).decode("ascii"),
                "digest": digest,
            }
        else:
            request.session.pop(self.session_key, None)
        return self.render_preview(result, name, digest)

    def confirm(self) -> HttpResponse:
        request = self.request
        stored = request.session.get(self.session_key)
        if not stored or stored.get("digest") != request.POST.get("digest"):
            messages.error(
                request,
                _(
                    "The previewed file is no longer waiting to be imported (it was imported, "
                    "replaced by another upload, or your session ended). Upload it again."
                ),
            )
            return redirect(request.path)
        content = base64.b64decode(stored["content"])
        try:
            result = self.importer_class().run(
                content,
                filename=stored["name"],
                dry_run=False,
                user=request.user,
                resolutions=self.posted_resolutions(),
            )
        except ImportFileError as exc:
            request.session.pop(self.session_key, None)
            messages.error(request, str(exc))
            return redirect(request.path)
        request.session.pop(self.session_key, None)
        if not result.saved:
            # The data changed since the preview (or the database refused a row).
            return self.render_preview(result, stored["name"], "")
        messages.success(request, result.summary())
        for note in result.notes:
            messages.info(request, note)
        return redirect(self.get_success_url())

    def posted_resolutions(self) -> dict[str, str]:
        """The confirm form's answers, by ``Resolution.key``: ``resolve-<n>-key`` names the
        question and ``resolve-<n>`` holds the chosen option (absent when none is chosen)."""
        post = self.request.POST
        answers: dict[str, str] = {}
        for name, key in post.items():
            match = re.fullmatch(r"resolve-(\d+)-key", name)
            if match and key:
                answers[key] = post.get(f"resolve-{match[1]}", "")
        return answers

    def get_success_url(self) -> str:
        return resolve_url(self.success_url)

    def base_context(self) -> dict[str, Any]:
        importer = self.importer_class
        return {
            "title": importer.title or _("Import %(kind)s") % {"kind": importer.kind},
            "kind": importer.kind,
            "columns": [
                {
                    "name": column,
                    "required": column in importer.required_columns,
                    "help": importer.column_help.get(column, ""),
                }
                for column in importer.columns()
            ],
            "back_url": self.get_success_url(),
        }

    def render_form(self, form: ImportFileForm) -> HttpResponse:
        return render(self.request, self.template_name, {**self.base_context(), "form": form})

    def render_preview(self, result: ImportResult, filename: str, digest: str) -> HttpResponse:
        context = {**self.base_context(), "result": result, "filename": filename}
        context["digest"] = digest
        return render(self.request, self.preview_template_name, context)


def error_count_message(count: int) -> str:
    """ "3 errors: nothing was imported", for the command."""
    return ngettext(
        "%(count)s error: nothing was imported",
        "%(count)s errors: nothing was imported",
        count,
    ) % {"count": count}
