"""Partners and contacts from the sections' spreadsheets (DESIGN.md, "Import and export").

Partners are matched to existing ones by ``name_key`` (case, accents and spacing ignored),
contacts by partner and email (or partner and name when there is no email), so importing
the same sheet twice creates nothing new. Reference lists (communities, sections) are never
created by an import: an unknown name is an error, so a typo does not become a new
community.

``PartnerNamesMixin`` is for the other lists whose rows name partners (activities,
events): a partner name that matches no partner becomes a question in the preview, create
it or use a partner it probably means.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Section
from core.imports import (
    Importer,
    ImportResult,
    PlannedRow,
    Resolution,
    Row,
    RowError,
    RowParser,
    batched,
    index_by_key,
    lookup_names,
    lookup_one,
    parse_bool,
    parse_choice,
    parse_date,
    parse_email,
    parse_url,
    register,
    section_index,
    split_list,
)
from core.models import match_key, name_key

from .choices import Language, PartnerKind, PartnerStatus
from .duplicates import likely_duplicates
from .models import Community, Contact, Partner

# Answers to "what to do with this unknown partner name" (Resolution options).
CREATE_PARTNER = "create"
USE_PARTNER = "partner:"
PARTNER_NAME_LENGTH = Partner._meta.get_field("name").max_length
UNKNOWN_COMMUNITIES = gettext_lazy(
    "Unknown communities: %(names)s. Use the names of the communities list "
    "(an administrator can add one)."
)


def community_index() -> dict[str, Community]:
    """Communities by folded name, for a column naming communities; oldest first, so that
    if two share a folded name the same one always matches."""
    return index_by_key(Community.objects.order_by("pk"), lambda c: name_key(c.name))


def partner_index() -> dict[str, Partner]:
    """Partners by ``name_key``, for a column naming partners; oldest first, like
    ``community_index``."""
    return index_by_key(
        Partner.objects.only("pk", "name", "name_key").order_by("pk"),
        lambda partner: partner.name_key,
    )


@register
class PartnerImporter(Importer):
    """A partners sheet: one row per organization."""

    kind = "partners"
    model = Partner
    title = gettext_lazy("Import partners")
    required_columns = ("name",)
    optional_columns = (
        "kind",
        "communities",
        "ward",
        "status",
        "email",
        "phone",
        "website",
        "sections",
        "notes",
    )
    column_help = {
        "name": gettext_lazy(
            "The organization's name. A partner already known under the same name (ignoring "
            "case, accents and spacing) is updated, not added again."
        ),
        "kind": gettext_lazy(
            "Community association, Faith-based organization, Indigenous organization, ... "
            "(the kind's name or code)."
        ),
        "communities": gettext_lazy(
            "Communities served, separated by ; and named as in the communities list."
        ),
        "ward": gettext_lazy("Ward or neighbourhood."),
        "status": gettext_lazy("Prospective, Active or Former."),
        "email": gettext_lazy("The organization's email address."),
        "phone": gettext_lazy("The organization's phone number."),
        "website": gettext_lazy("Web address, such as www.example.org."),
        "sections": gettext_lazy("Codes of the sections that work with it, separated by ;."),
        "notes": gettext_lazy("Anything else."),
    }

    def prepare(self) -> None:
        self.communities = community_index()
        self.sections = section_index()
        self.existing: dict[str, Partner] = {}
        # Names of existing partners by match_key: a new row whose name only differs by
        # "the", "inc", punctuation... is flagged in the preview as a likely duplicate.
        self.look_alikes: dict[str, list[str]] = {}

    def parse_row(self, row: Row) -> tuple[dict[str, Any] | None, list[RowError]]:
        p = RowParser(row)
        cleaned = {
            "name": p.text("name", required=True),
            "kind": p.parse("kind", parse_choice, PartnerKind),
            "communities": p.parse(
                "communities", lookup_names, self.communities, UNKNOWN_COMMUNITIES
            ),
            "ward": p.text("ward"),
            "status": p.parse("status", parse_choice, PartnerStatus),
            "email": p.parse("email", parse_email),
            "phone": p.text("phone"),
            "website": p.parse("website", parse_url),
            "sections": p.parse(
                "sections",
                lookup_names,
                self.sections,
                _("Unknown section codes: %(names)s."),
            ),
            "notes": p.text("notes"),
        }
        return p.result(cleaned)

    def identity(self, cleaned: dict[str, Any]) -> tuple[Hashable, str]:
        return name_key(cleaned["name"]), "name"

    def duplicate_message(self, first_line: int) -> str:
        return _("Line %(line)s already has a partner with this name.") % {"line": first_line}

    def load_existing(self, cleaned_rows: list[dict[str, Any]]) -> None:
        keys = {name_key(cleaned["name"]) for cleaned in cleaned_rows}
        for batch in batched(sorted(keys)):
            partners = (
                Partner.objects.filter(name_key__in=batch)
                .prefetch_related("communities", "sections")
                .order_by("pk")
            )
            for partner in partners:
                self.existing.setdefault(partner.name_key, partner)
        match_keys = {match_key(cleaned["name"]) for cleaned in cleaned_rows}
        for batch in batched(sorted(match_keys)):
            for key, name in Partner.objects.filter(match_key__in=batch).values_list(
                "match_key", "name"
            ):
                self.look_alikes.setdefault(key, []).append(name)

    def find_existing(self, cleaned: dict[str, Any]) -> Partner | None:
        return self.existing.get(name_key(cleaned["name"]))

    def kept_on_update(self, cleaned: dict[str, Any]) -> set[str]:
        return {"name"}

    def row_label(self, cleaned: dict[str, Any]) -> str:
        name = cleaned["name"]
        if self.find_existing(cleaned) is None and self.look_alikes.get(match_key(name)):
            return _("%(name)s (looks like an existing partner: %(matches)s)") % {
                "name": name,
                "matches": "; ".join(sorted(self.look_alikes[match_key(name)])),
            }
        return name


@register
class ContactImporter(Importer):
    """A contact list: one row per person, usually at a partner."""

    kind = "contacts"
    model = Contact
    title = gettext_lazy("Import contacts")
    required_columns = ("name",)
    optional_columns = (
        "partner",
        "role",
        "email",
        "phone",
        "preferred_language",
        "consent_to_contact",
        "consent_date",
        "notes",
    )
    column_help = {
        "name": gettext_lazy("The person's name."),
        "partner": gettext_lazy(
            "The partner's name, as in the partners list (case and accents ignored). Import "
            "partners first."
        ),
        "role": gettext_lazy("Role or title."),
        "email": gettext_lazy(
            "Email address. A contact of the same partner with this email is updated, not "
            "added again (without an email, the name is compared)."
        ),
        "phone": gettext_lazy("Phone number."),
        "preferred_language": gettext_lazy("English, French or Other (or en, fr, other)."),
        "consent_to_contact": gettext_lazy("Yes or no (also oui/non, true/false, 1/0)."),
        "consent_date": gettext_lazy("The date consent was given, as YYYY-MM-DD."),
        "notes": gettext_lazy("Anything else."),
    }

    def prepare(self) -> None:
        self.partners = partner_index()
        self.by_email: dict[tuple[int | None, str], Contact] = {}
        self.by_name: dict[tuple[int | None, str], Contact] = {}

    def parse_row(self, row: Row) -> tuple[dict[str, Any] | None, list[RowError]]:
        p = RowParser(row)
        cleaned = {
            "name": p.text("name", required=True),
            "partner": p.parse(
                "partner",
                lookup_one,
                self.partners,
                _("No partner is named “%(name)s”. Import or add the partner first."),
            ),
            "role": p.text("role"),
            "email": p.parse("email", parse_email),
            "phone": p.text("phone"),
            "preferred_language": p.parse("preferred_language", parse_choice, Language),
            "consent_to_contact": p.parse("consent_to_contact", parse_bool),
            "consent_date": p.parse("consent_date", parse_date),
            "notes": p.text("notes"),
        }
        return p.result(cleaned)

    @staticmethod
    def _partner_pk(cleaned: dict[str, Any]) -> int | None:
        return cleaned["partner"].pk if cleaned["partner"] is not None else None

    def identity(self, cleaned: dict[str, Any]) -> tuple[Hashable, str]:
        partner = self._partner_pk(cleaned)
        if cleaned["email"]:
            return (partner, "email", cleaned["email"].casefold()), "email"
        return (partner, "name", name_key(cleaned["name"])), "name"

    def duplicate_message(self, first_line: int) -> str:
        return _("Line %(line)s already has this contact.") % {"line": first_line}

    def load_existing(self, cleaned_rows: list[dict[str, Any]]) -> None:
        partner_pks = {self._partner_pk(cleaned) for cleaned in cleaned_rows}
        batches = [
            Contact.objects.filter(partner_id__in=batch)
            for batch in batched(sorted(pk for pk in partner_pks if pk is not None))
        ]
        if None in partner_pks:
            batches.append(Contact.objects.filter(partner__isnull=True))
        for contacts in batches:
            for contact in contacts.order_by("pk"):
                if contact.email:
                    self.by_email.setdefault(
                        (contact.partner_id, contact.email.casefold()), contact
                    )
                self.by_name.setdefault((contact.partner_id, name_key(contact.name)), contact)

    def find_existing(self, cleaned: dict[str, Any]) -> Contact | None:
        partner = self._partner_pk(cleaned)
        if cleaned["email"]:
            return self.by_email.get((partner, cleaned["email"].casefold()))
        return self.by_name.get((partner, name_key(cleaned["name"])))

    def kept_on_update(self, cleaned: dict[str, Any]) -> set[str]:
        return {"email"} if cleaned["email"] else {"name"}

    def row_label(self, cleaned: dict[str, Any]) -> str:
        if cleaned["partner"] is not None:
            return f"{cleaned['name']} ({cleaned['partner'].name})"
        return cleaned["name"]


# Partner names in other lists -------------------------------------------------------------


@dataclass(frozen=True)
class UnknownPartner:
    """A partner name of a row that matches no partner, until the run's choice for it
    (``Importer.choices``) turns it into a partner."""

    key: str


@dataclass
class NewPartnerName:
    """A partner name that matches no partner: its first spelling in the file, the lines
    that use it, and, when the choice is to create it, the partner to create and the
    sections of the rows that use it (the new partner works with those)."""

    name: str
    lines: list[int] = field(default_factory=list)
    partner: Partner | None = None
    sections: dict[int, Section] = field(default_factory=dict)


class PartnerNamesMixin:
    """For an ``Importer`` whose rows name partners in a ";"-separated column (activities,
    events): put it before ``Importer`` in the bases and parse the column with
    ``find_partners``::

        class EventImporter(PartnerNamesMixin, Importer):
            def parse_row(self, row):
                ...
                "partners": p.parse("partners", self.find_partners, row.line),

    Names are matched by ``name_key``. A name that matches no partner becomes a question
    of the preview (``unresolved``): create the partner, or use a partner it probably means
    (``partners.duplicates.likely_duplicates``); nobody asked (the command) creates it,
    and ``create_partners=False`` (``--no-create-partners``) makes it an error instead.
    A partner created works with the sections of the rows that name it (``section`` of
    the cleaned row), and is saved through ``save()`` with the import's audit reason.
    """

    # The column, which is also the key of the cleaned row and the many-to-many field.
    partners_column: ClassVar[str] = "partners"

    def __init__(self, *args: Any, create_partners: bool = True, **kwargs: Any) -> None:
        """``create_partners=False``: a partner name that matches no partner is an error
        rather than a question (``manage.py import KIND --no-create-partners``)."""
        super().__init__(*args, **kwargs)
        self.create_partners = create_partners

    @classmethod
    def from_command_options(cls, options: Mapping[str, Any]) -> Any:
        return cls(create_partners=not options.get("no_create_partners", False))

    def prepare(self) -> None:
        super().prepare()  # type: ignore[misc]
        self.partners = partner_index()
        self.new_partner_names: dict[str, NewPartnerName] = {}
        # Partners offered as "use existing partner", by pk, for the rows that choose one.
        self.offered: dict[int, Partner] = {}

    def find_partners(self, value: str, line: int) -> list[Partner | UnknownPartner]:
        """The partners a ";"-separated cell names (``name_key``). A name matching none is
        an UnknownPartner for the run's choice, or an error without ``create_partners``."""
        found: list[Partner | UnknownPartner] = []
        unknown: list[str] = []
        for name in split_list(value):
            key = name_key(name)
            partner = self.partners.get(key)
            if partner is None:
                if len(name) > PARTNER_NAME_LENGTH:
                    raise ValidationError(
                        _("A partner's name has at most %(limit)s characters: “%(name)s…”.")
                        % {"limit": PARTNER_NAME_LENGTH, "name": name[:40]}
                    )
                unknown.append(name)
                partner = UnknownPartner(key)
            if partner not in found:
                found.append(partner)
        if unknown and not self.create_partners:
            raise ValidationError(
                _("No partner is named: %(names)s. Import or add the partners first.")
                % {"names": ", ".join(unknown)}
            )
        for name in unknown:
            entry = self.new_partner_names.setdefault(name_key(name), NewPartnerName(name))
            if line not in entry.lines:
                entry.lines.append(line)
        return found

    def unresolved(self) -> list[Resolution]:
        """One question per unknown partner name: create it, or use a likely duplicate.
        The preselected answer is the one partner whose ``match_key`` equals the name's,
        when there is exactly one; otherwise creating it."""
        resolutions = []
        for key, entry in self.new_partner_names.items():
            options = [
                (
                    CREATE_PARTNER,
                    _("Create a new partner named “%(name)s”") % {"name": entry.name},
                )
            ]
            exact = []
            for partner in likely_duplicates(entry.name):
                self.offered[partner.pk] = partner
                label = _("Use existing partner “%(name)s”") % {"name": partner.name}
                if partner.is_archived:
                    label = _("%(option)s (archived)") % {"option": label}
                options.append((f"{USE_PARTNER}{partner.pk}", label))
                if partner.exact_match:
                    exact.append(partner)
            default = f"{USE_PARTNER}{exact[0].pk}" if len(exact) == 1 else CREATE_PARTNER
            resolutions.append(
                Resolution(
                    key=key,
                    label=_("No partner is named “%(name)s”.") % {"name": entry.name},
                    lines=tuple(entry.lines),
                    options=options,
                    default=default,
                    column=self.partners_column,
                )
            )
        return resolutions

    def unasked_choice(self, resolution: Resolution) -> str:
        # The command creates the partners (DESIGN.md: the old lists name them first).
        return CREATE_PARTNER

    def chosen_partner(self, key: str, section: Section | None) -> Partner:
        """The partner an unknown name stands for, by the run's choice: an offered existing
        partner, or the one new partner every row using the name shares (unsaved until
        the first of those rows is saved)."""
        choice = self.choices.get(key, CREATE_PARTNER)  # type: ignore[attr-defined]
        if choice.startswith(USE_PARTNER):
            return self.offered[int(choice.removeprefix(USE_PARTNER))]
        entry = self.new_partner_names[key]
        if entry.partner is None:
            entry.partner = Partner(
                name=entry.name, kind=PartnerKind.OTHER, status=PartnerStatus.ACTIVE
            )
        if section is not None:
            entry.sections.setdefault(section.pk, section)
        return entry.partner

    def plan_row(
        self, line: int, cleaned: dict[str, Any]
    ) -> tuple[PlannedRow | None, list[RowError]]:
        """Unknown names become the partners the run's choices give, then the usual plan."""
        column = self.partners_column
        if cleaned.get(column):
            partners: list[Partner] = []
            for partner in cleaned[column]:
                if isinstance(partner, UnknownPartner):
                    partner = self.chosen_partner(partner.key, cleaned.get("section"))
                if partner not in partners:
                    partners.append(partner)
            cleaned = {**cleaned, column: partners}
        return super().plan_row(line, cleaned)  # type: ignore[misc]

    def save_row(self, plan: PlannedRow, reason: str) -> None:
        for partner in plan.m2m.get(self.partners_column, []):
            if partner.pk is None:
                self.save_new_partner(partner, reason)
        super().save_row(plan, reason)  # type: ignore[misc]

    def save_new_partner(self, partner: Partner, reason: str) -> None:
        """Create a partner an unknown name stands for, through ``save()`` so the audit
        history has it, working with the sections of the rows that name it."""
        # Its name was checked when the row was read; kind and status are valid constants.
        entry = self.new_partner_names[name_key(partner.name)]
        user = self.user  # type: ignore[attr-defined]
        if user is not None:
            partner._history_user = user
        partner._change_reason = reason
        partner.save()
        partner.sections.set(list(entry.sections.values()))

    def notes(self, result: ImportResult) -> list[str]:
        notes = []
        for entry in self.new_partner_names.values():
            if entry.partner is None:
                continue
            values = {"name": entry.name, "lines": ", ".join(str(n) for n in entry.lines)}
            if result.saved:
                notes.append(_("Created partner “%(name)s” (lines %(lines)s).") % values)
            elif result.dry_run:
                notes.append(_("Would create partner “%(name)s” (lines %(lines)s).") % values)
        return notes
