import factory

from core.testing import many_to_many
from partners.choices import PartnerKind, PartnerStatus
from partners.models import Community, Contact, Partner


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Community {n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partner organization {n}")
    kind = PartnerKind.COMMUNITY_ASSOCIATION
    status = PartnerStatus.ACTIVE
    ward = "Somerset"

    communities = many_to_many("communities")

    sections = many_to_many("sections")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Faker("name")
    role = "Executive Director"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    phone = "613-555-0100"
