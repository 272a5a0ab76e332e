import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import ROW_ATTRS, TABLE_ATTRS

from .models import ChecklistTemplate, Event, Observance


class EventTable(tables.Table):
    starts_at = tables.DateTimeColumn(format="Y-m-d H:i", verbose_name=_("Starts"))
    title = tables.Column(linkify=True)
    section = tables.Column(accessor="section__code", verbose_name=_("Section"))
    partners = tables.ManyToManyColumn(orderable=False)
    expected_attendance = tables.Column(attrs={"td": {"class": "text-end"}})
    actual_attendance = tables.Column(attrs={"td": {"class": "text-end"}})
    funds_raised = tables.Column(attrs={"td": {"class": "text-end"}})
    # In exports only.
    ends_at = tables.DateTimeColumn(format="Y-m-d H:i", visible=False)
    budget = tables.Column(visible=False)
    actual_cost = tables.Column(visible=False)
    funds_beneficiary = tables.Column(visible=False)

    class Meta:
        model = Event
        fields = [
            "starts_at",
            "title",
            "section",
            "role",
            "status",
            "venue",
            "partners",
            "expected_attendance",
            "actual_attendance",
            "funds_raised",
            "ends_at",
            "budget",
            "actual_cost",
            "funds_beneficiary",
        ]
        attrs = TABLE_ATTRS
        row_attrs = ROW_ATTRS
        empty_text = _("No event matches these filters.")


class ObservanceTable(tables.Table):
    # A plain link: the table's hx-boost (includes/table.html) would swap the observance's
    # whole page into the table instead of opening it.
    name = tables.Column(linkify=True, verbose_name=_("Name"))
    starts_on = tables.DateColumn(format="Y-m-d", verbose_name=_("Starts"))
    ends_on = tables.DateColumn(format="Y-m-d", verbose_name=_("Ends"))
    communities = tables.ManyToManyColumn(verbose_name=_("Communities"), orderable=False)
    # In exports only: the planners' notes are too long for the list.
    notes = tables.Column(visible=False, verbose_name=_("Notes for planners"))

    class Meta:
        model = Observance
        fields = ["name", "starts_on", "ends_on", "communities", "notes"]
        order_by = ("starts_on", "name")
        attrs = TABLE_ATTRS
        row_attrs = ROW_ATTRS
        empty_text = _("No observance matches these filters.")


class ChecklistTemplateTable(tables.Table):
    name = tables.Column(linkify=("events:checklist_update", {"pk": tables.A("pk")}))
    item_count = tables.Column(verbose_name=_("Tasks"), attrs={"td": {"class": "text-end"}})

    class Meta:
        model = ChecklistTemplate
        fields = ["name", "description", "item_count"]
        attrs = TABLE_ATTRS
        row_attrs = ROW_ATTRS
        empty_text = _("No checklist template yet.")
