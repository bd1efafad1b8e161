"""The JSON API for the attempt flow. The attempt pages use it themselves, so load
tests, fuzzers and a future mobile app drive the same code path.

Authentication is the Django session; unsafe methods need the CSRF token
(header ``X-CSRFToken``). Errors are ``{"code": ..., "message": ...}`` with the
message in the user's language.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import django_auth

from contest import services
from contest.models import Attempt, Round
from contest.selectors import rounds_open
from quizbank.models import Choice, QuestionVersion

api = NinjaAPI(
    title="Reform contests API",
    version="1",
    description=__doc__,
    auth=django_auth,
    urls_namespace="api",
)


class Error(Schema):
    code: str
    message: str


def _error(request: HttpRequest, status: int, code: str, message: str) -> HttpResponse:
    return api.create_response(request, {"code": code, "message": message}, status=status)


@api.exception_handler(services.ContestError)
def contest_error(request: HttpRequest, exc: services.ContestError) -> HttpResponse:
    return _error(request, exc.status, exc.code, exc.message)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _error(request, 422, "invalid_request", _("The request is malformed or incomplete."))


@api.exception_handler(AuthenticationError)
def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    if request.user.is_authenticated:
        return _error(
            request,
            403,
            "csrf_failed",
            _("The security token is missing or wrong; reload the page."),
        )
    return _error(request, 401, "not_signed_in", _("Sign in to take part."))


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:
        return _error(request, 400, "bad_json", _("The request body is not valid JSON."))
    if exc.status_code == 403 and "csrf" in str(exc).lower():
        return _error(
            request,
            403,
            "csrf_failed",
            _("The security token is missing or wrong; reload the page."),
        )
    return _error(request, exc.status_code, "error", str(exc))


# --- schemas ---------------------------------------------------------------------------


class RoundOut(Schema):
    id: int
    contest: str
    title: str
    opens_at: datetime
    closes_at: datetime
    duration_seconds: int
    question_count: int
    attempts_allowed: int
    needs_password: bool
    prediction_question: str


class StartIn(Schema):
    password: str = ""


class ChoiceOut(Schema):
    id: int
    text: str


class QuestionOut(Schema):
    position: int
    kind: str
    text: str
    image_url: str | None
    choices: list[ChoiceOut]
    selected: list[int]
    number: str | None


class AttemptOut(Schema):
    id: int
    round_id: int
    round_title: str
    status: str
    is_trial: bool
    started_at: datetime
    deadline: datetime
    server_time: datetime
    remaining_seconds: float
    grace_seconds: int
    prediction_question: str
    prediction: int | None
    questions: list[QuestionOut]


class AnswerIn(Schema):
    selected: list[int] | None = None
    number: str | None = None


class AnswerOut(Schema):
    position: int
    selected: list[int]
    number: str | None
    saved_at: datetime
    remaining_seconds: float


class PredictionIn(Schema):
    prediction: int | None


class ReviewChoice(Schema):
    id: int
    text: str
    is_correct: bool
    selected: bool


class ReviewItem(Schema):
    position: int
    text: str
    kind: str
    choices: list[ReviewChoice]
    number: str | None
    correct_number: str | None
    is_correct: bool
    explanation: str
    legal_reference: str


class ResultOut(Schema):
    id: int
    status: str
    score: float | None
    correct_count: int | None
    question_count: int
    time_taken_seconds: float | None
    prediction: int | None
    review_available: bool
    review: list[ReviewItem] | None


# --- builders (shared with the HTML views) --------------------------------------------------


def round_out(round: Round) -> dict:
    return {
        "id": round.pk,
        "contest": round.contest.title,
        "title": round.title,
        "opens_at": round.opens_at,
        "closes_at": round.closes_at,
        "duration_seconds": int(round.duration.total_seconds()),
        "question_count": round.question_count,
        "attempts_allowed": round.attempts_allowed,
        "needs_password": bool(round.access_password),
        "prediction_question": round.prediction_question,
    }


def attempt_state(attempt: Attempt) -> dict:
    """What the participant may see while answering: never the key."""
    now = timezone.now()
    # Plain values, not model instances: every participant fetches this at the start
    # and on every reload (measured in docs/benchmarks.md).
    items = list(
        attempt.items.order_by("position").values(
            "position",
            "version_id",
            "choice_order",
            "selected",
            "number_answer",
            "version__kind",
            "version__text",
            "version__image",
        )
    )
    texts: dict[int, str] = dict(
        Choice.objects.filter(version_id__in={i["version_id"] for i in items}).values_list(
            "pk", "text"
        )
    )
    image_storage = QuestionVersion._meta.get_field("image").storage
    questions = [
        {
            "position": item["position"],
            "kind": item["version__kind"],
            "text": item["version__text"],
            "image_url": image_storage.url(item["version__image"])
            if item["version__image"]
            else None,
            "choices": [
                {"id": cid, "text": texts[cid]} for cid in item["choice_order"] if cid in texts
            ],
            "selected": item["selected"] or [],
            "number": str(item["number_answer"]) if item["number_answer"] is not None else None,
        }
        for item in items
    ]
    return {
        "id": attempt.pk,
        "round_id": attempt.round_id,
        "round_title": attempt.round.title,
        "status": attempt.status,
        "is_trial": attempt.is_trial,
        "started_at": attempt.started_at,
        "deadline": attempt.deadline,
        "server_time": now,
        "remaining_seconds": max(0.0, (attempt.deadline - now).total_seconds())
        if attempt.status == Attempt.Status.IN_PROGRESS
        else 0.0,
        "grace_seconds": settings.ATTEMPT_GRACE_SECONDS,
        "prediction_question": attempt.round.prediction_question,
        "prediction": attempt.prediction,
        "questions": questions,
    }


def attempt_result(attempt: Attempt) -> dict:
    visible = services.answers_visible(attempt=attempt)
    review = None
    if visible:
        review = []
        items = (
            attempt.items.select_related("version")
            .prefetch_related("version__choices")
            .order_by("position")
        )
        for item in items:
            version = item.version
            choices = {c.pk: c for c in version.choices.all()}
            review.append(
                {
                    "position": item.position,
                    "text": version.text,
                    "kind": version.kind,
                    "choices": [
                        {
                            "id": cid,
                            "text": choices[cid].text,
                            "is_correct": choices[cid].is_correct,
                            "selected": cid in (item.selected or []),
                        }
                        for cid in item.choice_order
                        if cid in choices
                    ],
                    "number": str(item.number_answer) if item.number_answer is not None else None,
                    "correct_number": str(version.numeric_answer)
                    if version.numeric_answer is not None
                    else None,
                    "is_correct": bool(item.is_correct),
                    "explanation": version.explanation,
                    "legal_reference": version.legal_reference,
                }
            )
    taken = attempt.time_taken
    return {
        "id": attempt.pk,
        "status": attempt.status,
        "score": float(attempt.score) if attempt.score is not None else None,
        "correct_count": attempt.correct_count,
        "question_count": attempt.question_count,
        "time_taken_seconds": taken.total_seconds() if taken is not None else None,
        "prediction": attempt.prediction,
        "review_available": visible,
        "review": review,
    }


# --- endpoints -------------------------------------------------------------------------------


@api.get("/rounds", response=list[RoundOut], summary="Online rounds open now")
def list_rounds(request: HttpRequest):  # type: ignore[no-untyped-def]
    return [round_out(r) for r in rounds_open().prefetch_related("blueprint")]


@api.post(
    "/rounds/{round_id}/start",
    response={200: AttemptOut, 400: Error, 401: Error, 403: Error, 404: Error, 409: Error},
    summary="Start or resume my attempt",
)
def start(request: HttpRequest, round_id: int, payload: StartIn):  # type: ignore[no-untyped-def]
    round = get_object_or_404(Round.objects.select_related("contest"), pk=round_id)
    attempt = services.attempt_start(round=round, user=request.user, password=payload.password)
    return attempt_state(attempt)


@api.get(
    "/attempts/{attempt_id}",
    response={200: AttemptOut, 404: Error},
    summary="My attempt: questions, my answers, the server's remaining time",
)
def state(request: HttpRequest, attempt_id: int):  # type: ignore[no-untyped-def]
    return attempt_state(services.attempt_get_own(attempt_id=attempt_id, user=request.user))


@api.put(
    "/attempts/{attempt_id}/answers/{position}",
    response={200: AnswerOut, 400: Error, 404: Error, 409: Error},
    summary="Save one answer (idempotent)",
)
def save_answer(request: HttpRequest, attempt_id: int, position: int, payload: AnswerIn):  # type: ignore[no-untyped-def]
    saved = services.attempt_save_answer(
        attempt_id=attempt_id,
        user=request.user,
        position=position,
        selected=payload.selected,
        number=payload.number,
    )
    return {
        "position": saved.position,
        "selected": saved.selected,
        "number": str(saved.number_answer) if saved.number_answer is not None else None,
        "saved_at": saved.answered_at,
        "remaining_seconds": max(0.0, (saved.deadline - timezone.now()).total_seconds()),
    }


@api.put(
    "/attempts/{attempt_id}/prediction",
    response={200: AttemptOut, 400: Error, 404: Error, 409: Error},
    summary="Save my prediction",
)
def save_prediction(request: HttpRequest, attempt_id: int, payload: PredictionIn):  # type: ignore[no-untyped-def]
    attempt = services.attempt_save_prediction(
        attempt_id=attempt_id, user=request.user, prediction=payload.prediction
    )
    return attempt_state(attempt)


@api.post(
    "/attempts/{attempt_id}/submit",
    response={200: ResultOut, 404: Error},
    summary="Submit and grade (idempotent)",
)
def submit(request: HttpRequest, attempt_id: int):  # type: ignore[no-untyped-def]
    attempt = services.attempt_submit(attempt_id=attempt_id, user=request.user)
    return attempt_result(attempt)


@api.get(
    "/attempts/{attempt_id}/result",
    response={200: ResultOut, 404: Error, 409: Error},
    summary="My result, with the review when the round's settings allow",
)
def result(request: HttpRequest, attempt_id: int):  # type: ignore[no-untyped-def]
    attempt = services.attempt_get_own(attempt_id=attempt_id, user=request.user)
    if attempt.status == Attempt.Status.IN_PROGRESS:
        raise services.ContestError(
            _("This attempt is still in progress."), code="in_progress", status=409
        )
    return attempt_result(attempt)
