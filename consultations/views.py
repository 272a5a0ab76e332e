from django.contrib import messages
from django.db.models import Count, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView

from core.exports import ExportUnavailable
from core.generic import (
    ObjectCreateView,
    ObjectDetailView,
    ObjectHistoryView,
    ObjectListView,
    ObjectUpdateView,
)
from core.permissions import SECTION_ROLES, RoleRequiredMixin, has_role
from engagement.choices import CONSULTATION_SESSION
from partners.models import Community, Partner

from .exporters import EXPORTERS
from .filtersets import ConsultationFilterSet
from .forms import (
    ConsultationForm,
    DistributionForm,
    FeedbackForm,
    SendToolkitForm,
    ToolkitForm,
)
from .models import Consultation, Distribution, Feedback, Toolkit
from .queries import consultation_figures, scalar_subquery, what_we_heard
from .services import distribution_send_many
from .tables import ConsultationTable


def groups_subquery():
    """Distinct partners given a toolkit of the consultation, for the list's column."""
    return scalar_subquery(
        Distribution.objects.filter(toolkit__consultation=OuterRef("pk")),
        "toolkit__consultation",
        Count("partner", distinct=True),
    )


def editable_consultations(user):
    """A section's staff and supervisors manage its consultations."""
    if user.role in SECTION_ROLES and user.section_id:
        return Consultation.objects.filter(section_id=user.section_id)
    return Consultation.objects.none()


class ConsultationListView(ObjectListView):
    allowed_roles = SECTION_ROLES
    queryset = Consultation.objects.select_related("section").annotate(
        groups=groups_subquery(), feedback_count=Count("feedback", distinct=True)
    )
    filterset_class = ConsultationFilterSet
    table_class = ConsultationTable
    title = gettext_lazy("Consultations")
    export_stem = "consultations"
    add_url_name = "consultations:consultation_create"
    import_url_name = "consultations:distribution_import"
    add_roles = SECTION_ROLES


class ConsultationDetailView(ObjectDetailView):
    allowed_roles = SECTION_ROLES
    queryset = Consultation.objects.select_related("section")
    template_name = "consultations/consultation_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        consultation, user = self.object, self.request.user
        context["figures"] = consultation_figures(consultation)
        context["toolkits"] = list(consultation.toolkits.all())
        context["distributions"] = list(
            Distribution.objects.filter(toolkit__consultation=consultation)
            .select_related("partner", "toolkit")
            .order_by("partner__name_key")
        )
        context["sessions"] = list(
            consultation.activities.filter(type__code=CONSULTATION_SESSION).order_by("date")
        )
        context["feedback"] = list(
            consultation.feedback.select_related("distribution__partner", "activity")
            .prefetch_related("themes")
            .order_by("-received_on", "pk")
        )
        context["can_edit"] = consultation.section_id == user.section_id
        context["today"] = timezone.localdate()
        return context


class ConsultationCreateView(ObjectCreateView):
    allowed_roles = SECTION_ROLES
    model = Consultation
    form_class = ConsultationForm
    extra_context = {
        "title": gettext_lazy("New consultation"),
        "cancel_url": reverse_lazy("consultations:consultation_list"),
    }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        return {"section": self.request.user.section_id}


class ConsultationUpdateView(ObjectUpdateView):
    allowed_roles = SECTION_ROLES
    queryset = Consultation.objects.all()
    form_class = ConsultationForm

    def get_queryset(self):
        return editable_consultations(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}


class ConsultationChildMixin:
    """Pages that add to one consultation the user's section manages."""

    allowed_roles = SECTION_ROLES

    def dispatch(self, request, *args, **kwargs):
        if has_role(request.user, self.allowed_roles):
            self.consultation = get_object_or_404(
                editable_consultations(request.user), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return self.consultation.get_absolute_url()

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "consultation": self.consultation,
            "cancel_url": self.consultation.get_absolute_url(),
        }


class ToolkitCreateView(ConsultationChildMixin, ObjectCreateView):
    model = Toolkit
    form_class = ToolkitForm
    extra_context = {"title": gettext_lazy("New toolkit")}

    def form_valid(self, form):
        form.instance.consultation = self.consultation
        return super().form_valid(form)


class ToolkitDownloadView(ObjectDetailView):
    """Toolkit files are served through this view (never as static files): staff only."""

    allowed_roles = SECTION_ROLES
    queryset = Toolkit.objects.all()

    def get(self, request, *args, **kwargs):
        toolkit = self.get_object()
        if not toolkit.file:
            raise Http404
        try:
            handle = toolkit.file.open("rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        return FileResponse(handle, as_attachment=True, filename=toolkit.file.name.split("/")[-1])


class SendToolkitView(ConsultationChildMixin, RoleRequiredMixin, FormView):
    """Send a toolkit to many partners at once, chosen by community or kind."""

    form_class = SendToolkitForm
    template_name = "consultations/send_toolkit.html"

    def candidate_partners(self):
        partners = Partner.objects.filter(is_archived=False).order_by("name_key")
        community, kind = self.request.GET.get("community", ""), self.request.GET.get("kind", "")
        if community.isdigit():
            partners = partners.filter(communities=community)
        if kind:
            partners = partners.filter(kind=kind)
        return partners

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "consultation": self.consultation,
            "partners": self.candidate_partners(),
        }

    def get_context_data(self, **kwargs):
        from partners.choices import PartnerKind

        context = super().get_context_data(**kwargs)
        context["communities"] = list(Community.objects.filter(is_active=True))
        context["kinds"] = PartnerKind.choices
        context["chosen_community"] = self.request.GET.get("community", "")
        context["chosen_kind"] = self.request.GET.get("kind", "")
        return context

    def form_valid(self, form):
        created, skipped = distribution_send_many(
            toolkit=form.cleaned_data["toolkit"],
            partners=form.cleaned_data["partners"],
            sent_on=form.cleaned_data["sent_on"],
            due_back=form.cleaned_data["due_back"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            ngettext(
                "The toolkit was sent to %(count)s group.",
                "The toolkit was sent to %(count)s groups.",
                len(created),
            )
            % {"count": len(created)},
        )
        if skipped:
            messages.info(
                self.request,
                _("Already sent, so skipped: %(names)s.")
                % {"names": ", ".join(p.name for p in skipped)},
            )
        return redirect(self.consultation)


class DistributionUpdateView(ObjectUpdateView):
    allowed_roles = SECTION_ROLES
    queryset = Distribution.objects.select_related("partner", "toolkit__consultation")
    form_class = DistributionForm

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(toolkit__consultation__in=editable_consultations(self.request.user))
        )

    def get_success_url(self):
        return self.object.toolkit.consultation.get_absolute_url()


class FeedbackCreateView(ConsultationChildMixin, ObjectCreateView):
    model = Feedback
    form_class = FeedbackForm
    extra_context = {"title": gettext_lazy("Record feedback")}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consultation": self.consultation}

    def get_initial(self):
        initial = {"received_on": timezone.localdate()}
        for field in ("distribution", "activity"):
            value = self.request.GET.get(field, "")
            if value.isdigit():
                initial[field] = int(value)
        return initial


class WhatWeHeardView(ObjectDetailView):
    """Feedback counted by theme and community, with the quotes a group may see published;
    ``?format=docx|pdf|xlsx`` downloads the same for the board."""

    allowed_roles = SECTION_ROLES
    queryset = Consultation.objects.select_related("section")
    template_name = "consultations/what_we_heard.html"

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        fmt = request.GET.get("format", "")
        heard = what_we_heard(self.object)
        if fmt:
            exporter = EXPORTERS.get(fmt)
            if exporter is None:
                return HttpResponse(
                    _("Unknown format. Choose docx, pdf or xlsx."),
                    status=400,
                    content_type="text/plain; charset=utf-8",
                )
            try:
                body = exporter.render(self.object, heard)
            except ExportUnavailable as exc:
                return HttpResponse(
                    exc.message, status=503, content_type="text/plain; charset=utf-8"
                )
            response = HttpResponse(body, content_type=exporter.content_type)
            response["Content-Disposition"] = (
                f'attachment; filename="{exporter.filename(self.object)}"'
            )
            return response
        context = self.get_context_data(object=self.object, heard=heard, formats=list(EXPORTERS))
        return self.render_to_response(context)


class ConsultationHistoryView(ObjectHistoryView):
    queryset = Consultation.objects.all()
