from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from reports.queries import annual_report

from .permissions import EVERYONE, RoleRequiredMixin


@login_not_required
@never_cache
def healthz(request):
    """200 when the database answers, 503 otherwise. No login: load balancers call it."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


class HomeView(RoleRequiredMixin, TemplateView):
    """Greets the user with their section's figures for the current year (or all sections'
    totals for those without one), from the annual report's own queries."""

    allowed_roles = EVERYONE
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        year = timezone.localdate().year
        sections = [user.section] if user.section_id else None
        report = annual_report(year, sections)
        context["year"] = year
        if user.is_section_staff:
            # What needs the user's attention: work returned to them, follow-ups overdue.
            from engagement.choices import ReviewStatus
            from engagement.models import Activity, FollowUp

            context["returned"] = list(
                Activity.objects.filter(created_by=user, status=ReviewStatus.RETURNED).order_by(
                    "-updated_at"
                )[:20]
            )
            context["overdue"] = list(
                FollowUp.objects.filter(owner=user, done=False, due_on__lt=timezone.localdate())
                .select_related("activity")
                .order_by("due_on")[:20]
            )
            from events.models import EventTask

            context["overdue_tasks"] = list(
                EventTask.objects.filter(owner=user, done=False, due_on__lt=timezone.localdate())
                .select_related("event")
                .order_by("due_on")[:20]
            )
        if user.section_id:
            context["figures"] = report["sections"][0]
            context["figures_label"] = user.section.name
        else:
            context["figures"] = report["totals"]
            context["figures_label"] = _("All sections")
        return context
