"""Pieces every format shares: size and encoding checks, value words, numbers, letters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from quizbank.formats.base import ParsedChoice, ParsedQuestion, ParseResult
from quizbank.text import clean_text, fold

MAX_FILE_BYTES = 5 * 1024 * 1024
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class WriteResult:
    """What ``write`` produced. ``skipped`` names (by ref) questions the format cannot carry."""

    content: bytes
    skipped: list[tuple[str, str]] = field(default_factory=list)


def file_error(message: str) -> ParseResult:
    return ParseResult(questions=[], errors=[message])


def check_size(data: bytes) -> str | None:
    """A file-level message when the upload is empty or too big, else None."""
    if len(data) > MAX_FILE_BYTES:
        return _("The file is %(size)s MB; the limit is %(limit)s MB.") % {
            "size": f"{len(data) / (1024 * 1024):.1f}",
            "limit": MAX_FILE_BYTES // (1024 * 1024),
        }
    if not data.strip():
        return _("The file is empty.")
    return None


def decode_utf8(data: bytes, *, csv_hint: bool = False) -> tuple[str | None, str | None]:
    """(text, None) for UTF-8 with or without BOM, else (None, message).

    NUL bytes mean UTF-16/32 (or a binary file): valid UTF-8 in theory, refused here.
    """
    error = (
        _(
            "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)” "
            "and upload it again."
        )
        if csv_hint
        else _("The file is not UTF-8 text. Save it with UTF-8 encoding and upload it again.")
    )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return None, error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, error
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def no_questions() -> str:
    return _("The file has no questions.")


def finish(questions: list[ParsedQuestion]) -> ParseResult:
    """Drop repeated messages per question; a file without questions is a file-level error."""
    for q in questions:
        q.errors = list(dict.fromkeys(q.errors))
    if not questions:
        return file_error(no_questions())
    return ParseResult(questions=questions)


# --- value words -----------------------------------------------------------------

_PUNCT_SPACE_RE = re.compile(r"[\s_\-/]+")


def word_key(value: str) -> str:
    """Folded, with "_", "-", "/" and runs of spaces as one space: "Đúng/Sai" → "dung sai"."""
    return _PUNCT_SPACE_RE.sub(" ", fold(value)).strip(" .")


KIND_WORDS = {
    "mot dap an": "single",
    "single": "single",
    "single choice": "single",
    "nhieu dap an": "multiple",
    "multiple": "multiple",
    "multiple choice": "multiple",
    "dung sai": "true_false",
    "true false": "true_false",
    "so": "numeric",
    "numeric": "numeric",
    "number": "numeric",
}
DIFFICULTY_WORDS = {
    "de": "easy",
    "easy": "easy",
    "trung binh": "medium",
    "medium": "medium",
    "kho": "hard",
    "hard": "hard",
}
AUDIENCE_WORDS = {
    "ca hai": "both",
    "both": "both",
    "cong chuc": "civil_servant",
    "civil servant": "civil_servant",
    "cong dan": "citizen",
    "citizen": "citizen",
}
# What the Vietnamese files write back.
KIND_VI = {
    "single": "một đáp án",
    "multiple": "nhiều đáp án",
    "true_false": "đúng/sai",
    "numeric": "số",
}
DIFFICULTY_VI = {"easy": "dễ", "medium": "trung bình", "hard": "khó"}
AUDIENCE_VI = {"both": "cả hai", "civil_servant": "công chức", "citizen": "công dân"}

TRUE_WORDS = {"dung", "d", "a", "true", "t"}
FALSE_WORDS = {"sai", "s", "b", "false", "f"}
TRUE_TEXT = "Đúng"
FALSE_TEXT = "Sai"


def _read_word(
    value: str, words: dict[str, str], default: str, unknown: str, errors: list[str]
) -> str:
    """The code for a Vietnamese or English word; ``default`` when blank or unknown
    (an unknown one is reported with the ``unknown`` message)."""
    if not value.strip():
        return default
    found = words.get(word_key(value))
    if found is None:
        errors.append(unknown % {"value": value})
        return default
    return found


def read_kind(value: str, errors: list[str]) -> str:
    return _read_word(
        value,
        KIND_WORDS,
        "single",
        _(
            "Unknown question kind “%(value)s”; use “một đáp án”, “nhiều đáp án”, "
            "“đúng/sai” or “số” (or single, multiple, true_false, numeric)."
        ),
        errors,
    )


def read_difficulty(value: str, errors: list[str]) -> str:
    return _read_word(
        value,
        DIFFICULTY_WORDS,
        "medium",
        _(
            "Unknown difficulty “%(value)s”; use “dễ”, “trung bình” or “khó” "
            "(or easy, medium, hard)."
        ),
        errors,
    )


def read_audience(value: str, errors: list[str]) -> str:
    return _read_word(
        value,
        AUDIENCE_WORDS,
        "both",
        _(
            "Unknown audience “%(value)s”; use “cả hai”, “công chức” or “công dân” "
            "(or both, civil_servant, citizen)."
        ),
        errors,
    )


def read_tags(value: str) -> list[str]:
    tags: list[str] = []
    for part in clean_text(value).split(","):
        tag = " ".join(part.split())
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def true_false_choices(is_true: bool) -> list[ParsedChoice]:
    return [ParsedChoice(TRUE_TEXT, is_true), ParsedChoice(FALSE_TEXT, not is_true)]


def true_false_answer(q: ParsedQuestion) -> bool:
    """Whether the "true" statement is the right one, whatever the choices are called."""
    for choice in q.choices:
        key = word_key(choice.text)
        if key in {"dung", "true"}:
            return choice.is_correct
        if key in {"sai", "false"}:
            return not choice.is_correct
    return bool(q.choices and q.choices[0].is_correct)


# --- numbers ---------------------------------------------------------------------

_NUMBER_RE = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$")


def parse_decimal(value: str) -> Decimal | None:
    """ "12", "12,5", "12.5", "-0.5", "1e3" → Decimal; anything else → None."""
    value = value.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER_RE.match(value):
        return None
    try:
        number = Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def format_decimal(value: Decimal | int | float) -> str:
    """Plain "." decimal without exponent or trailing zeros: Decimal("12.50") → "12.5"."""
    if isinstance(value, float):
        value = Decimal(repr(value))
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in {"-0", ""}:
        text = "0"
    return text


# --- answer letters ----------------------------------------------------------------

_LETTER_SPLIT_RE = re.compile(r"[\s,;/+&]+")


def parse_letters(value: str) -> list[str] | None:
    """ "A", "A, C", "AC", "a;c" → ["A", "C"]; None when it is not only letters."""
    letters: list[str] = []
    for token in _LETTER_SPLIT_RE.split(value.strip().upper()):
        if not token:
            continue
        if not all(ch in LETTERS for ch in token):
            return None
        for ch in token:
            if ch not in letters:
                letters.append(ch)
    return letters or None


def letters_of(q: ParsedQuestion) -> str:
    return ", ".join(LETTERS[i] for i, c in enumerate(q.choices) if c.is_correct and i < 26)
