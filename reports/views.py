from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.permissions import REPORT_ROLES, RoleRequiredMixin

from .exporters import EXPORTERS
from .queries import FIGURES, annual_report

MIN_YEAR, MAX_YEAR = 1900, 9999


class CurrentAnnualReportView(RoleRequiredMixin, View):
    allowed_roles = REPORT_ROLES

    def get(self, request):
        return redirect("reports:annual", year=timezone.localdate().year)


class AnnualReportView(RoleRequiredMixin, TemplateView):
    """The contract's figures for a year; ``?format=json`` or ``csv`` downloads them."""

    allowed_roles = REPORT_ROLES
    template_name = "reports/annual_report.html"

    def get(self, request, *args, year: int, **kwargs):
        if not MIN_YEAR <= year <= MAX_YEAR:
            return self.render_to_response(
                {"error": _("There is no report for the year %(year)s.") % {"year": year}},
                status=404,
            )
        fmt = request.GET.get("format", "html")
        if fmt != "html" and fmt not in EXPORTERS:
            return self.render_to_response(
                {
                    "year": year,
                    "error": _("Unknown format “%(format)s”. Choose one of: %(formats)s.")
                    % {"format": fmt, "formats": ", ".join(sorted(EXPORTERS))},
                },
                status=400,
            )
        document = annual_report(year)
        if fmt in EXPORTERS:
            exporter = EXPORTERS[fmt]
            response = HttpResponse(exporter.render(document), content_type=exporter.content_type)
            if fmt != "json":
                response["Content-Disposition"] = (
                    f'attachment; filename="{exporter.filename(document)}"'
                )
            return response
        rows = [*document["sections"], {"code": _("Total"), "name": "", **document["totals"]}]
        return self.render_to_response(
            {
                "year": year,
                "report": document,
                "rows": rows,
                "figures": FIGURES,
                "formats": sorted(EXPORTERS),
                "previous_year": year - 1,
                "next_year": year + 1,
            }
        )
