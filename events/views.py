from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.generic import ObjectCreateView, ObjectDetailView, ObjectListView, ObjectUpdateView
from core.permissions import SECTION_ROLES, SUPERVISORS, RoleRequiredMixin
from partners.models import Partner
from partners.views import HistoryView

from .choices import EventStatus
from .filtersets import EventFilterSet
from .forms import ApplyChecklistForm, EventForm, RunOfShowFormSet, SpeakerFormSet
from .models import Event, EventTask
from .queries import events_editable_by, observance_clashes
from .services import event_apply_checklist, event_copy_to_next_year, event_task_set_done
from .tables import EventTable


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


def event_community_ids(event: Event) -> set[int]:
    """The communities an event is for: those its partners serve (prefetched)."""
    return {c.pk for partner in event.partners.all() for c in partner.communities.all()}


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
        context["can_read_history"] = user.role in SUPERVISORS
        context["checklist_form"] = ApplyChecklistForm(initial={"owner": user.pk})
        context["today"] = timezone.localdate()
        return context


class EventFormMixin:
    """Create and edit share the form, speakers, run of show and the clash warning."""

    model = Event
    form_class = EventForm
    template_name = "events/event_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def formsets(self, instance):
        data = self.request.POST if self.request.method == "POST" else None
        return {
            "speakers": SpeakerFormSet(data, instance=instance, prefix="speakers"),
            "run_of_show": RunOfShowFormSet(data, instance=instance, prefix="run_of_show"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        instance = getattr(self, "object", None) or Event()
        for name, formset in (getattr(self, "_formsets", None) or self.formsets(instance)).items():
            context.setdefault(name, formset)
        return context

    def form_invalid(self, form):
        self._formsets = self.formsets(form.instance)
        return super().form_invalid(form)

    def form_valid(self, form):
        formsets = self._formsets = self.formsets(form.instance)
        if not all(f.is_valid() for f in formsets.values()):
            return self.form_invalid(form)
        partners = form.cleaned_data.get("partners") or Partner.objects.none()
        clashes = observance_clashes(
            starts_at=form.cleaned_data["starts_at"],
            ends_at=form.cleaned_data["ends_at"],
            community_ids=partners.values_list("communities", flat=True),
        )
        if clashes and not self.request.POST.get("despite_clash"):
            # The planner sees what it falls on, and can still go ahead.
            return self.render_to_response(self.get_context_data(form=form, clashes=clashes))
        with transaction.atomic():
            response = super().form_valid(form)
            if response.status_code != 302:
                return response
            for formset in formsets.values():
                formset.instance = self.object
                formset.save()
        return response


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
                _("%(count)s tasks added from “%(template)s”.")
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


class EventHistoryView(HistoryView):
    queryset = Event.objects.all()
