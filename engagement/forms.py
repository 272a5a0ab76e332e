from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Consultation
from core.generic import RowChoicesFormMixin, RowChoicesInlineFormSet
from core.permissions import SECTION_ROLES, sections_for, users_with_role
from core.widgets import TypeaheadMultiple
from events.models import Event
from partners.models import Community, Contact, Partner

from .models import Activity, ActivityType, FollowUp


class ActivityForm(forms.ModelForm):
    """Logging an activity in well under a minute: today, the user's section and the user
    are filled in; partners and contacts are picked by typing."""

    class Meta:
        model = Activity
        fields = [
            "date",
            "section",
            "type",
            "title",
            "partners",
            "contacts",
            "communities",
            "people_reached",
            "staff_hours",
            "audience",
            "staff",
            "summary",
            "outcomes",
            "location",
            "ward",
            "strategic_priorities",
            "event",
            "consultation",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "partners": TypeaheadMultiple(search_url_name="engagement:partner_options"),
            "contacts": TypeaheadMultiple(search_url_name="engagement:contact_options"),
            "communities": forms.CheckboxSelectMultiple,
            "staff": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "outcomes": forms.Textarea(attrs={"rows": 2}),
            "strategic_priorities": forms.Textarea(attrs={"rows": 2}),
            "people_reached": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "staff_hours": forms.NumberInput(attrs={"min": 0, "step": "0.25"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections_for(user)
        self.fields["section"].empty_label = None
        self.fields["type"].queryset = ActivityType.objects.filter(is_active=True)
        self.fields["partners"].queryset = Partner.objects.filter(is_archived=False)
        self.fields["contacts"].queryset = Contact.objects.select_related("partner")
        self.fields["communities"].queryset = Community.objects.filter(is_active=True)
        self.fields["staff"].queryset = users_with_role(SECTION_ROLES).filter(
            section_id=user.section_id
        )
        self.fields["event"].queryset = Event.objects.select_related("section").order_by(
            "-starts_at"
        )
        self.fields["consultation"].queryset = Consultation.objects.order_by("-starts_on")
        self.fields["people_reached"].help_text = _("A head count; never names of the public.")


class FollowUpForm(RowChoicesFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["text", "owner", "due_on", "done"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = users_with_role(SECTION_ROLES)


# Owners are read once for all the follow-ups of the activity.
FollowUpFormSet = forms.inlineformset_factory(
    Activity,
    FollowUp,
    form=FollowUpForm,
    formset=RowChoicesInlineFormSet,
    extra=1,
    can_delete=True,
)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should be fixed?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
