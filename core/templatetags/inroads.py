"""Template filters for repeated UI: money and durations in the reader's language."""

from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
def money(value) -> str:
    """Dollars as each language writes them: "$1,200.00" in English, "1 200,00 $" in French."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return ""
    text = number_format(amount, 2, use_l10n=True, force_grouping=True)
    if (get_language() or "en").startswith("fr"):
        return f"{text}\u00a0$"
    return f"${text}"


@register.filter
def minutes(value) -> int:
    """A timedelta as a whole number of minutes (at least 1)."""
    if not isinstance(value, timedelta):
        return 0
    return max(1, round(value.total_seconds() / 60))
