from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("reports/annual/", views.CurrentAnnualReportView.as_view(), name="annual_current"),
    path("reports/annual/<int:year>/", views.AnnualReportView.as_view(), name="annual"),
    path(
        "reports/annual/<int:year>/introduction/<str:code>/",
        views.IntroductionView.as_view(),
        name="introduction",
    ),
    path("reports/period/", views.PeriodReportView.as_view(), name="period"),
]
