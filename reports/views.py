from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.models import Section
from core.permissions import REPORT_ROLES, SUPERVISORS, RoleRequiredMixin, has_role

from .contents import ReportContents, report_for_period, report_for_year
from .exporters import EXPORTERS, ExportUnavailable
from .forms import IntroductionForm, PeriodForm
from .models import MAX_YEAR, MIN_YEAR, ReportIntroduction


class CurrentAnnualReportView(RoleRequiredMixin, View):
    allowed_roles = REPORT_ROLES

    def get(self, request):
        return redirect("reports:annual", year=timezone.localdate().year)


def introduction_token(introduction: ReportIntroduction | None) -> str:
    """When the introduction was last changed, as the form carries it ("" for none yet)."""
    return introduction.updated_at.isoformat() if introduction else ""


class ReportPageMixin(RoleRequiredMixin):
    """The report page and its downloads: ``?format=`` any key of ``EXPORTERS`` answers
    that exporter's file, so a new format touches no view."""

    allowed_roles = REPORT_ROLES
    template_name = "reports/annual_report.html"

    def unknown_format(self, request) -> str:
        """The error for a ``?format=`` no exporter makes, or ""."""
        fmt = request.GET.get("format", "html")
        if fmt == "html" or fmt in EXPORTERS:
            return ""
        return _("Unknown format “%(format)s”. Choose one of: %(formats)s.") % {
            "format": fmt,
            "formats": ", ".join(EXPORTERS),
        }

    def respond(self, report: ReportContents, *, query: dict, **context):
        fmt = self.request.GET.get("format", "html")
        if fmt in EXPORTERS:
            return self.export(EXPORTERS[fmt], report)
        return self.render_to_response(self.report_context(report, query=query, **context))

    @staticmethod
    def export(exporter, report: ReportContents) -> HttpResponse:
        try:
            body = exporter.render(report)
        except ExportUnavailable as exc:
            return HttpResponse(exc.message, status=503, content_type="text/plain; charset=utf-8")
        response = HttpResponse(body, content_type=exporter.content_type)
        if exporter.attachment:
            response["Content-Disposition"] = f'attachment; filename="{exporter.filename(report)}"'
        return response

    def report_context(self, report: ReportContents, *, query: dict, **context) -> dict:
        user = self.request.user
        editable = None
        if report.year is not None and user.role in SUPERVISORS and user.section_id:
            editable = next((s for s in report.sections if s.pk == user.section_id), None)
        introduction_form = None
        if editable is not None:
            introduction = report.introductions.get(editable.pk)
            introduction_form = IntroductionForm(
                initial={
                    "text": introduction.text if introduction else "",
                    "seen": introduction_token(introduction),
                },
                auto_id=f"id_introduction_{slugify(editable.code)}_%s",
            )
        return {
            "report": report,
            "rows": report.table_rows,
            "downloads": [
                (exporter.label, "?" + urlencode({**query, "format": key}))
                for key, exporter in EXPORTERS.items()
            ],
            "period_form": PeriodForm(
                initial={"from": report.period.start, "to": report.period.end}
            ),
            "editable_section": editable,
            "introduction_form": introduction_form,
            "ongoing": report.period.end >= timezone.localdate(),
            "review_url": reverse("engagement:activity_review") if user.role in SUPERVISORS else "",
            **context,
        }


class AnnualReportView(ReportPageMixin, TemplateView):
    """A calendar year's report: the contract's figures written as sentences, the sections'
    introductions, the breakdowns and the comparison with the previous year;
    ``?format=docx|pdf|xlsx|csv|json`` downloads the same (JSON: exactly the contract)."""

    def get(self, request, *args, year: int, **kwargs):
        if not MIN_YEAR <= year <= MAX_YEAR:
            return self.render_to_response(
                {"error": _("There is no report for the year %(year)s.") % {"year": year}},
                status=404,
            )
        error = self.unknown_format(request)
        if error:
            return self.render_to_response({"year": year, "error": error}, status=400)
        return self.respond(
            report_for_year(year),
            query={},
            year=year,
            previous_year=year - 1 if year > MIN_YEAR else None,
            next_year=year + 1 if year < MAX_YEAR else None,
        )


class PeriodReportView(ReportPageMixin, TemplateView):
    """The same report for any range of dates: ``?from=YYYY-MM-DD&to=YYYY-MM-DD`` (a quarter,
    a strategic plan's years), with the same formats. Without dates it asks for them; bad
    dates are a 400 with the reason."""

    def get(self, request, *args, **kwargs):
        if "from" not in request.GET and "to" not in request.GET:
            return self.render_to_response({"period_form": PeriodForm(), "ask_period": True})
        form = PeriodForm(request.GET)
        if not form.is_valid():
            return self.render_to_response(
                {"period_form": form, "ask_period": True, "period_invalid": True}, status=400
            )
        error = self.unknown_format(request)
        if error:
            return self.render_to_response({"period_form": form, "error": error}, status=400)
        period = form.period
        return self.respond(
            report_for_period(period),
            query={"from": period.start.isoformat(), "to": period.end.isoformat()},
        )


class IntroductionView(RoleRequiredMixin, FormView):
    """``/reports/annual/<year>/introduction/<section code>/``: the supervisor of that section
    writes its introduction to the year's report (blank removes it). Everyone else: 403."""

    allowed_roles = SUPERVISORS
    form_class = IntroductionForm
    template_name = "reports/reportintroduction_form.html"
    conflict_message = gettext_lazy(
        "Someone else changed this introduction while you were writing. Your text is still in "
        "the form below: open the report in a new tab to see theirs, then save again."
    )

    def dispatch(self, request, *args, year: int, code: str, **kwargs):
        if not has_role(request.user, self.allowed_roles):
            raise PermissionDenied
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise Http404
        self.year = year
        self.section = get_object_or_404(Section, code=code, is_active=True)
        if request.user.section_id != self.section.pk:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def current(self) -> ReportIntroduction | None:
        return ReportIntroduction.objects.filter(section=self.section, year=self.year).first()

    def get_initial(self):
        introduction = self.current()
        return {
            "text": introduction.text if introduction else "",
            "seen": introduction_token(introduction),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section, year=self.year, report_url=self.report_url(), **kwargs
        )

    def report_url(self) -> str:
        return reverse("reports:annual", kwargs={"year": self.year})

    def form_valid(self, form):
        text = form.cleaned_data["text"].strip()
        values = {"section": self.section.code, "year": self.year}
        try:
            with transaction.atomic():
                introduction = (
                    ReportIntroduction.objects.select_for_update()
                    .filter(section=self.section, year=self.year)
                    .first()
                )
                if introduction_token(introduction) != form.cleaned_data["seen"]:
                    form.add_error(None, self.conflict_message)
                    return self.form_invalid(form)
                if not text:
                    if introduction is not None:
                        introduction.delete()
                    message = _("The introduction of %(section)s for %(year)s was removed.")
                elif introduction is None:
                    ReportIntroduction.objects.create(
                        section=self.section,
                        year=self.year,
                        text=text,
                        updated_by=self.request.user,
                    )
                    message = _("The introduction of %(section)s for %(year)s was saved.")
                else:
                    introduction.text = text
                    introduction.updated_by = self.request.user
                    introduction.save(update_fields=["text", "updated_by", "updated_at"])
                    message = _("The introduction of %(section)s for %(year)s was saved.")
        except IntegrityError:
            # Another supervisor created it at the same moment.
            form.add_error(None, self.conflict_message)
            return self.form_invalid(form)
        messages.success(self.request, message % values)
        return redirect(f"{self.report_url()}#introduction-{slugify(self.section.code)}")


class DashboardView(RoleRequiredMixin, TemplateView):
    """The sergeant's Friday view: the contract's figures for the year to date beside the same
    dates a year earlier, the charts with their tables, and what needs attention. Staff and
    supervisors see their section by default, viewers every section; ``?section=`` and
    ``?year=`` choose, and a choice not understood falls back with a notice, never an error.
    The reads are in ``reports/dashboard.py``."""

    allowed_roles = REPORT_ROLES
    template_name = "reports/dashboard.html"

    def get_context_data(self, **kwargs):
        # Deferred: the dashboard's reads import the partners, events and engagement models,
        # which the annual report's views above do not need.
        from .dashboard import dashboard_context

        context = super().get_context_data(**kwargs)
        context.update(
            dashboard_context(self.request.GET, user=self.request.user, today=timezone.localdate())
        )
        return context
