"""Activities from the sections' old logs (DESIGN.md, "Import and export").

An activity is matched to an existing one by section, date and title (``name_key``: case,
accents and spacing ignored), so importing the same sheet twice creates nothing new.
Reference lists (sections, activity types, communities, staff) are never created by an
import: an unknown value is an error. Partners are the exception, because the old logs name
organizations nobody entered anywhere else: a partner name that matches no partner becomes
a question in the preview (``Importer.unresolved()``), create it or use a partner it
probably means (``partners.duplicates.likely_duplicates``), and the command creates it
unless told not to (``--no-create-partners``). That part is ``partners.imports.
PartnerNamesMixin``, which the events importer shares.

Who may import what follows the review workflow (engagement.services): section staff and
supervisors import their own section's activities only, and only a supervisor (or an
administrator, or the command without ``--user``) imports them as approved; a blank status
is approved for them and submitted for staff, whose activities a supervisor then reviews.
"""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.choices import Role
from core.imports import (
    CREATE,
    UNKNOWN_SECTION,
    Importer,
    PlannedRow,
    Row,
    RowError,
    RowParser,
    batched,
    index_by_key,
    lookup_names,
    lookup_one,
    parse_choice,
    parse_date,
    parse_hundredths,
    parse_int,
    register,
    section_index,
)
from core.models import name_key
from partners.imports import UNKNOWN_COMMUNITIES, PartnerNamesMixin, community_index

from .choices import ReviewAction, ReviewStatus
from .models import Activity, ActivityReview, ActivityType

# Statuses a file may give: returned needs a reviewer's comment, so it is never imported.
IMPORT_STATUSES = (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.APPROVED)
# The review step an imported activity of each status starts its trail with.
REVIEW_ACTIONS = {
    ReviewStatus.SUBMITTED: ReviewAction.SUBMITTED,
    ReviewStatus.APPROVED: ReviewAction.APPROVED,
}


def parse_hours(value: str) -> Decimal:
    """Staff hours such as 2.5: zero or more, to the hundredth of an hour at most."""
    return parse_hundredths(
        value, _("“%(value)s” has more than 2 decimals; write hours such as 2.5 or 1.25.")
    )


def parse_status(value: str) -> str:
    """draft, submitted or approved, by code or label, any case."""
    message = _("“%(value)s” is not one of: %(choices)s.") % {
        "value": value,
        "choices": ", ".join(IMPORT_STATUSES),
    }
    try:
        status = parse_choice(value, ReviewStatus)
    except ValidationError:
        raise ValidationError(message) from None
    if status not in IMPORT_STATUSES:
        raise ValidationError(message)
    return status


@register
class ActivityImporter(PartnerNamesMixin, Importer):
    """An activity log: one row per activity a section's staff took part in."""

    kind = "activities"
    model = Activity
    title = gettext_lazy("Import activities")
    required_columns = ("date", "section", "type", "title")
    optional_columns = (
        "partners",
        "people_reached",
        "staff_hours",
        "status",
        "summary",
        "staff",
        "communities",
        "ward",
    )
    column_help = {
        "date": gettext_lazy("The day of the activity, as YYYY-MM-DD (2018-06-01)."),
        "section": gettext_lazy("The code of the section, such as CDS."),
        "type": gettext_lazy(
            "The activity type's code or name, as in the activity types list (meeting, "
            "Workshop or training, ...)."
        ),
        "title": gettext_lazy(
            "What the activity was. An activity of the same section on the same date with "
            "the same title (ignoring case, accents and spacing) is updated, not added again."
        ),
        "partners": gettext_lazy(
            "Partners' names, separated by ;. For a name that matches no partner you choose, "
            "before anything is saved, between creating the partner and using one that "
            "looks the same."
        ),
        "people_reached": gettext_lazy("A head count: a whole number, 0 or more."),
        "staff_hours": gettext_lazy("Hours of staff time, such as 2.5 (0 or more)."),
        "status": gettext_lazy(
            "Draft, Submitted or Approved. Blank: Approved, or Submitted when the person "
            "importing is not a supervisor (a supervisor then reviews the activities)."
        ),
        "summary": gettext_lazy("What happened, in a few sentences."),
        "staff": gettext_lazy("Usernames of the staff involved, separated by ;."),
        "communities": gettext_lazy(
            "Communities engaged, separated by ; and named as in the communities list."
        ),
        "ward": gettext_lazy("Ward or neighbourhood."),
    }

    # ``ActivityImporter(create_partners=False)``: a partner name that matches no partner
    # is an error rather than a question (``manage.py import activities
    # --no-create-partners``); see PartnerNamesMixin.

    # Reference lists ---------------------------------------------------------------------

    def prepare(self) -> None:
        super().prepare()  # partner names (PartnerNamesMixin)
        self.sections = section_index()
        # A type by code ("consultation_session", "consultation session") or by name;
        # codes first, so a type named like another's code never hides that type; oldest
        # first, so that if two share a folded name the same one always matches.
        types = list(ActivityType.objects.order_by("pk"))
        self.types: dict[str, ActivityType] = {}
        for activity_type in types:
            self.types.setdefault(name_key(activity_type.code), activity_type)
            spaced = activity_type.code.replace("_", " ").replace("-", " ")
            self.types.setdefault(name_key(spaced), activity_type)
        for activity_type in types:
            self.types.setdefault(name_key(activity_type.name), activity_type)
        self.communities = community_index()
        self.staff = index_by_key(
            get_user_model().objects.only("pk", "username").order_by("pk"),
            lambda user: name_key(user.username),
        )
        self.existing: dict[tuple[int, Any, str], Activity] = {}

    # Rows ----------------------------------------------------------------------------------

    def parse_row(self, row: Row) -> tuple[dict[str, Any] | None, list[RowError]]:
        p = RowParser(row)
        cleaned = {
            "date": p.parse("date", parse_date, required=True),
            "section": p.parse(
                "section", lookup_one, self.sections, UNKNOWN_SECTION, required=True
            ),
            "type": p.parse(
                "type",
                lookup_one,
                self.types,
                _(
                    "Unknown activity type “%(name)s”. Use a code or name of the activity "
                    "types list (an administrator can add one)."
                ),
                required=True,
            ),
            "title": p.text("title", required=True),
            "partners": p.parse("partners", self.find_partners, row.line),
            "people_reached": p.parse("people_reached", parse_int),
            "staff_hours": p.parse("staff_hours", parse_hours),
            "status": p.parse("status", parse_status),
            "summary": p.text("summary"),
            "staff": p.parse("staff", lookup_names, self.staff, _("Unknown usernames: %(names)s.")),
            "communities": p.parse(
                "communities", lookup_names, self.communities, UNKNOWN_COMMUNITIES
            ),
            "ward": p.text("ward"),
        }
        for column, message in self.permission_errors(cleaned):
            p.error(column, message)
        return p.result(cleaned)

    def may_approve(self) -> bool:
        """Supervisors approve (engagement.services); the command without ``--user`` and
        administrators (IT migrating the old logs) are not limited."""
        return self.imports_every_section() or self.user.role == Role.SUPERVISOR

    def permission_errors(self, cleaned: dict[str, Any]) -> list[tuple[str, str]]:
        """Section staff and supervisors import their own section's activities; only a
        supervisor imports them approved."""
        errors = []
        section = cleaned["section"]
        if section is not None and self.outside_own_section(section.pk):
            errors.append(
                (
                    "section",
                    _("You can import the activities of your own section only."),
                )
            )
        if cleaned["status"] == ReviewStatus.APPROVED and not self.may_approve():
            errors.append(
                (
                    "status",
                    _(
                        "Only a supervisor imports approved activities: write submitted (or "
                        "leave the cell blank) so that a supervisor reviews them."
                    ),
                )
            )
        return errors

    def identity(self, cleaned: dict[str, Any]) -> tuple[Hashable, str]:
        return self._key(cleaned), "title"

    @staticmethod
    def _key(cleaned: dict[str, Any]) -> tuple[int, Any, str]:
        return cleaned["section"].pk, cleaned["date"], name_key(cleaned["title"])

    def duplicate_message(self, first_line: int) -> str:
        return _(
            "Line %(line)s already has an activity of this section on this date with this title."
        ) % {"line": first_line}

    def load_existing(self, cleaned_rows: list[dict[str, Any]]) -> None:
        dates = {cleaned["date"] for cleaned in cleaned_rows}
        section_pks = {cleaned["section"].pk for cleaned in cleaned_rows}
        for batch in batched(sorted(dates)):
            activities = (
                Activity.objects.filter(date__in=batch, section_id__in=section_pks)
                # plan_row compares the links of each matched activity with the row's.
                .prefetch_related("partners", "staff", "communities")
                .order_by("pk")
            )
            for activity in activities:
                key = (activity.section_id, activity.date, name_key(activity.title))
                self.existing.setdefault(key, activity)

    def find_existing(self, cleaned: dict[str, Any]) -> Activity | None:
        return self.existing.get(self._key(cleaned))

    def kept_on_update(self, cleaned: dict[str, Any]) -> set[str]:
        # Matched on these: "MEETING with the  centre" does not retitle the activity.
        return {"section", "date", "title"}

    def row_label(self, cleaned: dict[str, Any]) -> str:
        return f"{cleaned['date']:%Y-%m-%d} {cleaned['section'].code}: {cleaned['title']}"

    def plan_row(
        self, line: int, cleaned: dict[str, Any]
    ) -> tuple[PlannedRow | None, list[RowError]]:
        # Unknown partner names become partners in PartnerNamesMixin.plan_row.
        cleaned = dict(cleaned)
        if cleaned["status"] is None and self.find_existing(cleaned) is None:
            # DESIGN.md: imported activities are approved unless the file says otherwise;
            # for staff, the default is the review queue (see permission_errors).
            cleaned["status"] = (
                ReviewStatus.APPROVED if self.may_approve() else ReviewStatus.SUBMITTED
            )
        return super().plan_row(line, cleaned)

    # Saving --------------------------------------------------------------------------------

    def save_row(self, plan: PlannedRow, reason: str) -> None:
        # PartnerNamesMixin.save_row saves the new partners the row links first.
        if plan.action == CREATE and self.user is not None:
            plan.instance.created_by = self.user
        super().save_row(plan, reason)

    def after_save(self, instance: Activity, cleaned: dict[str, Any], created: bool) -> None:
        action = REVIEW_ACTIONS.get(instance.status)
        if created and action is not None and self.user is not None:
            ActivityReview.objects.create(
                activity=instance, action=action, by=self.user, comment=self.change_reason()
            )
