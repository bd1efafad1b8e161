"""Business rules of online rounds: drawing, starting, answering, grading, finishing.

Every function here is what the pages, the JSON API, the management commands and
the tests call. Time always comes from the server (``timezone.now()``); nothing a
client sends changes a deadline or a score.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import random
import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, connection, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import unit_descendant_ids
from contest.models import Attempt, AttemptItem, BlueprintRule, Round, ScoreChange
from quizbank.models import Choice, Question, QuestionVersion
from quizbank.services import grade_response, topic_descendant_ids


class ContestError(Exception):
    """A refused action. ``code`` is stable for API clients; ``message`` is translated."""

    status = 400

    def __init__(self, message: str, *, code: str, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        if status is not None:
            self.status = status


def _grace() -> timedelta:
    return timedelta(seconds=settings.ATTEMPT_GRACE_SECONDS)


def audience_for(user: User) -> str:
    return (
        BlueprintRule.Audience.CITIZEN
        if user.kind == User.Kind.CITIZEN
        else BlueprintRule.Audience.CIVIL_SERVANT
    )


# --- drawing -----------------------------------------------------------------------


def _candidates(rule: BlueprintRule) -> list[int]:
    qs = Question.objects.filter(
        status=Question.Status.APPROVED,
        audience__in=[rule.audience, Question.Audience.BOTH],
        current_version__isnull=False,
    )
    if rule.topic_id:
        qs = qs.filter(topic_id__in=topic_descendant_ids(rule.topic_id))
    if rule.difficulty:
        qs = qs.filter(difficulty=rule.difficulty)
    # Prediction (numeric) questions are asked separately, never drawn.
    qs = qs.exclude(kind=Question.Kind.NUMERIC)
    return list(qs.order_by("pk").values_list("current_version_id", flat=True))


def round_draw(*, round: Round, audience: str, seed: int) -> list[int]:
    """The question versions one attempt gets, in order: a pure function of the
    blueprint, the approved bank and the seed. Raises ContestError when the bank
    cannot fill the blueprint."""
    rng = random.Random(seed)
    rules = [r for r in round.blueprint.all() if r.audience == audience]
    if not rules:
        raise ContestError(
            _("This round has no questions for your group of participants."), code="no_blueprint"
        )
    chosen: list[int] = []
    taken: set[int] = set()
    for rule in sorted(rules, key=lambda r: r.pk):
        pool = [v for v in _candidates(rule) if v not in taken]
        if len(pool) < rule.count:
            raise ContestError(
                _("The question bank does not have enough approved questions for this round."),
                code="bank_too_small",
                status=409,
            )
        picked = rng.sample(pool, rule.count)
        chosen.extend(picked)
        taken.update(picked)
    if round.shuffle_questions:
        rng.shuffle(chosen)
    return chosen


def round_blueprint_problems(*, round: Round) -> list[str]:
    """What stops the blueprint from being drawn, per audience; empty when it can be."""
    problems = []
    audiences = dict(BlueprintRule.Audience.choices)
    rules = list(round.blueprint.select_related("topic"))
    for audience, label in audiences.items():
        mine = [r for r in rules if r.audience == audience]
        if not mine:
            if _admits_audience(round, audience):
                problems.append(_("No blueprint rules for %(who)s.") % {"who": label})
            continue
        taken: set[int] = set()
        for rule in mine:
            pool = [v for v in _candidates(rule) if v not in taken]
            if len(pool) < rule.count:
                problems.append(
                    _(
                        "%(who)s: %(topic)s needs %(need)s approved questions, the bank has %(have)s."
                    )
                    % {
                        "who": label,
                        "topic": rule.topic.name if rule.topic else _("any topic"),
                        "need": rule.count,
                        "have": len(pool),
                    }
                )
            taken.update(pool[: rule.count])
    return problems


def _admits_audience(round: Round, audience: str) -> bool:
    if round.eligibility == Round.Eligibility.ALL:
        return True
    if round.eligibility == Round.Eligibility.CITIZENS:
        return audience == BlueprintRule.Audience.CITIZEN
    return audience == BlueprintRule.Audience.CIVIL_SERVANT


# --- entering ------------------------------------------------------------------------


def round_set_password(*, round: Round, password: str) -> None:
    round.access_password = make_password(password) if password else ""


def round_check_entry(*, round: Round, user: User, password: str = "") -> None:
    """Raise ContestError if this person may not enter the round now."""
    if not user.is_authenticated:
        raise ContestError(_("Sign in to take part."), code="not_signed_in", status=401)
    if round.kind != Round.Kind.ONLINE:
        raise ContestError(_("This round is not an online round."), code="not_online")
    now = timezone.now()
    if not round.is_published or not round.contest.is_published or now < round.opens_at:
        raise ContestError(_("This round has not opened yet."), code="not_open", status=409)
    if now >= round.closes_at:
        raise ContestError(_("This round has closed."), code="closed", status=409)
    if not user.profile_complete:
        raise ContestError(
            _("Complete your profile (full name, who you are, unit) before taking part."),
            code="profile_incomplete",
            status=409,
        )
    if not _admits_audience(round, audience_for(user)):
        raise ContestError(
            _("This round is not open to your group of participants."),
            code="not_eligible",
            status=403,
        )
    units = list(round.eligible_units.all())
    if units:
        allowed: set[int] = set()
        for unit in units:
            allowed |= unit_descendant_ids(unit=unit)
        if user.unit_id not in allowed:
            raise ContestError(
                _("This round is open only to listed units."), code="unit_not_listed", status=403
            )
    if round.access_password and not check_password(password or "", round.access_password):
        raise ContestError(_("The access password is wrong."), code="bad_password", status=403)


def attempt_start(*, round: Round, user: User, password: str = "", trial: bool = False) -> Attempt:
    """Start (or resume) this person's attempt.

    An attempt in progress is returned as it is, with the same questions and
    deadline. Otherwise a new one is drawn, if the round allows another. The
    database's unique (round, user, number) constraint makes two simultaneous
    starts give one attempt. A trial (organizer's preview) never counts.
    """
    if not trial:
        round_check_entry(round=round, user=user, password=password)
    attempts = Attempt.objects.filter(round=round, user=user, is_trial=trial)
    # One read: an attempt another request commits meanwhile is either seen here (and
    # resumed) or met below as a unique-constraint conflict, never miscounted as used.
    existing = list(attempts.order_by("number"))
    current = next((a for a in existing if a.status == Attempt.Status.IN_PROGRESS), None)
    if current is not None:
        if attempt_finish_if_due(attempt=current):
            current.refresh_from_db()
        else:
            return current
    done = len(existing)
    if not trial and done >= round.attempts_allowed:
        raise ContestError(
            _("You have used all your attempts for this round."),
            code="no_attempts_left",
            status=409,
        )
    seed = secrets.randbits(62)
    audience = audience_for(user)
    version_ids = round_draw(round=round, audience=audience, seed=seed)
    now = timezone.now()
    deadline = now + round.duration
    if not trial:
        deadline = min(deadline, round.closes_at)
        if deadline <= now:
            raise ContestError(_("This round has closed."), code="closed", status=409)
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                round=round,
                user=user,
                number=done + 1,
                is_trial=trial,
                audience=audience,
                unit=user.unit,
                seed=seed,
                started_at=now,
                deadline=deadline,
                question_count=len(version_ids),
            )
            _create_items(attempt, version_ids, seed, round.shuffle_choices)
    except IntegrityError:
        # Someone (the same person on another device) started at the same moment.
        existing = attempts.filter(number=done + 1).first()
        if existing is None:
            raise
        return existing
    return attempt


def _create_items(attempt: Attempt, version_ids: list[int], seed: int, shuffle: bool) -> None:
    rng = random.Random(seed ^ 0x5EED)
    choice_ids: dict[int, list[int]] = {}
    for vid, cid in (
        QuestionVersion.objects.filter(pk__in=version_ids)
        .values_list("pk", "choices__pk")
        .order_by("pk", "choices__order")
    ):
        if cid is not None:
            choice_ids.setdefault(vid, []).append(cid)
    items = []
    for position, vid in enumerate(version_ids):
        order = list(choice_ids.get(vid, []))
        if shuffle:
            rng.shuffle(order)
        items.append(
            AttemptItem(attempt=attempt, position=position, version_id=vid, choice_order=order)
        )
    AttemptItem.objects.bulk_create(items)
    # These versions are now a record of what an attempt showed: freeze them.
    QuestionVersion.objects.filter(pk__in=version_ids, is_used=False).update(is_used=True)


# --- answering -------------------------------------------------------------------------


def _locked_attempt(attempt_id: int, user: User, *, with_round: bool = False) -> Attempt:
    """The person's own attempt, row-locked so that saves and the submit of one attempt
    take turns. Only the attempt row is locked (``of=("self",)``): locking the joined
    round row too would make every participant of the round wait for each other."""
    qs = Attempt.objects.select_for_update(of=("self",)).filter(pk=attempt_id, user=user)
    if with_round:
        qs = qs.select_related("round")
    attempt = qs.first()
    if attempt is None:
        # Someone else's attempt looks exactly like a missing one.
        raise ContestError(_("No such attempt."), code="not_found", status=404)
    return attempt


def attempt_get_own(*, attempt_id: int, user: User) -> Attempt:
    """The person's own attempt, finished first if its deadline has passed.
    Someone else's attempt raises the same 404 as a missing one."""
    attempt = (
        Attempt.objects.select_related("round", "round__contest")
        .filter(pk=attempt_id, user=user)
        .first()
    )
    if attempt is None:
        raise ContestError(_("No such attempt."), code="not_found", status=404)
    attempt_finish_if_due(attempt=attempt)
    return attempt


def _refuse_if_finished(attempt: Attempt, now: datetime) -> None:
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise ContestError(
            _("This attempt is already finished; answers can no longer change."),
            code="finished",
            status=409,
        )
    if now > attempt.deadline + _grace():
        raise ContestError(
            _("Time is up: this answer arrived after the deadline and was not saved."),
            code="deadline_passed",
            status=409,
        )


@dataclasses.dataclass(frozen=True, slots=True)
class SavedAnswer:
    item_id: int
    position: int
    selected: list[int]
    number_answer: Decimal | None
    answered_at: datetime
    deadline: datetime


def attempt_save_answer(
    *,
    attempt_id: int,
    user: User,
    position: int,
    selected: Sequence[int] | None = None,
    number: str | Decimal | int | float | None = None,
) -> SavedAnswer:
    """Save one answer the moment it is chosen. Saving the same answer twice is
    harmless. Refused after the deadline (plus grace), for another person's
    attempt, or for a choice that is not on this question.

    No transaction: the items' choices and kinds never change once drawn, so they are
    checked against a copy read once per attempt and process; the write is one UPDATE
    that itself requires the attempt to be this person's, in progress and within its
    deadline, holding a share lock on the attempt row (on PostgreSQL) while it writes.
    A submit or an expiry locks that row for update before grading, so an answer is
    either written before the grading reads it or refused; it is never saved and then
    left out."""
    now = timezone.now()
    try:
        items = _attempt_items(attempt_id, user.pk)
    except _NotYours:
        # Someone else's attempt looks exactly like a missing one.
        raise ContestError(_("No such attempt."), code="not_found", status=404) from None
    item = items.get(position)
    if item is None:
        raise ContestError(_("This question is not part of your attempt."), code="bad_question")
    if item.kind == "numeric":
        number_answer, chosen = _parse_number(number), []
    else:
        number_answer = None
        chosen = _clean_selection(selected, allowed=item.choice_order, kind=item.kind)
    deadline = _write_answer(
        item_id=item.id,
        selected=chosen,
        number_answer=number_answer,
        answered_at=now,
        user_id=user.pk,
        not_before=now - _grace(),
    )
    if deadline is None:
        # Submitted, expired, cut short by the round's close, or gone.
        current = Attempt.objects.filter(pk=attempt_id, user=user).only("status", "deadline")
        attempt = current.first()
        if attempt is None:
            raise ContestError(_("No such attempt."), code="not_found", status=404)
        _refuse_if_finished(attempt, now)
        raise ContestError(
            _("This attempt is already finished; answers can no longer change."),
            code="finished",
            status=409,
        )
    return SavedAnswer(item.id, position, chosen, number_answer, now, deadline)


# The save is the hottest path of a round (every participant, every question).
# Compiling the equivalent ORM queries cost about 1 ms of CPU per save, more than the
# database's own work; the statements are written out once instead, and the attempt's
# items, which never change, are read once per process (measured in docs/benchmarks.md).


class _Item(NamedTuple):
    id: int
    choice_order: tuple[int, ...]
    kind: str


class _NotYours(Exception):
    """No such attempt of this person."""


def _tables() -> tuple[str, str, str]:
    q = connection.ops.quote_name
    return (
        q(Attempt._meta.db_table),
        q(AttemptItem._meta.db_table),
        q(QuestionVersion._meta.db_table),
    )


@functools.cache
def _attempt_items_sql(vendor: str) -> str:
    a, i, v = _tables()
    return (
        f"SELECT {i}.position, {i}.id, {i}.choice_order, {v}.kind"
        f" FROM {a} INNER JOIN {i} ON {i}.attempt_id = {a}.id"
        f" INNER JOIN {v} ON {v}.id = {i}.version_id"
        f" WHERE {a}.id = %s AND {a}.user_id = %s"
    )


@functools.lru_cache(maxsize=4096)
def _attempt_items(attempt_id: int, user_id: int) -> Mapping[int, _Item]:
    """The person's attempt's items by position (position, choices and kind never
    change once drawn: a used question version is never edited in place). Raises
    _NotYours, which is not cached, when the attempt is not theirs or does not exist."""
    with connection.cursor() as cursor:
        cursor.execute(_attempt_items_sql(connection.vendor), [attempt_id, user_id])
        rows = cursor.fetchall()
    if not rows:
        raise _NotYours
    return MappingProxyType(
        {pos: _Item(pk, tuple(_json_list(order)), kind) for pos, pk, order, kind in rows}
    )


# Drops every process-local copy of attempts' items (tests reuse rolled-back ids).
forget_attempt_items = _attempt_items.cache_clear


def _json_list(value: object) -> list[int]:
    return json.loads(value) if isinstance(value, str | bytes) else list(value)  # type: ignore[call-overload]


@functools.cache
def _write_answer_sql(vendor: str, returning: bool) -> str:
    a, i, _v = _tables()
    # SQLite runs one writer at a time, so its single statement is atomic as it is.
    lock = " FOR SHARE" if vendor == "postgresql" else ""
    sql = (
        f"UPDATE {i} SET selected = %s, number_answer = %s, answered_at = %s"
        f" WHERE {i}.id = %s AND {i}.attempt_id IN ("
        f"SELECT {a}.id FROM {a} WHERE {a}.id = {i}.attempt_id AND {a}.user_id = %s"
        f" AND {a}.status = %s AND {a}.deadline >= %s{lock})"
    )
    if returning:
        sql += f" RETURNING (SELECT {a}.deadline FROM {a} WHERE {a}.id = {i}.attempt_id)"
    return sql


def _write_answer(
    *,
    item_id: int,
    selected: list[int],
    number_answer: Decimal | None,
    answered_at: datetime,
    user_id: int,
    not_before: datetime,
) -> datetime | None:
    """Write the answer if the attempt is still open and return the attempt's
    deadline; None if it is not open (or not this person's)."""
    field = AttemptItem._meta.get_field
    params = [
        field("selected").get_db_prep_save(selected, connection),
        field("number_answer").get_db_prep_save(number_answer, connection),
        field("answered_at").get_db_prep_save(answered_at, connection),
    ]
    deadline_field = Attempt._meta.get_field("deadline")
    # SQLite before 3.35 (still some Linux distributions' Python) has no RETURNING.
    returning = connection.features.can_return_columns_from_insert
    with connection.cursor() as cursor:
        cursor.execute(
            _write_answer_sql(connection.vendor, returning),
            [
                *params,
                item_id,
                user_id,
                Attempt.Status.IN_PROGRESS.value,
                deadline_field.get_db_prep_value(not_before, connection),
            ],
        )
        if not returning:
            written = cursor.rowcount == 1
            return (
                Attempt.objects.filter(items__pk=item_id).values_list("deadline", flat=True)[0]
                if written
                else None
            )
        row = cursor.fetchone()
    if row is None:
        return None
    deadline = row[0]
    column = deadline_field.get_col(Attempt._meta.db_table)
    converters = connection.ops.get_db_converters(column)
    for convert in converters + deadline_field.get_db_converters(connection):
        deadline = convert(deadline, column, connection)
    return deadline


def _parse_number(value) -> Decimal | None:  # type: ignore[no-untyped-def]
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        raise ContestError(_("Enter a number."), code="bad_number") from None
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        raise ContestError(_("Enter a number."), code="bad_number")
    return number.quantize(Decimal("0.01"))


def _clean_selection(selected, *, allowed: Sequence[int], kind: str) -> list[int]:  # type: ignore[no-untyped-def]
    if selected is None:
        selected = []
    if not isinstance(selected, list | tuple) or not all(
        isinstance(c, int) and not isinstance(c, bool) for c in selected
    ):
        raise ContestError(_("The answer must be a list of choice numbers."), code="bad_choice")
    chosen = sorted(set(selected))
    if any(c not in allowed for c in chosen):
        raise ContestError(_("That choice is not on this question."), code="bad_choice")
    if kind in {"single", "true_false"} and len(chosen) > 1:
        raise ContestError(_("Choose only one answer."), code="bad_choice")
    return chosen


@transaction.atomic
def attempt_save_prediction(*, attempt_id: int, user: User, prediction: int | None) -> Attempt:
    now = timezone.now()
    attempt = _locked_attempt(attempt_id, user, with_round=True)
    _refuse_if_finished(attempt, now)
    if not attempt.round.has_prediction:
        raise ContestError(_("This round has no prediction question."), code="no_prediction")
    if prediction is not None and (
        isinstance(prediction, bool)
        or not isinstance(prediction, int)
        or not 0 <= prediction <= 100_000_000
    ):
        raise ContestError(
            _("The prediction must be a whole number from 0 to 100,000,000."), code="bad_prediction"
        )
    attempt.prediction = prediction
    attempt.save(update_fields=["prediction"])
    return attempt


# --- finishing -------------------------------------------------------------------------


def _grade(attempt: Attempt, *, status: str, finished_at: datetime, reason: str) -> None:
    items = list(attempt.items.values_list("pk", "version_id", "selected", "number_answer"))
    # Only what grading reads: the kind, the numeric key and the correct choices.
    versions = QuestionVersion.objects.filter(pk__in={v for _, v, _, _ in items}).only(
        "pk", "kind", "numeric_answer", "numeric_tolerance"
    )
    keys = {
        v.pk: v
        for v in versions.prefetch_related(
            Prefetch(
                "choices",
                queryset=Choice.objects.filter(is_correct=True).only(
                    "pk", "version_id", "is_correct"
                ),
            )
        )
    }
    marks: dict[bool, list[int]] = {True: [], False: []}
    for pk, version_id, selected, number in items:
        ok = grade_response(version=keys[version_id], selected=selected or [], number=number)
        marks[ok].append(pk)
    # Two plain UPDATEs: bulk_update's CASE over every item cost more to build than to run.
    for ok, pks in marks.items():
        if pks:
            AttemptItem.objects.filter(pk__in=pks).update(is_correct=ok)
    correct = len(marks[True])
    old = attempt.score
    attempt.status = status
    attempt.finished_at = finished_at
    attempt.correct_count = correct
    attempt.score = Decimal(correct)
    attempt.save(update_fields=["status", "finished_at", "correct_count", "score"])
    ScoreChange.objects.create(
        attempt=attempt, old_score=old, new_score=attempt.score, changed_by=None, reason=reason
    )


@transaction.atomic
def attempt_submit(*, attempt_id: int, user: User) -> Attempt:
    """Finish and grade the attempt. Submitting twice returns the same result;
    the score is computed once."""
    now = timezone.now()
    attempt = _locked_attempt(attempt_id, user, with_round=True)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return attempt
    if now > attempt.deadline + _grace():
        _grade(
            attempt,
            status=Attempt.Status.EXPIRED,
            finished_at=attempt.deadline,
            reason="graded at deadline",
        )
    else:
        _grade(
            attempt,
            status=Attempt.Status.SUBMITTED,
            finished_at=min(now, attempt.deadline),
            reason="graded at submit",
        )
    return attempt


def attempt_finish_if_due(*, attempt: Attempt, now: datetime | None = None) -> bool:
    """Finish an attempt whose deadline (plus grace) has passed. True if it did."""
    now = now or timezone.now()
    if attempt.status != Attempt.Status.IN_PROGRESS or now <= attempt.deadline + _grace():
        return False
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.status != Attempt.Status.IN_PROGRESS:
            return False
        _grade(
            locked,
            status=Attempt.Status.EXPIRED,
            finished_at=locked.deadline,
            reason="graded at deadline",
        )
    attempt.refresh_from_db()
    return True


def attempts_close_expired(*, now: datetime | None = None) -> int:
    """Finish every attempt left open past its deadline. Returns how many."""
    now = now or timezone.now()
    due = Attempt.objects.filter(
        status=Attempt.Status.IN_PROGRESS, deadline__lt=now - _grace()
    ).only("pk", "status", "deadline")
    finished = 0
    for attempt in due.iterator():
        finished += int(attempt_finish_if_due(attempt=attempt, now=now))
    return finished


def answers_visible(*, attempt: Attempt, now: datetime | None = None) -> bool:
    """Whether the key and explanations may be shown for a finished attempt."""
    if attempt.status == Attempt.Status.IN_PROGRESS:
        return False
    if attempt.is_trial:
        return True
    reveal = attempt.round.reveal
    if reveal == Round.Reveal.AFTER_SUBMIT:
        return True
    if reveal == Round.Reveal.AFTER_CLOSE:
        return (now or timezone.now()) >= attempt.round.closes_at
    return False


# --- organizer actions ---------------------------------------------------------------------


@transaction.atomic
def round_open(*, round: Round) -> Round:
    """Publish the round; it accepts starts from ``opens_at``. Refused while the
    bank cannot fill its blueprint."""
    problems = round_blueprint_problems(round=round)
    if problems:
        raise ContestError("; ".join(problems), code="blueprint_unfillable", status=409)
    round.is_published = True
    round.save(update_fields=["is_published"])
    return round


@transaction.atomic
def round_close(*, round: Round) -> Round:
    """Close now: no new starts; attempts in progress end at the close. A round that
    has not opened yet is withdrawn (unpublished) instead."""
    now = timezone.now()
    if round.opens_at > now:
        round.is_published = False
        round.save(update_fields=["is_published"])
    elif round.closes_at > now:
        round.closes_at = max(now, round.opens_at + timedelta(seconds=1))
        round.save(update_fields=["closes_at"])
        Attempt.objects.filter(
            round=round, status=Attempt.Status.IN_PROGRESS, is_trial=False, deadline__gt=now
        ).update(deadline=now)
    return round


@transaction.atomic
def round_extend(*, round: Round, until: datetime) -> Round:
    """Close later. Attempts in progress that the old close cut short get their full
    time again, up to the new close."""
    if until <= round.closes_at:
        raise ContestError(
            _("The new close must be later than the current one."), code="bad_extend"
        )
    old_close = round.closes_at
    round.closes_at = until
    round.save(update_fields=["closes_at"])
    cut_short = Attempt.objects.select_for_update().filter(
        round=round,
        is_trial=False,
        status=Attempt.Status.IN_PROGRESS,
        deadline=old_close,
        deadline__gte=timezone.now() - _grace(),  # not yet due: still being answered
    )
    for attempt in cut_short:
        attempt.deadline = min(attempt.started_at + round.duration, until)
        attempt.save(update_fields=["deadline"])
    return round


def participants_count(*, round: Round) -> int:
    """People with a finished, non-trial attempt: the 'actual' of the prediction."""
    return (
        Attempt.objects.filter(round=round, is_trial=False)
        .exclude(status=Attempt.Status.IN_PROGRESS)
        .values("user_id")
        .distinct()
        .count()
    )
