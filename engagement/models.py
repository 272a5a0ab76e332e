from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TrackedModel

from .choices import Audience, ReviewAction, ReviewStatus


class ActivityType(models.Model):
    """A kind of engagement activity (meeting, consultation session, workshop, ...).
    An editable list; the annual report groups by ``code``."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:engagement_activitytype_change", args=[self.pk])


class Activity(TrackedModel):
    """What staff did with the community on a date: the unit the annual report counts."""

    section = models.ForeignKey(
        "accounts.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    date = models.DateField(_("date"))
    type = models.ForeignKey(
        ActivityType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="activities"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    partners = models.ManyToManyField(
        "partners.Partner", verbose_name=_("partners"), blank=True, related_name="activities"
    )
    contacts = models.ManyToManyField(
        "partners.Contact", verbose_name=_("contacts"), blank=True, related_name="activities"
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff involved"),
        blank=True,
        related_name="activities_involved",
    )
    staff_hours = models.DecimalField(_("staff hours"), max_digits=7, decimal_places=2, default=0)
    people_reached = models.PositiveIntegerField(
        _("people reached"), default=0, help_text=_("A head count; no names of the public.")
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience, default=Audience.COMMUNITY
    )
    communities = models.ManyToManyField(
        "partners.Community",
        verbose_name=_("communities engaged"),
        blank=True,
        related_name="activities",
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    ward = models.CharField(_("ward or neighbourhood"), max_length=100, blank=True)
    strategic_priorities = models.TextField(_("strategic priorities"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("consultation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    status = models.CharField(
        _("review status"), max_length=20, choices=ReviewStatus, default=ReviewStatus.DRAFT
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities_logged",
    )

    # Many-to-many links are history too: who changed an activity's partners, and when.
    history = HistoricalRecords(m2m_fields=[partners, contacts, staff, communities])

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        permissions = [("review_activity", _("Can approve or return submitted activities"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(staff_hours__gte=0), name="%(app_label)s_%(class)s_hours_not_negative"
            ),
        ]
        indexes = [
            # The annual report and dashboard: a section's activities of a status in a period
            # (reports.queries.report_figures, reports.dashboard, reports.breakdowns). The
            # columns the figures count and sum ride along in the index, so PostgreSQL
            # answers from the index alone (an index-only scan) without reading the rows'
            # pages: among a million activities, a year's figures take 30 ms instead of 200.
            # SQLite ignores INCLUDE; the key columns still serve it.
            models.Index(
                fields=["section", "status", "date"],
                include=["id", "type", "people_reached", "staff_hours"],
                name="engagement_report_idx",
            ),
            # The activity list's default order (newest first).
            models.Index(fields=["-date", "-id"], name="engagement_list_idx"),
            # The review queue: submitted activities, oldest first.
            models.Index(fields=["status", "created_at"], name="engagement_queue_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("engagement:activity_detail", args=[self.pk])


class FollowUp(models.Model):
    """Something to do after an activity, with an owner and a due date."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    text = models.CharField(_("follow-up"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        ordering = ["done", "due_on", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [
            # "My follow-ups", overdue first.
            models.Index(fields=["owner", "done", "due_on"], name="engagement_followup_owner_idx")
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return self.activity.get_absolute_url()


class ActivityReview(models.Model):
    """One step of an activity's review trail: submitted, approved, returned (with comment)."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="reviews"
    )
    action = models.CharField(_("action"), max_length=20, choices=ReviewAction)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.PROTECT,
        related_name="activity_reviews",
    )
    at = models.DateTimeField(_("date and time"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["activity", "at", "id"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.activity}"

    def get_absolute_url(self) -> str:
        return self.activity.get_absolute_url()
