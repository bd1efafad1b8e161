from __future__ import annotations

import contextlib
import secrets
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from quizbank import formats
from quizbank.forms import ExportForm, ImportForm, QuestionForm, TopicForm
from quizbank.models import Question, QuestionVersion, Tag, Topic
from quizbank.selectors import item_stats, questions_filtered, topics_tree
from quizbank.services import (
    ImportRejected,
    QuestionInvalid,
    QuizbankError,
    question_create,
    question_to_parsed,
    question_update,
    questions_for_export,
    questions_import,
    questions_transition,
)

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "aiken": "text/plain; charset=utf-8",
    "gift": "text/plain; charset=utf-8",
}
EXTENSIONS = {"xlsx": "xlsx", "csv": "csv", "aiken": "txt", "gift": "gift"}
MAX_IMPORT_BYTES = 5 * 1024 * 1024


def bank_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Organizers only: anonymous users go to sign-in, others get 403."""

    @wraps(view)
    @login_required
    @permission_required("quizbank.manage_bank", raise_exception=True)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return view(request, *args, **kwargs)

    return wrapped


def _filters(request: HttpRequest) -> dict:
    topic = None
    topic_id = request.GET.get("topic", "")
    if topic_id.isdigit():
        topic = Topic.objects.filter(pk=int(topic_id)).first()
    return {
        "q": request.GET.get("q", "").strip()[:200],
        "topic": topic,
        "status": request.GET.get("status", "")
        if request.GET.get("status") in Question.Status.values
        else "",
        "difficulty": request.GET.get("difficulty", "")
        if request.GET.get("difficulty") in Question.Difficulty.values
        else "",
        "kind": request.GET.get("kind", "")
        if request.GET.get("kind") in Question.Kind.values
        else "",
        "audience": request.GET.get("audience", "")
        if request.GET.get("audience") in Question.Audience.values
        else "",
        "tag": request.GET.get("tag", "")[:60],
    }


@bank_view
@require_http_methods(["GET", "POST"])
def question_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        action = request.POST.get("action", "")
        ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
        if not ids:
            messages.warning(request, _("Select at least one question."))
        else:
            try:
                changed, skipped = questions_transition(
                    questions=list(Question.objects.filter(pk__in=ids)),
                    action=action,
                    actor=request.user,
                    comment=request.POST.get("comment", ""),
                )
            except QuizbankError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(
                    request,
                    _(
                        "%(changed)s question(s) changed, %(skipped)s skipped (not allowed from their status)."
                    )
                    % {"changed": changed, "skipped": skipped},
                )
        return redirect(request.get_full_path())
    filters = _filters(request)
    questions = questions_filtered(**filters).prefetch_related("tags")
    page = Paginator(questions, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "quizbank/question_list.html",
        {
            "page": page,
            "filters": filters,
            "topics": topics_tree(),
            "tags": Tag.objects.all(),
            "statuses": Question.Status.choices,
            "difficulties": Question.Difficulty.choices,
            "kinds": Question.Kind.choices,
            "audiences": Question.Audience.choices,
            "total": page.paginator.count,
        },
    )


@bank_view
@require_http_methods(["GET", "POST"])
def question_create_view(request: HttpRequest) -> HttpResponse:
    form = QuestionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            question = question_create(
                data=form.to_parsed(),
                topic=form.cleaned_data["topic"],
                author=request.user,
                image=form.cleaned_data.get("image"),
            )
        except QuestionInvalid as exc:
            for error in exc.errors:
                form.add_error(None, error)
        else:
            messages.success(
                request, _("Question #%(id)s created as a draft.") % {"id": question.pk}
            )
            if question.duplicate_of_id:
                messages.warning(
                    request,
                    _("It looks like a duplicate of question #%(id)s.")
                    % {"id": question.duplicate_of_id},
                )
            return redirect("quizbank-question-detail", pk=question.pk)
    return render(request, "quizbank/question_form.html", {"form": form, "question": None})


@bank_view
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.select_related("current_version", "topic"), pk=pk)
    if request.method == "POST":
        form = QuestionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                question = question_update(
                    question=question,
                    data=form.to_parsed(),
                    topic=form.cleaned_data["topic"],
                    actor=request.user,
                    image=form.cleaned_data.get("image"),
                    clear_image=form.cleaned_data.get("clear_image", False),
                )
            except QuestionInvalid as exc:
                for error in exc.errors:
                    form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Saved as version %(n)s.") % {"n": question.current_version.number},
                )
                if question.duplicate_of_id:
                    messages.warning(
                        request,
                        _("It looks like a duplicate of question #%(id)s.")
                        % {"id": question.duplicate_of_id},
                    )
                return redirect("quizbank-question-detail", pk=question.pk)
    else:
        form = QuestionForm(initial=QuestionForm.initial_for(question))
    return render(request, "quizbank/question_form.html", {"form": form, "question": question})


@bank_view
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(
        Question.objects.select_related("topic", "author", "current_version", "duplicate_of"),
        pk=pk,
    )
    versions = list(question.versions.prefetch_related("choices").order_by("-number"))
    stats = item_stats([v.pk for v in versions])
    rows = [(v, stats.get(v.pk)) for v in versions]
    events = question.events.select_related("actor")[:50]
    return render(
        request,
        "quizbank/question_detail.html",
        {"question": question, "rows": rows, "events": events},
    )


@bank_view
@require_POST
def question_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=pk)
    try:
        changed, _skipped = questions_transition(
            questions=[question],
            action=request.POST.get("action", ""),
            actor=request.user,
            comment=request.POST.get("comment", ""),
        )
    except QuizbankError as exc:
        messages.error(request, exc.message)
    else:
        if changed:
            messages.success(request, _("Status changed."))
        else:
            messages.warning(request, _("That action is not allowed from the current status."))
    return redirect("quizbank-question-detail", pk=pk)


# --- import and export -------------------------------------------------------------


def _import_dir() -> Path:
    """Uploads waiting for confirmation; ones abandoned for a day are removed."""
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - 24 * 3600
    for old in path.glob("*.bin"):
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < cutoff:
                old.unlink()
    return path


@bank_view
@require_http_methods(["GET", "POST"])
def question_import(request: HttpRequest) -> HttpResponse:
    stage = request.POST.get("stage", "upload")
    if request.method == "POST" and stage == "confirm":
        return _import_confirm(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        fmt = form.cleaned_data["format"] or formats.detect_format(upload.name)
        if fmt is None:
            form.add_error("format", _("Cannot tell the format from the file name; choose one."))
        elif upload.size > MAX_IMPORT_BYTES:
            form.add_error("file", _("The file is larger than 5 MB."))
        else:
            data = upload.read()
            result = formats.parse(data, fmt)
            topic = form.cleaned_data.get("topic")
            status = form.cleaned_data["status"]
            try:
                report = questions_import(
                    parsed=result.questions,
                    file_errors=result.errors,
                    default_topic=topic,
                    author=request.user,
                    status=status,
                    dry_run=True,
                )
            except ImportRejected as exc:
                context.update(report=exc.report, rejected=True, questions=result.questions)
            else:
                token = secrets.token_urlsafe(16)
                (_import_dir() / f"{token}.bin").write_bytes(data)
                request.session["quizbank_import"] = {
                    "token": token,
                    "format": fmt,
                    "topic": topic.pk if topic else None,
                    "status": status,
                    "name": upload.name[:200],
                }
                context.update(
                    report=report, rejected=False, questions=result.questions, token=token
                )
    return render(request, "quizbank/import.html", context)


def _import_confirm(request: HttpRequest) -> HttpResponse:
    pending = request.session.get("quizbank_import")
    if not pending or pending.get("token") != request.POST.get("token"):
        messages.error(
            request, _("This import has expired or was already done. Upload the file again.")
        )
        return redirect("quizbank-import")
    # Claim the file by renaming it (atomic): a second click on "Confirm" while this
    # import runs finds no file instead of importing the questions a second time.
    path = _import_dir() / f"{pending['token']}.{secrets.token_hex(8)}.importing"
    try:
        (_import_dir() / f"{pending['token']}.bin").rename(path)
    except FileNotFoundError:
        messages.error(
            request, _("This import has expired or was already done. Upload the file again.")
        )
        return redirect("quizbank-import")
    data = path.read_bytes()
    result = formats.parse(data, pending["format"])
    topic = Topic.objects.filter(pk=pending["topic"]).first() if pending["topic"] else None
    try:
        report = questions_import(
            parsed=result.questions,
            file_errors=result.errors,
            default_topic=topic,
            author=request.user,
            status=pending["status"],
        )
    except ImportRejected as exc:
        messages.error(request, exc.message)
        return render(
            request,
            "quizbank/import.html",
            {
                "form": ImportForm(),
                "report": exc.report,
                "rejected": True,
                "questions": result.questions,
            },
        )
    finally:
        path.unlink(missing_ok=True)
        request.session.pop("quizbank_import", None)
    messages.success(
        request,
        _("%(n)s question(s) imported from %(name)s.")
        % {"n": len(report.created), "name": pending["name"]},
    )
    return redirect("quizbank-question-list")


@bank_view
def question_export(request: HttpRequest) -> HttpResponse:
    form = ExportForm(request.GET or None)
    if request.GET and form.is_valid():
        fmt = form.cleaned_data["format"]
        topic = form.cleaned_data.get("topic")
        parsed = [question_to_parsed(q) for q in questions_for_export(topic=topic)]
        result = formats.write(parsed, fmt)
        name = f"ngan-hang-cau-hoi{'-' + topic.slug if topic else ''}.{EXTENSIONS[fmt]}"
        response = HttpResponse(result.content, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        if result.skipped:
            response["X-Skipped-Questions"] = str(len(result.skipped))
        return response
    return render(request, "quizbank/export.html", {"form": form})


@bank_view
def import_template(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in {"xlsx", "csv"}:
        raise Http404
    response = HttpResponse(formats.template(fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-cau-hoi.{fmt}"'
    return response


# --- item analysis and topics ----------------------------------------------------------

SORT_KEYS = {
    "id": lambda r: r["question"].pk,
    "used": lambda r: r["stats"].times_used,
    "facility": lambda r: (r["stats"].facility is None, r["stats"].facility or 0),
    "discrimination": lambda r: (r["stats"].discrimination is None, r["stats"].discrimination or 0),
    "flags": lambda r: -len(r["stats"].flags),
}


@bank_view
def item_analysis(request: HttpRequest) -> HttpResponse:
    stats = item_stats()
    versions = {
        v.pk: v
        for v in QuestionVersion.objects.filter(pk__in=stats.keys()).select_related(
            "question__topic"
        )
    }
    rows = [
        {"question": versions[vid].question, "version": versions[vid], "stats": s}
        for vid, s in stats.items()
        if vid in versions and s.times_used
    ]
    sort = request.GET.get("sort", "flags")
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        sort, key = "flags", "flags"
    rows.sort(key=SORT_KEYS[key], reverse=sort.startswith("-"))
    if request.GET.get("flagged"):
        rows = [r for r in rows if r["stats"].flags]
    return render(
        request,
        "quizbank/item_analysis.html",
        {"rows": rows, "sort": sort, "flagged": bool(request.GET.get("flagged"))},
    )


@bank_view
@require_http_methods(["GET", "POST"])
def topic_list(request: HttpRequest) -> HttpResponse:
    form = TopicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Topic saved."))
        return redirect("quizbank-topic-list")
    counts = dict(Topic.objects.annotate(n=Count("questions")).values_list("pk", "n"))
    rows = [(t, depth, counts.get(t.pk, 0)) for t, depth in topics_tree()]
    return render(request, "quizbank/topic_list.html", {"form": form, "rows": rows})


@bank_view
@require_http_methods(["GET", "POST"])
def topic_edit(request: HttpRequest, pk: int) -> HttpResponse:
    topic = get_object_or_404(Topic, pk=pk)
    form = TopicForm(request.POST or None, instance=topic)
    if request.method == "POST" and form.is_valid():
        parent = form.cleaned_data.get("parent")
        cursor = parent
        while cursor is not None:
            if cursor.pk == topic.pk:
                form.add_error("parent", _("A topic cannot sit under itself."))
                break
            cursor = cursor.parent
        if not form.errors:
            form.save()
            messages.success(request, _("Topic saved."))
            return redirect("quizbank-topic-list")
    return render(request, "quizbank/topic_form.html", {"form": form, "topic": topic})
