from django.db import models
from django.utils.translation import gettext_lazy as _

# The activity type whose approved activities the annual report counts as consultation
# sessions. Types are an editable list; this one code is part of the report contract.
CONSULTATION_SESSION = "consultation_session"


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")


# Statuses shown beside the annual figures as "awaiting review", never counted in them.
AWAITING_REVIEW = (ReviewStatus.SUBMITTED, ReviewStatus.RETURNED)


class Audience(models.TextChoices):
    COMMUNITY = "community", _("Community members")
    POLICE = "police", _("Police members")
    STUDENTS = "students", _("Students")
    MIXED = "mixed", _("Mixed")


class ReviewAction(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
    REOPENED = "reopened", _("Edited after approval")
