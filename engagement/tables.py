import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from core.tables import ROW_ATTRS, TABLE_ATTRS

from .models import Activity


class ActivityTable(tables.Table):
    date = tables.DateColumn(format="Y-m-d")
    title = tables.Column(linkify=True)
    section = tables.Column(accessor="section__code", verbose_name=_("Section"))
    type = tables.Column(accessor="type__name", verbose_name=_("Type"))
    partners = tables.ManyToManyColumn(orderable=False)
    people_reached = tables.Column(attrs={"td": {"class": "text-end"}})
    staff_hours = tables.Column(attrs={"td": {"class": "text-end"}})
    # In exports only.
    summary = tables.Column(visible=False)
    audience = tables.Column(visible=False)
    ward = tables.Column(visible=False)
    communities = tables.ManyToManyColumn(visible=False)
    staff = tables.ManyToManyColumn(visible=False, verbose_name=_("Staff involved"))

    class Meta:
        model = Activity
        fields = [
            "date",
            "title",
            "section",
            "type",
            "partners",
            "people_reached",
            "staff_hours",
            "status",
            "summary",
            "audience",
            "ward",
            "communities",
            "staff",
        ]
        order_by = "-date"
        attrs = TABLE_ATTRS
        row_attrs = ROW_ATTRS
        empty_text = _("No activity matches these filters.")


class ReviewTable(tables.Table):
    """The review queue: a checkbox per activity so many are approved at once."""

    selection = tables.Column(accessor="pk", verbose_name=_("Select"), orderable=False)
    date = tables.DateColumn(format="Y-m-d")
    title = tables.Column(linkify=True)
    type = tables.Column(accessor="type__name", verbose_name=_("Type"))
    created_by = tables.Column(verbose_name=_("Logged by"))
    partners = tables.ManyToManyColumn(orderable=False)
    people_reached = tables.Column(attrs={"td": {"class": "text-end"}})

    class Meta:
        model = Activity
        fields = ["selection", "date", "title", "type", "created_by", "partners", "people_reached"]
        orderable = False
        attrs = TABLE_ATTRS
        row_attrs = ROW_ATTRS
        empty_text = _("Nothing is waiting for review.")

    def render_selection(self, record) -> str:
        # A label per checkbox, so a screen reader says which activity it selects.
        return format_html(
            '<input class="form-check-input" type="checkbox" name="activity" value="{}" '
            'id="select-{}" aria-label="{}">',
            record.pk,
            record.pk,
            gettext_now("Select “%(title)s”") % {"title": record.title},
        )
