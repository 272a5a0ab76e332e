from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.permissions import SECTION_ROLES
from core.views import coming_soon

app_name = "events"

urlpatterns = [
    path("events/", coming_soon(_("Events"), SECTION_ROLES), name="event_list"),
    path("events/<int:pk>/", coming_soon(_("Event"), SECTION_ROLES), name="event_detail"),
    path(
        "observances/",
        coming_soon(_("Multicultural calendar"), SECTION_ROLES),
        name="observance_list",
    ),
    path(
        "observances/<int:pk>/",
        coming_soon(_("Observance"), SECTION_ROLES),
        name="observance_detail",
    ),
]
