from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PartnerKind(models.TextChoices):
    COMMUNITY_ASSOCIATION = "community_association", _("Community association")
    FAITH_BASED = "faith_based", _("Faith-based organization")
    INDIGENOUS = "indigenous", _("Indigenous organization")
    ETHNO_CULTURAL = "ethno_cultural", _("Ethno-cultural association")
    LGBTQ = "lgbtq", _("2SLGBTQ+ organization")
    EDUCATION = "education", _("School, college or university")
    SOCIAL_SERVICE = "social_service", _("Social service agency")
    GOVERNMENT = "government", _("Government")
    JUSTICE = "justice", _("Justice partner")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class PartnerStatus(models.TextChoices):
    PROSPECTIVE = "prospective", _("Prospective")
    ACTIVE = "active", _("Active")
    FORMER = "former", _("Former")


class Language(models.TextChoices):
    ENGLISH = "en", pgettext_lazy("language a contact prefers", "English")
    FRENCH = "fr", pgettext_lazy("language a contact prefers", "French")
    OTHER = "other", pgettext_lazy("language a contact prefers", "Other")
