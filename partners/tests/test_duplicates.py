import pytest

from partners.duplicates import likely_duplicates
from partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def names(partners):
    return [partner.name for partner in partners]


@pytest.mark.parametrize(
    ("existing", "typed"),
    [
        ("The Vanier Community Association", "Vanier Community Association Inc."),
        (
            "Centre des services communautaires Vanier",
            "Centre des Services Communautaires de Vanier",
        ),
        ("Jewish Federation of Ottawa", "jewish federation ottawa"),
        ("Capital Pride", "capital-pride"),
        ("Capital Pride", "  CAPITAL   PRIDE "),
        ("Équipe de soutien Orléans", "Equipe de Soutien Orleans"),
    ],
)
def test_the_same_organization_written_differently_is_a_likely_duplicate(existing, typed):
    partner = PartnerFactory(name=existing)

    found = likely_duplicates(typed)

    assert found == [partner]
    assert found[0].exact_match is True


@pytest.mark.parametrize(
    ("existing", "typed"),
    [
        ("Capital Pride", "Capital Rainbow Refuge"),
        ("Ottawa Sikh Society", "Ottawa Muslim Association"),
        ("Ottawa Police Service", "Ottawa Public Library"),
        ("Pride", "Capital Pride"),
        ("Somali Centre for Family Services", "Somali Youth Centre"),
        ("Party Collective", "Art Collective"),
        ("Art Collective", "Party Collective Ottawa"),
    ],
)
def test_different_organizations_are_not_likely_duplicates(existing, typed):
    PartnerFactory(name=existing)

    assert likely_duplicates(typed) == []


def test_a_longer_name_with_every_word_is_a_likely_duplicate_after_the_exact_ones():
    exact = PartnerFactory(name="Capital Pride Inc.")
    longer = PartnerFactory(name="Capital Pride Ottawa")
    reordered = PartnerFactory(name="Pride Capital Youth")

    found = likely_duplicates("Capital Pride")

    assert found == [exact, longer, reordered]
    assert [partner.exact_match for partner in found] == [True, False, False]


def test_a_shorter_name_of_two_words_within_the_typed_one_is_a_likely_duplicate():
    shorter = PartnerFactory(name="Capital Pride")
    PartnerFactory(name="Capital")

    assert likely_duplicates("Capital Pride Festival of Ottawa") == [shorter]


def test_archived_partners_are_found_and_marked():
    archived = PartnerFactory(name="Vanier Community Association", is_archived=True)

    found = likely_duplicates("The Vanier Community Association")

    assert found == [archived]
    assert found[0].is_archived is True


def test_the_partner_being_edited_is_left_out():
    edited = PartnerFactory(name="Jewish Federation of Ottawa")
    other = PartnerFactory(name="The Jewish Federation of Ottawa")

    assert likely_duplicates(edited.name, exclude_pk=edited.pk) == [other]


def test_at_most_limit_partners_are_returned_in_name_order():
    for place in ["Vanier", "Kanata", "Barrhaven", "Orléans", "Nepean", "Stittsville"]:
        PartnerFactory(name=f"Capital Pride {place}")

    found = likely_duplicates("Capital Pride", limit=3)

    assert names(found) == [
        "Capital Pride Barrhaven",
        "Capital Pride Kanata",
        "Capital Pride Nepean",
    ]


def test_a_name_without_words_finds_nothing_and_asks_nothing(django_assert_num_queries):
    PartnerFactory(name="Capital Pride")

    with django_assert_num_queries(0):
        assert likely_duplicates(" -- ") == []


@pytest.mark.parametrize("partner_count", [1, 20])
def test_finding_likely_duplicates_is_one_query(partner_count, django_assert_num_queries):
    PartnerFactory.create_batch(partner_count, name="Vanier Community Association")

    with django_assert_num_queries(1):
        found = likely_duplicates("The Vanier Community Association Inc.", limit=50)

    assert len(found) == partner_count
