import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models import Community

from .models import Observance


class YearFilter(django_filters.Filter):
    """A whole year: "2019.5" or "0" is a filter error, never a server error."""

    field_class = forms.IntegerField


class ObservanceFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or notes contain"))
    year = YearFilter(method="filter_year", label=_("Year"), min_value=1900, max_value=2999)
    community = django_filters.ModelChoiceFilter(
        field_name="communities",
        queryset=Community.objects.filter(is_active=True),
        label=_("Community"),
    )

    class Meta:
        model = Observance
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(notes__icontains=value))

    def filter_year(self, queryset, name, value):
        # Observances of the year, including those that began the year before (Kwanzaa).
        return queryset.filter(
            starts_on__lte=datetime.date(value, 12, 31), ends_on__gte=datetime.date(value, 1, 1)
        )
