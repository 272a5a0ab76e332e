from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import TrackedModel, match_key, name_key

from .choices import Language, PartnerKind, PartnerStatus
from .queries import PartnerQuerySet


class Community(models.Model):
    """A community served or engaged (Indigenous, Black, Muslim, 2SLGBTQ+, youth, ...).
    An editable reference list."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:partners_community_change", args=[self.pk])


class Partner(TrackedModel):
    """An organization the service works with. Last engagement, engagements this year and
    dormancy are derived from activities (``Partner.objects.with_engagement_stats()``)."""

    name = models.CharField(_("name"), max_length=200)
    # Folded name (no case, accents or extra spaces) that imports and duplicate checks match on.
    name_key = models.CharField(_("matching key"), max_length=200, editable=False, db_index=True)
    # Name without stop words and punctuation, for duplicate warnings and merges.
    match_key = models.CharField(
        _("duplicate key"), max_length=200, editable=False, db_index=True, default=""
    )
    kind = models.CharField(
        _("kind"), max_length=30, choices=PartnerKind, default=PartnerKind.COMMUNITY_ASSOCIATION
    )
    communities = models.ManyToManyField(
        Community, verbose_name=_("communities served"), blank=True, related_name="partners"
    )
    ward = models.CharField(_("ward or neighbourhood"), max_length=100, blank=True)
    sections = models.ManyToManyField(
        "accounts.Section", verbose_name=_("sections"), blank=True, related_name="partners"
    )
    relationship_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("relationship lead"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partners_led",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PartnerStatus, default=PartnerStatus.ACTIVE
    )
    since = models.DateField(_("partner since"), null=True, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_("The relationship is confidential: keep it out of public material."),
    )
    is_archived = models.BooleanField(_("archived"), default=False)

    history = HistoricalRecords(m2m_fields=[communities, sections])
    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name_key", "id"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        permissions = [("merge_partner", _("Can merge duplicate partners"))]
        indexes = [
            # The partner list's default order and filters.
            models.Index(fields=["status", "name_key"], name="partners_status_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:partner_detail", args=[self.pk])

    def save(self, *args, **kwargs) -> None:
        self.name_key = name_key(self.name)
        self.match_key = match_key(self.name)
        super().save(*args, **kwargs)


class Contact(TrackedModel):
    """A person, usually at a partner. Personal information: viewers never see it."""

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role or title"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=Language, default=Language.ENGLISH
    )
    consent_to_contact = models.BooleanField(_("consents to be contacted"), default=False)
    consent_date = models.DateField(_("consent given on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [models.Index(fields=["partner", "name"], name="partners_contact_partner_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:contact_detail", args=[self.pk])


class ContactExportLog(models.Model):
    """Who exported contacts' personal details, when, in which format and how many rows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("exported by"),
        on_delete=models.PROTECT,
        related_name="contact_exports",
    )
    at = models.DateTimeField(_("date and time"), auto_now_add=True)
    format = models.CharField(_("format"), max_length=10)
    rows = models.PositiveIntegerField(_("rows"))
    query = models.CharField(_("filters"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("contact export")
        verbose_name_plural = _("contact exports")

    def __str__(self) -> str:
        return f"{self.user} {self.at:%Y-%m-%d %H:%M} {self.format} ({self.rows})"

    def get_absolute_url(self) -> str:
        return reverse("admin:partners_contactexportlog_change", args=[self.pk])
