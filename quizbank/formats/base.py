"""The common shape every import format parses into and every export writes from."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

KINDS = ("single", "multiple", "true_false", "numeric")
DIFFICULTIES = ("easy", "medium", "hard")
AUDIENCES = ("both", "civil_servant", "citizen")


@dataclass
class ParsedChoice:
    text: str
    is_correct: bool


@dataclass
class ParsedQuestion:
    """One question read from a file. ``ref`` names it in error reports.

    ``ref`` is "row 7" for XLSX/CSV (the spreadsheet row, header = row 1) or
    "question 3" for Aiken/GIFT (1-based order in the file).
    """

    ref: str
    kind: str = "single"
    text: str = ""
    choices: list[ParsedChoice] = field(default_factory=list)
    numeric_answer: Decimal | None = None
    numeric_tolerance: Decimal = Decimal("0")
    difficulty: str = "medium"
    audience: str = "both"
    topic: str = ""  # topic slug; empty = the --topic given to the import
    explanation: str = ""
    legal_reference: str = ""
    tags: list[str] = field(default_factory=list)
    title: str = ""
    errors: list[str] = field(default_factory=list)


@dataclass
class ParseResult:
    questions: list[ParsedQuestion]
    errors: list[str] = field(default_factory=list)  # file-level errors (encoding, header)

    @property
    def ok(self) -> bool:
        return not self.errors and not any(q.errors for q in self.questions)
