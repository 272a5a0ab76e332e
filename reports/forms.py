from django import forms
from django.utils.translation import gettext_lazy as _

from .models import INTRODUCTION_MAX_LENGTH, MAX_YEAR, MIN_YEAR
from .queries import Period, years_after

# The longest range a report covers: a board's strategic plan runs a few years.
MAX_PERIOD_YEARS = 10


class PeriodForm(forms.Form):
    """``?from=YYYY-MM-DD&to=YYYY-MM-DD``: the dates of a report for any period, both
    included. The fields are named "from" and "to" (the addresses other tools use), which
    Python cannot name as attributes, so they are added in ``__init__``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = forms.DateField(
            label=_("From"),
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={
                "required": _("Enter the first day."),
                "invalid": _("Enter the first day as YYYY-MM-DD."),
            },
        )
        self.fields["to"] = forms.DateField(
            label=_("To"),
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={
                "required": _("Enter the last day."),
                "invalid": _("Enter the last day as YYYY-MM-DD."),
            },
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start is None or end is None:
            return cleaned
        for day in (start, end):
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                raise forms.ValidationError(
                    _("Choose dates between the years %(first)s and %(last)s."),
                    params={"first": MIN_YEAR, "last": MAX_YEAR},
                )
        if end < start:
            raise forms.ValidationError(_("The last day comes before the first day."))
        if end > years_after(start, min(MAX_PERIOD_YEARS, MAX_YEAR - start.year)):
            raise forms.ValidationError(
                _("A report covers at most %(years)s years: choose a shorter period."),
                params={"years": MAX_PERIOD_YEARS},
            )
        return cleaned

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["from"], self.cleaned_data["to"])


class IntroductionForm(forms.Form):
    """A supervisor's introduction to their section's part of a year's report. Blank
    removes it. ``seen`` is when the introduction was last changed as the form was opened,
    so two supervisors never silently overwrite each other."""

    text = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=INTRODUCTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown before the section's figures on the page and in every document."),
    )
    seen = forms.CharField(required=False, widget=forms.HiddenInput)
