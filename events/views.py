from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from accounts.choices import Role
from accounts.models import User
from core.generic import (
    InlineFormsetsMixin,
    ObjectCreateView,
    ObjectDetailView,
    ObjectHistoryView,
    ObjectListView,
    ObjectUpdateView,
)
from core.permissions import SECTION_ROLES, RoleRequiredMixin
from partners.models import Partner

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
from .choices import EventStatus
from .filtersets import ChecklistTemplateFilterSet, EventFilterSet, ObservanceFilterSet
from .forms import (
    ApplyChecklistForm,
    ChecklistItemFormSet,
    ChecklistTemplateForm,
    EventForm,
    ObservanceForm,
    RunOfShowFormSet,
    SpeakerFormSet,
)
from .models import ChecklistTemplate, Event, EventTask, Observance
from .queries import event_community_ids, events_editable_by, observance_clashes
from .services import event_apply_checklist, event_copy_to_next_year, event_task_set_done
from .tables import ChecklistTemplateTable, EventTable, ObservanceTable

# Reusable checklists are kept by supervisors and by IT (DESIGN.md: reference lists).
CHECKLIST_EDITORS = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})


class EventListView(ObjectListView):
    allowed_roles = SECTION_ROLES
    queryset = Event.objects.select_related("section").prefetch_related("partners")
    filterset_class = EventFilterSet
    table_class = EventTable
    title = gettext_lazy("Events")
    export_stem = "events"
    add_url_name = "events:event_create"
    import_url_name = "events:event_import"
    add_roles = SECTION_ROLES


class EventDetailView(ObjectDetailView):
    allowed_roles = SECTION_ROLES
    queryset = Event.objects.select_related("section", "copied_from").prefetch_related(
        "partners__communities", "speakers", "run_of_show"
    )
    template_name = "events/event_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event, user = self.object, self.request.user
        context["tasks"] = list(event.tasks.select_related("owner"))
        context["activities"] = list(event.activities.select_related("type").order_by("-date"))
        context["clashes"] = observance_clashes(
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            community_ids=event_community_ids(event),
        )
        context["can_edit"] = event.section_id == user.section_id
        context["can_log"] = context["can_edit"] and event.status == EventStatus.COMPLETED
        context["checklist_form"] = ApplyChecklistForm(initial={"owner": user.pk})
        context["today"] = timezone.localdate()
        return context


class EventFormMixin(InlineFormsetsMixin):
    """Create and edit share the form, speakers, run of show and the clash warning."""

    model = Event
    form_class = EventForm
    formset_classes = {"speakers": SpeakerFormSet, "run_of_show": RunOfShowFormSet}
    template_name = "events/event_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def before_save(self, form):
        partners = form.cleaned_data.get("partners") or Partner.objects.none()
        clashes = observance_clashes(
            starts_at=form.cleaned_data["starts_at"],
            ends_at=form.cleaned_data["ends_at"],
            community_ids=partners.values_list("communities", flat=True),
        )
        if clashes and not self.request.POST.get("despite_clash"):
            # The planner sees what it falls on, and can still go ahead.
            return self.render_to_response(self.get_context_data(form=form, clashes=clashes))
        return None


class EventCreateView(EventFormMixin, ObjectCreateView):
    allowed_roles = SECTION_ROLES
    extra_context = {
        "title": gettext_lazy("New event"),
        "cancel_url": reverse_lazy("events:event_list"),
    }

    def get_initial(self):
        return {"section": self.request.user.section_id}


class EventUpdateView(EventFormMixin, ObjectUpdateView):
    allowed_roles = SECTION_ROLES
    queryset = Event.objects.all()

    def get_queryset(self):
        return events_editable_by(super().get_queryset(), self.request.user)


class EventActionMixin(RoleRequiredMixin):
    allowed_roles = SECTION_ROLES

    def get_event(self, request, pk):
        return get_object_or_404(events_editable_by(Event.objects.all(), request.user), pk=pk)


class EventApplyChecklistView(EventActionMixin, View):
    def post(self, request, pk):
        event = self.get_event(request, pk)
        form = ApplyChecklistForm(request.POST)
        if form.is_valid():
            tasks = event_apply_checklist(
                event=event,
                template=form.cleaned_data["template"],
                owner=form.cleaned_data["owner"],
            )
            messages.success(
                request,
                ngettext(
                    "%(count)s task added from “%(template)s”.",
                    "%(count)s tasks added from “%(template)s”.",
                    len(tasks),
                )
                % {"count": len(tasks), "template": form.cleaned_data["template"]},
            )
        else:
            messages.error(request, _("Choose a checklist template."))
        return redirect(event)


class EventCopyView(EventActionMixin, View):
    def post(self, request, pk):
        event = self.get_event(request, pk)
        try:
            copy = event_copy_to_next_year(event=event, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(event)
        messages.success(request, _("“%(title)s” is planned for next year.") % {"title": copy})
        return redirect(copy)


class EventLogActivityView(EventActionMixin, View):
    """Open the activity form filled from a completed event."""

    def get(self, request, pk):
        event = self.get_event(request, pk)
        return redirect(f"{reverse('engagement:activity_create')}?event={event.pk}")


class EventTaskDoneView(RoleRequiredMixin, View):
    allowed_roles = SECTION_ROLES

    def post(self, request, pk):
        editable = events_editable_by(Event.objects.all(), request.user)
        task = get_object_or_404(
            EventTask.objects.filter(event__in=editable.values("pk")).select_related("owner"),
            pk=pk,
        )
        event_task_set_done(task=task, done=request.POST.get("done") != "0")
        if getattr(request, "htmx", None):
            return render(
                request,
                "events/event_task_row.html",
                {"task": task, "today": timezone.localdate(), "can_edit": True},
            )
        return redirect(task.event.get_absolute_url())


class EventHistoryView(ObjectHistoryView):
    queryset = Event.objects.all()


def local_today():
    return timezone.localdate(timezone=local_zone())


# --- The multicultural calendar ---------------------------------------------------------------


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


class ChecklistTemplateListView(ObjectListView):
    """Reusable checklists ("Annual event"); supervisors and administrators keep them."""

    allowed_roles = CHECKLIST_EDITORS
    queryset = ChecklistTemplate.objects.annotate(item_count=Count("items"))
    filterset_class = ChecklistTemplateFilterSet
    table_class = ChecklistTemplateTable
    title = gettext_lazy("Checklist templates")
    export_stem = "checklist-templates"
    add_url_name = "events:checklist_create"
    add_roles = CHECKLIST_EDITORS


class ChecklistTemplateFormMixin(InlineFormsetsMixin):
    model = ChecklistTemplate
    form_class = ChecklistTemplateForm
    formset_classes = {"items": ChecklistItemFormSet}
    template_name = "events/checklisttemplate_form.html"

    def get_success_url(self):
        return reverse("events:checklist_list")


class ChecklistTemplateCreateView(ChecklistTemplateFormMixin, ObjectCreateView):
    allowed_roles = CHECKLIST_EDITORS
    extra_context = {
        "title": gettext_lazy("New checklist template"),
        "cancel_url": reverse_lazy("events:checklist_list"),
    }


class ChecklistTemplateUpdateView(ChecklistTemplateFormMixin, ObjectUpdateView):
    allowed_roles = CHECKLIST_EDITORS
    queryset = ChecklistTemplate.objects.all()
