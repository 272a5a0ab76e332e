import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Section
from core.filters import YearFilter
from core.permissions import SECTION_ROLES, users_with_role
from partners.models import Community, Partner

from .choices import ReviewStatus
from .models import Activity, ActivityType

DATE = forms.DateInput(attrs={"type": "date"})


class ActivityFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Title or summary contains"))
    mine = django_filters.BooleanFilter(
        method="filter_mine", label=_("My activities only"), widget=forms.CheckboxInput
    )
    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label=_("From"), widget=DATE
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label=_("To"), widget=DATE
    )
    year = YearFilter(field_name="date", lookup_expr="year", label=_("Year"))
    section = django_filters.ModelChoiceFilter(
        queryset=Section.objects.filter(is_active=True), label=_("Section")
    )
    type = django_filters.ModelChoiceFilter(queryset=ActivityType.objects.all(), label=_("Type"))
    status = django_filters.ChoiceFilter(choices=ReviewStatus.choices, label=_("Status"))
    partner = django_filters.ModelChoiceFilter(
        field_name="partners",
        queryset=Partner.objects.filter(is_archived=False),
        label=_("Partner"),
    )
    community = django_filters.ModelChoiceFilter(
        field_name="communities",
        queryset=Community.objects.filter(is_active=True),
        label=_("Community"),
    )
    staff = django_filters.ModelChoiceFilter(
        queryset=users_with_role(SECTION_ROLES), label=_("Staff involved")
    )
    ward = django_filters.CharFilter(lookup_expr="icontains", label=_("Ward or neighbourhood"))

    class Meta:
        model = Activity
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value))

    def filter_mine(self, queryset, name, value):
        if not value:
            return queryset
        user = self.request.user
        mine = Activity.objects.filter(Q(created_by=user) | Q(staff=user)).values("pk")
        return queryset.filter(pk__in=mine)
