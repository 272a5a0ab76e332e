from django.core.management.base import BaseCommand, CommandError

from accounts.models import Section
from reports.exporters import EXPORTERS
from reports.queries import annual_report


class Command(BaseCommand):
    help = "Print the annual report's figures (DESIGN.md contract) for a calendar year."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--format", choices=sorted(EXPORTERS), default="json")
        parser.add_argument(
            "--section", action="append", help="Section code; repeat for several (default: all)."
        )

    def handle(self, *args, year: int, format: str, section=None, **options):
        if not 1900 <= year <= 9999:
            raise CommandError(f"{year} is not a year this report can cover.")
        sections = None
        if section:
            sections = list(Section.objects.filter(code__in=section))
            missing = set(section) - {s.code for s in sections}
            if missing:
                raise CommandError(f"Unknown section code(s): {', '.join(sorted(missing))}")
        document = annual_report(year, sections)
        output = EXPORTERS[format].render(document).decode("utf-8").lstrip("\ufeff")
        self.stdout.write(output, ending="" if output.endswith("\n") else "\n")
