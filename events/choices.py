from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PLANNING = "planning", _("Planning")
    CONFIRMED = "confirmed", _("Confirmed")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class EventRole(models.TextChoices):
    ORGANIZED = "organized", _("The service organizes it")
    PARTICIPATED = "participated", _("The service takes part in another organization's event")
