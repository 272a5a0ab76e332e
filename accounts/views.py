from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.permissions import EVERYONE, SECTION_ROLES, RoleRequiredMixin

from .models import new_calendar_token


class ProfileView(RoleRequiredMixin, TemplateView):
    """The signed-in user's own page: name, section, role, and for section staff the
    addresses of their calendar feeds."""

    allowed_roles = EVERYONE
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.role in SECTION_ROLES:
            query = f"?token={user.calendar_token}"
            context["feeds"] = [
                {
                    "id": "events-feed",
                    "label": _("Events"),
                    "url": self.request.build_absolute_uri(reverse("events:events_feed") + query),
                },
                {
                    "id": "observances-feed",
                    "label": _("Multicultural calendar"),
                    "url": self.request.build_absolute_uri(
                        reverse("events:observances_feed") + query
                    ),
                },
            ]
        return context


class CalendarTokenResetView(RoleRequiredMixin, View):
    """A new secret for the user's calendar feeds: the old addresses stop working at once
    (a feed address shared by mistake is revoked this way)."""

    allowed_roles = SECTION_ROLES
    http_method_names = ["post"]

    def post(self, request):
        user = request.user
        user.calendar_token = new_calendar_token()
        user.save(update_fields=["calendar_token"])
        messages.success(
            request,
            _(
                "Your calendar token was reset. Subscribe again in Outlook with the new "
                "addresses below: the old ones no longer work."
            ),
        )
        return redirect("accounts:profile")
