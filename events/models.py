from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TrackedModel

from .choices import EventRole, EventStatus


def not_negative(field: str, model: str):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": 0}),
        name=f"events_{model}_{field}_not_negative",
    )


class Event(TrackedModel):
    """An occasion a section organizes or takes part in: Police Week, the Diversity
    Celebration, the Human Rights Learning Forum, a Pride parade."""

    section = models.ForeignKey(
        "accounts.Section",
        verbose_name=_("section responsible"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    title = models.CharField(_("title"), max_length=200)
    role = models.CharField(
        _("the service's role"), max_length=20, choices=EventRole, default=EventRole.ORGANIZED
    )
    description = models.TextField(_("description"), blank=True)
    partners = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("co-hosting or organizing partners"),
        blank=True,
        related_name="events",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus, default=EventStatus.PLANNING
    )
    expected_attendance = models.PositiveIntegerField(
        _("expected attendance"), null=True, blank=True
    )
    actual_attendance = models.PositiveIntegerField(_("actual attendance"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    actual_cost = models.DecimalField(
        _("actual cost"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    funds_raised = models.DecimalField(
        _("funds raised"), max_digits=10, decimal_places=2, default=0
    )
    funds_beneficiary = models.CharField(_("funds raised for"), max_length=200, blank=True)
    evaluation = models.TextField(_("post-event evaluation"), blank=True)
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
    )

    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="%(app_label)s_%(class)s_ends_after_start",
            ),
            not_negative("budget", "event"),
            not_negative("actual_cost", "event"),
            not_negative("funds_raised", "event"),
        ]
        indexes = [
            # The annual report: a section's events starting in a year; the event list.
            models.Index(fields=["section", "starts_at"], name="events_section_start_idx"),
            models.Index(fields=["starts_at"], name="events_start_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", args=[self.pk])


class Speaker(models.Model):
    """A speaker at an event."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="speakers"
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organization = models.CharField(_("organization"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event", "position", "id"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.event.get_absolute_url()


class RunOfShowItem(models.Model):
    """One line of an event's run of show, in order, with its time."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="run_of_show"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    starts_at = models.TimeField(_("time"), null=True, blank=True)
    title = models.CharField(_("item"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["event", "position", "starts_at", "id"]
        verbose_name = _("run of show item")
        verbose_name_plural = _("run of show")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.event.get_absolute_url()


class ChecklistTemplate(models.Model):
    """A reusable checklist ("annual event") whose items become an event's dated tasks."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("checklist template")
        verbose_name_plural = _("checklist templates")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:events_checklisttemplate_change", args=[self.pk])


class ChecklistTemplateItem(models.Model):
    """A task of a checklist template, due a number of days before (negative) the event."""

    template = models.ForeignKey(
        ChecklistTemplate,
        verbose_name=_("template"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    title = models.CharField(_("task"), max_length=200)
    offset_days = models.IntegerField(
        _("days from the event"), default=0, help_text=_("-60 means 60 days before the event.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["template", "offset_days", "position", "id"]
        verbose_name = _("checklist template item")
        verbose_name_plural = _("checklist template items")

    def __str__(self) -> str:
        return f"{self.title} ({self.offset_days:+d})"

    def get_absolute_url(self) -> str:
        return self.template.get_absolute_url()


class EventTask(models.Model):
    """A task of an event's checklist, with an owner and a due date."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField(_("task"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_tasks",
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event", "done", "due_on", "position", "id"]
        verbose_name = _("event task")
        verbose_name_plural = _("event tasks")
        indexes = [
            # Overdue tasks on the owner's home page and the dashboard.
            models.Index(fields=["owner", "done", "due_on"], name="events_task_owner_idx")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.event.get_absolute_url()


class Observance(models.Model):
    """An entry of the multicultural calendar (Ramadan, Diwali, Pride Month, ...) for a year."""

    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    communities = models.ManyToManyField(
        "partners.Community",
        verbose_name=_("communities"),
        blank=True,
        related_name="observances",
    )
    notes = models.TextField(_("notes for planners"), blank=True)

    class Meta:
        ordering = ["starts_on", "name"]
        verbose_name = _("observance")
        verbose_name_plural = _("observances")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="%(app_label)s_%(class)s_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["name", "starts_on"], name="%(app_label)s_%(class)s_unique_per_date"
            ),
        ]
        indexes = [
            # Clash warnings and the calendar: observances overlapping a date range.
            models.Index(fields=["starts_on", "ends_on"], name="events_observance_dates_idx")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.starts_on:%Y}"

    def get_absolute_url(self) -> str:
        return reverse("events:observance_detail", args=[self.pk])
