from django.urls import path

from core.imports import ImportView
from core.permissions import SECTION_ROLES

from . import views

app_name = "consultations"

urlpatterns = [
    path("consultations/", views.ConsultationListView.as_view(), name="consultation_list"),
    path("consultations/new/", views.ConsultationCreateView.as_view(), name="consultation_create"),
    path(
        "consultations/import/",
        ImportView.as_view(
            kind="distributions",
            allowed_roles=SECTION_ROLES,
            success_url="consultations:consultation_list",
        ),
        name="distribution_import",
    ),
    path(
        "consultations/<int:pk>/",
        views.ConsultationDetailView.as_view(),
        name="consultation_detail",
    ),
    path(
        "consultations/<int:pk>/edit/",
        views.ConsultationUpdateView.as_view(),
        name="consultation_update",
    ),
    path(
        "consultations/<int:pk>/heard/",
        views.WhatWeHeardView.as_view(),
        name="what_we_heard",
    ),
    path(
        "consultations/<int:pk>/history/",
        views.ConsultationHistoryView.as_view(),
        name="consultation_history",
    ),
    path(
        "consultations/<int:pk>/toolkits/new/",
        views.ToolkitCreateView.as_view(),
        name="toolkit_create",
    ),
    path("consultations/<int:pk>/send/", views.SendToolkitView.as_view(), name="toolkit_send"),
    path(
        "consultations/<int:pk>/feedback/new/",
        views.FeedbackCreateView.as_view(),
        name="feedback_create",
    ),
    path(
        "consultations/toolkits/<int:pk>/download/",
        views.ToolkitDownloadView.as_view(),
        name="toolkit_download",
    ),
    path(
        "consultations/distributions/<int:pk>/edit/",
        views.DistributionUpdateView.as_view(),
        name="distribution_update",
    ),
]
