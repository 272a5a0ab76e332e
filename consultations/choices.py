from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultationStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class DistributionStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    SESSION_HELD = "session_held", _("Session held")
    FEEDBACK_RECEIVED = "feedback_received", _("Feedback received")
    DECLINED = "declined", _("Declined")
