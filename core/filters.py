"""Filters that several apps' filtersets share."""

import django_filters
from django import forms


class YearFilter(django_filters.Filter):
    """A whole year: "2019.5", "0" or "99999" is a filter error, never a server error (no
    date holds them)."""

    field_class = forms.IntegerField

    def __init__(self, *args, min_value=1900, max_value=2999, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)
