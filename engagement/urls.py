from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.permissions import SECTION_ROLES, SUPERVISORS
from core.views import coming_soon

app_name = "engagement"

urlpatterns = [
    path("activities/", coming_soon(_("Activities"), SECTION_ROLES), name="activity_list"),
    path(
        "activities/review/",
        coming_soon(_("Review queue"), SUPERVISORS),
        name="activity_review",
    ),
    path(
        "activities/<int:pk>/",
        coming_soon(_("Activity"), SECTION_ROLES),
        name="activity_detail",
    ),
]
