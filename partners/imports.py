"""Partners and contacts from the sections' spreadsheets (DESIGN.md, "Import and export").

Partners are matched to existing ones by ``name_key`` (case, accents and spacing ignored),
contacts by partner and email (or partner and name when there is no email), so importing
the same sheet twice creates nothing new. Reference lists (communities, sections) are never
created by an import: an unknown name is an error, so a typo does not become a new
community.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Section
from core.imports import (
    Importer,
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
)
from core.models import match_key, name_key

from .choices import Language, PartnerKind, PartnerStatus
from .models import Community, Contact, Partner


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
        # Oldest first, so that if two share a folded name the same one always matches.
        self.communities = index_by_key(
            Community.objects.order_by("pk"), lambda c: name_key(c.name)
        )
        self.sections = index_by_key(Section.objects.order_by("pk"), lambda s: name_key(s.code))
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
                "communities",
                lookup_names,
                self.communities,
                _(
                    "Unknown communities: %(names)s. Use the names of the communities list "
                    "(an administrator can add one)."
                ),
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
        self.partners = index_by_key(
            Partner.objects.only("pk", "name", "name_key").order_by("pk"),
            lambda partner: partner.name_key,
        )
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
