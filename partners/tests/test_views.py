"""Partners and contacts in the browser's terms: who may see and do what, what the lists
show and export, and how many queries each page costs."""

import csv
import datetime
import io

import pytest
import vobject
from openpyxl import load_workbook

from core.testing import assert_constant_queries
from engagement.tests.factories import ActivityFactory
from partners.models import Contact, ContactExportLog, Partner
from partners.tests.factories import CommunityFactory, ContactFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(cds):
    partner = PartnerFactory(
        name="Association des communautés francophones d'Ottawa", sections=[cds]
    )
    ContactFactory(
        partner=partner,
        name="Amélie Tremblay",
        email="amelie@acfo.example.ca",
        phone="613-555-0142",
    )
    return partner


def grid_cases():
    # (url template, expected per role); {p} is the partner, {c} its contact.
    grid = {
        "/partners/": dict(staff_cds=200, supervisor_cds=200, viewer=200, administrator=403),
        "/partners/{p}/": dict(staff_cds=200, supervisor_cds=200, viewer=200, administrator=403),
        "/partners/new/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
        "/partners/import/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
        "/contacts/import/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
        "/partners/{p}/edit/": dict(
            staff_cds=200, staff_drr=404, supervisor_cds=200, viewer=403, administrator=403
        ),
        "/partners/{p}/history/": dict(
            staff_cds=403, supervisor_cds=200, viewer=403, administrator=403
        ),
        "/contacts/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
        "/contacts/?export=csv": dict(
            staff_cds=200, supervisor_cds=200, viewer=403, administrator=403
        ),
        "/contacts/?export=vcf": dict(
            staff_cds=200, supervisor_cds=200, viewer=403, administrator=403
        ),
        "/contacts/{c}/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
        "/contacts/new/": dict(staff_cds=200, supervisor_cds=200, viewer=403, administrator=403),
        "/contacts/{c}/edit/": dict(
            staff_cds=200, supervisor_cds=200, viewer=403, administrator=403
        ),
        "/contacts/{c}/history/": dict(
            staff_cds=403, supervisor_cds=200, viewer=403, administrator=403
        ),
    }
    # The other section's staff and supervisor read what CDS reads, but edit nothing of CDS.
    section_only = {"/partners/{p}/edit/", "/contacts/{c}/edit/"}
    for url, roles in grid.items():
        same = 404 if url in section_only else roles["staff_cds"]
        roles.setdefault("staff_drr", same)
        if url in section_only:
            roles.setdefault("supervisor_drr", 404)
        elif "history" in url:
            roles.setdefault("supervisor_drr", 200)
        else:
            roles.setdefault("supervisor_drr", roles["supervisor_cds"])
    return [(url, role, status) for url, roles in grid.items() for role, status in roles.items()]


@pytest.mark.parametrize(("url", "role", "status"), grid_cases())
def test_permission_grid(client, users, partner, url, role, status):
    contact = partner.contacts.get()
    client.force_login(users[role])

    response = client.get(url.format(p=partner.pk, c=contact.pk))

    assert response.status_code == status


def test_archive_is_a_post_for_section_staff_only(client, users, partner):
    url = f"/partners/{partner.pk}/archive/"
    statuses = {}
    for role in ["viewer", "staff_drr", "staff_cds"]:
        client.force_login(users[role])
        statuses[role] = client.post(url).status_code

    partner.refresh_from_db()
    assert statuses == {"viewer": 403, "staff_drr": 404, "staff_cds": 302}
    assert partner.is_archived is True


def test_archived_partners_leave_the_list_unless_asked_for(login, staff_cds, partner):
    client = login(staff_cds)
    client.post(f"/partners/{partner.pk}/archive/")

    default = client.get("/partners/").context["table"].rows
    archived = client.get("/partners/?archived=true").context["table"].rows

    assert (len(default), [r.record for r in archived]) == (0, [partner])


def test_search_ignores_case_accents_and_spacing(login, staff_cds, partner):
    PartnerFactory(name="Ottawa Sikh Society")

    response = login(staff_cds).get("/partners/", {"q": "COMMUNAUTES  francophones"})

    assert [row.record for row in response.context["table"].rows] == [partner]


def test_dormant_filter(login, supervisor_cds, partner):
    recent = PartnerFactory(name="Capital Pride")
    ActivityFactory(partners=[recent], date=datetime.date.today())

    client = login(supervisor_cds)
    dormant = [r.record.name for r in client.get("/partners/?dormant=true").context["table"].rows]
    active = [r.record.name for r in client.get("/partners/?dormant=false").context["table"].rows]

    assert (dormant, active) == ([partner.name], ["Capital Pride"])


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("last_engaged_on", ["Never", "Last year", "This week"]),
        ("-last_engaged_on", ["This week", "Last year", "Never"]),
        ("-engagements_this_year", ["This week", "Last year", "Never"]),
        ("-is_dormant", ["Last year", "Never", "This week"]),
        ("is_dormant", ["This week", "Last year", "Never"]),
    ],
)
def test_the_engagement_columns_sort_every_partner(login, staff_cds, sort, expected):
    today = datetime.date.today()
    for name, days_ago in (("This week", 2), ("Last year", 400), ("Never", None)):
        partner = PartnerFactory(name=name)
        if days_ago is not None:
            ActivityFactory(partners=[partner], date=today - datetime.timedelta(days=days_ago))
    if today.month == 1 and today.day <= 2:
        pytest.skip("two days ago was last year: the this-year count would tie")

    rows = login(staff_cds).get("/partners/", {"sort": sort}).context["table"].rows

    assert [row.record.name for row in rows] == expected
    # The page still shows each partner's own figures, whatever the order.
    shown = {row.record.name: row.record.is_dormant for row in rows}
    assert shown == {"This week": False, "Last year": True, "Never": True}


def test_a_bad_filter_value_is_a_message_not_an_error(login, staff_cds, partner):
    response = login(staff_cds).get("/partners/", {"community": "not-a-number", "kind": "x"})

    assert response.status_code == 200
    assert "Some filters could not be used" in response.content.decode()


def test_unknown_export_format_is_a_clear_400(login, staff_cds):
    response = login(staff_cds).get("/partners/?export=pdf")

    assert response.status_code == 400


def test_csv_export_has_exactly_the_filtered_rows_and_is_safe(login, staff_cds, partner):
    community = CommunityFactory(name="Francophone")
    partner.communities.set([community])
    PartnerFactory(name='=HYPERLINK("http://evil")', communities=[community])
    PartnerFactory(name="Not in the filter")

    response = login(staff_cds).get("/partners/", {"community": community.pk, "export": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Kind", "Communities served"]
    assert sorted(row[0] for row in rows[1:]) == [
        '\'=HYPERLINK("http://evil")',
        "Association des communautés francophones d'Ottawa",
    ]


def test_xlsx_export_keeps_accents_and_numbers(login, staff_cds, partner):
    ActivityFactory.create_batch(2, partners=[partner], date=datetime.date.today())

    response = login(staff_cds).get("/partners/?export=xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    assert rows[1][0] == "Association des communautés francophones d'Ottawa"
    assert rows[1][header.index("Engagements this year")] == 2


def test_viewer_never_sees_a_contacts_details(login, viewer, partner):
    client = login(viewer)

    page = client.get(f"/partners/{partner.pk}/").content.decode()
    export = client.get("/partners/?export=csv").content.decode("utf-8-sig")

    for secret in ["Amélie Tremblay", "amelie@acfo.example.ca", "613-555-0142"]:
        assert secret not in page
        assert secret not in export
    assert client.get("/contacts/").status_code == 403


def test_viewer_does_not_see_sensitive_partners(login, viewer, partner):
    secret = PartnerFactory(name="Confidential shelter", is_sensitive=True)
    client = login(viewer)

    names = [r.record.name for r in client.get("/partners/").context["table"].rows]

    assert names == [partner.name]
    assert client.get(f"/partners/{secret.pk}/").status_code == 404


def test_vcard_export_opens_as_contacts_and_is_logged(login, staff_cds, partner):
    response = login(staff_cds).get("/contacts/", {"partner": partner.pk, "export": "vcf"})

    cards = list(vobject.readComponents(response.content.decode("utf-8")))
    assert [(c.fn.value, c.email.value, c.org.value) for c in cards] == [
        ("Amélie Tremblay", "amelie@acfo.example.ca", [partner.name])
    ]
    log = ContactExportLog.objects.get()
    assert (log.user, log.format, log.rows) == (staff_cds, "vcf", 1)


def test_csv_export_of_contacts_is_logged(login, supervisor_cds, partner):
    login(supervisor_cds).get("/contacts/?export=csv")

    log = ContactExportLog.objects.get()
    assert (log.user, log.format, log.rows) == (supervisor_cds, "csv", 1)


def test_create_a_partner_with_two_communities(login, staff_cds, cds):
    a, b = CommunityFactory(name="Black"), CommunityFactory(name="Youth")

    response = login(staff_cds).post(
        "/partners/new/",
        {
            "name": "Boys and Girls Club of Ottawa",
            "kind": "social_service",
            "communities": [a.pk, b.pk],
            "sections": [cds.pk],
            "status": "active",
            "version": "",
        },
    )

    partner = Partner.objects.get(name="Boys and Girls Club of Ottawa")
    assert response.url == f"/partners/{partner.pk}/"
    assert sorted(c.name for c in partner.communities.all()) == ["Black", "Youth"]
    assert {h.history_user for h in partner.history.all()} == {staff_cds}


def test_second_of_two_concurrent_edits_is_refused_and_keeps_the_typing(
    client, staff_cds, supervisor_cds, partner
):
    form = {"name": partner.name, "kind": partner.kind, "status": "active", "version": "1"}
    client.force_login(staff_cds)
    first = client.post(f"/partners/{partner.pk}/edit/", {**form, "ward": "Vanier"})
    client.force_login(supervisor_cds)
    second = client.post(f"/partners/{partner.pk}/edit/", {**form, "ward": "Overbrook"})

    partner.refresh_from_db()
    assert first.status_code == 302
    assert second.status_code == 200
    assert "Someone else saved this record" in second.content.decode()
    assert second.context["form"]["ward"].value() == "Overbrook"
    assert (partner.ward, partner.version) == ("Vanier", 2)


def test_contact_create_and_history(login, staff_cds, supervisor_cds, partner):
    login(staff_cds).post(
        "/contacts/new/",
        {"partner": partner.pk, "name": "Jean Roy", "preferred_language": "fr", "version": ""},
    )
    contact = Contact.objects.get(name="Jean Roy")
    contact.role = "Président"
    contact.save()

    page = login(supervisor_cds).get(f"/contacts/{contact.pk}/history/")

    changes = [(c.field, c.old, c.new) for e in page.context["entries"] for c in e.changes]
    assert ("role or title", "—", "Président") in changes


def test_partner_history_shows_community_changes(login, supervisor_cds, partner):
    partner.communities.set([CommunityFactory(name="Francophone")])

    page = login(supervisor_cds).get(f"/partners/{partner.pk}/history/")

    changes = [(c.field, c.old, c.new) for e in page.context["entries"] for c in e.changes]
    assert ("communities served", "—", "Francophone") in changes


def test_partner_page_shows_the_timeline_newest_first(login, staff_cds, partner):
    ActivityFactory(partners=[partner], title="Older meeting", date=datetime.date(2018, 2, 1))
    ActivityFactory(partners=[partner], title="Newer meeting", date=datetime.date(2018, 9, 1))

    timeline = login(staff_cds).get(f"/partners/{partner.pk}/").context["timeline"]

    assert [item["title"] for item in timeline] == ["Newer meeting", "Older meeting"]


def add_partners(n, cds):
    def add():
        for _ in range(n):
            p = PartnerFactory(sections=[cds], communities=[CommunityFactory()])
            ActivityFactory(partners=[p])
            ContactFactory(partner=p)

    return add


def test_partner_list_runs_a_fixed_number_of_queries(login, staff_cds, cds):
    add_partners(3, cds)()
    # session, user; the filter form's choices (communities, sections, relationship leads);
    # count, the page of partners, their communities, their engagement figures (for the
    # page's partners only).
    assert_constant_queries(
        login(staff_cds), "/partners/", expected=9, add_rows=add_partners(27, cds)
    )


def test_contact_list_runs_a_fixed_number_of_queries(login, staff_cds, cds):
    add_partners(3, cds)()
    assert_constant_queries(
        login(staff_cds), "/contacts/", expected=7, add_rows=add_partners(27, cds)
    )


def test_partner_page_runs_a_fixed_number_of_queries(login, staff_cds, partner):
    def add_history():
        for _ in range(27):
            ActivityFactory(partners=[partner])
            ContactFactory(partner=partner)

    ActivityFactory.create_batch(3, partners=[partner])
    assert_constant_queries(
        # session, user; partner with lead, communities, sections, figures; contacts;
        # timeline: activities, events, distributions, feedback; "can edit".
        login(staff_cds),
        f"/partners/{partner.pk}/",
        expected=12,
        add_rows=add_history,
    )


def test_history_page_runs_a_fixed_number_of_queries(login, supervisor_cds, partner):
    def edit_many():
        for n in range(27):
            partner.ward = f"Ward {n}"
            partner.communities.add(CommunityFactory())
            partner.save()

    partner.communities.add(CommunityFactory())
    # session, user, partner; records with their users; rows of communities and of sections;
    # the names of those communities and sections.
    assert_constant_queries(
        login(supervisor_cds), f"/partners/{partner.pk}/history/", expected=8, add_rows=edit_many
    )


def test_a_likely_duplicate_warns_before_saving(login, staff_cds, cds):
    existing = PartnerFactory(name="Vanier Community Association")
    form = {"name": "The Vanier Community Association Inc.", "kind": "community_association"}
    client = login(staff_cds)

    warned = client.post("/partners/new/", {**form, "status": "active", "version": ""})
    confirmed = client.post(
        "/partners/new/", {**form, "status": "active", "version": "", "not_a_duplicate": "1"}
    )

    assert warned.status_code == 200
    assert list(warned.context["duplicates"]) == [existing]
    assert confirmed.status_code == 302
    assert Partner.objects.count() == 2


@pytest.mark.parametrize(
    ("role", "status"),
    [("staff_cds", 403), ("viewer", 403), ("supervisor_drr", 404), ("supervisor_cds", 200)],
)
def test_only_the_sections_supervisor_merges(client, users, partner, role, status):
    client.force_login(users[role])

    assert client.get(f"/partners/{partner.pk}/merge/").status_code == status


def test_merge_previews_then_merges_and_the_timeline_shows_both(
    login, supervisor_cds, cds, partner
):
    duplicate = PartnerFactory(name="ACFO Ottawa", sections=[cds])
    ActivityFactory(partners=[partner], title="Kept partner's meeting")
    ActivityFactory(partners=[duplicate], title="Duplicate's workshop")
    client = login(supervisor_cds)
    url = f"/partners/{partner.pk}/merge/"

    preview = client.post(url, {"duplicate": duplicate.pk, "action": "preview"})
    merged = client.post(
        url,
        {
            "duplicate": duplicate.pk,
            "action": "confirm",
            "keep_version": partner.version,
            "duplicate_version": duplicate.version,
        },
    )

    assert preview.context["preview"]["activities"] == 1
    assert merged.url == f"/partners/{partner.pk}/"
    duplicate.refresh_from_db()
    assert duplicate.is_archived
    timeline = client.get(merged.url).context["timeline"]
    assert sorted(item["title"] for item in timeline) == [
        "Duplicate's workshop",
        "Kept partner's meeting",
    ]


def test_merge_is_refused_when_a_partner_changed_since_the_preview(
    login, supervisor_cds, cds, partner
):
    duplicate = PartnerFactory(name="ACFO Ottawa", sections=[cds])
    stale_version = duplicate.version
    duplicate.version += 1
    duplicate.save()

    response = login(supervisor_cds).post(
        f"/partners/{partner.pk}/merge/",
        {
            "duplicate": duplicate.pk,
            "action": "confirm",
            "keep_version": partner.version,
            "duplicate_version": stale_version,
        },
    )

    duplicate.refresh_from_db()
    assert "changed since the preview" in response.content.decode()
    assert duplicate.is_archived is False


def test_import_preview_flags_a_likely_duplicate(login, staff_cds, tmp_path):
    PartnerFactory(name="Vanier Community Association")
    upload = tmp_path / "partners.csv"
    upload.write_text("name,kind\nThe Vanier Community Association Inc.,community_association\n")

    with upload.open("rb") as handle:
        response = login(staff_cds).post("/partners/import/", {"file": handle})

    assert response.status_code == 200
    assert "looks like an existing partner: Vanier Community Association" in (
        response.content.decode()
    )


def test_merge_and_import_pages_run_a_fixed_number_of_queries(login, supervisor_cds, cds, partner):
    client = login(supervisor_cds)
    PartnerFactory.create_batch(3, sections=[cds])
    assert_constant_queries(
        client,
        f"/partners/{partner.pk}/merge/",
        expected=5,
        add_rows=lambda: PartnerFactory.create_batch(27, sections=[cds]),
    )
    assert_constant_queries(
        client,
        "/partners/import/",
        expected=2,
        add_rows=lambda: PartnerFactory.create_batch(27, sections=[cds]),
    )


def test_lists_vary_on_htmx_so_back_never_shows_a_bare_table(login, staff_cds, partner):
    client = login(staff_cds)

    page = client.get("/partners/")
    fragment = client.get("/partners/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="object-table")

    assert "HX-Request" in page["Vary"]
    assert "<html" in page.content.decode()
    assert "<html" not in fragment.content.decode()


def test_the_last_engagement_reads_the_same_in_every_country(login, staff_cds):
    # 2018-11-02, not 11/02/2018 (which a Canadian reads as 11 February).
    partner = PartnerFactory(name="Capital Pride")
    ActivityFactory(partners=[partner], date=datetime.date(2018, 11, 2))

    page = login(staff_cds).get("/partners/").content.decode()

    assert "2018-11-02" in page and "11/02/2018" not in page


def test_the_export_has_every_partners_engagement_figures(login, staff_cds):
    # The figures are fetched for the rows shown: an export shows all of them, past one page.
    today = datetime.date.today()
    for n in range(30):
        partner = PartnerFactory(name=f"Partner {n:02}")
        if n % 2:
            ActivityFactory(partners=[partner], date=today)

    response = login(staff_cds).get("/partners/", {"export": "csv"})

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 30
    engaged = [row for row in rows if row["Last engagement"] == today.isoformat()]
    assert [row["Name"] for row in engaged] == [f"Partner {n:02}" for n in range(1, 30, 2)]
    assert {(row["Engagements this year"], row["Dormant"]) for row in engaged} == {("1", "No")}
    assert {row["Dormant"] for row in rows if row not in engaged} == {"Yes"}
