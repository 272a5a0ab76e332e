from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TrackedModel

from .choices import ConsultationStatus, DistributionStatus


class FeedbackTheme(models.Model):
    """A theme feedback is coded by (perceptions of safety, crime, trust and confidence, ...).
    An editable list."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("feedback theme")
        verbose_name_plural = _("feedback themes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:consultations_feedbacktheme_change", args=[self.pk])


class Consultation(TrackedModel):
    """A consultation campaign, such as the one for the police board's strategic plan."""

    name = models.CharField(_("name"), max_length=200)
    section = models.ForeignKey(
        "accounts.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    purpose = models.TextField(_("purpose"), blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ConsultationStatus, default=ConsultationStatus.PLANNING
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="%(app_label)s_%(class)s_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("consultations:consultation_detail", args=[self.pk])


class Toolkit(TrackedModel):
    """Versioned materials a group uses to host its own consultation session."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="toolkits",
    )
    name = models.CharField(_("name"), max_length=200)
    # "1.0", "2.0"... of the materials; ``version`` (from TrackedModel) is the edit counter.
    edition = models.CharField(_("version"), max_length=20, default="1.0")
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(_("file"), upload_to="toolkits/%Y/", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation", "name", "edition"]
        verbose_name = _("toolkit")
        verbose_name_plural = _("toolkits")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "name", "edition"],
                name="%(app_label)s_%(class)s_unique_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.edition}"

    def get_absolute_url(self) -> str:
        return self.consultation.get_absolute_url()


class Distribution(TrackedModel):
    """A toolkit given to a partner group so it can host its own session."""

    toolkit = models.ForeignKey(
        Toolkit, verbose_name=_("toolkit"), on_delete=models.CASCADE, related_name="distributions"
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="distributions",
    )
    sent_on = models.DateField(_("sent on"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="distributions_sent",
    )
    due_back = models.DateField(_("due back"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DistributionStatus, default=DistributionStatus.SENT
    )
    session_date = models.DateField(_("group's session date"), null=True, blank=True)
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_on", "id"]
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")
        constraints = [
            models.UniqueConstraint(
                fields=["toolkit", "partner"], name="%(app_label)s_%(class)s_one_per_partner"
            )
        ]
        indexes = [
            # The annual report: toolkits sent in a year.
            models.Index(fields=["sent_on"], name="consultations_sent_on_idx")
        ]

    def __str__(self) -> str:
        return f"{self.toolkit} → {self.partner}"

    def get_absolute_url(self) -> str:
        return self.toolkit.consultation.get_absolute_url()


class Feedback(TrackedModel):
    """What was heard, from a distribution (a self-hosted session) or an in-person session."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    distribution = models.ForeignKey(
        Distribution,
        verbose_name=_("distribution"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback",
    )
    activity = models.ForeignKey(
        "engagement.Activity",
        verbose_name=_("in-person session"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback",
    )
    themes = models.ManyToManyField(
        FeedbackTheme, verbose_name=_("themes"), blank=True, related_name="feedback"
    )
    received_on = models.DateField(_("received on"), null=True, blank=True)
    text = models.TextField(_("what was heard"))
    quote = models.TextField(_("quote that may be published"), blank=True)
    group_agreed_to_be_named = models.BooleanField(_("group agreed to be named"), default=False)

    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["-received_on", "id"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(distribution__isnull=False) | Q(activity__isnull=False),
                name="%(app_label)s_%(class)s_has_source",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return self.consultation.get_absolute_url()
