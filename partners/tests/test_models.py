import datetime

import pytest
from django.test import override_settings

from engagement.choices import ReviewStatus
from engagement.tests.factories import ActivityFactory
from partners.models import Partner
from partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2018, 12, 31)


def stats(partner):
    return Partner.objects.with_engagement_stats(today=TODAY).get(pk=partner.pk)


def test_partner_name_key_is_kept_on_save():
    partner = PartnerFactory(name="  Centre des Services  Communautaires Vanier ")

    assert partner.name_key == "centre des services communautaires vanier"


def test_last_engagement_counts_only_approved_activities():
    partner = PartnerFactory()
    ActivityFactory(partners=[partner], date=datetime.date(2018, 5, 1))
    ActivityFactory(partners=[partner], date=datetime.date(2018, 9, 1), status=ReviewStatus.DRAFT)

    annotated = stats(partner)

    assert annotated.last_engaged_on == datetime.date(2018, 5, 1)
    assert annotated.engagements_this_year == 1


@override_settings(INROADS_DORMANT_AFTER_DAYS=180)
def test_partner_is_dormant_after_the_configured_days():
    recent, cold, never = PartnerFactory.create_batch(3)
    ActivityFactory(partners=[recent], date=TODAY - datetime.timedelta(days=180))
    ActivityFactory(partners=[cold], date=TODAY - datetime.timedelta(days=181))

    assert (stats(recent).is_dormant, stats(cold).is_dormant, stats(never).is_dormant) == (
        False,
        True,
        True,
    )


def test_engagements_this_year_are_distinct_activities():
    partner = PartnerFactory()
    ActivityFactory.create_batch(3, partners=[partner])
    ActivityFactory(partners=[partner], date=datetime.date(2017, 6, 1))

    assert stats(partner).engagements_this_year == 3


def test_changes_are_kept_in_the_audit_history(staff_cds):
    partner = PartnerFactory(name="Odawa Friendship Centre")
    partner._history_user = staff_cds
    partner.name = "Odawa Native Friendship Centre"
    partner.save()

    history = list(partner.history.order_by("history_date"))

    assert [h.history_type for h in history] == ["+", "~"]
    assert history[-1].history_user == staff_cds
    delta = history[-1].diff_against(history[0])
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("name", "Odawa Friendship Centre", "Odawa Native Friendship Centre"),
    ]
