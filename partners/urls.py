from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.permissions import SECTION_ROLES
from core.views import coming_soon

app_name = "partners"

urlpatterns = [
    path("partners/", coming_soon(_("Partners"), SECTION_ROLES), name="partner_list"),
    path("partners/<int:pk>/", coming_soon(_("Partner"), SECTION_ROLES), name="partner_detail"),
    path("contacts/", coming_soon(_("Contacts"), SECTION_ROLES), name="contact_list"),
    path("contacts/<int:pk>/", coming_soon(_("Contact"), SECTION_ROLES), name="contact_detail"),
]
