from decimal import Decimal

import pytest

from core.exports import safe_cell
from core.models import name_key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1-613-555-0100", "'+1-613-555-0100"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tindent", "'\tindent"),
        ("\rreturn", "'\rreturn"),
        ("\0nul", "'\0nul"),
        ("Centre des services communautaires Vanier", "Centre des services communautaires Vanier"),
        ("a=b", "a=b"),
        ("", ""),
        (155, 155),
        (-3, -3),
        (Decimal("1200.00"), Decimal("1200.00")),
        (2.5, 2.5),
        (None, None),
        (True, True),
    ],
)
def test_safe_cell_neutralizes_formulas_and_keeps_numbers(value, expected):
    assert safe_cell(value) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Community Equity Council", "community equity council"),
        ("Équipe  d'équité ", "equipe d'equite"),
        ("Centre\tcommunautaire Vanier", "CENTRE COMMUNAUTAIRE VANIER"),
    ],
)
def test_name_key_ignores_case_accents_and_spacing(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart():
    assert name_key("Capital Pride") != name_key("Capital Rainbow")


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("en", Decimal("1200"), "$1,200.00"),
        ("fr-ca", Decimal("1200"), "1\u00a0200,00\u00a0$"),
        ("en", "0.00", "$0.00"),
        ("en", "not money", ""),
    ],
)
def test_money_is_written_as_each_language_writes_it(language, value, expected):
    from django.utils import translation

    from core.templatetags.inroads import money

    with translation.override(language):
        assert money(value) == expected


def test_minutes_rounds_a_duration():
    import datetime

    from core.templatetags.inroads import minutes

    assert (minutes(datetime.timedelta(minutes=15)), minutes(datetime.timedelta(seconds=5))) == (
        15,
        1,
    )


def test_a_list_export_survives_a_control_character_and_stays_neutralized():
    import io

    from openpyxl import load_workbook

    from core.exports import rows_to_xlsx

    data = rows_to_xlsx(["Name", "People"], [["\x01=HYPERLINK(1)", 12]], title="Partners")

    sheet = load_workbook(io.BytesIO(data)).active
    assert [cell.value for cell in sheet[2]] == ["'=HYPERLINK(1)", 12]
