"""Template filters for repeated UI: numbers, money and durations in the reader's language."""

from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
def number(value):
    """A count or a decimal as the reader's language writes it, thousands grouped: "1,234" and
    "412.5" in English, "1 234" and "412,5" in French. The contract's decimal strings
    ("412.5") are numbers too; anything else (None, a dash) is returned as it is."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | str):
        return value
    if not isinstance(value, int):
        try:
            value = Decimal(str(value))
        except InvalidOperation:
            return value
        if not value.is_finite():
            return value
    return number_format(value, use_l10n=True, force_grouping=True)


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
