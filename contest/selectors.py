"""Reads for contests: open contests, rankings, winners, weekly summaries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from contest.models import Attempt, Contest, Round


def contests_open() -> QuerySet[Contest]:
    """Published contests that have not closed yet, soonest-closing first."""
    return (
        Contest.objects.filter(is_published=True, closes_at__gt=timezone.now())
        .select_related("campaign")
        .prefetch_related("rounds")
        .order_by("closes_at")
    )


def rounds_open(*, now=None) -> QuerySet[Round]:  # type: ignore[no-untyped-def]
    now = now or timezone.now()
    return (
        Round.objects.filter(
            kind=Round.Kind.ONLINE,
            is_published=True,
            contest__is_published=True,
            opens_at__lte=now,
            closes_at__gt=now,
        )
        .select_related("contest")
        .order_by("closes_at")
    )


@dataclass
class RankedEntry:
    rank: int
    attempt: Attempt
    prediction_error: int | None
    prize: str = ""

    @property
    def user(self):  # type: ignore[no-untyped-def]
        return self.attempt.user

    @property
    def time_taken(self) -> timedelta:
        return self.attempt.time_taken or timedelta(0)


def _counted_attempts(round: Round) -> list[Attempt]:
    """The attempt that counts for each person: best or first, finished, not trial."""
    attempts = list(
        Attempt.objects.filter(round=round, is_trial=False)
        .exclude(status=Attempt.Status.IN_PROGRESS)
        .select_related("user", "unit")
        .order_by("user_id", "number")
    )
    chosen: dict[int, Attempt] = {}
    for attempt in attempts:
        current = chosen.get(attempt.user_id)
        if (
            current is None
            or round.counting == Round.Counting.BEST
            and _key(attempt, None) < _key(current, None)
        ):
            chosen[attempt.user_id] = attempt
    return list(chosen.values())


def _key(attempt: Attempt, error: int | None) -> tuple:
    """Score desc → prediction error asc (missing last) → time asc → start asc."""
    return (
        -(attempt.score or Decimal(0)),
        (error is None, error or 0),
        attempt.time_taken or timedelta(0),
        attempt.started_at,
        attempt.pk,
    )


def round_ranking(*, round: Round) -> list[RankedEntry]:
    """The fair order of a round, one entry per person."""
    attempts = _counted_attempts(round)
    actual = len(attempts)
    entries = []
    for attempt in attempts:
        error = None
        if round.has_prediction and attempt.prediction is not None:
            error = abs(attempt.prediction - actual)
        entries.append((attempt, error))
    if not round.has_prediction:
        entries = [(a, None) for a, _ in entries]
    entries.sort(key=lambda pair: _key(pair[0], pair[1]))
    return [
        RankedEntry(rank=i, attempt=a, prediction_error=e) for i, (a, e) in enumerate(entries, 1)
    ]


def round_winners(*, round: Round, _cache: dict | None = None) -> list[RankedEntry]:
    """Winners by the prize tiers, in rank order. When the contest allows one prize
    per person, winners of earlier rounds of the contest are skipped."""
    cache = _cache if _cache is not None else {}
    if round.pk in cache:
        return cache[round.pk]
    earlier_winners: set[int] = set()
    if round.contest.one_prize_per_person:
        for earlier in round.contest.rounds.filter(
            kind=Round.Kind.ONLINE, number__lt=round.number
        ).order_by("number"):
            earlier_winners |= {
                e.attempt.user_id for e in round_winners(round=earlier, _cache=cache)
            }
    tiers = [(t.name, t.count) for t in round.prize_tiers.order_by("rank")]
    winners: list[RankedEntry] = []
    ranking = iter(round_ranking(round=round))
    for name, count in tiers:
        given = 0
        while given < count:
            entry = next(ranking, None)
            if entry is None:
                break
            if entry.attempt.user_id in earlier_winners:
                continue
            entry.prize = name
            winners.append(entry)
            given += 1
    cache[round.pk] = winners
    return winners


BANDS = ("all", "high", "middle", "low", "zero")


@dataclass
class RoundSummary:
    participants: int = 0
    by_kind: Counter = field(default_factory=Counter)
    by_unit: list[tuple[str, int, int | None]] = field(default_factory=list)
    bands: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))


def score_band(correct: int, total: int) -> str:
    """All correct, ≥ 75%, 25–75%, under 25% (but not zero), zero."""
    if total and correct == total:
        return "all"
    if correct == 0:
        return "zero"
    share = correct / total if total else 0
    if share >= 0.75:
        return "high"
    if share >= 0.25:
        return "middle"
    return "low"


def round_summary(*, round: Round) -> RoundSummary:
    summary = RoundSummary()
    units: Counter = Counter()
    unit_info: dict[str, int | None] = {}
    for attempt in _counted_attempts(round):
        summary.participants += 1
        summary.by_kind[attempt.audience] += 1
        name = attempt.unit.name if attempt.unit else "—"
        units[name] += 1
        unit_info[name] = attempt.unit.headcount if attempt.unit else None
        summary.bands[score_band(attempt.correct_count or 0, attempt.question_count)] += 1
    summary.by_unit = [(name, n, unit_info[name]) for name, n in units.most_common()]
    return summary


@dataclass
class UnitParticipation:
    round: Round
    participants: int
    headcount: int | None

    @property
    def rate_percent(self) -> float | None:
        if not self.headcount:
            return None
        return 100 * self.participants / self.headcount


def unit_participation(*, unit_ids: set[int], headcount: int | None) -> list[UnitParticipation]:
    """For each published online round, how many people of these units finished an
    attempt — what a unit coordinator follows and puts in the unit's reform report."""
    rounds = (
        Round.objects.filter(kind=Round.Kind.ONLINE, is_published=True)
        .select_related("contest")
        .annotate(
            n=Count(
                "attempts__user",
                distinct=True,
                filter=Q(attempts__unit_id__in=unit_ids, attempts__is_trial=False)
                & ~Q(attempts__status=Attempt.Status.IN_PROGRESS),
            )
        )
        .order_by("-opens_at")[:20]
    )
    return [UnitParticipation(round=r, participants=r.n, headcount=headcount) for r in rounds]
