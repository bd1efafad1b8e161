"""Item analysis: how each question version performed in finished attempts."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

MIN_RESPONSES_FOR_FLAGS = 10
LOW_FACILITY = 0.10
HIGH_FACILITY = 0.95

FLAG_LABELS = {
    "too_hard": _("Too hard: under 10% answer it right"),
    "too_easy": _("Too easy: over 95% answer it right"),
    "negative_discrimination": _("Negative discrimination: weaker participants do better"),
    "unused_distractor": _("A wrong choice nobody picks"),
}


@dataclass(frozen=True)
class Response:
    attempt_id: int
    version_id: int
    correct: bool
    selected: tuple[int, ...]
    attempt_correct: int  # correct answers in the whole attempt


@dataclass
class ItemStats:
    version_id: int
    times_used: int = 0
    correct: int = 0
    facility: float | None = None
    discrimination: float | None = None
    choice_counts: dict[int, int] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    @property
    def flag_labels(self) -> list[str]:
        return [str(FLAG_LABELS[f]) for f in self.flags]


def point_biserial(correct: list[bool], rest: list[float]) -> float | None:
    """Correlation between getting this item right and the rest of the attempt's score."""
    n = len(correct)
    if n < 2:
        return None
    right = [r for c, r in zip(correct, rest, strict=True) if c]
    wrong = [r for c, r in zip(correct, rest, strict=True) if not c]
    if not right or not wrong:
        return None
    mean = sum(rest) / n
    sd = math.sqrt(sum((r - mean) ** 2 for r in rest) / n)
    if sd == 0:
        return None
    p = len(right) / n
    return (sum(right) / len(right) - sum(wrong) / len(wrong)) / sd * math.sqrt(p * (1 - p))


def analyse(
    responses: Iterable[Response], *, choices: dict[int, list[tuple[int, bool]]] | None = None
) -> dict[int, ItemStats]:
    """Statistics per version. ``choices`` maps a version to its (choice id, correct) pairs,
    so that choices nobody picked still appear with a count of zero."""
    by_version: dict[int, list[Response]] = defaultdict(list)
    for response in responses:
        by_version[response.version_id].append(response)
    choices = choices or {}
    result: dict[int, ItemStats] = {}
    for version_id in set(by_version) | set(choices):
        rows = by_version.get(version_id, [])
        stats = ItemStats(version_id=version_id, times_used=len(rows))
        counts = {choice_id: 0 for choice_id, _correct in choices.get(version_id, [])}
        for row in rows:
            for choice_id in row.selected:
                counts[choice_id] = counts.get(choice_id, 0) + 1
        stats.choice_counts = counts
        if rows:
            stats.correct = sum(1 for r in rows if r.correct)
            stats.facility = stats.correct / len(rows)
            stats.discrimination = point_biserial(
                [r.correct for r in rows], [r.attempt_correct - int(r.correct) for r in rows]
            )
        if len(rows) >= MIN_RESPONSES_FOR_FLAGS and stats.facility is not None:
            if stats.facility < LOW_FACILITY:
                stats.flags.append("too_hard")
            if stats.facility > HIGH_FACILITY:
                stats.flags.append("too_easy")
            if stats.discrimination is not None and stats.discrimination < 0:
                stats.flags.append("negative_discrimination")
            distractors = [cid for cid, correct in choices.get(version_id, []) if not correct]
            if any(counts.get(cid, 0) == 0 for cid in distractors):
                stats.flags.append("unused_distractor")
        result[version_id] = stats
    return result
