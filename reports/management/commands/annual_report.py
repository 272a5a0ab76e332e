from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import Section
from reports.contents import report_for_period, report_for_year
from reports.exporters import EXPORTERS
from reports.forms import PeriodForm
from reports.models import MAX_YEAR, MIN_YEAR


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date: write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Print the annual report's figures (DESIGN.md contract) for a calendar year, or for "
        "any period with --from and --to. DOCX, PDF and XLSX need --output."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, nargs="?", help="A calendar year, e.g. 2018.")
        parser.add_argument(
            "--from", dest="start", metavar="YYYY-MM-DD", help="First day of a period."
        )
        parser.add_argument(
            "--to", dest="end", metavar="YYYY-MM-DD", help="Last day of a period (included)."
        )
        parser.add_argument("--format", choices=sorted(EXPORTERS), default="json")
        parser.add_argument(
            "--section", action="append", help="Section code; repeat for several (default: all)."
        )
        parser.add_argument(
            "--output", metavar="FILE", help="Write the file there instead of printing it."
        )

    def handle(
        self,
        *args,
        year=None,
        start=None,
        end=None,
        format: str,
        section=None,
        output=None,
        **options,
    ):
        report = self.report(year, start, end, self.sections(section))
        exporter = EXPORTERS[format]
        if exporter.binary and not output:
            raise CommandError(f"{format.upper()} is a binary file: give --output FILE.")
        body = exporter.render(report)
        if output:
            Path(output).write_bytes(body)
            self.stdout.write(f"Wrote {output}")
            return
        text = body.decode("utf-8").lstrip("\ufeff")
        self.stdout.write(text, ending="" if text.endswith("\n") else "\n")

    @staticmethod
    def sections(codes):
        if not codes:
            return None
        sections = list(Section.objects.filter(code__in=codes))
        missing = set(codes) - {s.code for s in sections}
        if missing:
            raise CommandError(f"Unknown section code(s): {', '.join(sorted(missing))}")
        return sections

    @staticmethod
    def report(year, start, end, sections):
        if start is None and end is None:
            if year is None:
                raise CommandError("Give a YEAR, or a period with --from and --to.")
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise CommandError(f"{year} is not a year this report can cover.")
            return report_for_year(year, sections)
        if year is not None:
            raise CommandError("Give either a YEAR or --from and --to, not both.")
        if start is None or end is None:
            raise CommandError("A period needs both --from and --to.")
        # The page's own rules for a period (order, range, length).
        form = PeriodForm({"from": iso_date(start).isoformat(), "to": iso_date(end).isoformat()})
        if not form.is_valid():
            raise CommandError(" ".join(str(e) for errors in form.errors.values() for e in errors))
        return report_for_period(form.period, sections)
