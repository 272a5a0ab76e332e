"""The multicultural calendar, the month and agenda views and the iCalendar feeds.

No ``app_name``: events/urls.py adds these to the ``events`` namespace with
``urlpatterns += urls_calendar.urlpatterns``. The feeds' addresses are fixed (DESIGN.md).
"""

from django.urls import path

from . import views_calendar as views

urlpatterns = [
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
