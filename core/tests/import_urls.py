"""The project's URLs plus the import views at test-only addresses, so the machinery's
browser flow is tested before (and independently of) the apps routing it."""

from django.urls import path

from config.urls import urlpatterns as project_urlpatterns
from core.imports import ImportView
from core.permissions import SECTION_ROLES

urlpatterns = [
    *project_urlpatterns,
    path(
        "test-import/partners/",
        ImportView.as_view(kind="partners", allowed_roles=SECTION_ROLES, success_url="/partners/"),
        name="test_import_partners",
    ),
    path(
        "test-import/contacts/",
        ImportView.as_view(
            kind="contacts", allowed_roles=SECTION_ROLES, success_url="partners:contact_list"
        ),
        name="test_import_contacts",
    ),
    path(
        "test-import/activities/",
        ImportView.as_view(
            kind="activities", allowed_roles=SECTION_ROLES, success_url="/activities/"
        ),
        name="test_import_activities",
    ),
    path(
        "test-import/events/",
        ImportView.as_view(kind="events", allowed_roles=SECTION_ROLES, success_url="/events/"),
        name="test_import_events",
    ),
    path(
        "test-import/observances/",
        ImportView.as_view(
            kind="observances", allowed_roles=SECTION_ROLES, success_url="/observances/"
        ),
        name="test_import_observances",
    ),
    path(
        "test-import/distributions/",
        ImportView.as_view(
            kind="distributions",
            allowed_roles=SECTION_ROLES,
            success_url="consultations:consultation_list",
        ),
        name="test_import_distributions",
    ),
]
