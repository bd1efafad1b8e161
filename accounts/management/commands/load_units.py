from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.services import UnitImportError, units_load_csv


class Command(BaseCommand):
    help = "Load or update the organization-unit tree from a CSV file (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path",
            type=Path,
            help="CSV: code,name,parent_code,level[,headcount,headcount_is_demo,sort_order]",
        )

    def handle(self, *args, path: Path, **options) -> None:
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            report = units_load_csv(data=path)
        except UnitImportError as exc:
            # The message names every bad row, so callers of call_command see them too.
            lines = [exc.message, *(str(error) for error in exc.errors)]
            raise CommandError("\n".join(lines)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Units: {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged."
            )
        )
