from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.permissions import REPORT_ROLES
from core.views import coming_soon

from . import views

app_name = "reports"

urlpatterns = [
    path("dashboard/", coming_soon(_("Dashboard"), REPORT_ROLES), name="dashboard"),
    path("reports/annual/", views.CurrentAnnualReportView.as_view(), name="annual_current"),
    path("reports/annual/<int:year>/", views.AnnualReportView.as_view(), name="annual"),
]
