from django.urls import path

from core.imports import ImportView
from core.permissions import SECTION_ROLES

from . import urls_calendar, views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/new/", views.EventCreateView.as_view(), name="event_create"),
    path(
        "events/import/",
        ImportView.as_view(
            kind="events", allowed_roles=SECTION_ROLES, success_url="events:event_list"
        ),
        name="event_import",
    ),
    path(
        "observances/import/",
        ImportView.as_view(
            kind="observances", allowed_roles=SECTION_ROLES, success_url="events:observance_list"
        ),
        name="observance_import",
    ),
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
]
# Observances, the month and agenda views and the calendar feeds.
urlpatterns += urls_calendar.urlpatterns
