"""The demo: after seed_demo (run twice) a demo participant can take the open round at once."""

from __future__ import annotations

import importlib.util
import io

import pytest
from django.core.management import call_command

from contest.models import Attempt, Round
from tests.helpers import english_client

DEMO_EMAIL = "congchuc1@demo.cchc.vn"
DEMO_PASSWORD = "demo-Cchc-2019"


@pytest.fixture
def seeded(db):
    if importlib.util.find_spec("quizbank.demo_data") is None:
        pytest.skip("quizbank/demo_data.py (the demo question bank) is not written yet")
    for _ in range(2):
        call_command("seed_demo", stdout=io.StringIO())
    return Round.objects.get(contest__slug="cchc-truc-tuyen-demo", number=1)


@pytest.mark.django_db
def test_seed_demo_twice_leaves_one_open_demo_round_the_bank_can_fill(seeded):
    assert Round.objects.filter(contest__slug="cchc-truc-tuyen-demo").count() == 1
    assert seeded.is_open()
    assert seeded.blueprint.count() == 6, "running twice does not duplicate the blueprint"
    assert seeded.prize_tiers.count() == 4
    assert seeded.question_count == 10
    from contest.services import round_blueprint_problems

    assert round_blueprint_problems(round=seeded) == []


@pytest.mark.django_db
def test_the_demo_civil_servant_logs_in_and_starts_the_demo_round_with_10_questions(seeded):
    client = english_client()
    login = client.post("/accounts/login/", {"login": DEMO_EMAIL, "password": DEMO_PASSWORD})
    assert login.status_code == 302, "the demo password works"
    round_page = f"/c/{seeded.contest.slug}/rounds/{seeded.number}/"
    page = client.get(round_page)
    assert b"/rounds/1/start/" in page.content, "no profile step stands in the way"

    started = client.post(round_page + "start/")

    attempt = Attempt.objects.get(user__email=DEMO_EMAIL)
    assert started["Location"] == f"/attempts/{attempt.pk}/"
    state = client.get(f"/api/attempts/{attempt.pk}").json()
    assert state["status"] == "in_progress"
    assert len(state["questions"]) == 10
    assert {q["kind"] for q in state["questions"]} <= {"single", "multiple", "true_false"}
    assert state["prediction_question"]
