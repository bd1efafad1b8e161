"""Business rules of the question bank: content validation, duplicates, review workflow."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils.translation import override

from quizbank.models import Choice, Question, QuestionEvent, QuestionVersion
from quizbank.services import (
    QuestionInvalid,
    QuizbankError,
    question_create,
    question_data_clean,
    question_data_errors,
    questions_import,
    questions_transition,
)

pytestmark = pytest.mark.django_db


def _rows() -> tuple[int, int, int]:
    return Question.objects.count(), QuestionVersion.objects.count(), Choice.objects.count()


def _refused(data, topic, olga) -> list[str]:
    """Create through the service, expect a refusal, and check nothing was stored."""
    before = _rows()
    with override("en"), pytest.raises(QuestionInvalid) as caught:
        question_create(data=data, topic=topic, author=olga)
    assert _rows() == before
    assert caught.value.errors, "a refusal must say why"
    return caught.value.errors


# --- validation -------------------------------------------------------------------------


def test_valid_single_choice_question_is_saved_as_a_draft_with_its_first_version(
    topic, olga, make_parsed
):
    question = question_create(data=make_parsed(), topic=topic, author=olga)

    assert question.status == "draft"
    version = question.current_version
    assert version.number == 1
    assert [c.text for c in version.choices.all()][0].startswith("Nâng cao chất lượng")
    assert [c.is_correct for c in version.choices.all()] == [True, False, False, False]
    assert question.events.get().action == QuestionEvent.Action.CREATED


def test_empty_question_text_is_refused(topic, olga, make_parsed):
    errors = _refused(make_parsed("   \n  "), topic, olga)
    assert "The question text is empty." in errors


def test_question_without_a_correct_choice_is_refused(topic, olga, make_parsed):
    errors = _refused(make_parsed(correct=()), topic, olga)
    assert "No choice is marked correct." in errors


def test_single_choice_question_with_two_correct_choices_is_refused(topic, olga, make_parsed):
    errors = _refused(make_parsed(correct=(0, 2)), topic, olga)
    assert "A single-choice question has exactly one correct choice." in errors


def test_multiple_choice_question_may_have_several_correct_choices(topic, olga, make_parsed):
    question = question_create(
        data=make_parsed(kind="multiple", correct=(0, 2)), topic=topic, author=olga
    )
    assert [c.is_correct for c in question.current_version.choices.all()] == [
        True,
        False,
        True,
        False,
    ]


def test_question_with_only_one_choice_is_refused(topic, olga, make_parsed):
    errors = _refused(make_parsed(choices=["Chỉ một phương án"]), topic, olga)
    assert "A question needs at least 2 choices." in errors


def test_question_with_nine_choices_is_refused(topic, olga, make_parsed):
    nine = [f"Phương án số {i}" for i in range(1, 10)]
    errors = _refused(make_parsed(choices=nine), topic, olga)
    assert "A question has at most 8 choices; this one has 9." in errors


def test_question_with_eight_choices_is_accepted(topic, olga, make_parsed):
    eight = [f"Phương án số {i}" for i in range(1, 9)]
    question = question_create(data=make_parsed(choices=eight), topic=topic, author=olga)
    assert question.current_version.choices.count() == 8


def test_a_megabyte_of_question_text_is_refused_with_the_limit(topic, olga, make_parsed):
    errors = _refused(make_parsed("Câu hỏi rất dài. " * 62_000), topic, olga)
    assert any("the limit is 2000" in e for e in errors), errors


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "Đây là <b>x</b> in đậm?", "Xem <img src=x onerror=alert(1)>"],
)
def test_html_or_script_in_the_question_text_is_refused(topic, olga, make_parsed, text):
    errors = _refused(make_parsed(text), topic, olga)
    assert any(e.startswith("The question text contains HTML or a script tag") for e in errors)


@pytest.mark.parametrize("choice", ["<script>alert(1)</script>", "<b>x</b>"])
def test_html_or_script_in_a_choice_is_refused_and_names_the_choice(
    topic, olga, make_parsed, choice
):
    choices = ["Phương án đúng", choice, "Phương án khác"]
    errors = _refused(make_parsed(choices=choices), topic, olga)
    assert any(e.startswith("Choice B contains HTML or a script tag") for e in errors), errors


def test_html_in_the_explanation_is_refused(topic, olga, make_parsed):
    errors = _refused(make_parsed(explanation="<a href='x'>xem</a>"), topic, olga)
    assert any(e.startswith("The explanation contains HTML") for e in errors)


def test_less_than_sign_in_text_is_not_html_and_is_accepted(topic, olga, make_parsed):
    question = question_create(
        data=make_parsed("Nếu thời hạn x < 5 ngày làm việc thì sao?", choices=["a < b", "b > a"]),
        topic=topic,
        author=olga,
    )
    assert question.current_version.text == "Nếu thời hạn x < 5 ngày làm việc thì sao?"
    assert [c.text for c in question.current_version.choices.all()] == ["a < b", "b > a"]


def test_numeric_question_without_its_number_is_refused(topic, olga, make_parsed):
    data = make_parsed("Bao nhiêu thủ tục đã được cắt giảm?", kind="numeric", choices=())
    errors = _refused(data, topic, olga)
    assert "A numeric question needs the correct number." in errors


def test_numeric_question_with_its_number_is_saved(topic, olga, make_parsed):
    data = make_parsed(
        "Bao nhiêu thủ tục đã được cắt giảm?",
        kind="numeric",
        choices=(),
        numeric_answer=Decimal("120"),
        numeric_tolerance=Decimal("5"),
    )
    version = question_create(data=data, topic=topic, author=olga).current_version
    assert (version.numeric_answer, version.numeric_tolerance) == (Decimal("120"), Decimal("5"))
    assert version.choices.count() == 0


def test_two_identical_choices_are_refused(topic, olga, make_parsed):
    errors = _refused(make_parsed(choices=["Một cửa", "MỘT CỬA!", "Liên thông"]), topic, olga)
    assert "Choice B repeats another choice." in errors


def test_every_broken_rule_is_reported_at_once(topic, olga, make_parsed):
    errors = _refused(make_parsed("", choices=["<b>x</b>"], correct=()), topic, olga)
    assert "The question text is empty." in errors
    assert "A question needs at least 2 choices." in errors
    assert "No choice is marked correct." in errors


def test_question_data_errors_is_empty_for_valid_data(make_parsed):
    assert question_data_errors(question_data_clean(make_parsed())) == []


def test_true_false_question_gets_true_and_false_choices_when_none_given(topic, olga, make_parsed):
    data = make_parsed("Người dân được nộp hồ sơ trực tuyến.", kind="true_false", choices=())
    data = question_data_clean(data)
    assert len(data.choices) == 2
    assert [c.is_correct for c in data.choices] == [True, False]


def test_vietnamese_text_is_stored_in_composed_form(topic, olga, make_parsed):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Thủ tục hành chính là gì?")
    question = question_create(data=make_parsed(decomposed), topic=topic, author=olga)
    assert question.current_version.text == "Thủ tục hành chính là gì?"


# --- duplicates -------------------------------------------------------------------------


def test_question_differing_only_in_case_spaces_diacritics_and_punctuation_is_flagged(
    topic, olga, make_parsed
):
    first = question_create(
        data=make_parsed("Cải cách hành chính là gì?"), topic=topic, author=olga
    )
    second = question_create(
        data=make_parsed("cai cach  HANH CHINH la gi"), topic=topic, author=olga
    )

    assert first.duplicate_of is None
    assert second.duplicate_of == first
    assert Question.objects.count() == 2  # flagged, not refused


def test_different_question_is_not_flagged_as_duplicate(topic, olga, make_parsed):
    question_create(data=make_parsed("Cải cách hành chính là gì?"), topic=topic, author=olga)
    other = question_create(
        data=make_parsed("Cải cách tài chính công là gì?"), topic=topic, author=olga
    )
    assert other.duplicate_of is None


def test_retired_question_does_not_count_as_duplicate(topic, olga, make_parsed):
    old = question_create(data=make_parsed("Cải cách hành chính là gì?"), topic=topic, author=olga)
    questions_transition(questions=[old], action="retire", actor=olga)

    new = question_create(data=make_parsed("Cải cách hành chính là gì?"), topic=topic, author=olga)
    assert new.duplicate_of is None


def test_import_reports_duplicates_of_the_bank_and_within_the_file(topic, olga, make_parsed):
    existing = question_create(
        data=make_parsed("Cải cách hành chính là gì?"), topic=topic, author=olga
    )
    parsed = [
        make_parsed("cai cach  HANH CHINH la gi", ref="row 2"),
        make_parsed("Một cửa liên thông là gì?", ref="row 3"),
        make_parsed("MỘT CỬA LIÊN THÔNG LÀ GÌ", ref="row 4"),
    ]

    report = questions_import(parsed=parsed, default_topic=topic, author=olga)

    assert ("row 2", f"#{existing.pk}") in report.duplicates
    assert ("row 4", "row 3") in report.duplicates
    assert len(report.created) == 3
    flagged = Question.objects.get(pk=report.created[0])
    assert flagged.duplicate_of == existing


# --- review workflow --------------------------------------------------------------------


def test_question_goes_from_draft_to_review_to_approved_to_retired(topic, olga, make_parsed):
    question = question_create(data=make_parsed(), topic=topic, author=olga)
    assert question.status == "draft"

    for action, status in [
        ("submit", "in_review"),
        ("approve", "approved"),
        ("retire", "retired"),
    ]:
        assert questions_transition(questions=[question], action=action, actor=olga) == (1, 0)
        question.refresh_from_db()
        assert question.status == status

    actions = list(question.events.order_by("pk").values_list("action", "actor"))
    assert actions == [
        ("created", olga.pk),
        ("submitted", olga.pk),
        ("approved", olga.pk),
        ("retired", olga.pk),
    ]


def test_action_not_allowed_from_the_current_status_is_skipped_without_change(
    topic, olga, make_parsed
):
    question = question_create(data=make_parsed(), topic=topic, author=olga, status="approved")

    assert questions_transition(questions=[question], action="submit", actor=olga) == (0, 1)

    question.refresh_from_db()
    assert question.status == "approved"
    assert not question.events.filter(action="submitted").exists()


def test_returned_question_goes_back_to_draft_with_the_reviewers_comment(topic, olga, make_parsed):
    question = question_create(data=make_parsed(), topic=topic, author=olga)
    questions_transition(questions=[question], action="submit", actor=olga)

    questions_transition(
        questions=[question], action="return", actor=olga, comment="Sửa lại phương án C"
    )

    question.refresh_from_db()
    assert question.status == "draft"
    event = question.events.get(action="returned")
    assert event.comment == "Sửa lại phương án C"


def test_unknown_review_action_is_refused(topic, olga, make_parsed):
    question = question_create(data=make_parsed(), topic=topic, author=olga)
    with override("en"), pytest.raises(QuizbankError) as caught:
        questions_transition(questions=[question], action="publish", actor=olga)
    assert caught.value.message == "Unknown action."
    question.refresh_from_db()
    assert question.status == "draft"
