from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The four roles of DESIGN.md; each is also a Django group holding its permissions."""

    STAFF = "staff", _("Staff")
    SUPERVISOR = "supervisor", _("Supervisor")
    VIEWER = "viewer", _("Viewer")
    ADMINISTRATOR = "administrator", _("Administrator")
