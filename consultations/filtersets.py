import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.models import Section
from core.filters import YearFilter

from .choices import ConsultationStatus
from .models import Consultation


class ConsultationFilterSet(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label=_("Name contains"))
    section = django_filters.ModelChoiceFilter(
        queryset=Section.objects.filter(is_active=True), label=_("Section")
    )
    status = django_filters.ChoiceFilter(choices=ConsultationStatus.choices, label=_("Status"))
    year = YearFilter(field_name="starts_on", lookup_expr="year", label=_("Year"))

    class Meta:
        model = Consultation
        fields: list[str] = []
