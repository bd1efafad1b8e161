"""Moodle's GIFT format, the subset this bank can hold.

Read: ``//`` comments, ``::title::``, ``$CATEGORY: path`` (its last segment becomes the
topic of the questions after it), escapes ``\\~ \\= \\# \\{ \\} \\: \\n \\\\``, text format
markers ``[plain]``/``[moodle]`` (``[html]``/``[markdown]`` are refused), and

- single choice      ``{=right ~wrong ~wrong}``
- multiple choice    ``{~%50%right ~%50%right ~%-100%wrong}`` (positive weight = right)
- true/false         ``{T}`` ``{TRUE}`` ``{F}`` ``{FALSE}``
- numeric            ``{#5}`` ``{#5:1}`` (answer:tolerance) ``{#4..6}`` (range)
- general feedback   ``####text`` before the closing brace → explanation.

Everything else Moodle knows (per-answer feedback, matching, short answer, missing word,
essay, descriptions, several numeric answers, partial credit on single choice) is
reported as an error for that question, never dropped silently.

Our own fields travel in a comment Moodle ignores, written just before the question::

    // meta: difficulty=hard; audience=citizen; legal=Nghị định 61/2018/NĐ-CP, Điều 5; tags=tthc, một cửa; kind=true_false

(";", "=" and "\\" inside values are escaped with a backslash.)
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from quizbank.formats._common import (
    KIND_VI,
    WriteResult,
    check_size,
    decode_utf8,
    file_error,
    finish,
    format_decimal,
    parse_decimal,
    read_audience,
    read_difficulty,
    read_kind,
    read_tags,
    true_false_answer,
    true_false_choices,
    word_key,
)
from quizbank.formats.base import ParsedChoice, ParsedQuestion, ParseResult
from quizbank.text import clean_text

# Escaped characters become private-use placeholders while the structure is read.
_PLACEHOLDERS = {
    "\\": "\ue000",
    "~": "\ue001",
    "=": "\ue002",
    "#": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    ":": "\ue006",
    "n": "\ue007",
}
_RESTORE = str.maketrans(
    {ph: ("\n" if ch == "n" else ch) for ch, ph in _PLACEHOLDERS.items()},
)
_ESCAPE_RE = re.compile(r"\\([\\~=#{}:n])")
_META_RE = re.compile(r"^//\s*meta\s*:(.*)$", re.IGNORECASE)
_CATEGORY_RE = re.compile(r"^\$CATEGORY\s*:(.*)$", re.IGNORECASE)
_FORMAT_RE = re.compile(r"^\s*\[(\w+)\]")
_WEIGHT_RE = re.compile(r"^%\s*(-?\d+(?:[.,]\d+)?)\s*%")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_HUNDRED = Decimal(100)


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _PLACEHOLDERS[m.group(1)], text)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _text(raw: str, errors: list[str]) -> str:
    """Question, answer or feedback text: format marker handled, escapes undone, cleaned."""
    match = _FORMAT_RE.match(raw)
    if match:
        name = match.group(1).lower()
        if name in ("plain", "moodle"):
            raw = raw[match.end() :]
        elif name in ("html", "markdown"):
            errors.append(
                _(
                    "The [%(format)s] text format is not accepted; write plain text "
                    "(with **bold** or *italic*)."
                )
                % {"format": name}
            )
            raw = raw[match.end() :]
    return clean_text(_restore(raw))


def _feedback_error() -> str:
    return _(
        "Feedback on a single answer (“#…” after an answer) is not supported; "
        "put the explanation in the general feedback (“####…” before the closing brace)."
    )


# --- reading ------------------------------------------------------------------------


def _category_topic(path: str) -> str:
    """ "$course$/top/Cải cách/mot-cua" → "mot-cua" ("//" is an escaped "/")."""
    segments = [s.replace("//", "/").strip() for s in re.split(r"(?<!/)/(?!/)", path.strip())]
    segments = [s for s in segments if s and not re.fullmatch(r"\$\w+\$", s)]
    if segments and segments[0] == "top":
        segments = segments[1:]
    return clean_text(segments[-1]) if segments else ""


def _read_choices(inner: str, q: ParsedQuestion) -> None:
    parts = re.split(r"([=~])", inner)
    head = parts[0].strip()
    if head:
        q.errors.append(
            _(
                "“%(text)s” comes before the first answer; every answer starts with "
                "= (right) or ~ (wrong)."
            )
            % {"text": _restore(head)}
        )
    answers = list(zip(parts[1::2], parts[2::2], strict=True))
    single = any(marker == "=" for marker, _body in answers)
    weights: list[Decimal] = []
    for number, (marker, body) in enumerate(answers, start=1):
        body = body.strip()
        weight = None
        match = _WEIGHT_RE.match(body)
        if match:
            weight = Decimal(match.group(1).replace(",", "."))
            body = body[match.end() :]
        if "#" in body:
            q.errors.append(_feedback_error())
            body = body.split("#", 1)[0]
        text = _text(body, q.errors)
        if single:
            right = marker == "="
            expected = _HUNDRED if right else Decimal(0)
            if weight is not None and weight != expected:
                q.errors.append(
                    _(
                        "Answer %(number)s has a partial-credit weight (%(weight)s); "
                        "a single-choice question takes only right (=) and wrong (~) answers."
                    )
                    % {"number": number, "weight": f"%{format_decimal(weight)}%"}
                )
        else:
            right = weight is not None and weight > 0
            if right:
                weights.append(weight)
        q.choices.append(ParsedChoice(text, right))
    q.kind = "single" if single else "multiple"
    if not single:
        if not weights:
            q.errors.append(
                _(
                    "No answer is marked right: mark the right answer with =, or several "
                    "right answers with positive weights such as %(example)s."
                )
                % {"example": "~%50%"}
            )
        elif max(weights) - min(weights) > Decimal("0.01"):
            q.errors.append(
                _(
                    "The right answers carry different weights (%(weights)s); every right "
                    "answer counts the same here, so give them equal weights."
                )
                % {"weights": ", ".join(f"%{format_decimal(w)}%" for w in weights)}
            )


def _read_numeric(body: str, q: ParsedQuestion) -> None:
    q.kind = "numeric"
    if "~" in body:
        q.errors.append(_feedback_error())
        body = body.split("~", 1)[0]
    answers = body.split("=")
    if answers and not answers[0].strip():
        answers = answers[1:]
    if not answers:
        q.errors.append(_("The numeric answer is missing, e.g. {#5} or {#5:0.5}."))
        return
    if len(answers) > 1:
        q.errors.append(
            _(
                "Several numeric answers (with partial credit) are not supported; "
                "give one answer with a tolerance, e.g. {#5:0.5}."
            )
        )
    answer = answers[0].strip()
    match = _WEIGHT_RE.match(answer)
    if match:
        weight = Decimal(match.group(1).replace(",", "."))
        answer = answer[match.end() :].strip()
        if weight != _HUNDRED:
            q.errors.append(
                _("A numeric answer with a partial-credit weight (%(weight)s) is not supported.")
                % {"weight": f"%{format_decimal(weight)}%"}
            )
    if "#" in answer:
        q.errors.append(_feedback_error())
        answer = answer.split("#", 1)[0].strip()
    answer = _restore(answer).strip()

    def number(value: str) -> Decimal | None:
        result = parse_decimal(value)
        if result is None:
            q.errors.append(_("“%(value)s” is not a number.") % {"value": value.strip()})
        return result

    if answer.find("..") > 0:
        low_text, high_text = answer.split("..", 1)
        low, high = number(low_text), number(high_text)
        if low is not None and high is not None:
            if low > high:
                q.errors.append(
                    _("The range %(range)s runs backwards; write low..high.") % {"range": answer}
                )
            else:
                q.numeric_answer = (low + high) / 2
                q.numeric_tolerance = high - q.numeric_answer
    elif answer.find(":") > 0:
        value_text, tolerance_text = answer.split(":", 1)
        value, tolerance = number(value_text), number(tolerance_text)
        if value is not None and tolerance is not None:
            q.numeric_answer, q.numeric_tolerance = value, tolerance
    elif not answer:
        q.errors.append(_("The numeric answer is missing, e.g. {#5} or {#5:0.5}."))
    else:
        q.numeric_answer = number(answer)


def _read_question(block: str, number: int) -> ParsedQuestion:
    q = ParsedQuestion(ref=f"question {number}")
    text = _protect(block).strip()
    if text.startswith("::"):
        end = text.find("::", 2)
        if end == -1:
            q.errors.append(_("The title is not closed; write ::title:: before the question."))
            text = text[2:]
        else:
            q.title = clean_text(_restore(text[2:end]))
            text = text[end + 2 :].strip()

    start, stop = text.find("{"), text.find("}")
    if start == -1 and stop == -1:
        q.errors.append(
            _(
                "The question has no answers in braces {…}; descriptions and text-only "
                "items are not supported."
            )
        )
        q.text = _text(text, q.errors)
        return q
    if start == -1 or stop == -1 or stop < start or "{" in text[start + 1 : stop]:
        q.errors.append(_("The braces { } do not match; write a literal brace as \\{ or \\}."))
        q.text = _text(text.split("{", 1)[0], q.errors)
        return q
    after = text[stop + 1 :]
    if after.strip():
        if "{" in after or "}" in after:
            q.errors.append(_("A question has one answer block {…}; this one has several."))
        else:
            q.errors.append(
                _(
                    "Text after the answers (the “missing word” format) is not supported; "
                    "put the answers {…} at the end of the question."
                )
            )
    q.text = _text(text[:start], q.errors)

    inner = text[start + 1 : stop]
    feedback = inner.rfind("####")
    if feedback >= 0:
        q.explanation = _text(inner[feedback + 4 :], q.errors)
        inner = inner[:feedback]
    inner = inner.strip()

    if not inner:
        q.errors.append(_("Essay questions {} are not supported."))
    elif inner.startswith("#"):
        _read_numeric(inner[1:], q)
    elif "~" in inner:
        _read_choices(inner, q)
    elif "=" in inner and "->" in inner:
        q.errors.append(_("Matching questions (=item -> match) are not supported."))
    else:
        head = inner.split("#", 1)[0].strip()
        if head.upper() in _TRUE_FALSE:
            if "#" in inner:
                q.errors.append(_feedback_error())
            q.kind = "true_false"
            q.choices = true_false_choices(_TRUE_FALSE[head.upper()])
        else:
            q.errors.append(
                _(
                    "Short-answer questions (only = answers) are not supported; "
                    "add wrong answers with ~ to make it a choice question."
                )
            )
    return q


def _split_meta(raw: str, errors: list[str]) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    key: str | None = None
    buffer: list[str] = []

    def flush() -> None:
        nonlocal key
        value = "".join(buffer).strip()
        if key is None:
            if value:
                errors.append(
                    _(
                        "Cannot read “%(item)s” in the meta comment; write key=value pairs "
                        "separated by “;”."
                    )
                    % {"item": value}
                )
        else:
            items.append((key.strip().lower(), value))
        key = None
        buffer.clear()

    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            buffer.append("\n" if nxt == "n" else nxt)
            i += 2
            continue
        if ch == ";":
            flush()
        elif ch == "=" and key is None:
            key = "".join(buffer)
            buffer.clear()
        else:
            buffer.append(ch)
        i += 1
    flush()
    return items


def _apply_meta(q: ParsedQuestion, raw: str) -> None:
    meta_kind = ""
    for key, value in _split_meta(raw, q.errors):
        if key == "difficulty":
            q.difficulty = read_difficulty(value, q.errors)
        elif key == "audience":
            q.audience = read_audience(value, q.errors)
        elif key in ("legal", "legal_reference"):
            q.legal_reference = clean_text(value)
        elif key == "tags":
            q.tags = read_tags(value)
        elif key == "topic":
            q.topic = clean_text(value)
        elif key == "kind":
            if value:
                errors: list[str] = []
                meta_kind = read_kind(value, errors)
                q.errors.extend(errors)
                if errors:
                    meta_kind = ""
        else:
            q.errors.append(
                _(
                    "Unknown key “%(key)s” in the meta comment; the keys are difficulty, "
                    "audience, legal, tags, kind and topic."
                )
                % {"key": key}
            )
    if not meta_kind or meta_kind == q.kind or q.errors:
        return
    right = sum(1 for c in q.choices if c.is_correct)
    words = [word_key(c.text) for c in q.choices]
    if (
        meta_kind == "true_false"
        and q.kind == "single"
        and words
        in (
            ["dung", "sai"],
            ["true", "false"],
        )
    ):
        q.kind = "true_false"
        q.choices = true_false_choices(q.choices[0].is_correct)
    elif {meta_kind, q.kind} == {"single", "multiple"} and (meta_kind == "multiple" or right == 1):
        q.kind = meta_kind
    else:
        q.errors.append(
            _("The meta comment says kind=%(meta)s, but the answers make a %(kind)s question.")
            % {"meta": meta_kind, "kind": q.kind}
        )


def parse(data: bytes) -> ParseResult:
    problem = check_size(data)
    if problem:
        return file_error(problem)
    text, problem = decode_utf8(data)
    if text is None:
        return file_error(problem)

    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])

    questions: list[ParsedQuestion] = []
    topic = ""
    meta: str | None = None
    for block in blocks:
        code: list[str] = []
        for line in block:
            stripped = line.strip()
            if stripped.startswith("//"):
                match = _META_RE.match(stripped)
                if match:
                    meta = match.group(1)
                continue
            category = _CATEGORY_RE.match(stripped)
            if category and not code:
                topic = _category_topic(category.group(1))
                continue
            code.append(line)
        if not code:
            continue
        q = _read_question("\n".join(code), len(questions) + 1)
        q.topic = topic
        if meta is not None:
            _apply_meta(q, meta)
            meta = None
        questions.append(q)
    return finish(questions)


# --- writing ------------------------------------------------------------------------


def escape(text: str) -> str:
    text = clean_text(text).replace("\\", "\\\\")
    for ch in "~=#{}:":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", "\\n")


def _escaped_text(text: str) -> str:
    """Escaped, and guarded so a leading "[" or "%" is not read as a format or a weight."""
    out = escape(text)
    return "[moodle]" + out if out.startswith(("[", "%")) else out


def _meta_value(value: str) -> str:
    value = clean_text(value).replace("\\", "\\\\").replace(";", "\\;").replace("=", "\\=")
    return value.replace("\n", "\\n")


def _weight(count: int) -> str:
    """100 split evenly, in values Moodle lists itself (50, 33.33333, 25, 16.66667 …)."""
    return format_decimal((_HUNDRED / count).quantize(Decimal("0.00001")))


def _answers(q: ParsedQuestion) -> str | None:
    explanation = f"####{_escaped_text(q.explanation)}" if q.explanation else ""
    if q.kind == "true_false":
        return "{" + ("TRUE" if true_false_answer(q) else "FALSE") + explanation + "}"
    if q.kind == "numeric":
        if q.numeric_answer is None:
            return None
        value = format_decimal(q.numeric_answer)
        tolerance = format_decimal(q.numeric_tolerance or 0)
        return "{#" + f"{value}:{tolerance}" + explanation + "}"
    lines = ["{"]
    if q.kind == "multiple":
        right = sum(1 for c in q.choices if c.is_correct)
        weight = _weight(right) if right else "0"
        for choice in q.choices:
            mark = f"~%{weight}%" if choice.is_correct else "~%-100%"
            lines.append(f"\t{mark}{_escaped_text(choice.text)}")
    else:
        for choice in q.choices:
            mark = "=" if choice.is_correct else "~"
            lines.append(f"\t{mark}{_escaped_text(choice.text)}")
    if explanation:
        lines.append(f"\t{explanation}")
    lines.append("}")
    return "\n".join(lines)


def write(questions: list[ParsedQuestion]) -> WriteResult:
    blocks: list[str] = []
    skipped: list[tuple[str, str]] = []
    category = ""
    for q in questions:
        answers = _answers(q)
        if answers is None:
            skipped.append((q.ref, _("A numeric question without its number cannot be written.")))
            continue
        topic = clean_text(q.topic)
        if topic and topic != category:
            blocks.append(f"$CATEGORY: {topic.replace('/', '//')}")
            category = topic
        meta = [f"difficulty={_meta_value(q.difficulty)}", f"audience={_meta_value(q.audience)}"]
        if q.legal_reference:
            meta.append(f"legal={_meta_value(q.legal_reference)}")
        if q.tags:
            meta.append(f"tags={_meta_value(', '.join(q.tags))}")
        meta.append(f"kind={_meta_value(q.kind if q.kind in KIND_VI else 'single')}")
        if not topic and category:
            meta.append("topic=")  # back to "no topic" after a $CATEGORY line
        head = f"::{escape(q.title)}::" if q.title else ""
        blocks.append(f"// meta: {'; '.join(meta)}\n{head}{_escaped_text(q.text)} {answers}")
    content = "\n\n".join(blocks) + ("\n" if blocks else "")
    return WriteResult(content=content.encode("utf-8"), skipped=skipped)
