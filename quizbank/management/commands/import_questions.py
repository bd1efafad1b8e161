from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from quizbank import formats
from quizbank.models import Topic
from quizbank.services import ImportRejected, QuizbankError, questions_import


class Command(BaseCommand):
    help = "Import questions from XLSX, CSV, Aiken or GIFT. All or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--format", choices=formats.FORMATS, help="Default: from the extension")
        parser.add_argument("--topic", help="Topic slug for questions that name none")
        parser.add_argument("--status", choices=["draft", "approved"], default="draft")
        parser.add_argument("--dry-run", action="store_true", help="Check only; save nothing")

    def handle(self, *args, path: Path, **options) -> None:
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        fmt = options["format"] or formats.detect_format(path.name)
        if fmt is None:
            raise CommandError("Cannot tell the format from the extension; use --format.")
        topic = None
        if options["topic"]:
            topic = Topic.objects.filter(slug=options["topic"]).first()
            if topic is None:
                raise CommandError(f"Unknown topic: {options['topic']}")
        result = formats.parse(path.read_bytes(), fmt)
        try:
            report = questions_import(
                parsed=result.questions,
                file_errors=result.errors,
                default_topic=topic,
                author=None,
                status=options["status"],
                dry_run=options["dry_run"],
            )
        except ImportRejected as exc:
            for line in exc.report.lines():
                self.stderr.write(line)
            raise CommandError(exc.message) from exc
        except QuizbankError as exc:
            raise CommandError(exc.message) from exc
        for ref, other in report.duplicates:
            self.stdout.write(self.style.WARNING(f"{ref}: possible duplicate of {other}"))
        if options["dry_run"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{report.total} question(s) are valid; nothing saved (dry run)."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"{len(report.created)} question(s) imported."))
