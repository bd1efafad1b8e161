"""Moodle's Aiken format: single-choice questions as plain text.

    Thủ tục hành chính được công khai ở đâu?
    A. Tại Bộ phận Một cửa và trên Cổng Dịch vụ công
    B. Chỉ trong hồ sơ lưu trữ nội bộ
    ANSWER: A

Question text (one or more lines), then one option per line ("A. text" or "A) text"),
then "ANSWER: X". Questions are separated by blank lines (a line after an ANSWER line
also starts a new question, as in Moodle).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from quizbank.formats._common import (
    FALSE_TEXT,
    LETTERS,
    TRUE_TEXT,
    WriteResult,
    check_size,
    decode_utf8,
    file_error,
    finish,
    parse_letters,
    true_false_answer,
)
from quizbank.formats.base import ParsedChoice, ParsedQuestion, ParseResult
from quizbank.text import clean_text

# Any capital letter is read, so a 9th option is kept for the content rules to refuse.
OPTION_RE = re.compile(r"^([A-Z])[.)](?:\s+(.*))?$")
ANSWER_RE = re.compile(r"^ANSWER\s*:(.*)$", re.IGNORECASE)
_GIFT_LIKE_RE = re.compile(r"\{[^{}]*[=~#][^{}]*\}|\{\s*(?:T|F|TRUE|FALSE)\s*\}")


class _Draft:
    def __init__(self, number: int) -> None:
        self.question = ParsedQuestion(ref=f"question {number}", kind="single")
        self.lines: list[str] = []
        self.labels: list[str] = []

    @property
    def errors(self) -> list[str]:
        return self.question.errors

    def add_option(self, letter: str, text: str) -> None:
        if not self.lines and not self.labels:
            self.errors.append(
                _("Option %(letter)s comes before any question text.") % {"letter": letter}
            )
        expected = LETTERS[len(self.labels)] if len(self.labels) < len(LETTERS) else None
        if letter != expected and letter not in self.labels:
            self.errors.append(
                _("Option %(letter)s is out of order; expected option %(expected)s.")
                % {"letter": letter, "expected": expected or "?"}
            )
        elif letter in self.labels:
            self.errors.append(_("Option %(letter)s appears twice.") % {"letter": letter})
        self.labels.append(letter)
        self.question.choices.append(ParsedChoice(clean_text(text), False))

    def set_answer(self, value: str) -> None:
        value = value.strip()
        match = re.match(r"^([A-Za-z])\s*[.)]?$", value)
        if not match:
            letters = parse_letters(value)
            if letters and len(letters) > 1:
                self.errors.append(
                    _(
                        "“ANSWER: %(value)s” names several letters; Aiken questions have "
                        "exactly one correct option."
                    )
                    % {"value": value}
                )
            else:
                self.errors.append(
                    _("Cannot read “ANSWER: %(value)s”; write one letter, e.g. “ANSWER: B”.")
                    % {"value": value}
                )
            return
        letter = match.group(1).upper()
        if letter not in self.labels:
            self.errors.append(
                _("“ANSWER: %(letter)s” names an option that does not exist.") % {"letter": letter}
            )
            return
        self.question.choices[self.labels.index(letter)].is_correct = True

    def finish(self) -> ParsedQuestion:
        self.question.text = clean_text("\n".join(self.lines))
        return self.question


def parse(data: bytes) -> ParseResult:
    problem = check_size(data)
    if problem:
        return file_error(problem)
    text, problem = decode_utf8(data)
    if text is None:
        return file_error(problem)

    questions: list[ParsedQuestion] = []
    draft: _Draft | None = None

    def new_draft() -> _Draft:
        return _Draft(len(questions) + 1)

    def close(answered: bool) -> None:
        nonlocal draft
        if draft is None:
            return
        if not answered:
            draft.errors.append(_("The ANSWER line is missing (e.g. “ANSWER: B”)."))
        questions.append(draft.finish())
        draft = None

    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            close(answered=False)
            continue
        answer = ANSWER_RE.match(line)
        if answer:
            if draft is None:
                draft = new_draft()
                draft.errors.append(_("An ANSWER line comes before any question text."))
            draft.set_answer(answer.group(1))
            close(answered=True)
            continue
        option = OPTION_RE.match(line)
        if option:
            if draft is None:
                draft = new_draft()
            draft.add_option(option.group(1), option.group(2) or "")
            continue
        if draft is None:
            draft = new_draft()
        if draft.labels:
            draft.errors.append(
                _(
                    "Line %(line)s is neither an option (“A. …”) nor the ANSWER line; "
                    "each option must fit on one line."
                )
                % {"line": lineno}
            )
            continue
        draft.lines.append(raw)
    close(answered=False)

    if (
        questions
        and all(q.errors for q in questions)
        and not any(q.choices for q in questions)
        and _GIFT_LIKE_RE.search(text)
    ):
        return file_error(
            _(
                "This file looks like GIFT, not Aiken (it has answers in braces). "
                "Choose the GIFT format or rename the file to .gift."
            )
        )
    return finish(questions)


def _text_unsafe(text: str) -> bool:
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or OPTION_RE.match(stripped) or ANSWER_RE.match(stripped):
            return True
    return False


def write(questions: list[ParsedQuestion]) -> WriteResult:
    blocks: list[str] = []
    skipped: list[tuple[str, str]] = []
    for q in questions:
        if q.kind == "true_false":
            is_true = true_false_answer(q)
            choices = [ParsedChoice(TRUE_TEXT, is_true), ParsedChoice(FALSE_TEXT, not is_true)]
        elif q.kind == "single":
            choices = q.choices
        else:
            skipped.append((q.ref, _("Aiken carries single-choice questions only.")))
            continue
        text = clean_text(q.text)
        if sum(1 for c in choices if c.is_correct) != 1:
            reason = _("Aiken needs exactly one correct choice.")
        elif len(choices) > len(LETTERS):
            reason = _("Aiken carries at most 26 choices.")
        elif any("\n" in clean_text(c.text) for c in choices):
            reason = _("Aiken cannot carry a line break inside a choice.")
        elif _text_unsafe(text):
            reason = _(
                "The question text has a blank line, or a line that reads like an option "
                "or an ANSWER line, which Aiken cannot carry."
            )
        else:
            reason = ""
        if reason:
            skipped.append((q.ref, reason))
            continue
        lines = text.split("\n")
        correct = ""
        for index, choice in enumerate(choices):
            letter = LETTERS[index]
            lines.append(f"{letter}. {clean_text(choice.text)}".rstrip())
            if choice.is_correct:
                correct = letter
        lines.append(f"ANSWER: {correct}")
        blocks.append("\n".join(lines))
    content = "\n\n".join(blocks) + ("\n" if blocks else "")
    return WriteResult(content=content.encode("utf-8"), skipped=skipped)
