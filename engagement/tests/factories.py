import datetime
from decimal import Decimal

import factory

from accounts.tests.factories import SectionFactory, UserFactory
from core.testing import many_to_many
from engagement.choices import ReviewAction, ReviewStatus
from engagement.models import Activity, ActivityReview, ActivityType, FollowUp


class ActivityTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityType
        django_get_or_create = ["code"]

    code = "meeting"
    name = factory.LazyAttribute(lambda o: o.code.replace("_", " ").capitalize())


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    section = factory.SubFactory(SectionFactory)
    date = datetime.date(2018, 6, 1)
    type = factory.SubFactory(ActivityTypeFactory)
    title = factory.Sequence(lambda n: f"Meeting with a community partner {n}")
    people_reached = 10
    staff_hours = Decimal("2.00")
    status = ReviewStatus.APPROVED

    partners = many_to_many("partners")

    staff = many_to_many("staff")

    communities = many_to_many("communities")


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    activity = factory.SubFactory(ActivityFactory)
    text = "Send the presentation slides"
    owner = factory.SubFactory(UserFactory)
    due_on = datetime.date(2018, 6, 15)


class ActivityReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityReview

    activity = factory.SubFactory(ActivityFactory)
    action = ReviewAction.SUBMITTED
    by = factory.SubFactory(UserFactory)
