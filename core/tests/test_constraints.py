"""The database keeps data sane even when a form or an import forgets to."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from consultations.models import Feedback
from consultations.tests.factories import ConsultationFactory, DistributionFactory
from engagement.tests.factories import ActivityFactory
from events.tests.factories import EventFactory, ObservanceFactory

pytestmark = pytest.mark.django_db


def refused(make) -> bool:
    try:
        with transaction.atomic():
            make()
    except IntegrityError:
        return True
    return False


def test_an_event_cannot_end_before_it_starts():
    event = EventFactory()

    assert refused(lambda: EventFactory(ends_at=event.starts_at - datetime.timedelta(hours=1)))


@pytest.mark.parametrize("field", ["budget", "actual_cost", "funds_raised"])
def test_event_money_is_never_negative(field):
    assert refused(lambda: EventFactory(**{field: Decimal("-1")}))


@pytest.mark.parametrize("field", ["expected_attendance", "actual_attendance"])
def test_event_attendance_is_never_negative(field):
    assert refused(lambda: EventFactory(**{field: -1}))


def test_activity_counts_are_never_negative():
    assert refused(lambda: ActivityFactory(people_reached=-1))
    assert refused(lambda: ActivityFactory(staff_hours=Decimal("-0.5")))


def test_an_observance_cannot_end_before_it_starts():
    assert refused(
        lambda: ObservanceFactory(
            starts_on=datetime.date(2018, 6, 2), ends_on=datetime.date(2018, 6, 1)
        )
    )


def test_a_toolkit_goes_to_a_partner_once():
    first = DistributionFactory()

    assert refused(lambda: DistributionFactory(toolkit=first.toolkit, partner=first.partner))


def test_feedback_comes_from_a_distribution_or_a_session():
    consultation = ConsultationFactory()

    assert refused(lambda: Feedback.objects.create(consultation=consultation, text="Heard"))


def test_a_consultation_cannot_end_before_it_starts():
    assert refused(
        lambda: ConsultationFactory(
            starts_on=datetime.date(2018, 3, 1), ends_on=datetime.date(2018, 2, 1)
        )
    )
