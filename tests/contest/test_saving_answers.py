"""Saving answers through the JSON API: saved at once, refused cleanly, nothing half-done."""

from __future__ import annotations

import pytest

from contest.models import Attempt, AttemptItem
from tests.contest.conftest import items_of


@pytest.fixture
def started(round_open, phuong, api_for):
    """Phuong's attempt, started through the API: (api, state JSON)."""
    api = api_for(phuong)
    response = api.start(round_open)
    assert response.status_code == 200
    return api, response.json()


def item_at(attempt_id, position):
    return AttemptItem.objects.get(attempt_id=attempt_id, position=position)


def single_choice_position(state):
    """A question where only one answer may be chosen (easy ones always are)."""
    return next(q["position"] for q in state["questions"] if q["kind"] in {"single", "true_false"})


def snapshot(attempt_id):
    return [(i.position, i.selected, i.number_answer, i.answered_at) for i in items_of(attempt_id)]


@pytest.mark.django_db
def test_an_answer_is_saved_the_moment_it_is_chosen(started):
    api, state = started
    question = state["questions"][0]
    choice = question["choices"][1]["id"]

    response = api.answer(state["id"], 0, {"selected": [choice]})

    assert response.status_code == 200
    body = response.json()
    assert body["position"] == 0
    assert body["selected"] == [choice]
    assert 0 < body["remaining_seconds"] <= 600
    item = item_at(state["id"], 0)
    assert item.selected == [choice]
    assert item.answered_at is not None
    assert api.state(state["id"]).json()["questions"][0]["selected"] == [choice]


@pytest.mark.django_db
def test_changing_an_answer_replaces_it_and_an_empty_list_clears_it(started):
    api, state = started
    position = single_choice_position(state)
    first, second = (c["id"] for c in state["questions"][position]["choices"][:2])

    api.answer(state["id"], position, {"selected": [first]})
    api.answer(state["id"], position, {"selected": [second]})
    assert item_at(state["id"], position).selected == [second]

    api.answer(state["id"], position, {"selected": []})
    assert item_at(state["id"], position).selected == []


@pytest.mark.django_db
def test_saving_the_same_answer_twice_is_harmless(started):
    api, state = started
    choice = state["questions"][1]["choices"][0]["id"]

    one = api.answer(state["id"], 1, {"selected": [choice]})
    two = api.answer(state["id"], 1, {"selected": [choice]})

    assert one.status_code == two.status_code == 200
    assert one.json()["selected"] == two.json()["selected"] == [choice]
    assert AttemptItem.objects.filter(attempt_id=state["id"]).count() == 5
    assert item_at(state["id"], 1).selected == [choice]


@pytest.mark.django_db
def test_a_choice_from_another_question_is_refused_and_nothing_changes(started):
    api, state = started
    mine = state["questions"][0]["choices"][0]["id"]
    api.answer(state["id"], 0, {"selected": [mine]})
    before = snapshot(state["id"])
    other = state["questions"][1]["choices"][0]["id"]

    response = api.answer(state["id"], 0, {"selected": [other]})

    assert response.status_code == 400
    assert response.json() == {
        "code": "bad_choice",
        "message": "That choice is not on this question.",
    }
    assert snapshot(state["id"]) == before


@pytest.mark.django_db
def test_two_choices_on_a_single_choice_question_are_refused(started):
    api, state = started
    position = single_choice_position(state)
    both = [c["id"] for c in state["questions"][position]["choices"][:2]]

    response = api.answer(state["id"], position, {"selected": both})

    assert response.status_code == 400
    assert response.json()["code"] == "bad_choice"
    assert response.json()["message"] == "Choose only one answer."
    assert item_at(state["id"], position).selected == []


@pytest.mark.django_db
def test_several_choices_are_accepted_on_a_multiple_choice_question(
    make_round, topic, bank, phuong, api_for
):
    round = make_round(blueprint=[("hard", 10)])  # every hard question: five are multiple
    api = api_for(phuong)
    state = api.start(round).json()
    question = next(q for q in state["questions"] if q["kind"] == "multiple")
    ids = [c["id"] for c in question["choices"][:3]]

    response = api.answer(state["id"], question["position"], {"selected": list(reversed(ids))})

    assert response.status_code == 200
    assert item_at(state["id"], question["position"]).selected == sorted(ids)


@pytest.mark.django_db
def test_an_unknown_position_is_refused(started):
    api, state = started

    response = api.answer(state["id"], 99, {"selected": []})

    assert response.status_code == 400
    assert response.json()["code"] == "bad_question"


@pytest.mark.django_db
def test_another_person_s_attempt_looks_missing_and_is_left_alone(started, dan, api_for):
    api, state = started
    before = snapshot(state["id"])
    choice = state["questions"][0]["choices"][0]["id"]
    stranger = api_for(dan)

    for response in (
        stranger.answer(state["id"], 0, {"selected": [choice]}),
        stranger.state(state["id"]),
        stranger.submit(state["id"]),
        stranger.result(state["id"]),
    ):
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    assert snapshot(state["id"]) == before
    assert Attempt.objects.get(pk=state["id"]).status == "in_progress"
    assert stranger.client.get(f"/attempts/{state['id']}/").status_code == 404


@pytest.mark.django_db
def test_malformed_json_is_refused_with_bad_json(started):
    api, state = started
    before = snapshot(state["id"])

    response = api.answer(state["id"], 0, None, raw='{"selected": [1,')

    assert response.status_code == 400
    assert response.json()["code"] == "bad_json"
    assert snapshot(state["id"]) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload",
    [{"selected": "a"}, {"selected": ["a"]}, {"selected": {"id": 1}}, {"number": [1]}],
    ids=["string", "list-of-strings", "object", "number-as-list"],
)
def test_wrong_types_are_refused_as_invalid_requests(started, payload):
    api, state = started
    before = snapshot(state["id"])

    response = api.answer(state["id"], 0, payload)

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
    assert snapshot(state["id"]) == before


@pytest.mark.django_db
def test_a_save_without_the_csrf_token_is_refused_and_nothing_changes(started):
    api, state = started
    before = snapshot(state["id"])
    choice = state["questions"][0]["choices"][0]["id"]

    response = api.answer(state["id"], 0, {"selected": [choice]}, csrf=False)

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert snapshot(state["id"]) == before


@pytest.mark.django_db
def test_a_wrong_csrf_token_is_refused_too(started):
    api, state = started
    api.csrf = "x" * 32
    choice = state["questions"][0]["choices"][0]["id"]

    response = api.answer(state["id"], 0, {"selected": [choice]})

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert item_at(state["id"], 0).selected == []


@pytest.mark.django_db
def test_start_and_submit_without_the_csrf_token_are_refused(round_open, phuong, api_for):
    api = api_for(phuong)

    refused = api.post(f"/api/rounds/{round_open.pk}/start", {}, csrf=False)

    assert refused.status_code == 403
    assert Attempt.objects.count() == 0
    state = api.start(round_open).json()
    assert api.submit(state["id"], csrf=False).status_code == 403
    assert Attempt.objects.get(pk=state["id"]).status == "in_progress"


@pytest.mark.django_db
def test_anonymous_visitors_get_401_from_every_attempt_endpoint(started, round_open, api_for):
    _, state = started
    anonymous = api_for(None)

    for response in (
        anonymous.start(round_open),
        anonymous.state(state["id"]),
        anonymous.answer(state["id"], 0, {"selected": []}),
        anonymous.submit(state["id"]),
        anonymous.result(state["id"]),
    ):
        assert response.status_code == 401
        assert response.json() == {"code": "not_signed_in", "message": "Sign in to take part."}
    assert Attempt.objects.count() == 1


@pytest.mark.django_db
def test_the_prediction_is_saved_and_bad_values_are_refused(round_with_prediction, phuong, api_for):
    api = api_for(phuong)
    state = api.start(round_with_prediction).json()
    assert state["prediction_question"].startswith("Bao nhiêu người")

    saved = api.predict(state["id"], 1250)
    assert saved.status_code == 200
    assert saved.json()["prediction"] == 1250

    negative = api.predict(state["id"], -3)
    assert negative.status_code == 400
    assert negative.json()["code"] == "bad_prediction"
    assert api.predict(state["id"], "many").status_code == 422
    assert Attempt.objects.get(pk=state["id"]).prediction == 1250

    assert api.predict(state["id"], None).status_code == 200
    assert Attempt.objects.get(pk=state["id"]).prediction is None


@pytest.mark.django_db
def test_a_round_without_a_prediction_question_refuses_a_prediction(started):
    api, state = started

    response = api.predict(state["id"], 10)

    assert response.status_code == 400
    assert response.json()["code"] == "no_prediction"
    assert Attempt.objects.get(pk=state["id"]).prediction is None


@pytest.mark.django_db
def test_refusals_are_worded_in_the_browser_s_language(started, phuong, api_for):
    _, state = started
    vietnamese = api_for(phuong, language="vi")

    response = vietnamese.answer(state["id"], 99, {"selected": []})

    assert response.status_code == 400
    assert response.json() == {
        "code": "bad_question",
        "message": "Câu hỏi này không thuộc lượt thi của bạn.",
    }


def finish_right_after_the_read(monkeypatch, finish):
    """Something finishes the attempt between the save's read and its write (a submit
    from another device, the round's close): ``finish(attempt_id)`` runs right there."""
    from contest import services

    read = services._attempt_items

    def read_then_finish(attempt_id, user_id):
        found = read(attempt_id, user_id)
        finish(attempt_id)
        return found

    monkeypatch.setattr(services, "_attempt_items", read_then_finish)


@pytest.mark.django_db
def test_a_save_overtaken_by_a_submit_is_refused_and_not_written(started, monkeypatch, phuong):
    from contest import services

    api, state = started
    choice = state["questions"][0]["choices"][0]["id"]
    finish_right_after_the_read(
        monkeypatch, lambda attempt_id: services.attempt_submit(attempt_id=attempt_id, user=phuong)
    )

    response = api.answer(state["id"], 0, {"selected": [choice]})

    assert response.status_code == 409
    assert response.json()["code"] == "finished"
    assert item_at(state["id"], 0).selected == []
    assert Attempt.objects.get(pk=state["id"]).correct_count == 0


@pytest.mark.django_db
def test_a_save_overtaken_by_the_deadline_is_refused_as_late_and_not_written(started, monkeypatch):
    from tests.contest.conftest import move_deadline

    api, state = started
    choice = state["questions"][0]["choices"][0]["id"]
    finish_right_after_the_read(
        monkeypatch, lambda attempt_id: move_deadline(attempt_id, seconds_ago=120)
    )

    response = api.answer(state["id"], 0, {"selected": [choice]})

    assert response.status_code == 409
    assert response.json()["code"] == "deadline_passed"
    assert item_at(state["id"], 0).answered_at is None


@pytest.mark.django_db
def test_a_stranger_is_refused_even_after_the_owner_has_saved(started, dan, api_for):
    """The save keeps a copy of an attempt's questions; it is the owner's alone."""
    api, state = started
    choice = state["questions"][0]["choices"][0]["id"]
    assert api.answer(state["id"], 0, {"selected": [choice]}).status_code == 200
    other = state["questions"][0]["choices"][1]["id"]

    response = api_for(dan).answer(state["id"], 0, {"selected": [other]})

    assert response.status_code == 404
    assert item_at(state["id"], 0).selected == [choice]


@pytest.mark.django_db
def test_each_save_reports_the_current_deadline_after_an_extension(started):
    from datetime import timedelta

    api, state = started
    first, second = (q["choices"][0]["id"] for q in state["questions"][:2])
    before = api.answer(state["id"], 0, {"selected": [first]}).json()["remaining_seconds"]
    attempt = Attempt.objects.get(pk=state["id"])
    Attempt.objects.filter(pk=attempt.pk).update(deadline=attempt.deadline + timedelta(minutes=5))

    after = api.answer(state["id"], 1, {"selected": [second]}).json()["remaining_seconds"]

    assert 290 < after - before <= 300


@pytest.mark.django_db
def test_a_save_to_a_deleted_attempt_is_refused_as_missing(started):
    api, state = started
    first, second = (q["choices"][0]["id"] for q in state["questions"][:2])
    assert api.answer(state["id"], 0, {"selected": [first]}).status_code == 200
    Attempt.objects.filter(pk=state["id"]).delete()

    response = api.answer(state["id"], 1, {"selected": [second]})

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert not AttemptItem.objects.filter(attempt_id=state["id"]).exists()


@pytest.mark.django_db
def test_saving_works_where_the_database_cannot_return_rows_from_an_update(started, monkeypatch):
    """SQLite before 3.35 (the Python of some Linux distributions) has no RETURNING."""
    from django.db import connection

    from tests.contest.conftest import move_deadline

    monkeypatch.setattr(connection.features, "can_return_columns_from_insert", False)
    api, state = started
    first, second = (q["choices"][0]["id"] for q in state["questions"][:2])

    saved = api.answer(state["id"], 0, {"selected": [first]})
    move_deadline(state["id"], seconds_ago=120)
    late = api.answer(state["id"], 1, {"selected": [second]})

    assert saved.status_code == 200
    assert 0 < saved.json()["remaining_seconds"] <= 600
    assert item_at(state["id"], 0).selected == [first]
    assert late.status_code == 409
    assert late.json()["code"] == "deadline_passed"
    assert item_at(state["id"], 1).answered_at is None
