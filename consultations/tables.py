import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import ROW_ATTRS, TABLE_ATTRS

from .models import Consultation


class ConsultationTable(tables.Table):
    name = tables.Column(linkify=True)
    section = tables.Column(accessor="section__code", verbose_name=_("Section"))
    starts_on = tables.DateColumn(format="Y-m-d")
    ends_on = tables.DateColumn(format="Y-m-d")
    groups = tables.Column(verbose_name=_("Groups given toolkits"), orderable=True)
    feedback_count = tables.Column(verbose_name=_("Feedback"))

    class Meta:
        model = Consultation
        fields = ["name", "section", "status", "starts_on", "ends_on", "groups", "feedback_count"]
        order_by = "-starts_on"
        attrs = TABLE_ATTRS
        row_attrs = ROW_ATTRS
        empty_text = _("No consultation matches these filters.")
