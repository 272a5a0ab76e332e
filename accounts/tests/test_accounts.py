import pytest
from django.contrib.auth.models import Group

from accounts.choices import Role
from accounts.roles import GROUP_NAMES
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_the_four_role_groups_exist():
    assert sorted(Group.objects.values_list("name", flat=True)) == [
        "Administrator",
        "Staff",
        "Supervisor",
        "Viewer",
    ]


@pytest.mark.parametrize(
    ("role", "permission", "allowed"),
    [
        (Role.STAFF, "engagement.add_activity", True),
        (Role.STAFF, "engagement.delete_activity", False),
        (Role.STAFF, "engagement.review_activity", False),
        (Role.STAFF, "partners.view_contact", True),
        (Role.STAFF, "engagement.change_activitytype", False),
        (Role.SUPERVISOR, "engagement.review_activity", True),
        (Role.SUPERVISOR, "partners.merge_partner", True),
        (Role.SUPERVISOR, "engagement.delete_activity", True),
        (Role.SUPERVISOR, "accounts.change_user", False),
        (Role.SUPERVISOR, "reports.change_reportintroduction", True),
        (Role.STAFF, "reports.change_reportintroduction", False),
        (Role.VIEWER, "reports.view_reportintroduction", False),
        (Role.VIEWER, "partners.view_contact", False),
        (Role.VIEWER, "engagement.view_activity", False),
        (Role.ADMINISTRATOR, "accounts.change_user", True),
        (Role.ADMINISTRATOR, "engagement.change_activitytype", True),
        (Role.ADMINISTRATOR, "partners.view_contact", False),
    ],
)
def test_role_groups_carry_their_model_permissions(role, permission, allowed):
    user = UserFactory(role=role)

    assert user.has_perm(permission) is allowed


def test_a_user_is_in_exactly_the_group_of_their_role():
    user = UserFactory(role=Role.STAFF)

    user.role = Role.SUPERVISOR
    user.save()

    assert list(user.groups.values_list("name", flat=True)) == [GROUP_NAMES[Role.SUPERVISOR]]


def test_createsuperuser_makes_an_administrator():
    from accounts.models import User

    user = User.objects.create_superuser("it", "it@example.org", "a-long-password-1")

    assert user.role == Role.ADMINISTRATOR


def test_login_with_the_right_password_lands_on_home(client, staff_cds):
    response = client.post(
        "/accounts/login/", {"username": "staff.cds", "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/"
    assert response.context["user"] == staff_cds


def test_wrong_password_says_so_without_locking(client, staff_cds):
    response = client.post("/accounts/login/", {"username": "staff.cds", "password": "nope"})

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_five_wrong_passwords_lock_that_username_from_that_address(client, staff_cds, staff_drr):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "staff.cds", "password": "wrong"})

    locked = client.post("/accounts/login/", {"username": "staff.cds", "password": PASSWORD})
    other_user = client.post("/accounts/login/", {"username": "staff.drr", "password": PASSWORD})

    assert locked.status_code == 429
    assert "Sign-in locked" in locked.content.decode()
    assert "Too many wrong passwords" in locked.content.decode()
    assert "Try again in 15 minutes" in locked.content.decode()
    assert other_user.status_code == 302


def test_logout_is_a_post_and_returns_to_login(login, staff_cds):
    client = login(staff_cds)

    response = client.post("/accounts/logout/")

    assert response.url == "/accounts/login/"
    assert client.get("/").status_code == 302


def test_password_change_keeps_the_user_signed_in(login, staff_cds):
    client = login(staff_cds)

    response = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-brand-new-passphrase-42",
            "new_password2": "a-brand-new-passphrase-42",
        },
    )

    staff_cds.refresh_from_db()
    assert response.url == "/accounts/password/done/"
    assert staff_cds.check_password("a-brand-new-passphrase-42")
    assert client.get("/").status_code == 200


def test_language_switch_works_before_login(client):
    response = client.post("/i18n/setlang/", {"language": "fr-ca", "next": "/accounts/login/"})
    page = client.get("/accounts/login/")

    assert response.status_code == 302
    assert page["Content-Language"] == "fr-ca"
    assert "Ouvrir une session" in page.content.decode()


def test_language_switch_names_each_language_in_itself(client):
    options = client.get("/accounts/login/").context["language_choices"]

    assert options == [("en", "English"), ("fr-ca", "Français (Canada)")]
