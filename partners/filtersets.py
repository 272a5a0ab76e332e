import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Section
from core.models import name_key
from core.permissions import SECTION_ROLES, users_with_role

from .choices import PartnerKind, PartnerStatus
from .models import Community, Contact, Partner

YES_NO = [("true", _("Yes")), ("false", _("No"))]


class PartnerFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name contains"))
    kind = django_filters.ChoiceFilter(choices=PartnerKind.choices, label=_("Kind"))
    community = django_filters.ModelChoiceFilter(
        field_name="communities",
        queryset=Community.objects.filter(is_active=True),
        label=_("Community served"),
    )
    section = django_filters.ModelChoiceFilter(
        field_name="sections", queryset=Section.objects.filter(is_active=True), label=_("Section")
    )
    ward = django_filters.CharFilter(lookup_expr="icontains", label=_("Ward or neighbourhood"))
    status = django_filters.ChoiceFilter(choices=PartnerStatus.choices, label=_("Status"))
    dormant = django_filters.ChoiceFilter(
        choices=YES_NO, method="filter_yes_no", label=_("Dormant")
    )
    relationship_lead = django_filters.ModelChoiceFilter(
        queryset=users_with_role(SECTION_ROLES), label=_("Relationship lead")
    )
    archived = django_filters.ChoiceFilter(
        choices=YES_NO,
        method="filter_yes_no",
        label=_("Archived"),
        empty_label=_("No (default)"),
    )

    class Meta:
        model = Partner
        fields: list[str] = []

    def search(self, queryset, name, value):
        # Ignores case, accents and spacing: "equite" finds "Équité".
        return queryset.filter(name_key__contains=name_key(value))

    def filter_yes_no(self, queryset, name, value):
        if name == "dormant":
            return queryset.dormant(value == "true")
        return queryset.filter(is_archived=value == "true")

    @property
    def qs(self):
        queryset = super().qs
        if not self.data.get("archived"):
            # Archived partners stay out of the list unless asked for.
            queryset = queryset.filter(is_archived=False)
        return queryset


class ContactFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name, email or role contains"))
    partner = django_filters.ModelChoiceFilter(
        queryset=Partner.objects.filter(is_archived=False), label=_("Partner")
    )
    community = django_filters.ModelChoiceFilter(
        field_name="partner__communities",
        queryset=Community.objects.filter(is_active=True),
        label=_("Community"),
    )
    section = django_filters.ModelChoiceFilter(
        field_name="partner__sections",
        queryset=Section.objects.filter(is_active=True),
        label=_("Section"),
    )
    consent_to_contact = django_filters.BooleanFilter(
        label=_("Consents to be contacted"), widget=forms.NullBooleanSelect
    )

    class Meta:
        model = Contact
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(email__icontains=value) | Q(role__icontains=value)
        )
