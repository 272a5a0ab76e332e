"""A section's introduction is part of a published report: every wording it had, and who
wrote it, stays in its history, also after it is removed."""

import pytest

from reports.models import ReportIntroduction

pytestmark = pytest.mark.django_db

URL = "/reports/annual/2018/introduction/CDS/"


def token() -> str:
    return ReportIntroduction.objects.get(section__code="CDS", year=2018).updated_at.isoformat()


def test_every_wording_and_its_author_is_kept(login, supervisor_cds, cds):
    client = login(supervisor_cds)
    client.post(URL, {"text": "First draft", "seen": ""})
    client.post(URL, {"text": "Second draft", "seen": token()})
    client.post(URL, {"text": "", "seen": token()})

    history = ReportIntroduction.history.filter(section=cds, year=2018).order_by("history_id")

    assert ReportIntroduction.objects.filter(section=cds).count() == 0
    assert [(h.history_type, h.text, h.history_user) for h in history] == [
        ("+", "First draft", supervisor_cds),
        ("~", "Second draft", supervisor_cds),
        ("-", "Second draft", supervisor_cds),
    ]
