from pathlib import Path

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.permissions import sections_for
from engagement.choices import CONSULTATION_SESSION
from engagement.models import Activity
from partners.models import Partner

from .models import Consultation, Distribution, Feedback, FeedbackTheme, Toolkit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Documents a group can open: never programs or scripts.
TOOLKIT_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "ods",
    "csv",
    "ppt",
    "pptx",
    "odp",
]
# Executables announce themselves in their first bytes, whatever the file is called.
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["name", "section", "purpose", "starts_on", "ends_on", "status"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "purpose": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections_for(user)
        self.fields["section"].empty_label = None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on"):
            if cleaned["ends_on"] < cleaned["starts_on"]:
                self.add_error("ends_on", _("The consultation cannot end before it starts."))
        return cleaned


class ToolkitForm(forms.ModelForm):
    class Meta:
        model = Toolkit
        fields = ["name", "edition", "description", "file"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(FileExtensionValidator(TOOLKIT_EXTENSIONS))
        self.fields["file"].help_text = _(
            "A document (PDF, Word, Excel, PowerPoint, OpenDocument, text) of at most %(mb)s MB."
        ) % {"mb": settings.INROADS_TOOLKIT_MAX_MB}
        self.fields["file"].widget.attrs["accept"] = ",".join(f".{e}" for e in TOOLKIT_EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "size"):
            return upload
        if upload.size > settings.INROADS_TOOLKIT_MAX_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("This file is larger than %(mb)s MB.") % {"mb": settings.INROADS_TOOLKIT_MAX_MB}
            )
        head = upload.read(8)
        upload.seek(0)
        if head.startswith(EXECUTABLE_SIGNATURES):
            raise forms.ValidationError(_("This file is a program, not a document."))
        upload.name = Path(upload.name).name
        return upload


class SendToolkitForm(forms.Form):
    toolkit = forms.ModelChoiceField(queryset=Toolkit.objects.none(), label=_("Toolkit"))
    sent_on = forms.DateField(label=_("Sent on"), widget=DATE, initial=timezone.localdate)
    due_back = forms.DateField(label=_("Feedback due back"), widget=DATE, required=False)
    partners = forms.ModelMultipleChoiceField(
        queryset=Partner.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Partners"),
    )

    def __init__(self, *args, consultation, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["toolkit"].queryset = consultation.toolkits.all()
        self.fields["partners"].queryset = partners

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("due_back") and cleaned.get("sent_on"):
            if cleaned["due_back"] < cleaned["sent_on"]:
                self.add_error("due_back", _("Feedback cannot be due before it is sent."))
        return cleaned


class DistributionForm(forms.ModelForm):
    class Meta:
        model = Distribution
        fields = ["status", "sent_on", "due_back", "session_date", "participants", "notes"]
        widgets = {
            "sent_on": DATE,
            "due_back": DATE,
            "session_date": DATE,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("session_date") and cleaned.get("sent_on"):
            if cleaned["session_date"] < cleaned["sent_on"]:
                self.add_error(
                    "session_date", _("The group's session cannot be before the toolkit was sent.")
                )
        return cleaned


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = [
            "distribution",
            "activity",
            "themes",
            "received_on",
            "text",
            "quote",
            "group_agreed_to_be_named",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "received_on": DATE,
            "text": forms.Textarea(attrs={"rows": 4}),
            "quote": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = self.instance.consultation = consultation
        self.fields["distribution"].queryset = Distribution.objects.filter(
            toolkit__consultation=consultation
        ).select_related("partner", "toolkit")
        self.fields["distribution"].label = _("From a group's own session (distribution)")
        self.fields["activity"].queryset = Activity.objects.filter(
            consultation=consultation, type__code=CONSULTATION_SESSION
        )
        self.fields["activity"].label = _("From an in-person session")
        self.fields["themes"].queryset = FeedbackTheme.objects.filter(is_active=True)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("distribution") and not cleaned.get("activity"):
            raise forms.ValidationError(
                _("Say where it was heard: a group's session or an in-person session.")
            )
        return cleaned

    def save(self, commit=True):
        self.instance.consultation = self.consultation
        return super().save(commit)
