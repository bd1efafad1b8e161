from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from quizbank import formats
from quizbank.models import Topic
from quizbank.services import question_to_parsed, questions_for_export


class Command(BaseCommand):
    help = "Export the question bank (current versions) as XLSX, CSV, Aiken or GIFT."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=formats.FORMATS, required=True)
        parser.add_argument("--topic", help="Topic slug (its sub-topics are included)")
        parser.add_argument("-o", "--output", type=Path, required=True)

    def handle(self, *args, **options) -> None:
        topic = None
        if options["topic"]:
            topic = Topic.objects.filter(slug=options["topic"]).first()
            if topic is None:
                raise CommandError(f"Unknown topic: {options['topic']}")
        parsed = [question_to_parsed(q) for q in questions_for_export(topic=topic)]
        result = formats.write(parsed, options["format"])
        options["output"].write_bytes(result.content)
        for ref, reason in result.skipped:
            self.stderr.write(f"{ref} left out: {reason}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(parsed) - len(result.skipped)} question(s) written to {options['output']}."
            )
        )
