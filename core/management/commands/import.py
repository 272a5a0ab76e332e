"""``python manage.py import KIND FILE [--dry-run] [--user USERNAME] [--no-create-partners]``
(DESIGN.md, "Fixed addresses and commands"): the same importers as the browser flow, for
files too many to upload one by one and for scripted migrations from the old spreadsheets.

Nobody is asked the questions the browser preview asks (``Importer.unresolved()``): each
takes the importer's ``unasked_choice``, and the ``notes`` of the run say what followed
(for activities, one line per partner created)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from core.imports import ImportFileError, error_count_message, load_importers


class Command(BaseCommand):
    help = (
        "Import a CSV or XLSX file of partners, contacts, ... All or nothing: every error is "
        "listed with its line and column, and a file with any error saves nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", help="What the file lists: partners, contacts, ...")
        parser.add_argument("file", type=Path, help="The .csv or .xlsx file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and show what would change, saving nothing.",
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="Record this user as the author of the changes in the audit history.",
        )
        parser.add_argument(
            "--no-create-partners",
            action="store_true",
            help=(
                "Lists that name partners (activities): a partner name that matches no "
                "partner is an error, instead of a new partner."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        importers = load_importers()
        kind = options["kind"]
        if kind not in importers:
            raise CommandError(
                _("Unknown kind %(kind)s. Choose one of: %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(sorted(importers))}
            )
        user = None
        if options["user"]:
            try:
                user = get_user_model().objects.get(username=options["user"])
            except get_user_model().DoesNotExist:
                raise CommandError(
                    _("No user is named %(username)s.") % {"username": options["user"]}
                ) from None

        dry_run = options["dry_run"]
        try:
            importer = importers[kind].from_command_options(options)
            result = importer.run(options["file"], dry_run=dry_run, user=user)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from None

        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(error_count_message(len(result.errors)))

        if options["verbosity"] >= 2:
            for row in result.rows:
                self.stdout.write(
                    _("line %(line)s: %(action)s %(label)s")
                    % {"line": row.line, "action": row.action_display, "label": row.label}
                )
        for note in result.notes:
            self.stdout.write(note)
        self.stdout.write(self.style.SUCCESS(result.summary()))
        if dry_run:
            self.stdout.write(_("dry run: nothing saved"))
