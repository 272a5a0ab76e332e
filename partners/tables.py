import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import ROW_ATTRS, TABLE_ATTRS

from .models import Contact, Partner


class PartnerTable(tables.Table):
    name = tables.Column(linkify=True, order_by=("name_key",), verbose_name=_("Name"))
    communities = tables.ManyToManyColumn(verbose_name=_("Communities served"), orderable=False)
    last_engaged_on = tables.DateColumn(
        format="Y-m-d", verbose_name=_("Last engagement"), default="—"
    )
    engagements_this_year = tables.Column(
        verbose_name=_("Engagements this year"), attrs={"td": {"class": "text-end"}}
    )
    # Words, not ✔/✘, so a screen reader says what it means.
    is_dormant = tables.BooleanColumn(verbose_name=_("Dormant"), yesno=(_("Yes"), _("No")))
    # In exports only: the partner's organizational details, never a contact's.
    email = tables.Column(visible=False)
    phone = tables.Column(visible=False)
    website = tables.Column(visible=False)

    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "communities",
            "ward",
            "status",
            "last_engaged_on",
            "engagements_this_year",
            "is_dormant",
            "email",
            "phone",
            "website",
        ]
        order_by = "name"
        attrs = TABLE_ATTRS
        row_attrs = ROW_ATTRS
        empty_text = _("No partner matches these filters.")

    def value_is_dormant(self, value) -> str:
        return str(_("Yes") if value else _("No"))

    # The engagement columns are not columns of the table in SQL (the figures are fetched
    # for the page's partners only): sorting on them asks the queryset to compute them.
    def order_last_engaged_on(self, queryset, is_descending):
        return queryset.order_by_engagement("last_engaged_on", descending=is_descending), True

    def order_engagements_this_year(self, queryset, is_descending):
        return queryset.order_by_engagement("engagements_this_year", descending=is_descending), True

    def order_is_dormant(self, queryset, is_descending):
        return queryset.order_by_engagement("is_dormant", descending=is_descending), True


class ContactTable(tables.Table):
    name = tables.Column(linkify=True, verbose_name=_("Name"))
    consent_to_contact = tables.BooleanColumn(yesno=(_("Yes"), _("No")))
    consent_date = tables.DateColumn(format="Y-m-d", default="—")
    partner = tables.Column(linkify=True, order_by=("partner__name_key",))

    class Meta:
        model = Contact
        fields = [
            "name",
            "partner",
            "role",
            "email",
            "phone",
            "preferred_language",
            "consent_to_contact",
            "consent_date",
        ]
        order_by = "name"
        attrs = TABLE_ATTRS
        row_attrs = ROW_ATTRS
        empty_text = _("No contact matches these filters.")
