"""Versions: an attempt keeps exactly the question it was shown, and is graded by that key."""

from __future__ import annotations

import pytest
from django.urls import reverse

from contest.models import AttemptItem
from quizbank.models import Question, QuestionEvent, QuestionVersion
from quizbank.services import grade_response, question_update, questions_transition

pytestmark = pytest.mark.django_db

OLD_TEXT = "Cơ chế một cửa được quy định tại văn bản nào?"
OLD_CHOICES = ["Nghị định 61/2018/NĐ-CP", "Nghị định 63/2010/NĐ-CP", "Nghị quyết 30c/NQ-CP"]
NEW_TEXT = "Cơ chế một cửa, một cửa liên thông hiện được quy định tại văn bản nào?"
NEW_CHOICES = ["Nghị định 61/2018/NĐ-CP", "Nghị định 107/2021/NĐ-CP", "Nghị quyết 30c/NQ-CP"]


@pytest.fixture
def question(make_question, olga):
    return make_question(OLD_TEXT, choices=OLD_CHOICES, correct=(0,), author=olga)


def _edit(question, make_parsed, olga, **overrides):
    fields = {"text": NEW_TEXT, "choices": NEW_CHOICES, "correct": (1,)}
    fields.update(overrides)
    text = fields.pop("text")
    return question_update(
        question=question, data=make_parsed(text, **fields), topic=question.topic, actor=olga
    )


def _key(version: QuestionVersion) -> list[tuple[str, bool]]:
    return [(c.text, c.is_correct) for c in version.choices.order_by("order")]


def test_editing_an_unused_question_changes_it_in_place(question, make_parsed, olga):
    first = question.current_version

    question = _edit(question, make_parsed, olga)

    assert question.versions.count() == 1
    assert question.current_version.pk == first.pk
    assert question.current_version.text == NEW_TEXT
    assert _key(question.current_version) == [
        ("Nghị định 61/2018/NĐ-CP", False),
        ("Nghị định 107/2021/NĐ-CP", True),
        ("Nghị quyết 30c/NQ-CP", False),
    ]
    assert question.events.filter(action=QuestionEvent.Action.EDITED, actor=olga).exists()


def test_editing_a_question_an_attempt_used_creates_version_two_and_keeps_version_one(
    question, make_parsed, olga, make_attempt
):
    first = question.current_version
    make_attempt([(first, [first.choices.get(order=0).pk])])

    question = _edit(question, make_parsed, olga)

    assert question.versions.count() == 2
    current = question.current_version
    assert current.number == 2
    assert current.text == NEW_TEXT
    first.refresh_from_db()
    assert first.text == OLD_TEXT
    assert _key(first) == [
        ("Nghị định 61/2018/NĐ-CP", True),
        ("Nghị định 63/2010/NĐ-CP", False),
        ("Nghị quyết 30c/NQ-CP", False),
    ]
    assert _key(current) == [
        ("Nghị định 61/2018/NĐ-CP", False),
        ("Nghị định 107/2021/NĐ-CP", True),
        ("Nghị quyết 30c/NQ-CP", False),
    ]
    event = question.events.get(action=QuestionEvent.Action.NEW_VERSION)
    assert (event.actor, event.version_number) == (olga, 2)


def test_the_attempt_still_points_at_the_version_it_showed(
    question, make_parsed, olga, make_attempt
):
    first = question.current_version
    attempt = make_attempt([(first, [first.choices.get(order=0).pk])])

    _edit(question, make_parsed, olga)

    item = AttemptItem.objects.get(attempt=attempt)
    assert item.version_id == first.pk
    assert item.version.text == OLD_TEXT
    assert item.choice_order == [c.pk for c in first.choices.all()]


def test_attempt_made_before_an_edit_is_graded_by_the_old_key(
    question, make_parsed, olga, make_attempt
):
    first = question.current_version
    old_right = first.choices.get(order=0).pk
    old_wrong = first.choices.get(order=1).pk
    attempt = make_attempt([(first, [old_right])])

    question = _edit(question, make_parsed, olga)  # the key moves from A to B
    second = question.current_version

    item = AttemptItem.objects.select_related("version").get(attempt=attempt)
    assert grade_response(version=item.version, selected=item.selected) is True
    assert grade_response(version=first, selected=[old_right]) is True
    assert grade_response(version=first, selected=[old_wrong]) is False
    assert grade_response(version=second, selected=[second.choices.get(order=1).pk]) is True
    assert grade_response(version=second, selected=[second.choices.get(order=0).pk]) is False


def test_multiple_choice_is_right_only_with_exactly_the_correct_set(make_question):
    question = make_question(
        "Những kênh nào dùng để nộp hồ sơ?",
        kind="multiple",
        choices=["Trực tiếp", "Bưu chính", "Mạng xã hội", "Trực tuyến"],
        correct=(0, 1, 3),
    )
    version = question.current_version
    ids = [c.pk for c in version.choices.order_by("order")]

    assert grade_response(version=version, selected=[ids[3], ids[0], ids[1]]) is True
    assert grade_response(version=version, selected=[ids[0], ids[1]]) is False
    assert grade_response(version=version, selected=ids) is False
    assert grade_response(version=version, selected=[]) is False


def test_second_edit_of_an_unused_new_version_edits_it_in_place(
    question, make_parsed, olga, make_attempt
):
    first = question.current_version
    make_attempt([(first, [first.choices.get(order=0).pk])])
    question = _edit(question, make_parsed, olga)

    question = _edit(question, make_parsed, olga, text=NEW_TEXT + " (sửa lần 2)")

    assert question.versions.count() == 2
    assert question.current_version.text == NEW_TEXT + " (sửa lần 2)"


def test_question_detail_page_shows_the_version_history(
    question, make_parsed, olga, make_attempt, olga_client
):
    first = question.current_version
    make_attempt([(first, [first.choices.get(order=0).pk])])
    _edit(question, make_parsed, olga)

    page = olga_client.get(reverse("quizbank-question-detail", args=[question.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Version 2" in html and "Version 1" in html
    assert html.index("Version 2") < html.index("Version 1")  # newest first
    assert NEW_TEXT in html and OLD_TEXT in html
    assert "Nghị định 63/2010/NĐ-CP" in html  # version 1's choice is still shown
    assert "used in attempts" in html
    assert "new version (v2)" in html


def test_edit_page_warns_that_saving_a_used_question_creates_a_new_version(
    question, make_attempt, olga_client
):
    first = question.current_version
    make_attempt([(first, [first.choices.get(order=0).pk])])

    page = olga_client.get(reverse("quizbank-question-edit", args=[question.pk]))

    assert "Saving creates a new version" in page.content.decode()


def test_editing_through_the_page_after_an_attempt_saves_version_two(
    question, make_attempt, olga_client
):
    first = question.current_version
    make_attempt([(first, [first.choices.get(order=0).pk])])
    form = {
        "topic": question.topic_id,
        "kind": "single",
        "difficulty": "medium",
        "audience": "both",
        "text": NEW_TEXT,
        "choice_0": NEW_CHOICES[0],
        "choice_1": NEW_CHOICES[1],
        "choice_2": NEW_CHOICES[2],
        "correct_1": "on",
    }

    page = olga_client.post(
        reverse("quizbank-question-edit", args=[question.pk]), form, follow=True
    )

    assert "Saved as version 2." in page.content.decode()
    first.refresh_from_db()
    assert first.text == OLD_TEXT
    assert Question.objects.get(pk=question.pk).current_version.number == 2


def test_retired_question_stays_with_its_versions_and_attempts(
    question, make_parsed, olga, make_attempt, olga_client
):
    first = question.current_version
    attempt = make_attempt([(first, [first.choices.get(order=0).pk])])
    _edit(question, make_parsed, olga)

    questions_transition(questions=[question], action="retire", actor=olga)

    question.refresh_from_db()
    assert question.status == "retired"
    assert question.versions.count() == 2
    assert AttemptItem.objects.get(attempt=attempt).version_id == first.pk
    listing = olga_client.get(reverse("quizbank-question-list"), {"status": "retired"})
    assert NEW_TEXT in listing.content.decode()
    detail = olga_client.get(reverse("quizbank-question-detail", args=[question.pk]))
    assert detail.status_code == 200
    assert OLD_TEXT in detail.content.decode()


def test_changing_only_difficulty_and_tags_of_a_used_question_keeps_its_version(
    question, make_parsed, olga, make_attempt
):
    first = question.current_version
    make_attempt([(first, [first.choices.get(order=0).pk])])

    question = question_update(
        question=question,
        data=make_parsed(
            OLD_TEXT, choices=OLD_CHOICES, correct=(0,), difficulty="hard", tags=["một cửa"]
        ),
        topic=question.topic,
        actor=olga,
    )

    assert question.versions.count() == 1
    assert question.current_version.pk == first.pk
    assert question.difficulty == "hard"
    assert list(question.tags.values_list("name", flat=True)) == ["một cửa"]
