import datetime

import factory

from accounts.tests.factories import SectionFactory
from consultations.choices import ConsultationStatus, DistributionStatus
from consultations.models import Consultation, Distribution, Feedback, FeedbackTheme, Toolkit
from core.testing import many_to_many
from partners.tests.factories import PartnerFactory


class FeedbackThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackTheme
        django_get_or_create = ["code"]

    code = "trust_confidence"
    name = "Trust and confidence"


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    name = factory.Sequence(lambda n: f"Strategic plan consultation {n}")
    section = factory.SubFactory(SectionFactory)
    starts_on = datetime.date(2018, 3, 1)
    ends_on = datetime.date(2018, 10, 31)
    status = ConsultationStatus.CLOSED


class ToolkitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toolkit

    consultation = factory.SubFactory(ConsultationFactory)
    name = factory.Sequence(lambda n: f"Self-directed consultation toolkit {n}")
    edition = "1.0"


class DistributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Distribution

    toolkit = factory.SubFactory(ToolkitFactory)
    partner = factory.SubFactory(PartnerFactory)
    sent_on = datetime.date(2018, 4, 2)
    status = DistributionStatus.SENT


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback
        skip_postgeneration_save = True

    distribution = factory.SubFactory(DistributionFactory)
    consultation = factory.LazyAttribute(lambda o: o.distribution.toolkit.consultation)
    text = "Residents want more foot patrols in the evening."

    themes = many_to_many("themes")
