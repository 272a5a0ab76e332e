from django import forms
from django.utils.translation import gettext_lazy as _

from core.generic import RowChoicesInlineFormSet
from core.permissions import SECTION_ROLES, sections_for, users_with_role
from core.widgets import TypeaheadMultiple
from partners.models import Community, Partner

from .models import (
    ChecklistTemplate,
    ChecklistTemplateItem,
    Event,
    Observance,
    RunOfShowItem,
    Speaker,
)

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "section",
            "role",
            "status",
            "starts_at",
            "ends_at",
            "venue",
            "partners",
            "description",
            "expected_attendance",
            "actual_attendance",
            "budget",
            "actual_cost",
            "funds_raised",
            "funds_beneficiary",
            "evaluation",
        ]
        widgets = {
            "starts_at": LOCAL_DATETIME,
            "ends_at": LOCAL_DATETIME,
            "partners": TypeaheadMultiple(search_url_name="engagement:partner_options"),
            "description": forms.Textarea(attrs={"rows": 3}),
            "evaluation": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections_for(user)
        self.fields["section"].empty_label = None
        self.fields["partners"].queryset = Partner.objects.filter(is_archived=False)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
            self.fields[name].help_text = _("Ottawa time.")

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        return cleaned


# The event's speakers, run of show and a checklist's tasks are each read once, however many.
SpeakerFormSet = forms.inlineformset_factory(
    Event,
    Speaker,
    formset=RowChoicesInlineFormSet,
    fields=["name", "title", "organization", "topic", "position"],
    extra=1,
    can_delete=True,
)
RunOfShowFormSet = forms.inlineformset_factory(
    Event,
    RunOfShowItem,
    formset=RowChoicesInlineFormSet,
    fields=["position", "starts_at", "title", "notes"],
    widgets={"starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")},
    extra=1,
    can_delete=True,
)


class ApplyChecklistForm(forms.Form):
    template = forms.ModelChoiceField(
        queryset=ChecklistTemplate.objects.all(), label=_("Checklist template")
    )
    owner = forms.ModelChoiceField(
        queryset=users_with_role(SECTION_ROLES),
        required=False,
        label=_("Owner of the tasks"),
    )


DATE_INPUT = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


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
        help_texts = {"ends_on": _("The last day; the same as the start for a one-day observance.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["communities"].queryset = Community.objects.filter(is_active=True)


class ChecklistTemplateForm(forms.ModelForm):
    class Meta:
        model = ChecklistTemplate
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


ChecklistItemFormSet = forms.inlineformset_factory(
    ChecklistTemplate,
    ChecklistTemplateItem,
    formset=RowChoicesInlineFormSet,
    fields=["title", "offset_days", "position"],
    extra=3,
    can_delete=True,
)
