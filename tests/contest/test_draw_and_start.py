"""Starting an online round: who gets which questions, in what order, until when."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from contest import services
from contest.models import Attempt, AttemptItem, BlueprintRule
from quizbank.models import Question, QuestionVersion
from quizbank.services import questions_transition
from tests.contest.conftest import items_of, make_question

CS = BlueprintRule.Audience.CIVIL_SERVANT
CIT = BlueprintRule.Audience.CITIZEN


@pytest.fixture
def audience_bank(topic, olga):
    """Hard questions of one topic: exactly four eligible for each audience, and every
    kind of question that must never be drawn."""
    made = {
        "cs_only": [
            make_question(topic, difficulty="hard", audience="civil_servant") for _ in "ab"
        ],
        "citizen_only": [make_question(topic, difficulty="hard", audience="citizen") for _ in "ab"],
        "both": [make_question(topic, difficulty="hard", audience="both") for _ in "ab"],
        "draft": [make_question(topic, difficulty="hard", status="draft") for _ in "ab"],
        "numeric": [
            make_question(topic, kind="numeric", difficulty="hard", numeric_answer="1000")
            for _ in "ab"
        ],
        "easy": [make_question(topic, difficulty="easy") for _ in "abc"],
    }
    in_review = make_question(topic, difficulty="hard", status="draft")
    questions_transition(questions=[in_review], action="submit", actor=olga)
    retired = make_question(topic, difficulty="hard")
    questions_transition(questions=[retired], action="retire", actor=olga)
    made["not_approved"] = [in_review, retired]
    return made


def version_ids(questions):
    return {q.current_version_id for q in questions}


def drawn_version_ids(attempt):
    return set(attempt.items.values_list("version_id", flat=True))


@pytest.mark.django_db
def test_each_kind_of_person_draws_by_their_own_audience_rules_from_approved_choice_questions(
    make_round, topic, audience_bank, phuong, dan
):
    round = make_round(rules=[(CS, "hard", 4, topic), (CIT, "hard", 4, topic)])
    assert services.round_blueprint_problems(round=round) == []

    servant = services.attempt_start(round=round, user=phuong)
    citizen = services.attempt_start(round=round, user=dan)

    # Four eligible questions each: their own audience's two plus the two for "both".
    assert servant.audience == CS
    assert citizen.audience == CIT
    assert drawn_version_ids(servant) == version_ids(
        audience_bank["cs_only"] + audience_bank["both"]
    )
    assert drawn_version_ids(citizen) == version_ids(
        audience_bank["citizen_only"] + audience_bank["both"]
    )
    never = version_ids(
        audience_bank["draft"] + audience_bank["numeric"] + audience_bank["not_approved"]
    )
    assert not never & (drawn_version_ids(servant) | drawn_version_ids(citizen))


@pytest.mark.django_db
def test_a_rule_the_bank_cannot_fill_is_refused_at_start_and_listed_for_the_organizer(
    make_round, topic, audience_bank, phuong
):
    # Five hard civil-servant questions are wanted; only four approved choice questions exist
    # (draft, in-review, retired and numeric ones do not count).
    round = make_round(rules=[(CS, "hard", 5, topic), (CIT, "hard", 4, topic)])

    with pytest.raises(services.ContestError) as refused:
        services.attempt_start(round=round, user=phuong)

    assert refused.value.code == "bank_too_small"
    assert Attempt.objects.count() == 0
    problems = services.round_blueprint_problems(round=round)
    assert len(problems) == 1
    assert "5" in problems[0] and "4" in problems[0]


@pytest.mark.django_db
def test_a_round_with_rules_for_civil_servants_only_has_no_questions_for_a_citizen(
    make_round, bank, dan
):
    round = make_round(rules=[(CS, "", 5, None)])

    with pytest.raises(services.ContestError) as refused:
        services.attempt_start(round=round, user=dan)

    assert refused.value.code == "no_blueprint"


@pytest.mark.django_db
def test_the_draw_follows_the_blueprint_difficulties(round_open, phuong):
    attempt = services.attempt_start(round=round_open, user=phuong)

    difficulties = sorted(
        Question.objects.filter(current_version__in=drawn_version_ids(attempt)).values_list(
            "difficulty", flat=True
        )
    )
    assert difficulties == ["easy", "easy", "hard", "medium", "medium"]
    assert attempt.question_count == 5
    assert [i.position for i in items_of(attempt.pk)] == [0, 1, 2, 3, 4]


@pytest.mark.django_db
def test_each_attempt_has_its_own_seeded_order_that_round_draw_reproduces(round_open, make_person):
    people = [make_person(f"Người thi {i}") for i in range(4)]
    attempts = [services.attempt_start(round=round_open, user=p) for p in people]

    orders = []
    for attempt in attempts:
        shown = [item.version_id for item in items_of(attempt.pk)]
        again = services.round_draw(round=round_open, audience=attempt.audience, seed=attempt.seed)
        assert shown == again
        orders.append(tuple(shown))
    assert len({a.seed for a in attempts}) == 4
    assert len(set(orders)) > 1, "four people should not all get the same questions in order"


@pytest.mark.django_db
def test_choices_are_shown_in_a_shuffled_order_of_that_version_s_own_choices(round_open, phuong):
    attempt = services.attempt_start(round=round_open, user=phuong)

    for item in items_of(attempt.pk):
        own = [c.pk for c in item.version.choices.all()]
        assert sorted(item.choice_order) == sorted(own)


@pytest.mark.django_db
def test_deadline_is_start_plus_duration(round_open, phuong):
    before = timezone.now()
    attempt = services.attempt_start(round=round_open, user=phuong)

    assert before <= attempt.started_at <= timezone.now()
    assert attempt.deadline == attempt.started_at + timedelta(minutes=10)
    assert attempt.status == Attempt.Status.IN_PROGRESS


@pytest.mark.django_db
def test_deadline_is_capped_by_the_round_close(make_round, bank, phuong):
    closes = timezone.now() + timedelta(minutes=3)
    round = make_round(closes_at=closes, duration=timedelta(minutes=10))

    attempt = services.attempt_start(round=round, user=phuong)

    assert attempt.deadline == closes


@pytest.mark.django_db
def test_starting_again_resumes_the_same_attempt_with_the_same_questions_and_deadline(
    round_open, phuong, api_for
):
    api = api_for(phuong)
    first = api.start(round_open)
    again = api.start(round_open)

    assert first.status_code == again.status_code == 200
    one, two = first.json(), again.json()
    assert one["id"] == two["id"]
    assert one["deadline"] == two["deadline"]
    assert one["started_at"] == two["started_at"]
    assert [(q["text"], q["choices"]) for q in one["questions"]] == [
        (q["text"], q["choices"]) for q in two["questions"]
    ]
    assert Attempt.objects.filter(user=phuong).count() == 1
    assert AttemptItem.objects.filter(attempt_id=one["id"]).count() == 5


@pytest.mark.django_db
def test_resuming_keeps_the_answers_already_saved(round_open, phuong, api_for):
    api = api_for(phuong)
    state = api.start(round_open).json()
    choice = state["questions"][2]["choices"][1]["id"]
    assert api.answer(state["id"], 2, {"selected": [choice]}).status_code == 200

    resumed = api.start(round_open).json()

    assert resumed["questions"][2]["selected"] == [choice]


@pytest.mark.django_db
def test_the_versions_an_attempt_shows_are_marked_used_and_no_others(round_open, phuong):
    attempt = services.attempt_start(round=round_open, user=phuong)

    used = set(QuestionVersion.objects.filter(is_used=True).values_list("pk", flat=True))
    assert used == drawn_version_ids(attempt)
    assert QuestionVersion.objects.filter(is_used=False).count() == 30 - 5


@pytest.mark.django_db
def test_the_start_json_tells_the_server_s_remaining_time(round_open, phuong, api_for):
    body = api_for(phuong).start(round_open).json()

    assert body["status"] == "in_progress"
    assert 590 <= body["remaining_seconds"] <= 600
    assert body["grace_seconds"] == 5
    assert len(body["questions"]) == 5
