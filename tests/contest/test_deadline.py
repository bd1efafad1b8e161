"""The server's clock decides: late answers are refused, abandoned attempts are finished,
and nothing a client sends changes a score or a time."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command, get_commands
from django.utils import timezone

from contest import services
from contest.models import Attempt, AttemptItem, ScoreChange
from tests.contest.conftest import GRACE_SECONDS, items_of, move_deadline


@pytest.fixture
def short_round(make_round, bank):
    """A two-minute round."""
    return make_round(duration=timedelta(minutes=2))


@pytest.fixture
def started(short_round, phuong, api_for):
    api = api_for(phuong)
    response = api.start(short_round)
    assert response.status_code == 200
    return api, response.json()


def right_answer(attempt_id, position):
    item = next(i for i in items_of(attempt_id) if i.position == position)
    return sorted(item.version.correct_choice_ids())


@pytest.mark.django_db
def test_an_answer_after_the_deadline_and_grace_is_refused_with_a_clear_message_and_not_saved(
    started,
):
    api, state = started
    move_deadline(state["id"], seconds_ago=GRACE_SECONDS + 5)

    response = api.answer(state["id"], 0, {"selected": right_answer(state["id"], 0)})

    assert response.status_code == 409
    assert response.json() == {
        "code": "deadline_passed",
        "message": "Time is up: this answer arrived after the deadline and was not saved.",
    }
    item = AttemptItem.objects.get(attempt_id=state["id"], position=0)
    assert item.selected == []
    assert item.answered_at is None


@pytest.mark.django_db
def test_an_answer_arriving_within_the_grace_after_the_deadline_is_accepted(started):
    api, state = started
    move_deadline(state["id"], seconds_ago=GRACE_SECONDS - 3)
    answer = right_answer(state["id"], 0)

    response = api.answer(state["id"], 0, {"selected": answer})

    assert response.status_code == 200
    assert response.json()["remaining_seconds"] == 0
    assert AttemptItem.objects.get(attempt_id=state["id"], position=0).selected == answer


@pytest.mark.django_db
def test_a_late_prediction_is_refused_too(make_round, bank, phuong, api_for):
    round = make_round(prediction_question="Bao nhiêu người tham gia?")
    api = api_for(phuong)
    state = api.start(round).json()
    move_deadline(state["id"], seconds_ago=60)

    response = api.predict(state["id"], 100)

    assert response.status_code == 409
    assert response.json()["code"] == "deadline_passed"
    assert Attempt.objects.get(pk=state["id"]).prediction is None


@pytest.mark.django_db
def test_reading_an_attempt_past_its_deadline_finishes_and_grades_it_at_the_deadline(started):
    api, state = started
    answer = right_answer(state["id"], 0)
    assert api.answer(state["id"], 0, {"selected": answer}).status_code == 200
    attempt = move_deadline(state["id"], seconds_ago=60)

    response = api.state(state["id"])

    assert response.status_code == 200
    assert response.json()["status"] == "expired"
    assert response.json()["remaining_seconds"] == 0
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED
    assert attempt.finished_at == attempt.deadline
    assert attempt.correct_count == 1
    assert attempt.score == 1
    assert attempt.time_taken == timedelta(minutes=2)
    change = ScoreChange.objects.get(attempt=attempt)
    assert change.reason == "graded at deadline"
    assert change.changed_by is None


@pytest.mark.django_db
def test_the_attempt_page_of_an_expired_attempt_goes_to_the_result(started):
    api, state = started
    move_deadline(state["id"], seconds_ago=60)

    page = api.client.get(f"/attempts/{state['id']}/")

    assert page.status_code == 302
    assert page["Location"] == f"/attempts/{state['id']}/result/"
    assert Attempt.objects.get(pk=state["id"]).status == Attempt.Status.EXPIRED


@pytest.mark.django_db
def test_submitting_after_the_grace_finishes_at_the_deadline_not_at_the_late_submit(started):
    api, state = started
    attempt = move_deadline(state["id"], seconds_ago=120)

    response = api.submit(state["id"])

    assert response.status_code == 200
    assert response.json()["status"] == "expired"
    assert response.json()["time_taken_seconds"] == 120
    attempt.refresh_from_db()
    assert attempt.finished_at == attempt.deadline


@pytest.mark.django_db
def test_submitting_within_the_grace_counts_only_up_to_the_deadline(started):
    api, state = started
    attempt = move_deadline(state["id"], seconds_ago=2)

    response = api.submit(state["id"])

    assert response.json()["status"] == "submitted"
    attempt.refresh_from_db()
    assert attempt.finished_at == attempt.deadline
    assert attempt.time_taken == timedelta(minutes=2)


@pytest.mark.django_db
def test_close_expired_attempts_finishes_abandoned_attempts_only(short_round, make_person):
    if "close_expired_attempts" not in get_commands():
        pytest.skip("contest/management/commands/close_expired_attempts.py is not there yet")
    gone = [services.attempt_start(round=short_round, user=make_person(f"Bỏ dở {i}")) for i in "ab"]
    for attempt in gone:
        move_deadline(attempt.pk, seconds_ago=300)
    in_grace = services.attempt_start(round=short_round, user=make_person("Vừa hết giờ"))
    move_deadline(in_grace.pk, seconds_ago=GRACE_SECONDS - 3)
    busy = services.attempt_start(round=short_round, user=make_person("Đang làm bài"))
    out = io.StringIO()

    call_command("close_expired_attempts", stdout=out)

    assert "2" in out.getvalue()
    for attempt in gone:
        attempt.refresh_from_db()
        assert attempt.status == Attempt.Status.EXPIRED
        assert attempt.finished_at == attempt.deadline
        assert attempt.score == 0
    for attempt in (in_grace, busy):
        attempt.refresh_from_db()
        assert attempt.status == Attempt.Status.IN_PROGRESS
    assert ScoreChange.objects.count() == 2

    call_command("close_expired_attempts", stdout=io.StringIO())
    assert ScoreChange.objects.count() == 2, "running it again changes nothing"


@pytest.mark.django_db
def test_fields_a_client_adds_to_an_answer_change_no_score_and_no_time(started):
    api, state = started
    deadline = Attempt.objects.get(pk=state["id"]).deadline

    response = api.answer(
        state["id"],
        0,
        {
            "selected": [],
            "score": 100,
            "correct_count": 5,
            "is_correct": True,
            "deadline": "2099-01-01T00:00:00Z",
            "answered_at": "2000-01-01T00:00:00Z",
        },
    )

    assert response.status_code == 200
    attempt = Attempt.objects.get(pk=state["id"])
    assert attempt.score is None
    assert attempt.correct_count is None
    assert attempt.deadline == deadline
    item = AttemptItem.objects.get(attempt=attempt, position=0)
    assert item.is_correct is None
    assert item.answered_at.year == timezone.now().year


@pytest.mark.django_db
def test_fields_a_client_adds_to_start_and_submit_change_no_score_and_no_time(
    short_round, phuong, api_for
):
    api = api_for(phuong)
    started = api.post(
        f"/api/rounds/{short_round.pk}/start",
        {"password": "", "deadline": "2099-01-01T00:00:00Z", "duration_seconds": 99999},
    ).json()
    attempt = Attempt.objects.get(pk=started["id"])
    assert attempt.deadline == attempt.started_at + timedelta(minutes=2)

    result = api.post(
        f"/api/attempts/{attempt.pk}/submit",
        {"score": 100, "correct_count": 5, "finished_at": "2000-01-01T00:00:00Z"},
    )

    assert result.status_code == 200
    assert result.json()["score"] == 0
    attempt.refresh_from_db()
    assert attempt.score == 0
    assert attempt.correct_count == 0
    assert attempt.started_at <= attempt.finished_at <= timezone.now()
