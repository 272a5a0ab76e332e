"""Export machinery shared by every list and report."""

from __future__ import annotations

from decimal import Decimal

# A spreadsheet runs a cell beginning with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")


def safe_cell(value):
    """Neutralize a text cell a spreadsheet would run as a formula; numbers stay numbers.

    A leading apostrophe makes Excel and LibreOffice show the text as typed.
    """
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text
