from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.permissions import SECTION_ROLES
from core.views import coming_soon

from . import views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/new/", views.EventCreateView.as_view(), name="event_create"),
    path("events/<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path("events/<int:pk>/edit/", views.EventUpdateView.as_view(), name="event_update"),
    path(
        "events/<int:pk>/checklist/",
        views.EventApplyChecklistView.as_view(),
        name="event_apply_checklist",
    ),
    path("events/<int:pk>/copy/", views.EventCopyView.as_view(), name="event_copy"),
    path(
        "events/<int:pk>/log-activity/",
        views.EventLogActivityView.as_view(),
        name="event_log_activity",
    ),
    path("events/<int:pk>/history/", views.EventHistoryView.as_view(), name="event_history"),
    path("events/tasks/<int:pk>/done/", views.EventTaskDoneView.as_view(), name="task_done"),
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
