"""Every model is in the Django admin, with search and filters, and its pages open."""

import pytest
from django.apps import apps
from django.contrib import admin

from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
OUR_APPS = ["accounts", "partners", "engagement", "events", "consultations"]
MODELS = [
    model
    for label in OUR_APPS
    for model in apps.get_app_config(label).get_models()
    if not model.__name__.startswith("Historical")
]


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
def test_model_is_in_the_admin_with_search_and_filters(model):
    model_admin = admin.site._registry.get(model)

    assert model_admin is not None
    assert model_admin.search_fields
    assert model_admin.list_filter or model.__name__ in {"ChecklistTemplate"}


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
def test_admin_list_search_and_add_pages_open(client, model):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, section=None))
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"

    responses = [client.get(base), client.get(base, {"q": "Vanier"}), client.get(f"{base}add/")]

    assert [r.status_code for r in responses] == [200, 200, 200]
