"""Import and export file formats of the question bank.

Pure functions between file bytes and ``ParsedQuestion`` lists; no database access.

- ``parse(data, fmt)`` reads a file. File-level problems (size, encoding, broken
  workbook, header, no questions) go in ``ParseResult.errors``; problems of one question
  go in that question's ``errors`` (its ``ref`` is "row N" or "question N"). Only format
  problems are reported here; content rules are the service's.
- ``write(questions, fmt)`` writes a file; questions the format cannot carry are left out
  and named in ``WriteResult.skipped``.
- ``template(fmt)`` is an empty file with the headers and two examples.
"""

from __future__ import annotations

import os

from quizbank.formats import aiken, gift, tabular
from quizbank.formats._common import MAX_FILE_BYTES, WriteResult
from quizbank.formats.base import ParsedChoice, ParsedQuestion, ParseResult

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "WriteResult",
    "detect_format",
    "example_questions",
    "parse",
    "template",
    "write",
]

FORMATS = ("xlsx", "csv", "aiken", "gift")
_EXTENSIONS = {".xlsx": "xlsx", ".csv": "csv", ".txt": "aiken", ".gift": "gift"}


def detect_format(filename: str) -> str | None:
    """The format a file name suggests: .xlsx, .csv, .txt (Aiken), .gift; else None."""
    extension = os.path.splitext((filename or "").strip())[1].lower()
    return _EXTENSIONS.get(extension)


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown question file format {fmt!r}; expected one of {FORMATS}.")


def parse(data: bytes, fmt: str) -> ParseResult:
    """Read questions from a file's bytes. Never raises on bad input."""
    _check(fmt)
    data = bytes(data)
    if fmt == "xlsx":
        return tabular.parse_xlsx(data)
    if fmt == "csv":
        return tabular.parse_csv(data)
    if fmt == "aiken":
        return aiken.parse(data)
    return gift.parse(data)


def write(questions: list[ParsedQuestion], fmt: str) -> WriteResult:
    """Write questions in a format; those it cannot carry are listed in ``skipped``."""
    _check(fmt)
    questions = list(questions)
    if fmt == "xlsx":
        return tabular.write_xlsx(questions)
    if fmt == "csv":
        return tabular.write_csv(questions)
    if fmt == "aiken":
        return aiken.write(questions)
    return gift.write(questions)


def example_questions() -> list[ParsedQuestion]:
    """Two examples for templates: one single-choice, one multiple-choice."""
    return [
        ParsedQuestion(
            ref="example 1",
            kind="single",
            text=(
                "Cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính "
                "hiện được quy định tại văn bản nào?"
            ),
            choices=[
                ParsedChoice("Nghị định 61/2018/NĐ-CP", True),
                ParsedChoice("Nghị định 63/2010/NĐ-CP", False),
                ParsedChoice("Nghị quyết 30c/NQ-CP", False),
                ParsedChoice("Luật Tổ chức chính quyền địa phương", False),
            ],
            difficulty="easy",
            audience="both",
            explanation=(
                "Nghị định 61/2018/NĐ-CP quy định việc thực hiện cơ chế một cửa, "
                "một cửa liên thông; Nghị định 63/2010/NĐ-CP quy định về kiểm soát "
                "thủ tục hành chính."
            ),
            legal_reference="Nghị định 61/2018/NĐ-CP",
            tags=["một cửa", "thủ tục hành chính"],
        ),
        ParsedQuestion(
            ref="example 2",
            kind="multiple",
            text=(
                "Tổ chức, cá nhân có thể nộp hồ sơ thủ tục hành chính theo những cách nào sau đây?"
            ),
            choices=[
                ParsedChoice("Trực tiếp tại Bộ phận Tiếp nhận và Trả kết quả", True),
                ParsedChoice("Qua dịch vụ bưu chính công ích", True),
                ParsedChoice("Trực tuyến trên Cổng Dịch vụ công", True),
                ParsedChoice("Gửi qua tài khoản mạng xã hội cá nhân của cán bộ", False),
            ],
            difficulty="medium",
            audience="citizen",
            explanation=(
                "Hồ sơ được nộp trực tiếp, qua bưu chính công ích hoặc trực tuyến; "
                "không nộp qua kênh cá nhân của cán bộ, công chức."
            ),
            legal_reference="Nghị định 61/2018/NĐ-CP, Điều 15",
            tags=["một cửa", "dịch vụ công trực tuyến"],
        ),
    ]


def template(fmt: str) -> bytes:
    """An empty file to fill in: the Vietnamese headers and two example questions.

    Meant for xlsx and csv (the XLSX one also has a "Hướng dẫn" sheet explaining the
    columns); aiken and gift give the examples that format can carry.
    """
    _check(fmt)
    if fmt == "xlsx":
        return tabular.write_xlsx(example_questions(), guide=True).content
    return write(example_questions(), fmt).content
