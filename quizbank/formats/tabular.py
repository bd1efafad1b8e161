"""Spreadsheets (XLSX and CSV): one question per row under a header of Vietnamese column names."""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _

from quizbank.formats._common import (
    AUDIENCE_VI,
    DIFFICULTY_VI,
    FALSE_TEXT,
    FALSE_WORDS,
    KIND_VI,
    LETTERS,
    TRUE_TEXT,
    TRUE_WORDS,
    WriteResult,
    check_size,
    decode_utf8,
    file_error,
    finish,
    format_decimal,
    letters_of,
    no_questions,
    parse_decimal,
    parse_letters,
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

MAX_ROWS = 10_000  # questions per file
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # an XLSX is a zip: refuse zip bombs
XLSX_CELL_LIMIT = 32_767
MIN_CHOICE_COLUMNS = 8  # A–H are always written

# Column keys in the order the files are written; choices go between question and answer.
HEADERS_VI = {
    "topic": "Chủ đề",
    "kind": "Loại",
    "question": "Nội dung câu hỏi",
    "answer": "Đáp án đúng",
    "tolerance": "Dung sai",
    "difficulty": "Độ khó",
    "audience": "Đối tượng",
    "explanation": "Giải thích",
    "legal": "Căn cứ pháp lý",
    "tags": "Thẻ",
}
HEADER_WORDS = {
    "chu de": "topic",
    "topic": "topic",
    "loai": "kind",
    "kind": "kind",
    "noi dung cau hoi": "question",
    "question": "question",
    "dap an dung": "answer",
    "answer": "answer",
    "dung sai": "tolerance",
    "tolerance": "tolerance",
    "do kho": "difficulty",
    "difficulty": "difficulty",
    "doi tuong": "audience",
    "audience": "audience",
    "giai thich": "explanation",
    "explanation": "explanation",
    "can cu phap ly": "legal",
    "legal reference": "legal",
    "the": "tags",
    "tags": "tags",
}
IGNORED_HEADERS = {"stt", "#", "no", "so thu tu"}  # a row-number column is common
_CHOICE_HEADER_RE = re.compile(r"^(?:phuong an|choice) ([a-z])$")
_BRACKETS_RE = re.compile(r"[\[(].*?[\])]")

COLUMN_WIDTHS = {
    "topic": 18,
    "kind": 16,
    "question": 60,
    "choice": 30,
    "answer": 14,
    "tolerance": 10,
    "difficulty": 13,
    "audience": 13,
    "explanation": 45,
    "legal": 32,
    "tags": 24,
}


def choice_header(letter: str) -> str:
    return f"Phương án {letter}"


def column_keys(n_choices: int = MIN_CHOICE_COLUMNS) -> list[str]:
    choices = [f"choice:{LETTERS[i]}" for i in range(max(n_choices, MIN_CHOICE_COLUMNS))]
    return ["topic", "kind", "question", *choices, *list(HEADERS_VI)[3:]]


def header_title(key: str) -> str:
    if key.startswith("choice:"):
        return choice_header(key[7:])
    return HEADERS_VI[key]


# --- reading ------------------------------------------------------------------------


def _header_key(name: str) -> str | None:
    """The column key of a header cell, "" for a column to ignore, None when unknown."""
    candidates = [name, _BRACKETS_RE.sub(" ", name), *re.findall(r"[\[(](.*?)[\])]", name)]
    for candidate in candidates:
        key = word_key(candidate)
        if not key or key in IGNORED_HEADERS:
            return ""
        if key in HEADER_WORDS:
            return HEADER_WORDS[key]
        match = _CHOICE_HEADER_RE.match(key)
        if match:
            return f"choice:{match.group(1).upper()}"
    return None


def _read_header(cells: Sequence[str]) -> tuple[list[str], str | None]:
    """Column keys by position ("" = ignored), or a file-level message."""
    keys: list[str] = []
    seen: dict[str, str] = {}
    unknown: list[str] = []
    for cell in cells:
        name = " ".join(cell.split())
        key = _header_key(name) if name else ""
        if key is None:
            unknown.append(name)
            key = ""
        elif key:
            if key in seen:
                return keys, _("Column “%(name)s” appears twice in the header row.") % {
                    "name": name
                }
            seen[key] = name
        keys.append(key)
    if "question" not in seen:
        return keys, _(
            "The first row must hold the column names of the template; "
            "the “Nội dung câu hỏi” (question) column is missing."
        )
    if unknown:
        return keys, _(
            "Unknown column(s) in the header row: %(names)s. Use the column names of the template."
        ) % {"names": ", ".join(f"“{n}”" for n in unknown)}
    return keys, None


def _row_question(
    rownum: int, keys: list[str], cells: list[str], *, is_csv: bool
) -> ParsedQuestion:
    q = ParsedQuestion(ref=f"row {rownum}")
    values: dict[str, str] = {}
    choice_cells: dict[int, str] = {}
    for index, cell in enumerate(cells):
        key = keys[index] if index < len(keys) else None
        if key is None:
            if cell.strip():
                q.errors.append(
                    _(
                        "The row has more cells than the header has columns "
                        "(a comma inside a text that is not in quotes?)."
                    )
                    if is_csv
                    else _("The row has a value in a column without a header.")
                )
            continue
        if key.startswith("choice:"):
            choice_cells[LETTERS.index(key[7:])] = clean_text(cell)
        elif key:
            values[key] = cell

    q.kind = read_kind(values.get("kind", ""), q.errors)
    q.text = clean_text(values.get("question", ""))
    q.topic = clean_text(values.get("topic", ""))
    q.difficulty = read_difficulty(values.get("difficulty", ""), q.errors)
    q.audience = read_audience(values.get("audience", ""), q.errors)
    q.explanation = clean_text(values.get("explanation", ""))
    q.legal_reference = clean_text(values.get("legal", ""))
    q.tags = read_tags(values.get("tags", ""))

    last = max((i for i, text in choice_cells.items() if text), default=-1)
    texts = [choice_cells.get(i, "") for i in range(last + 1)]
    answer = clean_text(values.get("answer", ""))
    tolerance = clean_text(values.get("tolerance", ""))

    if q.kind != "numeric" and tolerance and parse_decimal(tolerance) != 0:
        q.errors.append(_("A tolerance (“Dung sai”) is only for numeric questions."))

    if q.kind == "true_false":
        if texts and [word_key(t) for t in texts] not in (["dung", "sai"], ["true", "false"]):
            q.errors.append(
                _("A true/false question takes no choices; leave the choice columns empty.")
            )
        key = word_key(answer)
        if not answer:
            q.errors.append(_("The correct answer (“Đáp án đúng”) is empty."))
        elif key in TRUE_WORDS or key in FALSE_WORDS:
            q.choices = true_false_choices(key in TRUE_WORDS)
        else:
            q.errors.append(
                _("Cannot read the true/false answer “%(value)s”; write “Đúng” or “Sai”.")
                % {"value": answer}
            )
        return q

    if q.kind == "numeric":
        if texts:
            q.errors.append(
                _("A numeric question takes no choices; leave the choice columns empty.")
            )
        if not answer:
            q.errors.append(_("The correct number (“Đáp án đúng”) is empty."))
        else:
            q.numeric_answer = parse_decimal(answer)
            if q.numeric_answer is None:
                q.errors.append(
                    _("The correct answer “%(value)s” is not a number; write e.g. 12 or 12,5.")
                    % {"value": answer}
                )
        if tolerance:
            number = parse_decimal(tolerance)
            if number is None:
                q.errors.append(
                    _("The tolerance “%(value)s” is not a number.") % {"value": tolerance}
                )
            else:
                q.numeric_tolerance = number
        return q

    # single / multiple: every choice is kept, even a 9th one, for the content rules.
    q.choices = [ParsedChoice(text, False) for text in texts]
    for index, text in enumerate(texts[:-1]):
        if not text:
            q.errors.append(
                _(
                    "Choice %(letter)s is empty but a later choice is filled; "
                    "fill the choices from A without gaps."
                )
                % {"letter": LETTERS[index]}
            )
    if not answer:
        q.errors.append(_("The correct answer (“Đáp án đúng”) is empty."))
        return q
    letters = parse_letters(answer)
    if letters is None:
        q.errors.append(
            _("Cannot read the correct answer “%(value)s”; write letters such as “A” or “A, C”.")
            % {"value": answer}
        )
        return q
    for letter in letters:
        index = LETTERS.index(letter)
        if index >= len(q.choices) or not q.choices[index].text:
            q.errors.append(
                _("The correct answer names choice %(letter)s, but that choice is empty.")
                % {"letter": letter}
            )
        else:
            q.choices[index].is_correct = True
    return q


def _parse_rows(rows: Iterable[Sequence[str]], *, is_csv: bool) -> ParseResult:
    keys: list[str] | None = None
    questions: list[ParsedQuestion] = []
    for rownum, cells in enumerate(rows, start=1):
        cells = list(cells)
        if not any(cell.strip() for cell in cells):
            continue  # blank rows are skipped
        if keys is None:
            keys, error = _read_header(cells)
            if error:
                return file_error(error)
            continue
        if len(questions) >= MAX_ROWS:
            return file_error(
                _("The file has more than %(max)s questions; split it into smaller files.")
                % {"max": MAX_ROWS}
            )
        questions.append(_row_question(rownum, keys, cells, is_csv=is_csv))
    if keys is None:
        return file_error(no_questions())
    return finish(questions)


def parse_csv(data: bytes) -> ParseResult:
    problem = check_size(data)
    if problem:
        return file_error(problem)
    text, problem = decode_utf8(data, csv_hint=True)
    if text is None:
        return file_error(problem)
    first = next((line for line in text.split("\n") if line.strip()), "")
    delimiter = ","
    if "," not in first:
        if ";" in first:
            delimiter = ";"
        elif "\t" in first:
            delimiter = "\t"
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        return file_error(_("The CSV file cannot be read: %(error)s.") % {"error": exc})
    return _parse_rows(rows, is_csv=True)


def cell_text(value: object) -> str:
    """An XLSX cell value as the text a user typed: 12.0 → "12", 0.5 → "0.5"."""
    if value is None:
        return ""
    if isinstance(value, str):
        # Excel stores a carriage return inside a cell as "_x000D_", which openpyxl keeps.
        return value.replace("_x000D_", "")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_decimal(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _not_xlsx() -> ParseResult:
    return file_error(
        _(
            "The file is not a valid Excel workbook (.xlsx). Open it in Excel and save it "
            "as “Excel Workbook (.xlsx)”, then upload it again."
        )
    )


def parse_xlsx(data: bytes) -> ParseResult:
    import openpyxl

    problem = check_size(data)
    if problem:
        return file_error(problem)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return file_error(
            _(
                "This is an old Excel (.xls) file or a password-protected workbook. "
                "Save it as “Excel Workbook (.xlsx)” without a password and upload it again."
            )
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return _not_xlsx()
    if unpacked > MAX_UNPACKED_BYTES:
        return file_error(_("The workbook is too large once unpacked."))

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on broken files
        return _not_xlsx()
    try:
        sheets = list(workbook.worksheets)
        if not sheets:
            return file_error(no_questions())
        for sheet in sheets:
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()  # do not trust the stored size

        def rows_of(sheet) -> Iterable[list[str]]:
            for row in sheet.iter_rows(values_only=True):
                yield [cell_text(v) for v in row]

        # The questions sheet is the first one whose header names a question column.
        chosen = sheets[0]
        for sheet in sheets:
            first = next((r for r in rows_of(sheet) if any(c.strip() for c in r)), None)
            if first is not None and _read_header(first)[1] is None:
                chosen = sheet
                break
        return _parse_rows(rows_of(chosen), is_csv=False)
    except Exception:
        return _not_xlsx()
    finally:
        workbook.close()


# --- writing ------------------------------------------------------------------------


def _question_cells(q: ParsedQuestion, keys: list[str]) -> list[str]:
    values: dict[str, str] = {
        "topic": q.topic,
        "kind": KIND_VI.get(q.kind, q.kind),
        "question": q.text,
        "difficulty": DIFFICULTY_VI.get(q.difficulty, q.difficulty),
        "audience": AUDIENCE_VI.get(q.audience, q.audience),
        "explanation": q.explanation,
        "legal": q.legal_reference,
        "tags": ", ".join(q.tags),
    }
    if q.kind == "true_false":
        values["answer"] = TRUE_TEXT if true_false_answer(q) else FALSE_TEXT
    elif q.kind == "numeric":
        values["answer"] = "" if q.numeric_answer is None else format_decimal(q.numeric_answer)
        values["tolerance"] = format_decimal(q.numeric_tolerance or 0)
    else:
        values["answer"] = letters_of(q)
        for index, choice in enumerate(q.choices):
            values[f"choice:{LETTERS[index]}"] = choice.text
    return [values.get(key, "") for key in keys]


def _writable(questions: list[ParsedQuestion]) -> tuple[list[ParsedQuestion], list]:
    kept, skipped = [], []
    for q in questions:
        if q.kind in ("single", "multiple") and len(q.choices) > len(LETTERS):
            skipped.append(
                (q.ref, _("More than %(max)s choices do not fit the sheet.") % {"max": 26})
            )
        else:
            kept.append(q)
    return kept, skipped


def _keys_for(questions: list[ParsedQuestion]) -> list[str]:
    most = max(
        (len(q.choices) for q in questions if q.kind in ("single", "multiple")),
        default=0,
    )
    return column_keys(most)


def write_csv(questions: list[ParsedQuestion]) -> WriteResult:
    kept, skipped = _writable(questions)
    keys = _keys_for(kept)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header_title(key) for key in keys])
    for q in kept:
        writer.writerow(_question_cells(q, keys))
    # The BOM makes Excel open the file as UTF-8.
    return WriteResult(content=out.getvalue().encode("utf-8-sig"), skipped=skipped)


def write_xlsx(questions: list[ParsedQuestion], *, guide: bool = False) -> WriteResult:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    kept, skipped = _writable(questions)
    rows: list[list[str]] = []
    too_long = []
    keys = _keys_for(kept)
    for q in kept:
        cells = [ILLEGAL_CHARACTERS_RE.sub("", value) for value in _question_cells(q, keys)]
        if any(len(value) > XLSX_CELL_LIMIT for value in cells):
            too_long.append(q.ref)
            continue
        rows.append(cells)
    for ref in too_long:
        skipped.append((ref, _("A text is longer than Excel's limit of 32,767 characters.")))

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Câu hỏi"
    sheet.append([header_title(key) for key in keys])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    for r, cells in enumerate(rows, start=2):
        for c, value in enumerate(cells, start=1):
            if not value:
                continue
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"  # text starting with "=" stays text, not a formula
            cell.alignment = wrap
    for c, key in enumerate(keys, start=1):
        width = COLUMN_WIDTHS["choice" if key.startswith("choice:") else key]
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "A2"
    last_row = max(len(rows) + 1, 500)
    lists = {
        "kind": KIND_VI.values(),
        "difficulty": DIFFICULTY_VI.values(),
        "audience": AUDIENCE_VI.values(),
    }
    for key, words in lists.items():
        column = get_column_letter(keys.index(key) + 1)
        validation = DataValidation(
            type="list",
            formula1='"' + ",".join(words) + '"',
            allow_blank=True,
            errorStyle="warning",
        )
        validation.add(f"{column}2:{column}{last_row}")
        sheet.add_data_validation(validation)
    if guide:
        _add_guide(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return WriteResult(content=out.getvalue(), skipped=skipped)


GUIDE_ROWS = [
    ("Cột", "Cách điền"),
    ("Chủ đề", "Mã (slug) của chủ đề; để trống thì dùng chủ đề chọn khi nhập."),
    ("Loại", "một đáp án / nhiều đáp án / đúng/sai / số; để trống = một đáp án."),
    ("Nội dung câu hỏi", "Bắt buộc. Văn bản thuần, được dùng **đậm** và *nghiêng*."),
    ("Phương án A … H", "Từ 2 đến 8 phương án, điền liên tục từ A. Để trống với đúng/sai và số."),
    (
        "Đáp án đúng",
        "Chữ cái: A hoặc A, C. Câu đúng/sai: Đúng hoặc Sai. Câu số: một số, ví dụ 12,5.",
    ),
    ("Dung sai", "Chỉ cho câu số: sai số chấp nhận được, ví dụ 0,5."),
    ("Độ khó", "dễ / trung bình / khó; để trống = trung bình."),
    ("Đối tượng", "cả hai / công chức / công dân; để trống = cả hai."),
    ("Giải thích", "Hiện cho người thi sau khi trả lời."),
    ("Căn cứ pháp lý", "Ví dụ: Nghị định 61/2018/NĐ-CP, Điều 15."),
    ("Thẻ", "Các thẻ cách nhau bởi dấu phẩy."),
    ("", "Tệp phải là UTF-8 (CSV) hoặc Excel .xlsx, tối đa 5 MB. Dòng trống được bỏ qua."),
]


def _add_guide(workbook) -> None:
    from openpyxl.styles import Alignment, Font

    guide = workbook.create_sheet("Hướng dẫn")
    for row in GUIDE_ROWS:
        guide.append(list(row))
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    guide.column_dimensions["A"].width = 20
    guide.column_dimensions["B"].width = 90
