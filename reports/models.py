"""reports holds one model: the sergeant's words that open each section's annual report.
Its figures are queries over the other apps (``reports.queries``, ``reports.breakdowns``)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The years a report can cover (the page answers 404 outside them). Not 9999: a period's
# end is the midnight after its last day, which would not fit in a date.
MIN_YEAR, MAX_YEAR = 1900, 9998
# Long enough for a few paragraphs of a printed report; short enough to stay an introduction.
INTRODUCTION_MAX_LENGTH = 4000


class ReportIntroduction(models.Model):
    """A section's free-text introduction to its part of one year's annual report, written
    by its supervisor and shown on the report page and in every document made from it."""

    section = models.ForeignKey(
        "accounts.Section",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        related_name="report_introductions",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
    )
    text = models.TextField(_("introduction"), max_length=INTRODUCTION_MAX_LENGTH)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_introductions",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Every wording a report went out with, and who changed it: the text is part of a
    # published document, so an edit or a removal never loses the earlier words.
    history = HistoricalRecords()

    class Meta:
        # Served by the unique constraint's index on (section, year).
        ordering = ["section", "year"]
        verbose_name = _("report introduction")
        verbose_name_plural = _("report introductions")
        constraints = [
            # One introduction per section and year; its index also serves the report page's
            # lookup of a year's introductions and the ordering above.
            models.UniqueConstraint(
                fields=["section", "year"], name="%(app_label)s_%(class)s_one_per_section_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.section} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("reports:annual", kwargs={"year": self.year})
