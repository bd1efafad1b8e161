"""The answer key and the explanations never reach the browser before the round allows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from contest.models import Round
from tests.contest.conftest import EXPLANATION_MARKERS, items_of


def all_keys(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from all_keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from all_keys(inner)


def assert_no_key(body: bytes | str) -> None:
    text = body.decode() if isinstance(body, bytes) else body
    assert "is_correct" not in text
    for marker in EXPLANATION_MARKERS:
        assert marker not in text, f"the explanation or legal reference leaked: {marker}"


def assert_json_has_no_key(response) -> None:
    assert_no_key(response.content)
    keys = set(all_keys(response.json()))
    assert not {k for k in keys if "correct" in k or "explanation" in k or "legal" in k}, keys


def answer_everything(api, state, *, right=True):
    for item in items_of(state["id"]):
        key = sorted(item.version.correct_choice_ids())
        wrong = [c for c in item.choice_order if c not in key][:1]
        response = api.answer(state["id"], item.position, {"selected": key if right else wrong})
        assert response.status_code == 200, response.content


@pytest.mark.django_db
def test_the_start_and_state_json_carry_no_answer_key_and_no_explanation(
    round_open, phuong, api_for
):
    api = api_for(phuong)
    started = api.start(round_open)
    assert started.status_code == 200
    assert_json_has_no_key(started)

    answer_everything(api, started.json())
    state = api.state(started.json()["id"])
    assert state.status_code == 200
    assert_json_has_no_key(state)


@pytest.mark.django_db
def test_the_attempt_page_html_carries_no_answer_key_and_no_explanation(round_open, phuong):
    from django.test import Client

    client = Client()
    client.force_login(phuong)
    start = client.post(f"/c/{round_open.contest.slug}/rounds/{round_open.number}/start/")
    assert start.status_code == 302
    page = client.get(start["Location"])

    assert page.status_code == 200
    assert_no_key(page.content)
    assert b'id="attempt"' in page.content


@pytest.mark.django_db
def test_the_result_of_an_in_progress_attempt_is_refused(round_open, phuong, api_for):
    api = api_for(phuong)
    state = api.start(round_open).json()

    response = api.result(state["id"])

    assert response.status_code == 409
    assert response.json()["code"] == "in_progress"


@pytest.mark.django_db
def test_reveal_after_submit_shows_the_review_with_key_and_explanation_right_after_submitting(
    make_round, bank, phuong, api_for
):
    round = make_round(reveal=Round.Reveal.AFTER_SUBMIT)
    api = api_for(phuong)
    state = api.start(round).json()
    answer_everything(api, state)

    submitted = api.submit(state["id"]).json()

    assert submitted["review_available"] is True
    assert len(submitted["review"]) == 5
    first = submitted["review"][0]
    assert first["is_correct"] is True
    assert "EXPLAINED" in first["explanation"]
    assert any(c["is_correct"] and c["selected"] for c in first["choices"])
    assert api.result(state["id"]).json() == submitted


@pytest.mark.django_db
def test_reveal_after_close_hides_the_review_until_the_round_closes(
    make_round, bank, phuong, api_for
):
    round = make_round(reveal=Round.Reveal.AFTER_CLOSE)
    api = api_for(phuong)
    state = api.start(round).json()
    answer_everything(api, state)

    submitted = api.submit(state["id"])
    assert submitted.json()["review_available"] is False
    assert submitted.json()["review"] is None
    assert submitted.json()["correct_count"] == 5
    assert_no_key(submitted.content)
    page = api.client.get(f"/attempts/{state['id']}/result/")
    assert page.status_code == 200
    assert_no_key(page.content)
    assert b"shown after the round closes" in page.content

    Round.objects.filter(pk=round.pk).update(closes_at=timezone.now() - timedelta(seconds=1))

    after = api.result(state["id"]).json()
    assert after["review_available"] is True
    assert "EXPLAINED" in after["review"][0]["explanation"]
    page = api.client.get(f"/attempts/{state['id']}/result/")
    assert b"EXPLAINED" in page.content


@pytest.mark.django_db
def test_reveal_never_keeps_the_key_hidden_even_after_the_round_closes(
    make_round, bank, phuong, api_for
):
    round = make_round(reveal=Round.Reveal.NEVER)
    api = api_for(phuong)
    state = api.start(round).json()
    answer_everything(api, state, right=False)
    submitted = api.submit(state["id"])
    assert submitted.json()["review"] is None
    assert submitted.json()["correct_count"] == 0

    Round.objects.filter(pk=round.pk).update(closes_at=timezone.now() - timedelta(seconds=1))

    later = api.result(state["id"])
    assert later.json()["review_available"] is False
    assert later.json()["review"] is None
    assert_no_key(later.content)
    page = api.client.get(f"/attempts/{state['id']}/result/")
    assert_no_key(page.content)
