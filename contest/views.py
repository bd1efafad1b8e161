from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contest import services
from contest.api import attempt_result
from contest.models import Attempt, Contest, Round
from contest.selectors import contests_open, round_ranking


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "contest/home.html", {"contests": contests_open()})


def _public_round(slug: str, number: int) -> Round:
    return get_object_or_404(
        Round.objects.select_related("contest", "contest__campaign"),
        contest__slug=slug,
        contest__is_published=True,
        number=number,
        is_published=True,
    )


def contest_detail(request: HttpRequest, slug: str) -> HttpResponse:
    contest = get_object_or_404(
        Contest.objects.select_related("campaign"), slug=slug, is_published=True
    )
    rounds = list(contest.rounds.filter(is_published=True).order_by("number"))
    mine: dict[int, list[Attempt]] = {}
    if request.user.is_authenticated:
        for attempt in Attempt.objects.filter(
            round__in=rounds, user=request.user, is_trial=False
        ).order_by("number"):
            mine.setdefault(attempt.round_id, []).append(attempt)
    now = timezone.now()
    rows = [(r, mine.get(r.pk, []), r.is_open(now)) for r in rounds]
    return render(
        request, "contest/contest_detail.html", {"contest": contest, "rows": rows, "now": now}
    )


def round_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    round = _public_round(slug, number)
    attempts: list[Attempt] = []
    if request.user.is_authenticated:
        attempts = list(
            Attempt.objects.filter(round=round, user=request.user, is_trial=False).order_by(
                "number"
            )
        )
        for attempt in attempts:
            services.attempt_finish_if_due(attempt=attempt)
    in_progress = next((a for a in attempts if a.status == Attempt.Status.IN_PROGRESS), None)
    entry_problem = None
    if request.user.is_authenticated and in_progress is None:
        try:
            services.round_check_entry(round=round, user=request.user, password="")
        except services.ContestError as exc:
            if exc.code != "bad_password":
                entry_problem = exc.message
        if entry_problem is None and len(attempts) >= round.attempts_allowed:
            entry_problem = _("You have used all your attempts for this round.")
    return render(
        request,
        "contest/round_detail.html",
        {
            "round": round,
            "attempts": attempts,
            "in_progress": in_progress,
            "entry_problem": entry_problem,
            "is_open": round.is_open(),
        },
    )


@login_required
@require_POST
def round_start(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    round = _public_round(slug, number)
    try:
        attempt = services.attempt_start(
            round=round, user=request.user, password=request.POST.get("password", "")
        )
    except services.ContestError as exc:
        messages.error(request, exc.message)
        if exc.code == "profile_incomplete":
            return redirect("accounts-profile")
        return redirect("contest-round-detail", slug=slug, number=number)
    return redirect("contest-attempt", attempt_id=attempt.pk)


def _own_attempt(request: HttpRequest, attempt_id: int) -> Attempt:
    try:
        return services.attempt_get_own(attempt_id=attempt_id, user=request.user)
    except services.ContestError:
        raise Http404 from None


@login_required
def attempt_page(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_finished:
        return redirect("contest-attempt-result", attempt_id=attempt.pk)
    return render(
        request, "contest/attempt.html", {"attempt": attempt, "strings": _attempt_strings()}
    )


def _attempt_strings() -> dict[str, str]:
    """Texts the attempt script shows, translated here so they live in one catalogue."""
    return {
        "saved": _("Saved"),
        "saving": _("Saving…"),
        "retrying": _("Not saved yet, retrying…"),
        "offline": _("Connection lost. Your answers will be sent when it is back."),
        "online": _("Connected."),
        "confirm": _("Submit your answers? You cannot change them afterwards."),
        "unanswered": _("Questions not answered:"),
        "timeup": _("Time is up. Your answers are being submitted."),
        "question": _("Question"),
        "chooseAll": _("Choose every correct answer."),
        "typeNumber": _("Type a number"),
        "error": _("Something went wrong. Reload the page."),
        "answered": _("answered"),
    }


@login_required
def attempt_result_page(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_finished:
        return redirect("contest-attempt", attempt_id=attempt.pk)
    return render(
        request,
        "contest/attempt_result.html",
        {"attempt": attempt, "result": attempt_result(attempt)},
    )


def leaderboard(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The public leaderboard: rank, name, unit, score and time; no personal data."""
    round = _public_round(slug, number)
    ranking = round_ranking(round=round)[:200]
    return render(
        request,
        "contest/leaderboard.html",
        {"round": round, "ranking": ranking, "provisional": round.is_open()},
    )
