from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView

from core.generic import (
    ObjectCreateView,
    ObjectDetailView,
    ObjectHistoryView,
    ObjectListView,
    ObjectUpdateView,
)
from core.permissions import PARTNER_READERS, SECTION_ROLES, SUPERVISORS, RoleRequiredMixin

from .duplicates import likely_duplicates
from .filtersets import ContactFilterSet, PartnerFilterSet
from .forms import ContactForm, PartnerForm
from .models import Contact, ContactExportLog, Partner
from .queries import partner_timeline, partners_editable_by, partners_visible_to
from .services import partner_merge, partner_merge_preview
from .tables import ContactTable, PartnerTable
from .vcard import contacts_to_vcard


class PartnerQuerysetMixin:
    def get_queryset(self):
        return partners_visible_to(super().get_queryset(), self.request.user)


class PartnerListView(PartnerQuerysetMixin, ObjectListView):
    allowed_roles = PARTNER_READERS
    queryset = Partner.objects.with_engagement_stats().prefetch_related("communities")
    filterset_class = PartnerFilterSet
    table_class = PartnerTable
    title = gettext_lazy("Partners")
    export_stem = "partners"
    add_url_name = "partners:partner_create"
    import_url_name = "partners:partner_import"
    add_roles = SECTION_ROLES


class PartnerDetailView(PartnerQuerysetMixin, ObjectDetailView):
    allowed_roles = PARTNER_READERS
    queryset = (
        Partner.objects.with_engagement_stats()
        .select_related("relationship_lead")
        .prefetch_related("communities", "sections")
    )
    template_name = "partners/partner_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner, user = self.object, self.request.user
        if partner.last_engaged_on:
            context["days_since"] = (timezone.localdate() - partner.last_engaged_on).days
        context["timeline"] = partner_timeline(partner, user=user)
        context["can_see_contacts"] = user.can_see_personal_details
        if user.can_see_personal_details:
            context["contacts"] = list(partner.contacts.all())
        context["can_edit"] = partners_editable_by(
            Partner.objects.filter(pk=partner.pk), user
        ).exists()
        context["can_merge"] = context["can_edit"] and user.role in SUPERVISORS
        return context


class DuplicateWarningMixin:
    """Before saving a partner whose name matches others, list them and ask to confirm."""

    template_name = "partners/partner_form.html"

    def form_valid(self, form):
        if not self.request.POST.get("not_a_duplicate"):
            duplicates = likely_duplicates(
                form.cleaned_data["name"], exclude_pk=form.instance.pk or None
            )
            if duplicates:
                return self.render_to_response(
                    self.get_context_data(form=form, duplicates=duplicates)
                )
        return super().form_valid(form)


class PartnerCreateView(DuplicateWarningMixin, ObjectCreateView):
    allowed_roles = SECTION_ROLES
    model = Partner
    form_class = PartnerForm
    extra_context = {
        "title": gettext_lazy("New partner"),
        "cancel_url": reverse_lazy("partners:partner_list"),
    }

    def get_initial(self):
        section = self.request.user.section
        return {"sections": [section] if section else [], "relationship_lead": self.request.user}


class PartnerUpdateView(DuplicateWarningMixin, ObjectUpdateView):
    allowed_roles = SECTION_ROLES
    queryset = Partner.objects.all()
    form_class = PartnerForm

    def get_queryset(self):
        return partners_editable_by(super().get_queryset(), self.request.user)


class PartnerArchiveView(RoleRequiredMixin, View):
    """Archive (or restore) a partner: never deleted, since its history stays in reports."""

    allowed_roles = SECTION_ROLES

    def post(self, request, pk):
        partner = get_object_or_404(
            partners_editable_by(Partner.objects.all(), request.user), pk=pk
        )
        partner.is_archived = request.POST.get("archive") != "0"
        partner.version += 1
        partner.save()
        if partner.is_archived:
            messages.success(request, _("“%(partner)s” was archived.") % {"partner": partner})
        else:
            messages.success(request, _("“%(partner)s” was restored.") % {"partner": partner})
        return redirect(partner)


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        queryset=Partner.objects.none(),
        label=gettext_lazy("Duplicate to merge into this partner"),
        help_text=gettext_lazy(
            "Its activities, events, contacts, toolkits and feedback move here; it is archived."
        ),
    )


class PartnerMergeView(RoleRequiredMixin, DetailView):
    """A supervisor merges a duplicate into this partner: choose, preview, confirm."""

    allowed_roles = SUPERVISORS
    template_name = "partners/partner_merge.html"
    context_object_name = "partner"

    def get_queryset(self):
        return partners_editable_by(Partner.objects.all(), self.request.user)

    def candidates(self):
        return self.get_queryset().exclude(pk=self.object.pk).order_by("name_key")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = MergeForm()
        form.fields["duplicate"].queryset = self.candidates()
        return self.render(form)

    def render(self, form, **extra):
        likely = likely_duplicates(self.object.name, exclude_pk=self.object.pk)
        return self.render_to_response(self.get_context_data(form=form, likely=likely, **extra))

    def post(self, request, *args, **kwargs):
        self.object = keep = self.get_object()
        form = MergeForm(request.POST)
        form.fields["duplicate"].queryset = self.candidates()
        if not form.is_valid():
            return self.render(form)
        duplicate = form.cleaned_data["duplicate"]
        if request.POST.get("action") != "confirm":
            preview = partner_merge_preview(keep=keep, duplicate=duplicate)
            return self.render(form, duplicate=duplicate, preview=preview)
        versions = (request.POST.get("keep_version"), request.POST.get("duplicate_version"))
        if versions != (str(keep.version), str(duplicate.version)):
            form.add_error(
                None,
                _("One of the two partners was changed since the preview. Check it again."),
            )
            preview = partner_merge_preview(keep=keep, duplicate=duplicate)
            return self.render(form, duplicate=duplicate, preview=preview)
        try:
            partner_merge(keep=keep, duplicate=duplicate, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.render(form)
        messages.success(
            request,
            _("“%(duplicate)s” was merged into “%(keep)s” and archived.")
            % {"duplicate": duplicate, "keep": keep},
        )
        return redirect(keep)


class PartnerHistoryView(ObjectHistoryView):
    queryset = Partner.objects.all()


class ContactHistoryView(ObjectHistoryView):
    queryset = Contact.objects.select_related("partner")


class ContactListView(ObjectListView):
    allowed_roles = SECTION_ROLES
    queryset = Contact.objects.select_related("partner")
    filterset_class = ContactFilterSet
    table_class = ContactTable
    title = gettext_lazy("Contacts")
    export_stem = "contacts"
    add_url_name = "partners:contact_create"
    import_url_name = "partners:contact_import"
    add_roles = SECTION_ROLES
    template_name = "partners/contact_list.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "vcf":
            return self.export_vcard()
        return super().get(request, *args, **kwargs)

    def export_vcard(self):
        filterset = self.filterset_class(self.request.GET, queryset=self.get_queryset())
        contacts = list(filterset.qs.order_by("name")) if filterset.is_valid() else []
        self.exported(len(contacts), "vcf")
        response = HttpResponse(
            contacts_to_vcard(contacts), content_type="text/vcard; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="contacts-{timezone.localdate():%Y-%m-%d}.vcf"'
        )
        return response

    def exported(self, count: int, fmt: str) -> None:
        ContactExportLog.objects.create(
            user=self.request.user,
            format=fmt,
            rows=count,
            query=self.request.GET.urlencode()[:500],
        )


class ContactDetailView(ObjectDetailView):
    allowed_roles = SECTION_ROLES
    queryset = Contact.objects.select_related("partner")
    template_name = "partners/contact_detail.html"


class ContactCreateView(ObjectCreateView):
    allowed_roles = SECTION_ROLES
    model = Contact
    form_class = ContactForm
    extra_context = {
        "title": gettext_lazy("New contact"),
        "cancel_url": reverse_lazy("partners:contact_list"),
    }

    def get_initial(self):
        partner = self.request.GET.get("partner")
        return {"partner": partner} if partner and partner.isdigit() else {}


class ContactUpdateView(ObjectUpdateView):
    allowed_roles = SECTION_ROLES
    queryset = Contact.objects.select_related("partner")
    form_class = ContactForm

    def get_queryset(self):
        # A contact is managed by the sections that manage its partner.
        editable = partners_editable_by(Partner.objects.all(), self.request.user)
        return (
            super()
            .get_queryset()
            .filter(Q(partner__isnull=True) | Q(partner__in=editable.values("pk")))
        )
