from django.views.generic import TemplateView

from core.permissions import EVERYONE, RoleRequiredMixin


class ProfileView(RoleRequiredMixin, TemplateView):
    """The signed-in user's own page: name, section, role."""

    allowed_roles = EVERYONE
    template_name = "accounts/profile.html"
