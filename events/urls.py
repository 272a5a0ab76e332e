from django.urls import path

from core.imports import ImportView
from core.permissions import SECTION_ROLES

from . import views

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
    path("events/checklists/", views.ChecklistTemplateListView.as_view(), name="checklist_list"),
    path(
        "events/checklists/new/",
        views.ChecklistTemplateCreateView.as_view(),
        name="checklist_create",
    ),
    path(
        "events/checklists/<int:pk>/edit/",
        views.ChecklistTemplateUpdateView.as_view(),
        name="checklist_update",
    ),
]
# Observances, the month and agenda views and the calendar feeds.
urlpatterns += [
    path("observances/", views.ObservanceListView.as_view(), name="observance_list"),
    path("observances/new/", views.ObservanceCreateView.as_view(), name="observance_create"),
    path("observances/<int:pk>/", views.ObservanceDetailView.as_view(), name="observance_detail"),
    path(
        "observances/<int:pk>/edit/",
        views.ObservanceUpdateView.as_view(),
        name="observance_update",
    ),
    path("calendar/", views.MonthCalendarView.as_view(), name="calendar_month"),
    path("calendar/agenda/", views.AgendaView.as_view(), name="calendar_agenda"),
    path("calendar/events.ics", views.EventsFeedView.as_view(), name="events_feed"),
    path("calendar/observances.ics", views.ObservancesFeedView.as_view(), name="observances_feed"),
]
