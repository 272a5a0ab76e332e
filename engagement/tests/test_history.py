import pytest

from engagement.tests.factories import ActivityFactory
from partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_changing_an_activitys_partners_is_kept_in_its_history(staff_cds):
    before, after = PartnerFactory.create_batch(2)
    activity = ActivityFactory(partners=[before])

    activity.partners.set([after])

    latest = activity.history.latest()
    assert [p.partner_id for p in latest.partners.all()] == [after.pk]
    earliest = activity.history.earliest()
    assert list(earliest.partners.all()) == []
