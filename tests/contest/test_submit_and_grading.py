"""Submitting grades once, by the exact question versions the attempt showed."""

from __future__ import annotations

import pytest

from contest.models import Attempt, AttemptItem, ScoreChange
from quizbank.formats.base import ParsedChoice, ParsedQuestion
from quizbank.models import QuestionVersion
from quizbank.services import question_update
from tests.contest.conftest import items_of


@pytest.fixture
def started(round_open, phuong, api_for):
    api = api_for(phuong)
    return api, api.start(round_open).json()


def answer(api, attempt_id, item, *, right):
    key = sorted(item.version.correct_choice_ids())
    chosen = key if right else [c for c in item.choice_order if c not in key][:1]
    response = api.answer(attempt_id, item.position, {"selected": chosen})
    assert response.status_code == 200, response.content


@pytest.mark.django_db
def test_the_score_counts_the_right_answers(started):
    api, state = started
    items = items_of(state["id"])
    for item in items[:3]:
        answer(api, state["id"], item, right=True)
    answer(api, state["id"], items[3], right=False)  # and the last one left blank

    result = api.submit(state["id"]).json()

    assert result["status"] == "submitted"
    assert result["score"] == 3
    assert result["correct_count"] == 3
    assert result["question_count"] == 5
    verdicts = list(
        AttemptItem.objects.filter(attempt_id=state["id"])
        .order_by("position")
        .values_list("is_correct", flat=True)
    )
    assert verdicts == [True, True, True, False, False]


@pytest.mark.django_db
def test_a_multiple_choice_answer_is_right_only_with_exactly_the_correct_set(
    make_round, bank, phuong, api_for
):
    round = make_round(blueprint=[("hard", 10)])
    api = api_for(phuong)
    state = api.start(round).json()
    multiples = [i for i in items_of(state["id"]) if i.version.kind == "multiple"]
    full, partial, extra = multiples[:3]
    key = sorted(full.version.correct_choice_ids())
    api.answer(state["id"], full.position, {"selected": key})
    api.answer(
        state["id"],
        partial.position,
        {"selected": sorted(partial.version.correct_choice_ids())[:1]},
    )
    api.answer(state["id"], extra.position, {"selected": extra.choice_order})

    api.submit(state["id"])

    graded = {i.position: i.is_correct for i in items_of(state["id"])}
    assert graded[full.position] is True
    assert graded[partial.position] is False
    assert graded[extra.position] is False


@pytest.mark.django_db
def test_submitting_twice_gives_the_same_result_and_logs_the_score_once(started):
    api, state = started
    answer(api, state["id"], items_of(state["id"])[0], right=True)

    first = api.submit(state["id"])
    second = api.submit(state["id"])

    assert first.status_code == second.status_code == 200
    assert first.json() == second.json() == api.result(state["id"]).json()
    change = ScoreChange.objects.get(attempt_id=state["id"])
    assert change.reason == "graded at submit"
    assert change.old_score is None
    assert change.new_score == 1
    assert change.changed_by is None


@pytest.mark.django_db
def test_answers_cannot_change_after_submitting(started):
    api, state = started
    item = items_of(state["id"])[0]
    api.submit(state["id"])

    response = api.answer(state["id"], 0, {"selected": sorted(item.version.correct_choice_ids())})

    assert response.status_code == 409
    assert response.json()["code"] == "finished"
    assert Attempt.objects.get(pk=state["id"]).score == 0
    assert AttemptItem.objects.get(pk=item.pk).selected == []


@pytest.mark.django_db
def test_the_attempt_page_after_submitting_goes_to_the_result_page_with_the_score(started):
    api, state = started
    for item in items_of(state["id"]):
        answer(api, state["id"], item, right=True)
    api.submit(state["id"])

    page = api.client.get(f"/attempts/{state['id']}/", follow=True)

    assert page.redirect_chain == [(f"/attempts/{state['id']}/result/", 302)]
    assert b'<p class="big-score"><span>5</span>/5</p>' in page.content


def flipped(version, *, text):
    """The same question with new wording and another choice marked correct."""
    choices = list(version.choices.order_by("order"))
    right = next(i for i, c in enumerate(choices) if c.is_correct)
    new_right = (right + 1) % len(choices)
    return ParsedQuestion(
        ref="edit",
        kind=version.kind,
        text=text,
        choices=[ParsedChoice(c.text, i == new_right) for i, c in enumerate(choices)],
        difficulty="easy",
        audience="both",
        explanation="Đã sửa đáp án.",
    )


@pytest.mark.django_db
def test_an_edit_after_the_start_makes_a_new_version_and_the_attempt_keeps_and_is_graded_by_the_old(
    started, olga
):
    api, state = started
    item = next(i for i in items_of(state["id"]) if i.version.kind in {"single", "true_false"})
    shown = item.version
    old_text = shown.text
    old_key = sorted(shown.correct_choice_ids())
    question = shown.question

    question_update(
        question=question,
        data=flipped(shown, text="Nội dung đã sửa sau khi thi bắt đầu?"),
        topic=question.topic,
        actor=olga,
    )

    question.refresh_from_db()
    assert question.current_version_id != shown.pk
    assert question.current_version.number == shown.number + 1
    shown.refresh_from_db()
    assert shown.text == old_text
    assert sorted(shown.correct_choice_ids()) == old_key
    on_screen = api.state(state["id"]).json()["questions"][item.position]
    assert on_screen["text"] == old_text
    assert [c["id"] for c in on_screen["choices"]] == item.choice_order

    answer(api, state["id"], item, right=True)
    api.submit(state["id"])

    item.refresh_from_db()
    assert item.version_id == shown.pk
    assert item.is_correct is True
    assert Attempt.objects.get(pk=state["id"]).correct_count == 1


@pytest.mark.django_db
def test_an_edit_of_a_never_drawn_question_changes_it_in_place(started, bank, olga):
    _, state = started
    drawn = {i.version_id for i in items_of(state["id"])}
    unused = next(q for q in bank if q.current_version_id not in drawn)
    version = unused.current_version

    question_update(
        question=unused,
        data=flipped(version, text="Sửa câu chưa ai thi?"),
        topic=unused.topic,
        actor=olga,
    )

    unused.refresh_from_db()
    assert unused.current_version_id == version.pk
    assert QuestionVersion.objects.filter(question=unused).count() == 1
