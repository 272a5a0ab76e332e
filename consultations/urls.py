from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.permissions import SECTION_ROLES
from core.views import coming_soon

app_name = "consultations"

urlpatterns = [
    path(
        "consultations/",
        coming_soon(_("Consultations"), SECTION_ROLES),
        name="consultation_list",
    ),
    path(
        "consultations/<int:pk>/",
        coming_soon(_("Consultation"), SECTION_ROLES),
        name="consultation_detail",
    ),
]
