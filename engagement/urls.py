from django.urls import path

from core.imports import ImportView
from core.permissions import SECTION_ROLES

from . import views

app_name = "engagement"

urlpatterns = [
    path("activities/", views.ActivityListView.as_view(), name="activity_list"),
    path("activities/new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path("activities/review/", views.ReviewQueueView.as_view(), name="activity_review"),
    path(
        "activities/import/",
        ImportView.as_view(
            kind="activities", allowed_roles=SECTION_ROLES, success_url="engagement:activity_list"
        ),
        name="activity_import",
    ),
    path("activities/follow-ups/", views.FollowUpListView.as_view(), name="follow_up_list"),
    path(
        "activities/follow-ups/<int:pk>/done/",
        views.FollowUpDoneView.as_view(),
        name="follow_up_done",
    ),
    path(
        "activities/options/partners/",
        views.PartnerOptionsView.as_view(),
        name="partner_options",
    ),
    path(
        "activities/options/contacts/",
        views.ContactOptionsView.as_view(),
        name="contact_options",
    ),
    path("activities/<int:pk>/", views.ActivityDetailView.as_view(), name="activity_detail"),
    path("activities/<int:pk>/edit/", views.ActivityUpdateView.as_view(), name="activity_update"),
    path("activities/<int:pk>/submit/", views.ActivitySubmitView.as_view(), name="activity_submit"),
    path(
        "activities/<int:pk>/approve/", views.ActivityApproveView.as_view(), name="activity_approve"
    ),
    path("activities/<int:pk>/return/", views.ActivityReturnView.as_view(), name="activity_return"),
    path(
        "activities/<int:pk>/history/", views.ActivityHistoryView.as_view(), name="activity_history"
    ),
]
