"""Organizer pages: contests, rounds, previews, opening and closing, results and exports.
The committee reads results through the same pages, without the controls."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from contest import services
from contest.forms import (
    BlueprintFormSet,
    CampaignForm,
    ContestForm,
    ExtendForm,
    PrizeTierFormSet,
    RoundForm,
)
from contest.models import Attempt, Campaign, Contest, Round
from contest.selectors import round_ranking, round_summary, round_winners


def organizer_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    @login_required
    @permission_required("contest.manage_contest", raise_exception=True)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return view(request, *args, **kwargs)

    return wrapped


def results_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    @login_required
    @permission_required("contest.view_results", raise_exception=True)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return view(request, *args, **kwargs)

    return wrapped


@results_view
def manage_home(request: HttpRequest) -> HttpResponse:
    campaigns = Campaign.objects.prefetch_related("contests__rounds")
    return render(request, "contest/manage/home.html", {"campaigns": campaigns})


@organizer_view
@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=pk) if pk else None
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Campaign saved."))
        return redirect("contest-manage")
    return render(request, "contest/manage/form.html", {"form": form, "title": _("Campaign")})


@organizer_view
@require_http_methods(["GET", "POST"])
def contest_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    contest = get_object_or_404(Contest, pk=pk) if pk else None
    form = ContestForm(request.POST or None, instance=contest)
    if request.method == "POST" and form.is_valid():
        contest = form.save()
        messages.success(request, _("Contest saved."))
        return redirect("contest-manage-contest", pk=contest.pk)
    return render(request, "contest/manage/form.html", {"form": form, "title": _("Contest")})


@results_view
def contest_manage(request: HttpRequest, pk: int) -> HttpResponse:
    contest = get_object_or_404(Contest.objects.select_related("campaign"), pk=pk)
    rounds = contest.rounds.order_by("number")
    return render(request, "contest/manage/contest.html", {"contest": contest, "rounds": rounds})


@organizer_view
@require_http_methods(["GET", "POST"])
def round_edit(request: HttpRequest, contest_pk: int, pk: int | None = None) -> HttpResponse:
    contest = get_object_or_404(Contest, pk=contest_pk)
    round = get_object_or_404(Round, pk=pk, contest=contest) if pk else Round(contest=contest)
    if not pk:
        round.number = (
            contest.rounds.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
        round.opens_at = contest.opens_at
        round.closes_at = contest.closes_at
    form = RoundForm(request.POST or None, instance=round)
    blueprint = BlueprintFormSet(request.POST or None, instance=round, prefix="bp")
    prizes = PrizeTierFormSet(request.POST or None, instance=round, prefix="prize")
    if request.method == "POST" and form.is_valid() and blueprint.is_valid() and prizes.is_valid():
        with transaction.atomic():
            round = form.save()
            blueprint.instance = round
            prizes.instance = round
            blueprint.save()
            prizes.save()
        messages.success(request, _("Round saved."))
        for problem in services.round_blueprint_problems(round=round):
            messages.warning(request, problem)
        return redirect("contest-manage-round", pk=round.pk)
    return render(
        request,
        "contest/manage/round_form.html",
        {
            "form": form,
            "blueprint": blueprint,
            "prizes": prizes,
            "contest": contest,
            "round": round,
        },
    )


@results_view
def round_manage(request: HttpRequest, pk: int) -> HttpResponse:
    round = get_object_or_404(Round.objects.select_related("contest"), pk=pk)
    summary = round_summary(round=round)
    return render(
        request,
        "contest/manage/round.html",
        {
            "round": round,
            "problems": services.round_blueprint_problems(round=round),
            "summary": summary,
            "in_progress": Attempt.objects.filter(
                round=round, status=Attempt.Status.IN_PROGRESS, is_trial=False
            ).count(),
            "winners": round_winners(round=round),
            "extend_form": ExtendForm(initial={"closes_at": round.closes_at}),
            "now": timezone.now(),
        },
    )


@organizer_view
@require_POST
def round_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    round = get_object_or_404(Round, pk=pk)
    try:
        if action == "open":
            services.round_open(round=round)
            messages.success(request, _("The round is published."))
        elif action == "close":
            services.round_close(round=round)
            messages.success(request, _("The round is closed."))
        elif action == "extend":
            form = ExtendForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Enter a valid date and time."))
            else:
                services.round_extend(round=round, until=form.cleaned_data["closes_at"])
                messages.success(request, _("The round now closes later."))
        elif action == "preview":
            attempt = services.attempt_start(round=round, user=request.user, trial=True)
            return redirect("contest-attempt", attempt_id=attempt.pk)
        else:
            messages.error(request, _("Unknown action."))
    except services.ContestError as exc:
        messages.error(request, exc.message)
    return redirect("contest-manage-round", pk=pk)


def _ranking_rows(round_obj: Round, with_personal: bool) -> tuple[list[str], list[list]]:
    header = [
        _("Rank"),
        _("Full name"),
        _("Unit"),
        _("Participant kind"),
        _("Score"),
        _("Correct answers"),
        _("Questions"),
        _("Prediction"),
        _("Prediction error"),
        _("Time taken (seconds)"),
        _("Started"),
    ]
    if with_personal:
        header += [_("E-mail"), _("Mobile phone"), _("Citizen ID (CCCD)")]
    rows = []
    for entry in round_ranking(round=round_obj):
        attempt = entry.attempt
        user = attempt.user
        row = [
            entry.rank,
            user.full_name,
            attempt.unit.name if attempt.unit else "",
            user.get_kind_display(),
            float(attempt.score or 0),
            attempt.correct_count or 0,
            attempt.question_count,
            attempt.prediction if attempt.prediction is not None else "",
            entry.prediction_error if entry.prediction_error is not None else "",
            round(entry.time_taken.total_seconds(), 1),
            timezone.localtime(attempt.started_at).strftime("%Y-%m-%d %H:%M:%S"),
        ]
        if with_personal:
            row += [user.email, user.phone, user.citizen_id or ""]
        rows.append(row)
    return header, rows


@results_view
def round_ranking_view(request: HttpRequest, pk: int) -> HttpResponse:
    round_obj = get_object_or_404(Round.objects.select_related("contest"), pk=pk)
    with_personal = request.user.has_perm("accounts.view_personal_data")
    ranking = round_ranking(round=round_obj)
    return render(
        request,
        "contest/manage/ranking.html",
        {"round": round_obj, "ranking": ranking, "with_personal": with_personal},
    )


# A cell a spreadsheet would run as a formula: names and units are typed by
# participants, and "=HYPERLINK(...)" in a name must stay text (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _xlsx_row(sheet, values: list) -> None:  # type: ignore[no-untyped-def]
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with


@results_view
def round_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    round_obj = get_object_or_404(Round.objects.select_related("contest"), pk=pk)
    with_personal = request.user.has_perm("accounts.view_personal_data")
    header, rows = _ranking_rows(round_obj, with_personal)
    name = f"xep-hang-{round_obj.contest.slug}-vong-{round_obj.number}"
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
        response = HttpResponse(
            buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        sheet.title = _("Ranking")[:31]
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            _xlsx_row(sheet, row)
        winners = book.create_sheet(_("Winners")[:31])
        winners.append([_("Prize"), _("Rank"), _("Full name"), _("Unit"), _("Score")])
        for cell in winners[1]:
            cell.font = Font(bold=True)
        for entry in round_winners(round=round_obj):
            _xlsx_row(
                winners,
                [
                    entry.prize,
                    entry.rank,
                    entry.attempt.user.full_name,
                    entry.attempt.unit.name if entry.attempt.unit else "",
                    float(entry.attempt.score or 0),
                ],
            )
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    return HttpResponse(status=404)
