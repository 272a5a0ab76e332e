from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import ListView

from core.generic import (
    InlineFormsetsMixin,
    KnownCountPaginator,
    ObjectCreateView,
    ObjectDetailView,
    ObjectHistoryView,
    ObjectListView,
    ObjectUpdateView,
)
from core.models import name_key
from core.permissions import SECTION_ROLES, SUPERVISORS, RoleRequiredMixin
from core.tables import configured
from partners.models import Contact, Partner

from .choices import ReviewStatus
from .filtersets import ActivityFilterSet
from .forms import ActivityForm, FollowUpFormSet, ReturnForm
from .models import Activity, FollowUp
from .queries import (
    activities_editable_by,
    activities_reviewable_by,
    activities_visible_to,
    activity_totals,
)
from .services import (
    activity_after_edit,
    activity_approve,
    activity_approve_many,
    activity_return,
    activity_submit,
    follow_up_set_done,
)
from .tables import ActivityTable, ReviewTable

# Fields "Log another like this" carries over from an earlier activity.
COPIED_FIELDS = [
    "section",
    "type",
    "title",
    "audience",
    "location",
    "ward",
    "event",
    "consultation",
]
COPIED_MANY = ["partners", "communities", "staff"]
OPTIONS_LIMIT = 15


class ActivityQuerysetMixin:
    def get_queryset(self):
        return activities_visible_to(super().get_queryset(), self.request.user)


class ActivityListView(ActivityQuerysetMixin, ObjectListView):
    allowed_roles = SECTION_ROLES
    queryset = Activity.objects.select_related("section", "type").prefetch_related(
        "partners", "communities", "staff"
    )
    filterset_class = ActivityFilterSet
    table_class = ActivityTable
    title = gettext_lazy("Activities")
    export_stem = "activities"
    add_url_name = "engagement:activity_create"
    import_url_name = "engagement:activity_import"
    add_roles = SECTION_ROLES
    table_summary_template = "engagement/activity_totals.html"
    template_name = "engagement/activity_list.html"

    def get_table_pagination(self, table):
        # The totals of the filtered rows include their count: the paginator takes it from
        # there instead of counting them all again (a text search among a million
        # activities reads every row for each count).
        self.totals = activity_totals(self.object_list)
        pagination = super().get_table_pagination(table)
        if pagination is False:
            return pagination
        return {
            **pagination,
            "paginator_class": KnownCountPaginator,
            "count": self.totals["count"],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = self.totals
        context["table_summary_template"] = self.table_summary_template
        return context


class ActivityDetailView(ActivityQuerysetMixin, ObjectDetailView):
    allowed_roles = SECTION_ROLES
    queryset = Activity.objects.select_related(
        "section", "type", "event", "consultation", "created_by"
    ).prefetch_related("partners", "contacts__partner", "communities", "staff")
    template_name = "engagement/activity_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activity, user = self.object, self.request.user
        one = Activity.objects.filter(pk=activity.pk)
        context["follow_ups"] = list(activity.follow_ups.select_related("owner"))
        context["reviews"] = list(activity.reviews.select_related("by"))
        context["can_edit"] = activities_editable_by(one, user).exists()
        context["can_review"] = activities_reviewable_by(one, user).exists()
        context["can_submit"] = context["can_edit"] and activity.status in (
            ReviewStatus.DRAFT,
            ReviewStatus.RETURNED,
        )
        context["return_form"] = ReturnForm()
        return context


class ActivityFormMixin(InlineFormsetsMixin):
    """Create and edit share the form, the follow-ups and the two save buttons."""

    model = Activity
    form_class = ActivityForm
    formset_classes = {"follow_ups": FollowUpFormSet}
    template_name = "engagement/activity_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def before_save(self, form):
        self.was_approved = (
            bool(form.instance.pk)
            and Activity.objects.filter(pk=form.instance.pk, status=ReviewStatus.APPROVED).exists()
        )
        if not form.instance.pk:
            form.instance.created_by = self.request.user
        return None

    def after_save(self, form):
        activity_after_edit(
            activity=self.object, was_approved=self.was_approved, user=self.request.user
        )
        if self.request.POST.get("action") == "submit" and self.object.status in (
            ReviewStatus.DRAFT,
            ReviewStatus.RETURNED,
        ):
            activity_submit(activity=self.object, user=self.request.user)
        if self.was_approved:
            messages.info(
                self.request,
                _("It was approved, so it goes back to the review queue before it counts again."),
            )


class ActivityCreateView(ActivityFormMixin, ObjectCreateView):
    allowed_roles = SECTION_ROLES
    extra_context = {"title": gettext_lazy("Log an activity")}

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.section_id:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        user = self.request.user
        initial = {
            "date": timezone.localdate(),
            "section": user.section_id,
            "staff": [user.pk],
        }
        event_id = self.request.GET.get("event", "")
        if event_id.isdigit():
            initial.update(self.initial_from_event(int(event_id)))
        source = self.request.GET.get("copy", "")
        if source.isdigit():
            earlier = activities_visible_to(Activity.objects.all(), user).filter(pk=source).first()
            if earlier:
                initial.update(
                    {
                        f: getattr(earlier, f"{f}_id", None) or getattr(earlier, f)
                        for f in COPIED_FIELDS
                    }
                )
                for field in COPIED_MANY:
                    initial[field] = list(getattr(earlier, field).values_list("pk", flat=True))
        return initial

    def initial_from_event(self, event_id: int) -> dict:
        """A completed event logged as an activity: its date, partners and attendance."""
        from events.choices import EventRole
        from events.models import Event
        from events.queries import event_community_ids

        from .models import ActivityType

        event = Event.objects.filter(pk=event_id).prefetch_related("partners__communities").first()
        if event is None:
            return {}
        code = "event_hosted" if event.role == EventRole.ORGANIZED else "event_attended"
        activity_type = ActivityType.objects.filter(code=code).first()
        return {
            "date": timezone.localtime(event.starts_at).date(),
            "title": event.title,
            "type": activity_type.pk if activity_type else None,
            "partners": [p.pk for p in event.partners.all()],
            "communities": sorted(event_community_ids(event)),
            "people_reached": event.actual_attendance or 0,
            "location": event.venue,
            "event": event.pk,
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "cancel_url": reverse("engagement:activity_list"),
        }


class ActivityUpdateView(ActivityFormMixin, ObjectUpdateView):
    allowed_roles = SECTION_ROLES
    queryset = Activity.objects.all()

    def get_queryset(self):
        return activities_editable_by(super().get_queryset(), self.request.user)


class ActivitySubmitView(RoleRequiredMixin, View):
    allowed_roles = SECTION_ROLES

    def post(self, request, pk):
        activity = get_object_or_404(
            activities_editable_by(Activity.objects.all(), request.user), pk=pk
        )
        try:
            activity_submit(activity=activity, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Submitted for review."))
        return redirect(activity)


class ActivityApproveView(RoleRequiredMixin, View):
    allowed_roles = SUPERVISORS

    def post(self, request, pk):
        activity = get_object_or_404(Activity.objects.all(), pk=pk)
        try:
            activity_approve(activity=activity, reviewer=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("“%(title)s” was approved.") % {"title": activity.title})
        return redirect(request.POST.get("next") or activity.get_absolute_url())


class ActivityReturnView(RoleRequiredMixin, View):
    """Return one activity to its author with a comment."""

    allowed_roles = SUPERVISORS
    template_name = "engagement/activity_return.html"

    def get_activity(self, request, pk):
        return get_object_or_404(
            activities_reviewable_by(Activity.objects.select_related("type"), request.user), pk=pk
        )

    def get(self, request, pk):
        activity = self.get_activity(request, pk)
        return render(request, self.template_name, {"activity": activity, "form": ReturnForm()})

    def post(self, request, pk):
        activity = self.get_activity(request, pk)
        form = ReturnForm(request.POST)
        if form.is_valid():
            try:
                activity_return(
                    activity=activity, reviewer=request.user, comment=form.cleaned_data["comment"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("“%(title)s” was returned to its author.") % {"title": activity.title},
                )
                return redirect("engagement:activity_review")
        return render(request, self.template_name, {"activity": activity, "form": form}, status=400)


class ReviewQueueView(RoleRequiredMixin, ListView):
    """The supervisor's queue: submitted activities of the section, oldest first."""

    allowed_roles = SUPERVISORS
    template_name = "engagement/activity_review.html"

    def get_queryset(self):
        return (
            activities_reviewable_by(Activity.objects.all(), self.request.user)
            .select_related("type", "created_by")
            .prefetch_related("partners")
            .order_by("date", "created_at", "pk")
        )

    # A Friday's queue fits one page; past this, the oldest come first anyway.
    queue_limit = 200

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queue = context["object_list"]
        activities = list(queue[: self.queue_limit])
        context["object_list"] = activities
        # A full page may not be the whole queue: then count it (in SQL).
        context["waiting"] = (
            queue.count() if len(activities) == self.queue_limit else len(activities)
        )
        context["table"] = configured(ReviewTable(activities), self.request)
        return context

    def post(self, request):
        ids = [value for value in request.POST.getlist("activity") if value.isdigit()]
        chosen = list(self.get_queryset().filter(pk__in=ids))
        if not ids:
            messages.error(request, _("Select the activities to approve first."))
        elif len(chosen) != len(set(ids)):
            messages.error(
                request,
                _("Some of the selected activities are no longer waiting for your review."),
            )
        else:
            try:
                activity_approve_many(activities=chosen, reviewer=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s activity approved.",
                        "%(count)s activities approved.",
                        len(chosen),
                    )
                    % {"count": len(chosen)},
                )
        return redirect("engagement:activity_review")


class FollowUpListView(RoleRequiredMixin, ListView):
    """My follow-ups: open ones first, overdue ones at the top."""

    allowed_roles = SECTION_ROLES
    template_name = "engagement/follow_up_list.html"

    def get_queryset(self):
        return (
            FollowUp.objects.filter(owner=self.request.user)
            .select_related("activity")
            .order_by("done", "due_on", "pk")
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "today": timezone.localdate()}


class FollowUpDoneView(RoleRequiredMixin, View):
    allowed_roles = SECTION_ROLES

    def post(self, request, pk):
        follow_up = get_object_or_404(
            FollowUp.objects.filter(
                Q(owner=request.user)
                | Q(
                    activity__in=activities_editable_by(
                        Activity.objects.all(), request.user
                    ).values("pk")
                )
            ).select_related("activity"),
            pk=pk,
        )
        follow_up_set_done(
            follow_up=follow_up, user=request.user, done=request.POST.get("done") != "0"
        )
        if getattr(request, "htmx", None):
            return render(
                request,
                "engagement/follow_up_row.html",
                {"follow_up": follow_up, "today": timezone.localdate()},
            )
        return redirect(request.POST.get("next") or "engagement:follow_up_list")


class ActivityHistoryView(ObjectHistoryView):
    queryset = Activity.objects.all()


class OptionsView(RoleRequiredMixin, View):
    """Type-ahead results (core.widgets.TypeaheadMultiple): up to 15 matches."""

    allowed_roles = SECTION_ROLES

    def get(self, request):
        query = request.GET.get(request.GET.get("field", "") + "-search", "").strip()
        options = self.options(query) if len(query) >= 2 else []
        field = request.GET.get("field", "")
        return render(
            request,
            "includes/typeahead_options.html",
            {
                "options": options,
                "query": query,
                "field": field if field in {"partners", "contacts"} else "",
                "field_id": request.GET.get("id", "")[:40],
            },
        )


class PartnerOptionsView(OptionsView):
    def options(self, query):
        partners = (
            Partner.objects.filter(is_archived=False, name_key__contains=name_key(query))
            .prefetch_related("communities")
            .order_by("name_key")[:OPTIONS_LIMIT]
        )
        return [
            {
                "pk": p.pk,
                "label": p.name,
                "community_ids": ",".join(str(c.pk) for c in p.communities.all()),
            }
            for p in partners
        ]


class ContactOptionsView(OptionsView):
    def options(self, query):
        contacts = (
            Contact.objects.filter(
                Q(name__icontains=query) | Q(partner__name_key__contains=name_key(query))
            )
            .select_related("partner")
            .order_by("name")[:OPTIONS_LIMIT]
        )
        return [
            {"pk": c.pk, "label": f"{c.name} ({c.partner})" if c.partner_id else c.name}
            for c in contacts
        ]
