import secrets

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import Role


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class Section(models.Model):
    """A community engagement section of the service, such as CDS or DRR. Data, never code."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("admin:accounts_section_change", args=[self.pk])


class UserManager(BaseUserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        # IT's first account from `createsuperuser` is an Administrator, not a staff member.
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in: member of a section (or none, for viewers and IT) with one role."""

    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.STAFF)
    calendar_token = models.CharField(
        _("calendar feed token"), max_length=64, unique=True, default=new_calendar_token
    )

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile")

    # Role helpers read the role field, never the groups, so a page needs no extra query.
    @property
    def is_supervisor(self) -> bool:
        return self.role == Role.SUPERVISOR

    @property
    def is_section_staff(self) -> bool:
        return self.role in (Role.STAFF, Role.SUPERVISOR)

    @property
    def is_viewer(self) -> bool:
        return self.role == Role.VIEWER

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    @property
    def can_see_personal_details(self) -> bool:
        """Contacts' names, emails and phones: never for viewers."""
        return self.role in (Role.STAFF, Role.SUPERVISOR, Role.ADMINISTRATOR)

    @property
    def can_view_reports(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.VIEWER, Role.STAFF)
