"""Reads of the question bank: filtered lists, search, item analysis."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from accounts.trees import tree_order
from quizbank.analysis import ItemStats, Response, analyse
from quizbank.models import Choice, Question, Topic
from quizbank.services import topic_descendants
from quizbank.text import fold


def questions_filtered(
    *,
    q: str = "",
    topic: Topic | None = None,
    status: str = "",
    difficulty: str = "",
    kind: str = "",
    audience: str = "",
    tag: str = "",
) -> QuerySet[Question]:
    """The bank filtered as the organizer asked; search ignores case and diacritics."""
    qs = Question.objects.select_related("topic", "current_version", "author", "duplicate_of")
    if topic is not None:
        qs = qs.filter(topic__in=topic_descendants(topic))
    if status:
        qs = qs.filter(status=status)
    if difficulty:
        qs = qs.filter(difficulty=difficulty)
    if kind:
        qs = qs.filter(kind=kind)
    if audience:
        qs = qs.filter(audience=audience)
    if tag:
        qs = qs.filter(tags__name=tag)
    for word in fold(q).split():
        if word.startswith("#") and word[1:].isdigit():
            qs = qs.filter(pk=int(word[1:]))
        else:
            qs = qs.filter(search_text__contains=word)
    return qs.distinct()


def topics_tree() -> list[tuple[Topic, int]]:
    return tree_order(list(Topic.objects.order_by("sort_order", "name")))


def item_responses(version_ids: Iterable[int] | None = None) -> list[Response]:
    """Responses from finished, non-trial attempts."""
    from contest.models import Attempt, AttemptItem

    qs = AttemptItem.objects.filter(attempt__is_trial=False).exclude(
        attempt__status=Attempt.Status.IN_PROGRESS
    )
    if version_ids is not None:
        qs = qs.filter(version_id__in=list(version_ids))
    return [
        Response(
            attempt_id=row["attempt_id"],
            version_id=row["version_id"],
            correct=bool(row["is_correct"]),
            selected=tuple(row["selected"] or ()),
            attempt_correct=row["attempt__correct_count"] or 0,
        )
        for row in qs.values(
            "attempt_id", "version_id", "is_correct", "selected", "attempt__correct_count"
        ).iterator(chunk_size=5000)
    ]


def item_stats(version_ids: Iterable[int] | None = None) -> dict[int, ItemStats]:
    ids = list(version_ids) if version_ids is not None else None
    responses = item_responses(ids)
    wanted = ids if ids is not None else {r.version_id for r in responses}
    choices: dict[int, list[tuple[int, bool]]] = {}
    for cid, vid, correct in Choice.objects.filter(version_id__in=wanted).values_list(
        "pk", "version_id", "is_correct"
    ):
        choices.setdefault(vid, []).append((cid, correct))
    return analyse(responses, choices=choices)
