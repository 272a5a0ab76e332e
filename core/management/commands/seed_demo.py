from argparse import ArgumentTypeError
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from accounts.models import User
from core.demo import data
from core.demo.seed import YEAR, seed_demo


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


class Command(BaseCommand):
    help = (
        "Load the demo data: sections, users (password inroads-demo), partners, the 2018 year "
        "of the source documents and a few activities of the current year. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even when DEBUG is off (the demo users have a known password).",
        )
        parser.add_argument(
            "--today",
            type=iso_date,
            help="Date the current-year data relative to this day (YYYY-MM-DD; default today).",
        )

    def handle(self, *args, force: bool = False, today: date | None = None, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                _(
                    "seed_demo refuses to run when DEBUG is off: it creates users with the "
                    "known password %(password)s. Run it with --force if this really is a "
                    "demo or test database."
                )
                % {"password": data.DEMO_PASSWORD}
            )
        if today is not None and today.year <= YEAR:
            raise CommandError(
                _("--today must be after %(year)s: the demo's %(year)s is fixed.") % {"year": YEAR}
            )
        counts = seed_demo(today=today)

        self.stdout.write(self.style.SUCCESS(_("Demo data loaded.")))
        width = max(len(label) for label in counts)
        for label, n in counts.items():
            self.stdout.write(f"  {label.ljust(width)}  {n:>5}")

        self.stdout.write("")
        self.stdout.write(
            _("Demo logins (password: %(password)s)") % {"password": data.DEMO_PASSWORD}
        )
        users = {
            u.username: u
            for u in User.objects.select_related("section").filter(username__in=self._usernames())
        }
        rows = [(_("username"), _("role"), _("section"), _("name"))]
        for spec in data.USERS:
            user = users[spec["username"]]
            rows.append(
                (
                    user.username,
                    str(user.get_role_display()),
                    user.section.code if user.section_id else "-",
                    user.get_full_name(),
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            line = "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            self.stdout.write(f"  {line}".rstrip())

    @staticmethod
    def _usernames() -> list[str]:
        return [spec["username"] for spec in data.USERS]
