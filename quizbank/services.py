"""Business rules of the question bank: validation, versions, review, import."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.trees import descendant_ids
from quizbank.formats.base import AUDIENCES, DIFFICULTIES, KINDS, ParsedChoice, ParsedQuestion
from quizbank.models import Choice, Question, QuestionEvent, QuestionVersion, Tag, Topic
from quizbank.text import clean_text, contains_html, fingerprint, fold

MAX_TEXT = 2000
MAX_CHOICE = 500
MAX_EXPLANATION = 4000
MAX_LEGAL = 300
MAX_TAG = 60
MIN_CHOICES = 2
MAX_CHOICES = 8


class QuizbankError(Exception):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class QuestionInvalid(QuizbankError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors), code="invalid_question")
        self.errors = errors


@dataclass
class ImportReport:
    """What an import found. ``problems`` maps a question's ref to its reasons."""

    total: int = 0
    problems: list[tuple[str, list[str]]] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    created: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.file_errors

    def lines(self) -> list[str]:
        out = list(self.file_errors)
        for ref, reasons in self.problems:
            out.extend(f"{ref}: {reason}" for reason in reasons)
        return out


class ImportRejected(QuizbankError):
    def __init__(self, report: ImportReport) -> None:
        super().__init__(
            _("The file has %(count)s problem(s); nothing was imported.")
            % {"count": len(report.lines())},
            code="import_rejected",
        )
        self.report = report


# --- validation ---------------------------------------------------------------


def _no_html(value: str, what: str, errors: list[str]) -> None:
    if contains_html(value):
        errors.append(
            _("%(what)s contains HTML or a script tag; use plain text with **bold** or *italic*.")
            % {"what": what}
        )


def question_data_clean(data: ParsedQuestion) -> ParsedQuestion:
    """Normalise the text fields of parsed or submitted question data, in place."""
    data.text = clean_text(data.text)
    data.explanation = clean_text(data.explanation)
    data.legal_reference = clean_text(data.legal_reference).replace("\n", " ")
    data.title = clean_text(data.title)
    data.choices = [ParsedChoice(clean_text(c.text), bool(c.is_correct)) for c in data.choices]
    data.tags = sorted({clean_text(t) for t in data.tags if clean_text(t)})
    if data.kind == "true_false" and not data.choices:
        data.choices = [ParsedChoice(_("True"), True), ParsedChoice(_("False"), False)]
    return data


def question_data_errors(data: ParsedQuestion) -> list[str]:
    """Every content rule a question must meet, as messages; empty when valid."""
    errors: list[str] = []
    if data.kind not in KINDS:
        errors.append(_("Unknown question kind %(kind)s.") % {"kind": data.kind})
        return errors
    if not data.text:
        errors.append(_("The question text is empty."))
    elif len(data.text) > MAX_TEXT:
        errors.append(
            _("The question text is %(n)s characters long; the limit is %(max)s.")
            % {"n": len(data.text), "max": MAX_TEXT}
        )
    _no_html(data.text, _("The question text"), errors)
    if data.difficulty not in DIFFICULTIES:
        errors.append(_("Unknown difficulty %(value)s.") % {"value": data.difficulty})
    if data.audience not in AUDIENCES:
        errors.append(_("Unknown audience %(value)s.") % {"value": data.audience})
    if len(data.explanation) > MAX_EXPLANATION:
        errors.append(
            _("The explanation is longer than %(max)s characters.") % {"max": MAX_EXPLANATION}
        )
    _no_html(data.explanation, _("The explanation"), errors)
    if len(data.legal_reference) > MAX_LEGAL:
        errors.append(
            _("The legal reference is longer than %(max)s characters.") % {"max": MAX_LEGAL}
        )
    _no_html(data.legal_reference, _("The legal reference"), errors)
    for tag in data.tags:
        if len(tag) > MAX_TAG:
            errors.append(_("A tag is longer than %(max)s characters.") % {"max": MAX_TAG})
            break

    if data.kind == "numeric":
        if data.choices:
            errors.append(_("A numeric question has no choices."))
        if data.numeric_answer is None:
            errors.append(_("A numeric question needs the correct number."))
        elif abs(data.numeric_answer) >= Decimal("1e12"):
            errors.append(_("The correct number is too large."))
        if data.numeric_tolerance is None or data.numeric_tolerance < 0:
            errors.append(_("The tolerance must be zero or more."))
        return errors

    n = len(data.choices)
    if data.kind == "true_false" and n != 2:
        errors.append(_("A true/false question has exactly two choices."))
    elif n < MIN_CHOICES:
        errors.append(_("A question needs at least %(min)s choices.") % {"min": MIN_CHOICES})
    elif n > MAX_CHOICES:
        errors.append(
            _("A question has at most %(max)s choices; this one has %(n)s.")
            % {"max": MAX_CHOICES, "n": n}
        )
    seen: set[str] = set()
    for index, choice in enumerate(data.choices):
        letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index % 26]
        if not choice.text:
            errors.append(_("Choice %(letter)s is empty.") % {"letter": letter})
        elif len(choice.text) > MAX_CHOICE:
            errors.append(
                _("Choice %(letter)s is longer than %(max)s characters.")
                % {"letter": letter, "max": MAX_CHOICE}
            )
        _no_html(choice.text, _("Choice %(letter)s") % {"letter": letter}, errors)
        key = fingerprint(choice.text)
        if key and key in seen:
            errors.append(_("Choice %(letter)s repeats another choice.") % {"letter": letter})
        seen.add(key)
    correct = sum(1 for c in data.choices if c.is_correct)
    if correct == 0:
        errors.append(_("No choice is marked correct."))
    elif data.kind in {"single", "true_false"} and correct > 1:
        errors.append(_("A single-choice question has exactly one correct choice."))
    return errors


# --- reads used by writes -------------------------------------------------------


def question_find_duplicate(*, text: str, exclude_pk: int | None = None) -> Question | None:
    """An existing, non-retired question whose folded text matches."""
    key = fingerprint(text)[:255]
    if not key:
        return None
    qs = Question.objects.filter(fingerprint=key).exclude(status=Question.Status.RETIRED)
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    return qs.order_by("pk").first()


def _set_tags(question: Question, names: Iterable[str]) -> None:
    tags = [Tag.objects.get_or_create(name=name)[0] for name in names]
    question.tags.set(tags)


def _write_version(
    question: Question, data: ParsedQuestion, *, number: int, actor: User | None
) -> QuestionVersion:
    version = QuestionVersion.objects.create(
        question=question,
        number=number,
        kind=data.kind,
        text=data.text,
        explanation=data.explanation,
        legal_reference=data.legal_reference,
        numeric_answer=data.numeric_answer if data.kind == "numeric" else None,
        numeric_tolerance=(data.numeric_tolerance or 0) if data.kind == "numeric" else 0,
        created_by=actor,
    )
    Choice.objects.bulk_create(
        Choice(version=version, order=i, text=c.text, is_correct=c.is_correct)
        for i, c in enumerate(data.choices)
    )
    return version


def _index(question: Question, version: QuestionVersion, data: ParsedQuestion) -> None:
    question.search_text = fold(
        " ".join([version.text, *(c.text for c in data.choices), version.legal_reference])
    )
    question.fingerprint = fingerprint(version.text)[:255]


# --- writes ----------------------------------------------------------------------


@transaction.atomic
def question_create(
    *,
    data: ParsedQuestion,
    topic: Topic,
    author: User | None,
    status: str = Question.Status.DRAFT,
    image=None,
    event: str = QuestionEvent.Action.CREATED,
) -> Question:
    """Create a question with its first version.

    Raises QuestionInvalid with every broken rule. A question whose folded text
    matches an existing one is created but flagged with ``duplicate_of``.
    """
    question_data_clean(data)
    errors = question_data_errors(data)
    if errors:
        raise QuestionInvalid(errors)
    duplicate = question_find_duplicate(text=data.text)
    question = Question.objects.create(
        topic=topic,
        kind=data.kind,
        difficulty=data.difficulty,
        audience=data.audience,
        status=status,
        author=author,
        duplicate_of=duplicate,
    )
    version = _write_version(question, data, number=1, actor=author)
    if image is not None:
        version.image = image
        version.save(update_fields=["image"])
    question.current_version = version
    _index(question, version, data)
    question.save()
    _set_tags(question, data.tags)
    QuestionEvent.objects.create(question=question, action=event, actor=author, version_number=1)
    return question


@transaction.atomic
def question_update(
    *,
    question: Question,
    data: ParsedQuestion,
    topic: Topic,
    actor: User,
    image=None,
    clear_image: bool = False,
) -> Question:
    """Edit a question. If an attempt has used its current version, a new version
    is created and the old one stays exactly as the attempt showed it; otherwise
    the current version is edited in place. Raises QuestionInvalid.
    """
    question = Question.objects.select_for_update().get(pk=question.pk)
    question_data_clean(data)
    errors = question_data_errors(data)
    if errors:
        raise QuestionInvalid(errors)
    current = question.current_version
    assert current is not None
    image_changes = image is not None or clear_image
    if current.is_used and (image_changes or _content_changed(current, data)):
        version = _write_version(question, data, number=current.number + 1, actor=actor)
        version.image = current.image
        action = QuestionEvent.Action.NEW_VERSION
    elif current.is_used:
        # Only catalogue data (topic, difficulty, audience, tags) changed: what the
        # attempts showed is untouched, so no new version is needed.
        version = current
        action = QuestionEvent.Action.EDITED
    else:
        version = current
        version.kind = data.kind
        version.text = data.text
        version.explanation = data.explanation
        version.legal_reference = data.legal_reference
        version.numeric_answer = data.numeric_answer if data.kind == "numeric" else None
        version.numeric_tolerance = (data.numeric_tolerance or 0) if data.kind == "numeric" else 0
        version.choices.all().delete()
        Choice.objects.bulk_create(
            Choice(version=version, order=i, text=c.text, is_correct=c.is_correct)
            for i, c in enumerate(data.choices)
        )
        action = QuestionEvent.Action.EDITED
    if image is not None:
        version.image = image
    elif clear_image:
        version.image = ""
    version.save()
    question.current_version = version
    question.topic = topic
    question.kind = data.kind
    question.difficulty = data.difficulty
    question.audience = data.audience
    question.duplicate_of = question_find_duplicate(text=data.text, exclude_pk=question.pk)
    _index(question, version, data)
    question.save()
    _set_tags(question, data.tags)
    QuestionEvent.objects.create(
        question=question, action=action, actor=actor, version_number=version.number
    )
    return question


def _content_changed(version: QuestionVersion, data: ParsedQuestion) -> bool:
    """Whether the edit changes what a participant sees or how it is graded."""
    choices = [(c.text, c.is_correct) for c in version.choices.all()]
    answer = data.numeric_answer if data.kind == "numeric" else None
    tolerance = (data.numeric_tolerance or 0) if data.kind == "numeric" else 0
    return (
        version.kind != data.kind
        or version.text != data.text
        or version.explanation != data.explanation
        or version.legal_reference != data.legal_reference
        or choices != [(c.text, c.is_correct) for c in data.choices]
        or version.numeric_answer != answer
        or version.numeric_tolerance != tolerance
    )


_TRANSITIONS: dict[str, tuple[set[str], str, str]] = {
    # action: (allowed from, to, event)
    "submit": ({"draft"}, "in_review", QuestionEvent.Action.SUBMITTED),
    "approve": ({"draft", "in_review"}, "approved", QuestionEvent.Action.APPROVED),
    "return": ({"in_review", "approved", "retired"}, "draft", QuestionEvent.Action.RETURNED),
    "retire": ({"draft", "in_review", "approved"}, "retired", QuestionEvent.Action.RETIRED),
}


@transaction.atomic
def questions_transition(
    *,
    questions: Sequence[Question] | QuerySet[Question],
    action: str,
    actor: User,
    comment: str = "",
) -> tuple[int, int]:
    """Move questions through draft → in review → approved → retired.

    Returns (changed, skipped): questions already in the target state or whose
    state does not allow the action are skipped, never half-changed.
    """
    if action not in _TRANSITIONS:
        raise QuizbankError(_("Unknown action."), code="unknown_action")
    allowed, target, event = _TRANSITIONS[action]
    ids = [q.pk for q in questions]
    locked = list(Question.objects.select_for_update().filter(pk__in=ids))
    changed = 0
    for question in locked:
        if question.status not in allowed:
            continue
        question.status = target
        question.save(update_fields=["status", "updated_at"])
        QuestionEvent.objects.create(
            question=question,
            action=event,
            actor=actor,
            comment=comment[:500],
            version_number=question.current_version.number if question.current_version else None,
        )
        changed += 1
    return changed, len(ids) - changed


def question_to_parsed(question: Question) -> ParsedQuestion:
    """The current version of a question in the shape the export formats write."""
    version = question.current_version
    assert version is not None
    return ParsedQuestion(
        ref=f"#{question.pk}",
        kind=version.kind,
        text=version.text,
        choices=[ParsedChoice(c.text, c.is_correct) for c in version.choices.all()],
        numeric_answer=version.numeric_answer,
        numeric_tolerance=version.numeric_tolerance or Decimal("0"),
        difficulty=question.difficulty,
        audience=question.audience,
        topic=question.topic.slug,
        explanation=version.explanation,
        legal_reference=version.legal_reference,
        tags=sorted(t.name for t in question.tags.all()),
    )


def questions_for_export(*, topic: Topic | None = None) -> QuerySet[Question]:
    qs = Question.objects.select_related("topic", "current_version").prefetch_related(
        "tags", "current_version__choices"
    )
    if topic is not None:
        qs = qs.filter(topic__in=topic_descendants(topic))
    return qs.order_by("topic__sort_order", "topic__name", "pk")


def topic_descendants(topic: Topic) -> list[Topic]:
    """The topic and every topic below it."""
    return list(Topic.objects.filter(pk__in=topic_descendant_ids(topic.pk)))


def topic_descendant_ids(topic_id: int) -> list[int]:
    """The ids of the topic and of every topic below it (one query)."""
    return descendant_ids(Topic.objects.values_list("pk", "parent_id"), topic_id)


def questions_import(
    *,
    parsed: Sequence[ParsedQuestion],
    file_errors: Sequence[str] = (),
    default_topic: Topic | None,
    author: User | None,
    status: str = Question.Status.DRAFT,
    dry_run: bool = False,
) -> ImportReport:
    """Import questions all or nothing.

    Every question is checked first (format errors from the parser, content
    rules, topic). Any problem raises ImportRejected with the full report and
    nothing is saved. Duplicates (of the bank or within the file) are reported
    and flagged, not refused. With ``dry_run`` the report is returned unsaved.
    """
    if status not in {Question.Status.DRAFT, Question.Status.APPROVED}:
        raise QuizbankError(_("Imported questions are draft or approved."), code="bad_status")
    report = ImportReport(total=len(parsed), file_errors=list(file_errors))
    if not parsed and not report.file_errors:
        report.file_errors.append(_("The file contains no questions."))
    topics = {t.slug: t for t in Topic.objects.all()}
    seen: dict[str, str] = {}
    for item in parsed:
        question_data_clean(item)
        reasons = list(item.errors) + question_data_errors(item)
        if item.topic and item.topic not in topics:
            reasons.append(_("Unknown topic %(slug)s.") % {"slug": item.topic})
        elif not item.topic and default_topic is None:
            reasons.append(_("No topic: give one in the file or choose one for the import."))
        if reasons:
            report.problems.append((item.ref, reasons))
            continue
        key = fingerprint(item.text)[:255]
        if key in seen:
            report.duplicates.append((item.ref, seen[key]))
        else:
            existing = question_find_duplicate(text=item.text)
            if existing is not None:
                report.duplicates.append((item.ref, f"#{existing.pk}"))
            seen[key] = item.ref
    if not report.ok:
        raise ImportRejected(report)
    if dry_run:
        return report
    with transaction.atomic():
        for item in parsed:
            topic = topics[item.topic] if item.topic else default_topic
            assert topic is not None
            question = question_create(
                data=item,
                topic=topic,
                author=author,
                status=status,
                event=QuestionEvent.Action.IMPORTED,
            )
            report.created.append(question.pk)
    return report


def grade_response(
    *, version: QuestionVersion, selected: Sequence[int] = (), number: Decimal | None = None
) -> bool:
    """Whether a response is right by this exact version's key.

    Single and true/false: the one correct choice. Multiple: exactly the
    correct set. Numeric: within the tolerance.
    """
    if version.kind == "numeric":
        if number is None or version.numeric_answer is None:
            return False
        return abs(Decimal(number) - version.numeric_answer) <= (version.numeric_tolerance or 0)
    return bool(selected) and set(selected) == version.correct_choice_ids()
