"""Importing and exporting the bank: the upload pages, the commands, and round trips."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from quizbank import formats
from quizbank.formats.base import ParsedChoice, ParsedQuestion
from quizbank.models import Question, QuestionEvent
from quizbank.services import question_create

pytestmark = pytest.mark.django_db

EXTENSION = {"xlsx": "xlsx", "csv": "csv", "aiken": "txt", "gift": "gift"}
ALL_FORMATS = ["xlsx", "csv", "aiken", "gift"]


def good_questions() -> list[ParsedQuestion]:
    """Five valid single-choice questions (every format carries them), full of Vietnamese."""
    texts = [
        "Thủ tục hành chính được công khai ở đâu?",
        "Cơ quan nào chủ trì cải cách hành chính ở tỉnh?",
        "Người dân nộp hồ sơ trực tuyến qua cổng nào?",
        "Thời hạn giải quyết hồ sơ được tính từ khi nào?",
        "Đường dây nóng tiếp nhận phản ánh của ai?",
    ]
    return [
        ParsedQuestion(
            ref=f"#{i}",
            kind="single",
            text=text,
            choices=[
                ParsedChoice(f"Phương án đúng số {i}: Ủy ban nhân dân tỉnh", True),
                ParsedChoice(f"Phương án sai số {i}: Sở Tư pháp", False),
                ParsedChoice(f"Phương án sai khác {i}: Bộ phận Một cửa", False),
            ],
        )
        for i, text in enumerate(texts, start=1)
    ]


def bad_question() -> ParsedQuestion:
    return ParsedQuestion(
        ref="#6",
        kind="single",
        text="Câu hỏi có <script>alert(1)</script> bên trong?",
        choices=[ParsedChoice("Có", True), ParsedChoice("Không", False)],
    )


def file_bytes(questions: list[ParsedQuestion], fmt: str) -> bytes:
    result = formats.write(questions, fmt)
    assert not result.skipped, result.skipped
    return result.content


def write_file(tmp_path, questions, fmt, name="bank") -> str:
    path = tmp_path / f"{name}.{EXTENSION[fmt]}"
    path.write_bytes(file_bytes(questions, fmt))
    return str(path)


def to_windows_1258(text: str) -> bytes:
    """Encode as Excel's "CSV" does on a Vietnamese Windows: cp1258, tones as combining marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        # "ộ" is "ô" + a combining dot; "ủ" is "u" + a combining hook.
        spellings = [(base + mark, marks[:i] + marks[i + 1 :]) for i, mark in enumerate(marks)]
        for shape, rest in [*spellings, (base, marks)]:
            try:
                encoded = unicodedata.normalize("NFC", shape).encode("cp1258")
                encoded += "".join(rest).encode("cp1258")
            except UnicodeEncodeError:
                continue
            out += encoded
            break
        else:
            raise UnicodeEncodeError("cp1258", ch, 0, 1, "no Windows-1258 spelling")
    return out


# --- the import page -------------------------------------------------------------------


def _upload(client, content: bytes, name: str, topic=None, status="draft", fmt=""):
    return client.post(
        reverse("quizbank-import"),
        {
            "stage": "upload",
            "file": SimpleUploadedFile(name, content),
            "format": fmt,
            "topic": topic.pk if topic else "",
            "status": status,
        },
    )


def _token(page) -> str:
    match = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    assert match, "the preview has a confirm form"
    return match.group(1)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_uploaded_file_is_previewed_and_nothing_is_saved_yet(olga_client, topic, fmt):
    content = file_bytes(good_questions()[:2], fmt)

    page = _upload(olga_client, content, f"ngan-hang.{fmt}", topic)

    html = page.content.decode()
    assert page.status_code == 200
    assert "Ready to import 2 questions" in html
    assert "Thủ tục hành chính được công khai ở đâu?" in html
    assert "Cơ quan nào chủ trì cải cách hành chính ở tỉnh?" in html
    assert "row 2" in html and "row 3" in html
    assert "Confirm the import" in html
    assert Question.objects.count() == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_confirming_the_preview_imports_the_questions(olga_client, olga, topic, fmt):
    page = _upload(olga_client, file_bytes(good_questions(), fmt), f"bank.{fmt}", topic, "approved")

    done = olga_client.post(
        reverse("quizbank-import"), {"stage": "confirm", "token": _token(page)}, follow=True
    )

    assert done.redirect_chain[-1][0] == reverse("quizbank-question-list")
    assert f"5 question(s) imported from bank.{fmt}." in done.content.decode()
    assert Question.objects.count() == 5
    assert set(Question.objects.values_list("status", "topic", "author")) == {
        ("approved", topic.pk, olga.pk)
    }
    assert QuestionEvent.objects.filter(action="imported", actor=olga).count() == 5
    texts = set(Question.objects.values_list("current_version__text", flat=True))
    assert texts == {q.text for q in good_questions()}


def test_confirming_twice_does_not_import_twice(olga_client, topic):
    page = _upload(olga_client, file_bytes(good_questions(), "csv"), "bank.csv", topic)
    token = _token(page)
    url = reverse("quizbank-import")

    olga_client.post(url, {"stage": "confirm", "token": token})
    again = olga_client.post(url, {"stage": "confirm", "token": token}, follow=True)

    assert "This import has expired or was already done." in again.content.decode()
    assert Question.objects.count() == 5


def test_double_click_on_confirm_imports_once(olga_client, topic, monkeypatch):
    """The second click arrives while the first is still importing."""
    from quizbank import views

    page = _upload(olga_client, file_bytes(good_questions(), "csv"), "bank.csv", topic)
    confirm = {"stage": "confirm", "token": _token(page)}
    real_import = views.questions_import
    clicks: list = []

    def import_while_clicked_again(**kwargs):
        if not clicks:
            clicks.append("second")
            clicks.append(olga_client.post(reverse("quizbank-import"), confirm, follow=True))
        return real_import(**kwargs)

    monkeypatch.setattr(views, "questions_import", import_while_clicked_again)
    olga_client.post(reverse("quizbank-import"), confirm)

    assert Question.objects.count() == 5
    assert "This import has expired or was already done." in clicks[1].content.decode()


def test_confirming_with_a_made_up_token_imports_nothing(olga_client, topic):
    _upload(olga_client, file_bytes(good_questions(), "csv"), "bank.csv", topic)

    page = olga_client.post(
        reverse("quizbank-import"), {"stage": "confirm", "token": "guess"}, follow=True
    )

    assert "This import has expired or was already done." in page.content.decode()
    assert Question.objects.count() == 0


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_file_with_one_bad_row_shows_the_row_and_reason_and_imports_nothing(
    olga_client, topic, fmt
):
    no_answer = ParsedQuestion(
        ref="#x",
        kind="single",
        text="Câu hỏi này quên đánh dấu đáp án đúng?",
        choices=[ParsedChoice("Một", False), ParsedChoice("Hai", False)],
    )
    questions = good_questions()[:2] + [no_answer] + good_questions()[2:]

    page = _upload(olga_client, formats.write(questions, fmt).content, f"bank.{fmt}", topic)

    html = page.content.decode()
    assert "Nothing was imported" in html
    assert "row 4: The correct answer (“Đáp án đúng”) is empty." in html
    assert "Confirm the import" not in html
    assert 'name="token"' not in html
    assert Question.objects.count() == 0


def test_content_rules_are_checked_before_anything_is_imported(olga_client, topic):
    questions = good_questions() + [bad_question()]

    page = _upload(olga_client, file_bytes(questions, "csv"), "bank.csv", topic)

    html = page.content.decode()
    assert "Nothing was imported" in html
    assert "row 7: The question text contains HTML or a script tag" in html
    assert "<script>alert(1)</script>" not in html
    assert Question.objects.count() == 0


def test_file_without_a_topic_needs_one_chosen_for_the_import(olga_client, db):
    page = _upload(olga_client, file_bytes(good_questions()[:1], "csv"), "bank.csv")
    assert "row 2: No topic: give one in the file or choose one for the import." in (
        page.content.decode()
    )
    assert Question.objects.count() == 0


def test_import_preview_lists_possible_duplicates(olga_client, topic, make_question):
    existing = make_question("Thủ tục hành chính được công khai ở đâu?")
    copy = good_questions()[0]
    copy.text = "THU TUC HANH CHINH DUOC CONG KHAI O DAU"

    page = _upload(olga_client, file_bytes([copy], "csv"), "bank.csv", topic)

    html = page.content.decode()
    assert "Possible duplicates" in html
    assert f"row 2 ≈ #{existing.pk}" in html


def test_file_over_five_megabytes_is_refused(olga_client, topic):
    content = file_bytes(good_questions(), "csv")
    content += b"\n" * (5 * 1024 * 1024 + 1 - len(content))

    page = _upload(olga_client, content, "bank.csv", topic)

    assert "The file is larger than 5 MB." in page.content.decode()
    assert Question.objects.count() == 0


def test_row_with_nine_choices_is_refused_by_the_content_rules(tmp_path, topic):
    nine = good_questions()[0]
    nine.choices += [ParsedChoice(f"Phương án thêm {i}", False) for i in range(6)]
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command(
            "import_questions",
            write_file(tmp_path, [nine], "xlsx"),
            "--topic",
            topic.slug,
            stdout=io.StringIO(),
            stderr=err,
        )

    assert "row 2: A question has at most 8 choices; this one has 9." in err.getvalue()
    assert Question.objects.count() == 0


def test_file_of_unknown_type_asks_for_the_format(olga_client, topic):
    page = _upload(olga_client, b"whatever", "bank.pdf", topic)
    assert "Cannot tell the format from the file name; choose one." in page.content.decode()
    assert Question.objects.count() == 0


def test_non_utf8_csv_upload_is_refused_with_excel_advice(olga_client, topic):
    text = formats.write(good_questions()[:1], "csv").content.decode("utf-8-sig")

    page = _upload(olga_client, to_windows_1258(text), "bank.csv", topic)

    html = page.content.decode()
    assert "The file is not UTF-8 text." in html
    assert "CSV UTF-8" in html
    assert Question.objects.count() == 0


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_import_template_has_the_vietnamese_headers(olga_client, fmt):
    response = olga_client.get(reverse("quizbank-import-template", args=[fmt]))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="mau-nhap-cau-hoi.{fmt}"'
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
        header = [cell.value for cell in sheet[1]]
    else:
        header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert "Nội dung câu hỏi" in header
    assert "Đáp án đúng" in header


def test_import_template_parses_back_into_two_example_questions(olga_client):
    response = olga_client.get(reverse("quizbank-import-template", args=["xlsx"]))
    result = formats.parse(response.content, "xlsx")
    assert result.ok and len(result.questions) == 2


def test_no_template_for_other_formats(olga_client):
    assert olga_client.get(reverse("quizbank-import-template", args=["gift"])).status_code == 404


# --- the import command ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_import_command_saves_approved_questions_in_each_format(tmp_path, topic, fmt):
    path = write_file(tmp_path, good_questions(), fmt)
    out = io.StringIO()

    call_command(
        "import_questions", path, "--topic", topic.slug, "--status", "approved", stdout=out
    )

    assert "5 question(s) imported." in out.getvalue()
    saved = {q.current_version.text: q for q in Question.objects.all()}
    assert set(saved) == {q.text for q in good_questions()}
    assert {q.status for q in saved.values()} == {"approved"}
    assert {q.topic for q in saved.values()} == {topic}
    first = saved["Thủ tục hành chính được công khai ở đâu?"].current_version
    assert [(c.text, c.is_correct) for c in first.choices.all()] == [
        ("Phương án đúng số 1: Ủy ban nhân dân tỉnh", True),
        ("Phương án sai số 1: Sở Tư pháp", False),
        ("Phương án sai khác 1: Bộ phận Một cửa", False),
    ]


def test_import_command_imports_drafts_by_default(tmp_path, topic):
    call_command(
        "import_questions",
        write_file(tmp_path, good_questions(), "csv"),
        "--topic",
        topic.slug,
        stdout=io.StringIO(),
    )
    assert set(Question.objects.values_list("status", flat=True)) == {"draft"}


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_import_command_dry_run_checks_and_saves_nothing(tmp_path, topic, fmt):
    out = io.StringIO()

    call_command(
        "import_questions",
        write_file(tmp_path, good_questions(), fmt),
        "--topic",
        topic.slug,
        "--dry-run",
        stdout=out,
    )

    assert "5 question(s) are valid; nothing saved (dry run)." in out.getvalue()
    assert Question.objects.count() == 0


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_import_command_with_five_good_and_one_bad_question_saves_nothing(tmp_path, topic, fmt):
    path = write_file(tmp_path, good_questions() + [bad_question()], fmt)
    err = io.StringIO()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import_questions",
            path,
            "--topic",
            topic.slug,
            "--status",
            "approved",
            stdout=io.StringIO(),
            stderr=err,
        )

    assert Question.objects.count() == 0
    bad_ref = "row 7" if fmt in ("xlsx", "csv") else "question 6"
    assert f"{bad_ref}: The question text contains HTML or a script tag" in err.getvalue()


def test_import_command_refuses_a_dry_run_of_a_bad_file_too(tmp_path, topic):
    path = write_file(tmp_path, [bad_question()], "gift")
    with pytest.raises(CommandError):
        call_command(
            "import_questions",
            path,
            "--topic",
            topic.slug,
            "--dry-run",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )


@pytest.mark.parametrize(
    ("fmt", "encode"),
    [
        ("csv", to_windows_1258),
        ("aiken", to_windows_1258),
        ("gift", lambda text: text.encode("utf-16")),
        ("csv", lambda text: text.encode("utf-16")),
    ],
)
def test_import_command_refuses_a_file_that_is_not_utf8(tmp_path, topic, fmt, encode):
    text = file_bytes(good_questions(), fmt).decode("utf-8-sig")
    path = tmp_path / f"bank.{EXTENSION[fmt]}"
    path.write_bytes(encode(text))
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command(
            "import_questions", str(path), "--topic", topic.slug, stdout=io.StringIO(), stderr=err
        )

    assert "not UTF-8" in err.getvalue()
    assert Question.objects.count() == 0


@pytest.mark.parametrize("fmt", ["csv", "aiken", "gift"])
def test_import_command_accepts_utf8_with_a_byte_order_mark(tmp_path, topic, fmt):
    body = file_bytes(good_questions(), fmt)
    if not body.startswith(b"\xef\xbb\xbf"):
        body = b"\xef\xbb\xbf" + body
    path = tmp_path / f"bank.{EXTENSION[fmt]}"
    path.write_bytes(body)

    call_command("import_questions", str(path), "--topic", topic.slug, stdout=io.StringIO())

    texts = set(Question.objects.values_list("current_version__text", flat=True))
    assert texts == {q.text for q in good_questions()}


def test_import_command_refuses_an_unknown_topic_and_a_missing_file(tmp_path, topic):
    path = write_file(tmp_path, good_questions(), "csv")
    with pytest.raises(CommandError, match="Unknown topic: khong-co"):
        call_command("import_questions", path, "--topic", "khong-co")
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_questions", str(tmp_path / "missing.csv"), "--topic", topic.slug)
    assert Question.objects.count() == 0


def test_import_command_names_duplicates(tmp_path, topic, make_question):
    existing = make_question("Thủ tục hành chính được công khai ở đâu?")
    out = io.StringIO()

    call_command(
        "import_questions",
        write_file(tmp_path, good_questions(), "csv"),
        "--topic",
        topic.slug,
        stdout=out,
    )

    assert f"row 2: possible duplicate of #{existing.pk}" in out.getvalue()
    assert Question.objects.filter(duplicate_of=existing).count() == 1


# --- export and round trips ------------------------------------------------------------


@pytest.fixture
def full_bank(topic, subtopic, olga):
    """One question of each kind, with every catalogue field filled in."""
    questions = [
        (
            topic,
            ParsedQuestion(
                ref="a",
                kind="single",
                text="Thủ tục hành chính được công khai ở đâu?\nChọn **một** đáp án.",
                choices=[
                    ParsedChoice("Tại Bộ phận Một cửa và trên Cổng Dịch vụ công", True),
                    ParsedChoice("Chỉ trong hồ sơ lưu trữ nội bộ", False),
                    ParsedChoice("Ở nhà riêng của cán bộ, công chức", False),
                ],
                difficulty="hard",
                audience="citizen",
                explanation="Theo quy định, thủ tục phải được công khai đầy đủ; xem Điều 5.",
                legal_reference="Nghị định 61/2018/NĐ-CP, Điều 5",
                tags=["tthc", "một cửa"],
            ),
        ),
        (
            subtopic,
            ParsedQuestion(
                ref="b",
                kind="multiple",
                text="Những kênh nào dùng để nộp hồ sơ? {kênh} ~ = # : ; \\",
                choices=[
                    ParsedChoice("Trực tiếp", True),
                    ParsedChoice("Bưu chính công ích", True),
                    ParsedChoice("Mạng xã hội cá nhân", False),
                    ParsedChoice("Trực tuyến: Cổng Dịch vụ công quốc gia", True),
                ],
                difficulty="easy",
                audience="civil_servant",
                explanation="Ba kênh: trực tiếp, bưu chính, trực tuyến.",
                legal_reference="Nghị định 61/2018/NĐ-CP; Điều 15 = cách nộp",
                tags=["nộp hồ sơ"],
            ),
        ),
        (
            topic,
            ParsedQuestion(
                ref="c",
                kind="true_false",
                text="Người dân được nộp hồ sơ qua dịch vụ bưu chính công ích.",
                choices=[ParsedChoice("Đúng", True), ParsedChoice("Sai", False)],
                explanation="Đúng, theo Quyết định 45/2016/QĐ-TTg.",
            ),
        ),
        (
            topic,
            ParsedQuestion(
                ref="d",
                kind="numeric",
                text="Năm 2023, tỉnh cắt giảm bao nhiêu thủ tục hành chính?",
                numeric_answer=Decimal("120.5"),
                numeric_tolerance=Decimal("2"),
                difficulty="hard",
                audience="civil_servant",
                tags=["số liệu"],
            ),
        ),
        (
            subtopic,
            ParsedQuestion(
                ref="e",
                kind="single",
                text="Ai tiếp nhận hồ sơ tại Bộ phận Một cửa cấp xã?",
                choices=[
                    ParsedChoice("Công chức Tư pháp - Hộ tịch, Địa chính…", True),
                    ParsedChoice("Trưởng thôn", False),
                ],
            ),
        ),
    ]
    for on_topic, data in questions:
        question_create(data=data, topic=on_topic, author=olga, status="approved")
    return questions


def snapshot() -> dict[str, tuple]:
    """What the bank says, keyed by question text."""
    rows = {}
    for q in Question.objects.select_related("topic", "current_version").prefetch_related(
        "tags", "current_version__choices"
    ):
        v = q.current_version
        rows[v.text] = (
            v.kind,
            tuple((c.text, c.is_correct) for c in v.choices.all()),
            v.numeric_answer,
            v.numeric_tolerance,
            q.difficulty,
            q.audience,
            v.explanation,
            v.legal_reference,
            tuple(sorted(t.name for t in q.tags.all())),
            q.topic.slug,
        )
    return rows


def empty_the_bank() -> None:
    # A question points at its current version with PROTECT; let go of it first.
    Question.objects.update(current_version=None, duplicate_of=None)
    Question.objects.all().delete()
    assert Question.objects.count() == 0


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "gift"])
def test_export_then_import_into_an_empty_bank_reproduces_it(tmp_path, full_bank, fmt):
    before = snapshot()
    path = tmp_path / f"export.{EXTENSION[fmt]}"
    out = io.StringIO()

    call_command("export_questions", "--format", fmt, "-o", str(path), stdout=out)
    assert "5 question(s) written" in out.getvalue()
    empty_the_bank()
    call_command("import_questions", str(path), "--status", "approved", stdout=io.StringIO())

    assert snapshot() == before
    assert "Những kênh nào dùng để nộp hồ sơ? {kênh} ~ = # : ; \\" in before


def test_aiken_export_round_trips_what_aiken_carries(tmp_path, full_bank, topic):
    singles = {text: row[1] for text, row in snapshot().items() if row[0] == "single"}
    path = tmp_path / "export.txt"
    err = io.StringIO()

    call_command(
        "export_questions", "--format", "aiken", "-o", str(path), stdout=io.StringIO(), stderr=err
    )
    assert "left out" in err.getvalue()  # the multiple-choice and numeric questions
    empty_the_bank()
    call_command("import_questions", str(path), "--topic", topic.slug, stdout=io.StringIO())

    after = snapshot()
    assert {text: after[text][1] for text in singles} == singles
    assert after["Người dân được nộp hồ sơ qua dịch vụ bưu chính công ích."][1] == (
        ("Đúng", True),
        ("Sai", False),
    )
    assert len(after) == 3


def test_export_command_of_one_topic_includes_its_sub_topics_only(tmp_path, full_bank, subtopic):
    path = tmp_path / "mot-cua.csv"
    call_command(
        "export_questions",
        "--format",
        "csv",
        "--topic",
        subtopic.slug,
        "-o",
        str(path),
        stdout=io.StringIO(),
    )

    result = formats.parse(path.read_bytes(), "csv")
    assert {q.text for q in result.questions} == {
        "Những kênh nào dùng để nộp hồ sơ? {kênh} ~ = # : ; \\",
        "Ai tiếp nhận hồ sơ tại Bộ phận Một cửa cấp xã?",
    }


def test_export_page_downloads_an_xlsx_attachment(olga_client, full_bank):
    response = olga_client.get(reverse("quizbank-export"), {"format": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == 'attachment; filename="ngan-hang-cau-hoi.xlsx"'
    result = formats.parse(response.content, "xlsx")
    assert result.ok
    assert len(result.questions) == 5
    assert "Thủ tục hành chính được công khai ở đâu?\nChọn **một** đáp án." in {
        q.text for q in result.questions
    }


def test_export_page_gift_of_one_topic_has_only_that_topics_questions(
    olga_client, olga, full_bank, other_topic
):
    question_create(
        data=ParsedQuestion(
            ref="f",
            text="Tự chủ tài chính là gì?",
            choices=[ParsedChoice("Tự chịu trách nhiệm", True), ParsedChoice("Bao cấp", False)],
        ),
        topic=other_topic,
        author=olga,
    )

    response = olga_client.get(
        reverse("quizbank-export"), {"format": "gift", "topic": other_topic.pk}
    )

    assert response["Content-Disposition"] == (
        f'attachment; filename="ngan-hang-cau-hoi-{other_topic.slug}.gift"'
    )
    result = formats.parse(response.content, "gift")
    assert [q.text for q in result.questions] == ["Tự chủ tài chính là gì?"]


def test_export_page_counts_questions_aiken_leaves_out(olga_client, full_bank):
    response = olga_client.get(reverse("quizbank-export"), {"format": "aiken"})
    assert response["X-Skipped-Questions"] == "2"


def test_export_page_without_a_format_shows_the_form(olga_client, full_bank):
    response = olga_client.get(reverse("quizbank-export"))
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert 'name="format"' in response.content.decode()
