"""The multicultural calendar (observances), the month and agenda views of events and
observances together, and the iCalendar feeds that Outlook subscribes to."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from accounts.models import User
from core.generic import ObjectCreateView, ObjectDetailView, ObjectListView, ObjectUpdateView
from core.permissions import SECTION_ROLES, RoleRequiredMixin
from partners.models import Community

from .calendar import (
    AGENDA_DAYS,
    CalendarInputError,
    agenda,
    events_between,
    events_ical,
    feed_window,
    local_zone,
    month_grid,
    observances_between,
    observances_ical,
    parse_month,
    parse_range,
)
from .filtersets_calendar import ObservanceFilterSet
from .models import Observance
from .tables_calendar import ObservanceTable

DATE_INPUT = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def local_today():
    return timezone.localdate(timezone=local_zone())


# --- The multicultural calendar ---------------------------------------------------------------


class ObservanceForm(forms.ModelForm):
    class Meta:
        model = Observance
        fields = ["name", "starts_on", "ends_on", "communities", "notes"]
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "communities": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "ends_on": gettext_lazy("The last day; the same as the start for a one-day observance.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["communities"].queryset = Community.objects.filter(is_active=True)


class ObservanceListView(ObjectListView):
    allowed_roles = SECTION_ROLES
    queryset = Observance.objects.prefetch_related("communities")
    filterset_class = ObservanceFilterSet
    table_class = ObservanceTable
    title = gettext_lazy("Multicultural calendar")
    template_name = "events/observance_list.html"
    export_stem = "observances"
    add_url_name = "events:observance_create"
    import_url_name = "events:observance_import"
    add_roles = SECTION_ROLES


class ObservanceDetailView(ObjectDetailView):
    allowed_roles = SECTION_ROLES
    queryset = Observance.objects.prefetch_related("communities")
    template_name = "events/observance_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # What a planner checks here: the events already on these days.
        context["events"] = list(events_between(self.object.starts_on, self.object.ends_on))
        return context


class ObservanceCreateView(ObjectCreateView):
    allowed_roles = SECTION_ROLES
    model = Observance
    form_class = ObservanceForm
    extra_context = {
        "title": gettext_lazy("New observance"),
        "cancel_url": reverse_lazy("events:observance_list"),
    }


class ObservanceUpdateView(ObjectUpdateView):
    allowed_roles = SECTION_ROLES
    queryset = Observance.objects.all()
    form_class = ObservanceForm

    def form_valid(self, form):
        # Observances carry no version number (events.models), so the version check of
        # ObjectUpdateView does not apply: a plain save, as ModelFormMixin does it.
        self.object = form.save()
        messages.success(self.request, self.success_message % {"object": self.object})
        return HttpResponseRedirect(self.get_success_url())


# --- Month and agenda ------------------------------------------------------------------------


class MonthCalendarView(RoleRequiredMixin, TemplateView):
    """A month of events and observances, ``?month=YYYY-MM`` (default: this local month)."""

    allowed_roles = SECTION_ROLES
    template_name = "events/calendar_month.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = local_today()
        try:
            month = parse_month(self.request.GET.get("month"), today=today)
        except CalendarInputError as error:
            context["error"] = str(error)
            month = today.replace(day=1)
        context.update(grid=month_grid(month, today=today), today=today)
        return context


class AgendaView(RoleRequiredMixin, TemplateView):
    """Day by day, the next 60 days or ``?from=YYYY-MM-DD&to=YYYY-MM-DD`` (at most 366)."""

    allowed_roles = SECTION_ROLES
    template_name = "events/calendar_agenda.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = local_today()
        params = self.request.GET
        try:
            first, last = parse_range(params.get("from"), params.get("to"), today=today)
        except CalendarInputError as error:
            context["error"] = str(error)
            first, last = parse_range(None, None, today=today)
        span = last - first + timedelta(days=1)
        context.update(
            days=agenda(first, last, today=today),
            first=first,
            last=last,
            earlier=(first - span, first - timedelta(days=1)),
            later=(last + timedelta(days=1), last + span),
            default_days=AGENDA_DAYS,
            today=today,
        )
        return context


# --- iCalendar feeds --------------------------------------------------------------------------


@method_decorator([login_not_required, never_cache], name="dispatch")
class CalendarFeedView(View):
    """An iCalendar feed for Outlook, which cannot sign in: the address carries the secret
    ``?token=`` of an active staff member or supervisor (their profile shows it). Any other
    token, or none, is a 404, so the address reveals nothing."""

    filename = "inroads.ics"

    def get(self, request):
        token = request.GET.get("token", "")
        if not token or not (
            User.objects.filter(
                calendar_token=token, is_active=True, role__in=SECTION_ROLES
            ).exists()
        ):
            raise Http404
        window = feed_window(local_today())
        response = HttpResponse(
            self.document(window, now=timezone.now()), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'inline; filename="{self.filename}"'
        return response

    def document(self, window, *, now) -> bytes:
        raise NotImplementedError


class EventsFeedView(CalendarFeedView):
    filename = "inroads-events.ics"

    def document(self, window, *, now) -> bytes:
        return events_ical(
            events_between(*window),
            name=_("Inroads events"),
            window=window,
            url_for=lambda event: self.request.build_absolute_uri(event.get_absolute_url()),
            now=now,
        )


class ObservancesFeedView(CalendarFeedView):
    filename = "inroads-observances.ics"

    def document(self, window, *, now) -> bytes:
        return observances_ical(
            observances_between(*window),
            name=_("Inroads multicultural calendar"),
            window=window,
            url_for=lambda observance: self.request.build_absolute_uri(
                observance.get_absolute_url()
            ),
            now=now,
        )
