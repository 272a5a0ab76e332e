import datetime
from zoneinfo import ZoneInfo

import factory

from accounts.tests.factories import SectionFactory, UserFactory
from core.testing import many_to_many
from events.choices import EventStatus
from events.models import (
    ChecklistTemplate,
    ChecklistTemplateItem,
    Event,
    EventTask,
    Observance,
    RunOfShowItem,
    Speaker,
)

TORONTO = ZoneInfo("America/Toronto")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    section = factory.SubFactory(SectionFactory)
    title = factory.Sequence(lambda n: f"Community event {n}")
    starts_at = datetime.datetime(2018, 5, 14, 10, 0, tzinfo=TORONTO)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    status = EventStatus.COMPLETED

    partners = many_to_many("partners")


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    event = factory.SubFactory(EventFactory)
    name = factory.Faker("name")
    topic = "Recognizing hate in the community"


class RunOfShowItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RunOfShowItem

    event = factory.SubFactory(EventFactory)
    starts_at = datetime.time(9, 0)
    title = "Welcome and land acknowledgement"


class ChecklistTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistTemplate
        django_get_or_create = ["name"]

    name = "Annual event"


class ChecklistTemplateItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistTemplateItem

    template = factory.SubFactory(ChecklistTemplateFactory)
    title = "Book the venue"
    offset_days = -60


class EventTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventTask

    event = factory.SubFactory(EventFactory)
    title = "Book the venue"
    owner = factory.SubFactory(UserFactory)
    due_on = datetime.date(2018, 3, 15)


class ObservanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observance
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Observance {n}")
    starts_on = datetime.date(2018, 6, 21)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on)

    communities = many_to_many("communities")
