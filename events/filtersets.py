import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Section
from core.filters import YearFilter
from partners.models import Community, Partner

from .choices import EventRole, EventStatus
from .models import ChecklistTemplate, Event, Observance

WHEN = [("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All"))]


class EventFilterSet(django_filters.FilterSet):
    when = django_filters.ChoiceFilter(
        choices=WHEN, method="filter_when", label=_("When"), empty_label=_("Upcoming (default)")
    )
    q = django_filters.CharFilter(method="search", label=_("Title or venue contains"))
    year = YearFilter(method="filter_year", label=_("Year"))
    section = django_filters.ModelChoiceFilter(
        queryset=Section.objects.filter(is_active=True), label=_("Section")
    )
    status = django_filters.ChoiceFilter(choices=EventStatus.choices, label=_("Status"))
    role = django_filters.ChoiceFilter(choices=EventRole.choices, label=_("Kind"))
    partner = django_filters.ModelChoiceFilter(
        field_name="partners",
        queryset=Partner.objects.filter(is_archived=False),
        label=_("Partner"),
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(venue__icontains=value))

    def filter_year(self, queryset, name, value):
        # A year is local: an event at 23:30 on 31 December belongs to that year.
        start = timezone.make_aware(timezone.datetime(value, 1, 1))
        end = timezone.make_aware(timezone.datetime(value + 1, 1, 1))
        return queryset.filter(starts_at__gte=start, starts_at__lt=end)

    def filter_when(self, queryset, name, value):
        return queryset  # applied in qs, so that the default (upcoming) holds without a value

    @property
    def qs(self):
        queryset = super().qs
        when = self.data.get("when") or ("all" if self.data.get("year") else "upcoming")
        today = timezone.make_aware(
            timezone.datetime.combine(timezone.localdate(), timezone.datetime.min.time())
        )
        if when == "upcoming":
            return queryset.filter(ends_at__gte=today).order_by("starts_at", "pk")
        if when == "past":
            return queryset.filter(ends_at__lt=today).order_by("-starts_at", "-pk")
        return queryset.order_by("-starts_at", "-pk")


class ObservanceFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Name or notes contain"))
    year = YearFilter(method="filter_year", label=_("Year"))
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


class ChecklistTemplateFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label=_("Name contains"))

    class Meta:
        model = ChecklistTemplate
        fields: list[str] = []
