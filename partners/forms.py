from django import forms
from django.utils.translation import gettext_lazy as _

from core.permissions import SECTION_ROLES, users_with_role

from .models import Community, Contact, Partner


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "communities",
            "ward",
            "sections",
            "relationship_lead",
            "status",
            "since",
            "email",
            "phone",
            "website",
            "notes",
            "is_sensitive",
        ]
        widgets = {
            "communities": forms.CheckboxSelectMultiple,
            "sections": forms.CheckboxSelectMultiple,
            "since": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["communities"].queryset = Community.objects.filter(is_active=True)
        self.fields["relationship_lead"].queryset = users_with_role(SECTION_ROLES).select_related(
            "section"
        )
        self.fields["website"].assume_scheme = "https"


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "partner",
            "name",
            "role",
            "email",
            "phone",
            "preferred_language",
            "consent_to_contact",
            "consent_date",
            "notes",
        ]
        widgets = {
            "consent_date": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(is_archived=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("consent_date") and not cleaned.get("consent_to_contact"):
            self.add_error(
                "consent_date", _("A consent date only makes sense when the contact consents.")
            )
        return cleaned
