"""Import/export file formats: bytes ↔ ParsedQuestion, no database."""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.utils.translation import override

from quizbank import formats
from quizbank.formats import WriteResult, detect_format, parse, template, write
from quizbank.formats.base import ParsedChoice, ParsedQuestion

VI_TEXT = "Thủ tục hành chính được công khai ở đâu?"


def bank() -> list[ParsedQuestion]:
    """One question of each kind, full of diacritics and GIFT's special characters."""
    return [
        ParsedQuestion(
            ref="#1",
            kind="single",
            text=VI_TEXT,
            choices=[
                ParsedChoice("Tại Bộ phận Một cửa và trên Cổng Dịch vụ công", True),
                ParsedChoice("Chỉ trong hồ sơ lưu trữ nội bộ", False),
                ParsedChoice("Ở nhà riêng của cán bộ, công chức", False),
            ],
            difficulty="hard",
            audience="citizen",
            topic="cong-khai-tthc",
            explanation="Theo quy định, thủ tục hành chính phải được công khai đầy đủ.",
            legal_reference="Nghị định 61/2018/NĐ-CP, Điều 5",
            tags=["tthc", "một cửa"],
        ),
        ParsedQuestion(
            ref="#2",
            kind="multiple",
            text="Những kênh nào dùng để nộp hồ sơ?\nChọn tất cả đáp án đúng: {kênh} ~ = # \\",
            choices=[
                ParsedChoice("Trực tiếp", True),
                ParsedChoice("Bưu chính công ích", True),
                ParsedChoice("Mạng xã hội cá nhân", False),
                ParsedChoice("Trực tuyến: Cổng Dịch vụ công quốc gia", True),
            ],
            difficulty="easy",
            audience="civil_servant",
            topic="mot-cua",
            explanation="Ba kênh: trực tiếp, bưu chính, trực tuyến.",
            legal_reference="Nghị định 61/2018/NĐ-CP; Điều 15 = cách nộp",
            tags=["nộp hồ sơ"],
        ),
        ParsedQuestion(
            ref="#3",
            kind="true_false",
            text="Người dân phải nộp thêm giấy tờ ngoài quy định khi làm thủ tục.",
            choices=[ParsedChoice("Đúng", False), ParsedChoice("Sai", True)],
            difficulty="medium",
            audience="both",
            topic="mot-cua",
            explanation="Sai: không được yêu cầu thêm giấy tờ ngoài quy định.",
        ),
        ParsedQuestion(
            ref="#4",
            kind="numeric",
            text="Thời hạn giải quyết là bao nhiêu ngày làm việc?",
            numeric_answer=Decimal("12.5"),
            numeric_tolerance=Decimal("0.5"),
            difficulty="hard",
            audience="civil_servant",
            topic="",
            legal_reference="Quyết định 1291/QĐ-BNV",
            tags=["thời hạn"],
        ),
    ]


def summary(q: ParsedQuestion, *, metadata: bool = True) -> dict:
    data = {
        "text": q.text,
        "choices": [c.text for c in q.choices],
        "correct": [c.is_correct for c in q.choices],
    }
    if metadata:
        data.update(
            kind=q.kind,
            difficulty=q.difficulty,
            audience=q.audience,
            explanation=q.explanation,
            legal=q.legal_reference,
            tags=q.tags,
            numeric=(q.numeric_answer, q.numeric_tolerance) if q.kind == "numeric" else None,
            topic=q.topic,
        )
    return data


def only_errors(result) -> list[tuple[str, list[str]]]:
    return [(q.ref, q.errors) for q in result.questions if q.errors]


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_bytes(rows: list[list[str]], *, delimiter: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: base letter, then a combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
            out += (base + "".join(p for p in parts if p in _TONES)).encode("cp1258")
    return bytes(out)


VI_HEADER = ["Chủ đề", "Loại", "Nội dung câu hỏi", "Phương án A", "Phương án B", "Đáp án đúng"]


# --- detection ---------------------------------------------------------------------


def test_detect_format_maps_extensions_case_insensitively():
    assert detect_format("cau-hoi.XLSX") == "xlsx"
    assert detect_format("dulieu/ngan-hang.csv") == "csv"
    assert detect_format("aiken.TXT") == "aiken"
    assert detect_format("moodle.Gift") == "gift"
    assert detect_format("anh.png") is None
    assert detect_format("khong-duoi") is None
    assert formats.FORMATS == ("xlsx", "csv", "aiken", "gift")


def test_unknown_format_name_is_a_programming_error():
    with pytest.raises(ValueError):
        parse(b"x", "docx")


# --- round trips -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "gift"])
def test_round_trip_keeps_every_field(fmt):
    questions = bank()
    written = write(questions, fmt)
    assert isinstance(written, WriteResult)
    assert written.skipped == []
    result = parse(written.content, fmt)
    assert result.errors == []
    assert only_errors(result) == []
    assert result.ok
    assert [summary(q) for q in result.questions] == [summary(q) for q in questions]


def test_gift_round_trip_keeps_title_and_numeric_values():
    questions = bank()
    questions[0].title = "Công khai TTHC: câu 1"
    result = parse(write(questions, "gift").content, "gift")
    assert result.questions[0].title == "Công khai TTHC: câu 1"
    assert result.questions[3].numeric_answer == Decimal("12.5")
    assert result.questions[3].numeric_tolerance == Decimal("0.5")


def test_aiken_round_trip_keeps_single_and_true_false_and_skips_others():
    with override("en"):
        written = write(bank(), "aiken")
    assert [ref for ref, _reason in written.skipped] == ["#2", "#4"]
    assert all("single-choice questions only" in reason for _ref, reason in written.skipped)
    result = parse(written.content, "aiken")
    assert result.ok
    first, second = result.questions
    assert summary(first, metadata=False) == summary(bank()[0], metadata=False)
    assert first.kind == "single"
    assert second.choices == [ParsedChoice("Đúng", False), ParsedChoice("Sai", True)]
    assert first.text == VI_TEXT


def test_vietnamese_text_survives_exactly_and_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", VI_TEXT)
    assert decomposed != VI_TEXT
    data = f"{decomposed}\r\nA. Có\r\nB. Không\r\nANSWER: A\r\n".encode()
    result = parse(data, "aiken")
    assert result.questions[0].text == VI_TEXT


# --- encodings and broken files ---------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "aiken", "gift"])
def test_utf8_bom_is_accepted(fmt):
    content = write(bank()[:1], fmt).content
    if not content.startswith(b"\xef\xbb\xbf"):
        content = b"\xef\xbb\xbf" + content
    result = parse(content, fmt)
    assert result.ok
    assert result.questions[0].text == VI_TEXT


@pytest.mark.parametrize("fmt", ["csv", "aiken", "gift"])
@pytest.mark.parametrize("encoding", ["cp1258", "latin-1", "utf-16"])
def test_text_that_is_not_utf8_is_refused_with_a_clear_message(fmt, encoding):
    text = f"{VI_TEXT}\nA. Có\nB. Không\nANSWER: A\n"
    if encoding == "cp1258":
        data = to_cp1258(text)
    elif encoding == "latin-1":
        data = "Réponse à la question\nA. oui\nB. non\nANSWER: A\n".encode("latin-1")
    else:
        data = text.encode(encoding)
    with override("en"):
        result = parse(data, fmt)
    assert result.questions == []
    assert len(result.errors) == 1
    assert result.errors[0].startswith("The file is not UTF-8 text")


@pytest.mark.parametrize(
    "data",
    [
        b"this is not a workbook",
        b"PK\x03\x04 truncated zip",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old xls",
    ],
)
def test_broken_xlsx_is_a_file_level_error_not_an_exception(data):
    result = parse(data, "xlsx")
    assert result.questions == []
    assert len(result.errors) == 1


def test_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with override("en"):
        result = parse(out.getvalue(), "xlsx")
    assert result.errors and "not a valid Excel workbook" in result.errors[0]


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_empty_file_is_refused(fmt):
    with override("en"):
        result = parse(b"", fmt)
    assert result.errors == ["The file is empty."]


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_file_over_five_megabytes_is_refused(fmt):
    with override("en"):
        result = parse(b"a" * (5 * 1024 * 1024 + 1), fmt)
    assert result.questions == []
    assert "limit is 5 MB" in result.errors[0]


def test_header_without_rows_means_no_questions():
    with override("en"):
        result = parse(csv_bytes([VI_HEADER]), "csv")
    assert result.errors == ["The file has no questions."]


def test_gift_with_only_comments_means_no_questions():
    with override("en"):
        result = parse(b"// just a comment\n\n$CATEGORY: tthc\n", "gift")
    assert result.errors == ["The file has no questions."]


# --- tabular -------------------------------------------------------------------------


def test_vietnamese_and_english_headers_are_both_accepted():
    english = ["topic", "KIND", "Question", "choice a", "Choice_B", "answer", "Legal reference"]
    vietnamese = [
        " chu de ",
        "LOẠI",
        unicodedata.normalize("NFD", "Nội dung câu hỏi"),
        "Phương án A",
        "phuong an b",
        "Đáp án đúng",
        "Căn cứ pháp lý",
    ]
    row = ["tthc", "một đáp án", VI_TEXT, "Tại Bộ phận Một cửa", "Không công khai", "A", "NĐ 61"]
    for header in (english, vietnamese):
        result = parse(csv_bytes([header, row]), "csv")
        assert result.ok, (header, result.errors, only_errors(result))
        q = result.questions[0]
        assert (q.topic, q.kind, q.text, q.legal_reference) == ("tthc", "single", VI_TEXT, "NĐ 61")
        assert [c.is_correct for c in q.choices] == [True, False]


def test_csv_with_semicolon_delimiter_is_read():
    rows = [
        VI_HEADER + ["Độ khó"],
        ["", "nhiều đáp án", "Câu hỏi có dấu phẩy, chấm phẩy", "Một", "Hai", "A, B", "khó"],
    ]
    result = parse(csv_bytes(rows, delimiter=";"), "csv")
    assert result.ok, only_errors(result)
    q = result.questions[0]
    assert q.text == "Câu hỏi có dấu phẩy, chấm phẩy"
    assert q.kind == "multiple" and q.difficulty == "hard"
    assert [c.is_correct for c in q.choices] == [True, True]


def test_rows_are_numbered_like_the_spreadsheet_and_blank_rows_are_skipped():
    rows = [
        VI_HEADER,
        ["", "", "Câu một", "A1", "B1", "A"],
        ["", "", "", "", "", ""],
        ["", "", "Câu hai", "A2", "B2", "E"],
    ]
    with override("en"):
        result = parse(csv_bytes(rows), "csv")
    assert [q.ref for q in result.questions] == ["row 2", "row 4"]
    assert only_errors(result) == [
        ("row 4", ["The correct answer names choice E, but that choice is empty."])
    ]


@pytest.mark.parametrize(
    ("answer", "correct"),
    [("A", [True, False, False]), ("a, c", [True, False, True]), ("AC", [True, False, True])],
)
def test_answer_letters_are_read_in_their_usual_spellings(answer, correct):
    header = VI_HEADER[:5] + ["Phương án C", "Đáp án đúng"]
    rows = [header, ["", "nhiều đáp án", "Câu hỏi", "Một", "Hai", "Ba", answer]]
    result = parse(csv_bytes(rows), "csv")
    assert [c.is_correct for c in result.questions[0].choices] == correct


def test_format_problems_in_a_row_are_reported_on_that_row():
    header = VI_HEADER + ["Độ khó", "Đối tượng", "Dung sai"]
    rows = [
        header,
        ["", "tự luận", "Câu 1", "A", "B", "A", "", "", ""],
        ["", "", "Câu 2", "A", "B", "A hoặc B?", "rất khó", "mọi người", ""],
        ["", "số", "Câu 3", "", "", "mười hai", "", "", "nửa"],
        ["", "đúng/sai", "Câu 4", "", "", "Có lẽ", "", "", ""],
    ]
    with override("en"):
        errors = dict(only_errors(parse(csv_bytes(rows), "csv")))
    assert "Unknown question kind “tự luận”" in errors["row 2"][0]
    assert any("Cannot read the correct answer “A hoặc B?”" in e for e in errors["row 3"])
    assert any("Unknown difficulty “rất khó”" in e for e in errors["row 3"])
    assert any("Unknown audience “mọi người”" in e for e in errors["row 3"])
    assert any("“mười hai” is not a number" in e for e in errors["row 4"])
    assert any("tolerance “nửa” is not a number" in e for e in errors["row 4"])
    assert any("true/false answer “Có lẽ”" in e for e in errors["row 5"])


def test_true_false_and_numeric_rows_take_their_shapes():
    header = VI_HEADER + ["Dung sai"]
    rows = [
        header,
        ["", "true_false", "Câu đúng sai", "", "", "Sai", ""],
        ["", "đúng/sai", "Câu đúng sai B", "", "", "A", ""],
        ["", "numeric", "Câu số", "", "", "12,5", "0,5"],
    ]
    result = parse(csv_bytes(rows), "csv")
    assert result.ok, only_errors(result)
    false_q, true_q, number_q = result.questions
    assert false_q.choices == [ParsedChoice("Đúng", False), ParsedChoice("Sai", True)]
    assert true_q.choices == [ParsedChoice("Đúng", True), ParsedChoice("Sai", False)]
    assert number_q.kind == "numeric" and number_q.choices == []
    assert (number_q.numeric_answer, number_q.numeric_tolerance) == (
        Decimal("12.5"),
        Decimal("0.5"),
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_nine_choices_are_all_kept_for_the_service_to_reject(fmt):
    letters = "ABCDEFGHI"
    header = ["Nội dung câu hỏi", *[f"Phương án {x}" for x in letters], "Đáp án đúng"]
    row = ["Câu có chín phương án", *[f"Phương án số {i}" for i in range(1, 10)], "I"]
    data = csv_bytes([header, row]) if fmt == "csv" else xlsx_bytes([header, row])
    result = parse(data, fmt)
    q = result.questions[0]
    assert len(q.choices) == 9
    assert q.choices[8].is_correct


def test_xlsx_numbers_become_the_strings_a_user_typed():
    header = ["Nội dung câu hỏi", "Loại", "Đáp án đúng", "Dung sai", "Thẻ", "Chủ đề"]
    rows = [
        header,
        ["Bao nhiêu ngày?", "số", 12.0, 0.5, 2024, "mot-cua"],
        ["Bao nhiêu giờ?", "số", 7, 0, "giờ, ngày", ""],
    ]
    result = parse(xlsx_bytes(rows), "xlsx")
    assert result.ok, only_errors(result)
    first, second = result.questions
    assert (first.numeric_answer, first.numeric_tolerance) == (Decimal("12"), Decimal("0.5"))
    assert str(first.numeric_answer) == "12"
    assert first.tags == ["2024"]
    assert second.numeric_answer == Decimal("7") and second.tags == ["giờ", "ngày"]


def test_xlsx_text_that_looks_like_a_formula_stays_text():
    q = bank()[0]
    q.choices[1].text = "=SUM(A1:A2)"
    result = parse(write([q], "xlsx").content, "xlsx")
    assert result.questions[0].choices[1].text == "=SUM(A1:A2)"


def test_xlsx_export_has_a_bold_header_and_widths():
    workbook = openpyxl.load_workbook(io.BytesIO(write(bank(), "xlsx").content))
    sheet = workbook.worksheets[0]
    assert sheet["A1"].value == "Chủ đề" and sheet["A1"].font.b
    assert sheet["C1"].value == "Nội dung câu hỏi"
    assert sheet.column_dimensions["C"].width >= 40


def test_tabular_export_writes_vietnamese_words_and_letters():
    text = write(bank(), "csv").content
    assert text.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    header, single, multiple, true_false, numeric = rows
    assert header[:4] == ["Chủ đề", "Loại", "Nội dung câu hỏi", "Phương án A"]
    assert "Phương án H" in header and "Căn cứ pháp lý" in header
    col = {name: i for i, name in enumerate(header)}
    assert single[col["Loại"]] == "một đáp án" and single[col["Độ khó"]] == "khó"
    assert single[col["Đối tượng"]] == "công dân"
    assert multiple[col["Đáp án đúng"]] == "A, B, D"
    assert true_false[col["Đáp án đúng"]] == "Sai"
    assert true_false[col["Phương án A"]] == "" and true_false[col["Độ khó"]] == "trung bình"
    assert numeric[col["Đáp án đúng"]] == "12.5" and numeric[col["Dung sai"]] == "0.5"
    assert single[col["Thẻ"]] == "tthc, một cửa"


def test_an_unquoted_comma_shifting_cells_is_reported():
    data = (
        "Nội dung câu hỏi,Phương án A,Phương án B,Đáp án đúng\nCâu hỏi,Một,Hai,A,thừa\n"
    ).encode()
    with override("en"):
        errors = only_errors(parse(data, "csv"))
    assert errors and "more cells than the header" in errors[0][1][0]


def test_header_without_question_column_is_a_file_level_error():
    with override("en"):
        result = parse(csv_bytes([["Câu", "A", "B"], ["x", "y", "z"]]), "csv")
    assert result.questions == []
    assert "“Nội dung câu hỏi”" in result.errors[0]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_template_has_headers_and_two_valid_examples(fmt):
    result = parse(template(fmt), fmt)
    assert result.ok, (result.errors, only_errors(result))
    kinds = [q.kind for q in result.questions]
    assert kinds == ["single", "multiple"]
    assert all("hành chính" in q.text or "thủ tục" in q.text for q in result.questions)


# --- aiken ---------------------------------------------------------------------------------


def test_aiken_reads_both_option_styles_and_multi_line_text():
    data = (
        "Theo quy định,\nthủ tục hành chính được công khai ở đâu?\n"
        "A) Bộ phận Một cửa\nB) Nhà văn hoá\nANSWER: A\n"
        "Câu thứ hai?\nA. Có\nB. Không\nANSWER:B\n"
    ).encode()
    result = parse(data, "aiken")
    assert result.ok, only_errors(result)
    first, second = result.questions
    assert first.text == "Theo quy định,\nthủ tục hành chính được công khai ở đâu?"
    assert [c.text for c in first.choices] == ["Bộ phận Một cửa", "Nhà văn hoá"]
    assert [c.is_correct for c in second.choices] == [False, True]


def test_aiken_missing_answer_is_reported_with_the_question_number():
    data = (
        "Câu một?\nA. Có\nB. Không\nANSWER: A\n\n"
        "Câu hai thiếu đáp án?\nA. Có\nB. Không\n\n"
        "Câu ba?\nA. Có\nB. Không\nANSWER: C\n\n"
        "A. Phương án trước câu hỏi\nB. Hai\nANSWER: A\n"
    ).encode()
    with override("en"):
        result = parse(data, "aiken")
    errors = dict(only_errors(result))
    assert list(errors) == ["question 2", "question 3", "question 4"]
    assert errors["question 2"] == ["The ANSWER line is missing (e.g. “ANSWER: B”)."]
    assert "does not exist" in errors["question 3"][0]
    assert "before any question text" in errors["question 4"][0]


def test_aiken_nine_options_are_kept():
    options = "\n".join(f"{letter}. Phương án {letter}" for letter in "ABCDEFGHI")
    result = parse(f"Câu hỏi chín phương án?\n{options}\nANSWER: I\n".encode(), "aiken")
    q = result.questions[0]
    assert q.errors == []
    assert len(q.choices) == 9 and q.choices[8].is_correct


def test_aiken_several_answer_letters_are_refused():
    with override("en"):
        result = parse("Câu?\nA. Một\nB. Hai\nANSWER: A, B\n".encode(), "aiken")
    assert "names several letters" in result.questions[0].errors[0]


def test_gift_file_uploaded_as_aiken_gets_a_hint():
    with override("en"):
        result = parse("Câu hỏi?{=Đúng ~Sai}\n".encode(), "aiken")
    assert result.errors and "looks like GIFT" in result.errors[0]


# --- gift -------------------------------------------------------------------------------------


def test_gift_reads_every_supported_kind():
    data = """
// Một tệp mẫu
$CATEGORY: $course$/top/Cải cách hành chính/mot-cua

::Q1:: [plain]Thủ tục hành chính được công khai ở đâu? {
    =Tại Bộ phận Một cửa
    ~Trong tủ hồ sơ
    ~Ở nhà cán bộ
    ####Phải công khai đầy đủ\\: đúng quy định.
}

Chọn các kênh nộp hồ sơ {~%50%Trực tiếp ~%50%Bưu chính ~%-100%Mạng xã hội}

Cán bộ được yêu cầu thêm giấy tờ. {F}

Cán bộ phải hướng dẫn người dân. {TRUE####Theo Điều 5.}

Thời hạn 1 (ngày)? {#5}

Thời hạn 2? {#5:1}

Thời hạn 3? {#4..6}

Ký tự đặc biệt \\{ \\} \\~ \\= \\# \\: và \\\\ gạch chéo {=Đúng \\= đúng ~Sai}
""".encode()
    result = parse(data, "gift")
    assert result.ok, only_errors(result)
    q = result.questions
    assert q[0].title == "Q1" and q[0].topic == "mot-cua" and q[0].kind == "single"
    assert q[0].text == "Thủ tục hành chính được công khai ở đâu?"
    assert q[0].explanation == "Phải công khai đầy đủ: đúng quy định."
    assert [c.is_correct for c in q[0].choices] == [True, False, False]
    assert q[1].kind == "multiple" and [c.is_correct for c in q[1].choices] == [True, True, False]
    assert q[2].kind == "true_false"
    assert q[2].choices == [ParsedChoice("Đúng", False), ParsedChoice("Sai", True)]
    assert q[3].choices[0].is_correct and q[3].explanation == "Theo Điều 5."
    assert (q[4].kind, q[4].numeric_answer, q[4].numeric_tolerance) == ("numeric", 5, 0)
    assert (q[5].numeric_answer, q[5].numeric_tolerance) == (5, 1)
    assert (q[6].numeric_answer, q[6].numeric_tolerance) == (5, 1)
    assert q[7].text == "Ký tự đặc biệt { } ~ = # : và \\ gạch chéo"
    assert q[7].choices[0].text == "Đúng = đúng"


def test_gift_unsupported_features_are_reported_per_question_with_its_number():
    data = """Câu hợp lệ {=Có ~Không}

Phản hồi riêng {=Có#Đúng rồi ~Không#Sai rồi}

Ghép đôi {=Hà Nội -> Thủ đô =Huế -> Cố đô}

Trả lời ngắn {=một cửa =một cửa liên thông}

Điền từ: Bộ phận {=Một cửa ~Hai cửa} tiếp nhận hồ sơ.

Tự luận {}

Nhiều đáp án số {#=5:0 =%50%5:2}

Điểm một phần {=Có ~%50%Gần đúng ~Không}

[html]<b>Định dạng HTML</b> {=Có ~Không}

Câu hợp lệ cuối {T}
""".encode()
    with override("en"):
        result = parse(data, "gift")
    errors = dict(only_errors(result))
    assert list(errors) == [f"question {n}" for n in range(2, 10)]
    assert "Feedback on a single answer" in errors["question 2"][0]
    assert "Matching questions" in errors["question 3"][0]
    assert "Short-answer questions" in errors["question 4"][0]
    assert "missing word" in errors["question 5"][0]
    assert "Essay questions" in errors["question 6"][0]
    assert "Several numeric answers" in errors["question 7"][0]
    assert "partial-credit weight (%50%)" in errors["question 8"][0]
    assert "[html] text format is not accepted" in errors["question 9"][0]
    assert result.questions[9].errors == []


def test_gift_meta_comment_is_read_back_with_escapes():
    data = (
        "// meta: difficulty=khó; audience=công dân; legal=NĐ 61\\; Điều 5 \\= hay; "
        "tags=tthc, một cửa; kind=true_false\n"
        "Câu có siêu dữ liệu {=Đúng ~Sai}\n"
    ).encode()
    result = parse(data, "gift")
    assert result.ok, only_errors(result)
    q = result.questions[0]
    assert (q.difficulty, q.audience, q.kind) == ("hard", "citizen", "true_false")
    assert q.legal_reference == "NĐ 61; Điều 5 = hay"
    assert q.tags == ["tthc", "một cửa"]


def test_gift_meta_with_an_unknown_value_is_reported():
    with override("en"):
        result = parse("// meta: difficulty=siêu khó\nCâu {=a ~b}\n".encode(), "gift")
    assert "Unknown difficulty “siêu khó”" in result.questions[0].errors[0]


def test_gift_export_uses_weights_moodle_imports():
    text = write(bank(), "gift").content.decode()
    assert "~%33.33333%Trực tiếp" in text
    assert "~%-100%Mạng xã hội cá nhân" in text
    assert "{FALSE####Sai\\: không được yêu cầu thêm giấy tờ ngoài quy định.}" in text
    assert "{#12.5:0.5}" in text
    assert "$CATEGORY: cong-khai-tthc" in text
    assert "// meta: difficulty=hard; audience=citizen; legal=Nghị định 61/2018/NĐ-CP, " in text
    assert "Chọn tất cả đáp án đúng\\: \\{kênh\\} \\~ \\= \\# \\\\" in text
    # Positive weights add up to 100 once Moodle rounds the total to two decimals.
    assert round(3 * 33.33333 / 100, 2) == 1.0


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_writing_nothing_gives_a_file_without_questions(fmt):
    result = write([], fmt)
    assert result.skipped == []
    assert parse(result.content, fmt).questions == []


def test_row_number_column_is_ignored_and_unknown_columns_are_refused():
    rows = [["STT", *VI_HEADER], ["1", "", "", "Câu hỏi", "Một", "Hai", "B"]]
    result = parse(csv_bytes(rows), "csv")
    assert result.ok and result.questions[0].choices[1].is_correct
    with override("en"):
        result = parse(
            csv_bytes([[*VI_HEADER, "Ghi chú"], ["", "", "Câu", "a", "b", "A", "x"]]), "csv"
        )
    assert result.questions == []
    assert "Unknown column(s) in the header row: “Ghi chú”" in result.errors[0]


def test_xlsx_questions_sheet_is_found_even_when_not_first():
    workbook = openpyxl.load_workbook(io.BytesIO(template("xlsx")))
    assert workbook.sheetnames == ["Câu hỏi", "Hướng dẫn"]
    workbook.move_sheet("Hướng dẫn", offset=-1)
    workbook.active = 0
    out = io.BytesIO()
    workbook.save(out)
    result = parse(out.getvalue(), "xlsx")
    assert result.ok
    assert [q.ref for q in result.questions] == ["row 2", "row 3"]
