"""Toolkit distributions from the sections' spreadsheets (DESIGN.md, "Import and export").

One row per toolkit given to a partner group. The consultation is named as in the
consultations list and the toolkit as in that consultation's toolkits (``name_key``: case,
accents and spacing ignored), optionally with its edition, "Toolkit v2.0" or in an
``edition`` column; without one, the latest edition of that name. Neither is ever created by
an import: an unknown one is an error. A row is matched to the distribution of the same
toolkit to the same partner, the pair the model keeps unique, so importing the same sheet
twice creates nothing new.

The partner is one name per row. A name that matches no partner is a question of the
preview, create it or use a partner it probably means, as for activities and events
(``partners.imports.PartnerNamesMixin``); the command creates it unless told not to
(``--no-create-partners``). A partner created works with the consultation's section.

Who may import what follows the other importers: section staff and supervisors import the
distributions of their own section's consultations only; administrators, and the command
without ``--user``, any section's.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    CREATE,
    UNCHANGED,
    Importer,
    PlannedRow,
    Row,
    RowError,
    RowParser,
    batched,
    parse_choice,
    parse_date,
    parse_int,
    register,
    split_list,
)
from core.models import name_key
from partners.imports import PartnerNamesMixin, UnknownPartner
from partners.models import Partner

from .choices import DistributionStatus
from .models import Consultation, Distribution, Toolkit

# "Toolkit v2.0", "Toolkit V 2", "Toolkit version 1.1": a name and the edition after it.
EDITION_SUFFIX_RE = re.compile(
    r"(?P<name>.*\S)\s+v(?:ersion)?\s*\.?\s*(?P<edition>\d[\w.\-]*)", re.IGNORECASE
)


def edition_key(value: str) -> str:
    """An edition folded for matching: "v1.0", "1.0", "1" and "1.00" are the same edition
    (an XLSX number cell holding 1.0 arrives as "1")."""
    key = name_key(value)
    key = re.sub(r"^v(?:ersion)?\s*\.?\s*(?=\d)", "", key)
    return re.sub(r"(?<=\d)(?:\.0+)+$", "", key)


def edition_order(toolkit: Toolkit) -> tuple[tuple[int, ...], int]:
    """Sort key of a toolkit's edition: "10.0" after "9.1" after "9.0", then oldest first."""
    return tuple(int(part) for part in re.findall(r"\d+", toolkit.edition)), toolkit.pk


@register
class DistributionImporter(PartnerNamesMixin, Importer):
    """A distribution list: one row per toolkit sent to a partner group."""

    kind = "distributions"
    model = Distribution
    title = gettext_lazy("Import toolkit distributions")
    required_columns = ("consultation", "toolkit", "partner", "sent_on")
    optional_columns = ("status", "session_date", "participants", "edition")
    column_help = {
        "consultation": gettext_lazy(
            "The consultation's name, as in the consultations list (case and accents ignored)."
        ),
        "toolkit": gettext_lazy(
            "The toolkit's name, as in the consultation's toolkits, optionally with its "
            "edition (Toolkit v2.0). Without an edition: the latest edition of that name."
        ),
        "partner": gettext_lazy(
            "The name of the partner group given the toolkit, one per row. A distribution "
            "of the same toolkit to the same partner is updated, not added again. For a name "
            "that matches no partner you choose, before anything is saved, between creating "
            "the partner and using one that looks the same."
        ),
        "sent_on": gettext_lazy("The day the toolkit was sent, as YYYY-MM-DD (2018-04-02)."),
        "status": gettext_lazy("Sent, Session held, Feedback received or Declined. Blank: Sent."),
        "session_date": gettext_lazy(
            "The day the group held its session, as YYYY-MM-DD, not before it was sent."
        ),
        "participants": gettext_lazy(
            "How many took part in the group's session: a whole number, 0 or more."
        ),
        "edition": gettext_lazy(
            "The toolkit's edition (1.0, 2.0...), when the toolkit column does not give it."
        ),
    }
    partners_column = "partner"

    # Reference lists ---------------------------------------------------------------------

    def prepare(self) -> None:
        super().prepare()  # partner names (PartnerNamesMixin)
        self.consultations: dict[str, list[Consultation]] = {}
        for consultation in Consultation.objects.select_related("section").order_by("pk"):
            self.consultations.setdefault(name_key(consultation.name), []).append(consultation)
        # Toolkits by consultation, then by folded name; each list oldest first.
        self.toolkits: dict[int, dict[str, list[Toolkit]]] = {}
        for toolkit in Toolkit.objects.order_by("pk"):
            by_name = self.toolkits.setdefault(toolkit.consultation_id, {})
            by_name.setdefault(name_key(toolkit.name), []).append(toolkit)
        self.existing: dict[tuple[int, int], Distribution] = {}
        # (toolkit pk, partner) → first line, once unknown partner names are resolved.
        self.planned_pairs: dict[tuple[int, Hashable], int] = {}

    # Rows ----------------------------------------------------------------------------------

    def parse_row(self, row: Row) -> tuple[dict[str, Any] | None, list[RowError]]:
        p = RowParser(row)
        consultation = p.parse("consultation", self.find_consultation, required=True)
        toolkit = None
        toolkit_name = p.text("toolkit", required=True)
        if consultation is not None and toolkit_name is not None:
            toolkit = p.parse("toolkit", self.find_toolkit, consultation, row.get("edition"))
        cleaned = {
            "consultation": consultation,
            "toolkit": toolkit,
            "partner": p.parse("partner", self.find_partner, row.line, required=True),
            "sent_on": p.parse("sent_on", parse_date, required=True),
            "status": p.parse("status", parse_choice, DistributionStatus),
            "session_date": p.parse("session_date", parse_date),
            "participants": p.parse("participants", parse_int),
        }
        sent_on, session_date = cleaned["sent_on"], cleaned["session_date"]
        if sent_on is not None and session_date is not None and session_date < sent_on:
            p.error("session_date", _("The group's session is before the toolkit was sent."))
        for column, message in self.permission_errors(cleaned):
            p.error(column, message)
        return p.result(cleaned)

    def find_consultation(self, value: str) -> Consultation:
        """A consultation by name (``name_key``). Where two share the name, the one of the
        importing person's section, if exactly one is; otherwise the name is ambiguous."""
        found = self.consultations.get(name_key(value), [])
        if not found:
            raise ValidationError(
                _("No consultation is named “%(name)s”. Add the consultation first.")
                % {"name": value}
            )
        if len(found) > 1:
            section_id = getattr(self.user, "section_id", None)
            own = [c for c in found if section_id is not None and c.section_id == section_id]
            if len(own) == 1:
                return own[0]
            raise ValidationError(
                _(
                    "%(count)s consultations are named “%(name)s” (sections %(sections)s): "
                    "rename one of them so that each name says which consultation it is."
                )
                % {
                    "count": len(found),
                    "name": value,
                    "sections": ", ".join(c.section.code for c in found),
                }
            )
        return found[0]

    def find_toolkit(self, value: str, consultation: Consultation, edition: str) -> Toolkit:
        """A toolkit of ``consultation`` by name (``name_key``) and edition: the ``edition``
        cell, or an edition written after the name ("Toolkit v2.0"); without either, the
        latest edition of that name."""
        by_name = self.toolkits.get(consultation.pk, {})
        attempts: list[tuple[str, str]] = [(value, edition)]
        suffix = EDITION_SUFFIX_RE.fullmatch(value)
        if suffix is not None and (
            not edition or edition_key(edition) == edition_key(suffix["edition"])
        ):
            # "Toolkit v2.0" is read as name and edition first; the whole cell as a name
            # stays a fallback, for a toolkit whose own name ends like an edition.
            attempts.insert(0 if not edition else 1, (suffix["name"], suffix["edition"]))
        for name, wanted in attempts:
            candidates = by_name.get(name_key(name), [])
            if wanted:
                candidates = [
                    t for t in candidates if edition_key(t.edition) == edition_key(wanted)
                ]
            if candidates:
                return max(candidates, key=edition_order)
        known = [str(toolkit) for toolkits in by_name.values() for toolkit in toolkits]
        message = _("The consultation “%(consultation)s” has no toolkit “%(name)s”.") % {
            "consultation": consultation.name,
            "name": f"{value} v{edition}" if edition else value,
        }
        if known:
            message += " " + _("Its toolkits are: %(toolkits)s.") % {"toolkits": "; ".join(known)}
        else:
            message += " " + _("Add the toolkit to the consultation first.")
        raise ValidationError(message)

    def find_partner(self, value: str, line: int) -> Partner | UnknownPartner:
        """The one partner the cell names: a Partner, or an UnknownPartner for the run's
        choice (PartnerNamesMixin.find_partners)."""
        if len(split_list(value)) > 1:
            raise ValidationError(
                _(
                    "Name one partner per row: “%(value)s” names several. Write one row for "
                    "each partner given the toolkit."
                )
                % {"value": value}
            )
        return self.find_partners(value, line)[0]

    def permission_errors(self, cleaned: dict[str, Any]) -> list[tuple[str, str]]:
        """Section staff and supervisors import their own section's consultations'
        distributions; administrators and the command without ``--user`` are not limited."""
        consultation = cleaned["consultation"]
        if consultation is not None and self.outside_own_section(consultation.section_id):
            return [
                (
                    "consultation",
                    _("You can import the distributions of your own section's consultations only."),
                )
            ]
        return []

    # Matching ------------------------------------------------------------------------------

    @staticmethod
    def _partner_key(partner: Partner | UnknownPartner) -> Hashable:
        return partner.pk if isinstance(partner, Partner) else partner

    def identity(self, cleaned: dict[str, Any]) -> tuple[Hashable, str]:
        return (cleaned["toolkit"].pk, self._partner_key(cleaned["partner"])), "partner"

    def duplicate_message(self, first_line: int) -> str:
        return _("Line %(line)s already has this toolkit sent to this partner.") % {
            "line": first_line
        }

    def load_existing(self, cleaned_rows: list[dict[str, Any]]) -> None:
        # Every distribution of the file's toolkits: a partner an unknown name is resolved
        # to is only known once the preview's questions are answered.
        toolkit_pks = {cleaned["toolkit"].pk for cleaned in cleaned_rows}
        for batch in batched(sorted(toolkit_pks)):
            for distribution in Distribution.objects.filter(toolkit_id__in=batch).order_by("pk"):
                key = (distribution.toolkit_id, distribution.partner_id)
                self.existing.setdefault(key, distribution)

    def find_existing(self, cleaned: dict[str, Any]) -> Distribution | None:
        partner = cleaned["partner"]
        if not isinstance(partner, Partner) or partner.pk is None:
            return None
        return self.existing.get((cleaned["toolkit"].pk, partner.pk))

    def kept_on_update(self, cleaned: dict[str, Any]) -> set[str]:
        return {"toolkit", "partner"}

    def partner_name(self, partner: Partner | UnknownPartner) -> str:
        if isinstance(partner, UnknownPartner):
            return self.new_partner_names[partner.key].name
        return partner.name

    def row_label(self, cleaned: dict[str, Any]) -> str:
        return f"{cleaned['sent_on']:%Y-%m-%d} {cleaned['toolkit']} → " + self.partner_name(
            cleaned["partner"]
        )

    def plan_row(
        self, line: int, cleaned: dict[str, Any]
    ) -> tuple[PlannedRow | None, list[RowError]]:
        """The row's partner as the run's choices give it, then the usual plan; a partner the
        import creates has no distribution yet, so its row is always a new one."""
        cleaned = dict(cleaned)
        partner = cleaned["partner"]
        if isinstance(partner, UnknownPartner):
            partner = self.chosen_partner(partner.key, cleaned["consultation"].section)
            cleaned["partner"] = partner
        # Two names the preview resolved to the same partner repeat each other.
        pair = (cleaned["toolkit"].pk, partner.pk if partner.pk is not None else id(partner))
        if pair in self.planned_pairs:
            first_line = self.planned_pairs[pair]
            return None, [RowError(line, "partner", self.duplicate_message(first_line))]
        self.planned_pairs[pair] = line
        if partner.pk is None:
            plan, errors = self.plan_new_partner_row(line, cleaned)
        else:
            # PartnerNamesMixin.plan_row handles a ";"-separated list; this column is one name.
            plan, errors = Importer.plan_row(self, line, cleaned)
        if plan is not None and plan.action != UNCHANGED and cleaned["session_date"] is None:
            # A blank cell keeps the session date already known: still not before sent_on.
            session_date = plan.instance.session_date
            if session_date is not None and session_date < cleaned["sent_on"]:
                return None, [
                    RowError(
                        line,
                        "sent_on",
                        _(
                            "The group's session, on %(session_date)s, is before this date "
                            "the toolkit was sent."
                        )
                        % {"session_date": f"{session_date:%Y-%m-%d}"},
                    )
                ]
        return plan, errors

    def plan_new_partner_row(
        self, line: int, cleaned: dict[str, Any]
    ) -> tuple[PlannedRow | None, list[RowError]]:
        """A new distribution to a partner the import creates: ``full_clean`` cannot check a
        link to an unsaved partner, so everything else is checked and the partner is saved
        just before the distribution (``save_row``)."""
        partner = cleaned["partner"]
        distribution = Distribution()
        for name in ("toolkit", "sent_on", "status", "session_date", "participants"):
            if cleaned[name] is not None:
                setattr(distribution, name, cleaned[name])
        distribution.partner = partner
        exclude = [f.name for f in Distribution._meta.concrete_fields if not f.editable]
        try:
            distribution.full_clean(exclude=[*exclude, "partner"])
        except ValidationError as exc:
            return None, self.validation_errors(line, exc)
        return PlannedRow(line, cleaned, distribution, CREATE), []

    # Saving --------------------------------------------------------------------------------

    def save_row(self, plan: PlannedRow, reason: str) -> None:
        partner = plan.cleaned["partner"]
        if partner.pk is None:
            self.save_new_partner(partner, reason)
        # Link the saved partner (its pk was unknown when the distribution was planned).
        plan.instance.partner = partner
        super().save_row(plan, reason)
