"""The demo question bank: the six areas of the reform programme plus legal knowledge."""

from __future__ import annotations

from django.db import transaction

from quizbank.demo_data import QUESTIONS, TOPICS
from quizbank.formats.base import ParsedChoice, ParsedQuestion
from quizbank.models import Question, Topic
from quizbank.services import question_create
from quizbank.text import fingerprint


@transaction.atomic
def seed_bank() -> int:
    """Create the demo topics and approved questions; skips what exists. Returns new questions."""
    for item in TOPICS:
        parent = Topic.objects.get(slug=item["parent"]) if item["parent"] else None
        Topic.objects.update_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "parent": parent, "sort_order": item["sort_order"]},
        )
    topics = {t.slug: t for t in Topic.objects.all()}
    existing = set(Question.objects.values_list("fingerprint", flat=True))
    created = 0
    for item in QUESTIONS:
        if fingerprint(item["text"])[:255] in existing:
            continue
        data = ParsedQuestion(
            ref="demo",
            kind=item["kind"],
            text=item["text"],
            choices=[ParsedChoice(text, correct) for text, correct in item["choices"]],
            difficulty=item["difficulty"],
            audience=item["audience"],
            explanation=item["explanation"],
            legal_reference=item["legal_reference"],
            tags=list(item["tags"]),
        )
        question_create(
            data=data, topic=topics[item["topic"]], author=None, status=Question.Status.APPROVED
        )
        created += 1
    return created
