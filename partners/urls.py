from django.urls import path

from core.imports import ImportView
from core.permissions import SECTION_ROLES

from . import views

app_name = "partners"

urlpatterns = [
    path("partners/", views.PartnerListView.as_view(), name="partner_list"),
    path("partners/new/", views.PartnerCreateView.as_view(), name="partner_create"),
    path(
        "partners/import/",
        ImportView.as_view(
            kind="partners", allowed_roles=SECTION_ROLES, success_url="partners:partner_list"
        ),
        name="partner_import",
    ),
    path("partners/<int:pk>/", views.PartnerDetailView.as_view(), name="partner_detail"),
    path("partners/<int:pk>/edit/", views.PartnerUpdateView.as_view(), name="partner_update"),
    path("partners/<int:pk>/archive/", views.PartnerArchiveView.as_view(), name="partner_archive"),
    path("partners/<int:pk>/merge/", views.PartnerMergeView.as_view(), name="partner_merge"),
    path("partners/<int:pk>/history/", views.PartnerHistoryView.as_view(), name="partner_history"),
    path("contacts/", views.ContactListView.as_view(), name="contact_list"),
    path("contacts/new/", views.ContactCreateView.as_view(), name="contact_create"),
    path(
        "contacts/import/",
        ImportView.as_view(
            kind="contacts", allowed_roles=SECTION_ROLES, success_url="partners:contact_list"
        ),
        name="contact_import",
    ),
    path("contacts/<int:pk>/", views.ContactDetailView.as_view(), name="contact_detail"),
    path("contacts/<int:pk>/edit/", views.ContactUpdateView.as_view(), name="contact_update"),
    path("contacts/<int:pk>/history/", views.ContactHistoryView.as_view(), name="contact_history"),
]
