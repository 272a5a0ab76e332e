"""Form widgets for repeated UI."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.urls import reverse


class TypeaheadMultiple(forms.SelectMultiple):
    """Many choices out of thousands (partners, contacts): a search box that asks the server
    (htmx) for matches as you type, shown as checkboxes. Ticked ones move to the selected
    list (static/js/inroads.js). Only selected options are rendered, so a page never lists
    every partner. Works with the keyboard: type, Tab to a result, Space to tick.

    ``search_url_name``: a view answering ``?q=`` with includes/typeahead_options.html.
    """

    template_name = "includes/widgets/typeahead.html"

    def __init__(self, *, search_url_name: str, attrs=None):
        super().__init__(attrs)
        self.search_url_name = search_url_name

    def optgroups(self, name, value, attrs=None):
        # Render the selected options only: the others come from the search.
        selected = {str(v) for v in value if v not in (None, "")}
        groups = []
        for index, (option_value, label) in enumerate(self.selected_choices(selected)):
            if str(getattr(option_value, "value", option_value)) in selected:
                option = self.create_option(name, option_value, label, True, index, attrs=attrs)
                groups.append((None, [option], index))
        return groups

    def selected_choices(self, selected: set[str]):
        """The choices worth reading: of a model's rows, only the selected ones (one query
        for a few rows rather than reading every partner)."""
        if not selected:
            return []
        if not isinstance(self.choices, ModelChoiceIterator):
            return self.choices
        key = self.choices.field.to_field_name or "pk"
        try:
            rows = self.choices.queryset.filter(**{f"{key}__in": selected})
        except (ValueError, ValidationError):
            return []  # not keys at all (a tampered post): nothing was chosen
        return [self.choices.choice(row) for row in rows]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["search_url"] = reverse(self.search_url_name)
        return context
