"""Fixtures for the online-round tests.

- ``topic`` / ``bank``: a topic with 30 approved questions (10 easy, 10 medium,
  10 hard; audience "both"; single, multiple and true/false), written through
  ``quizbank.services.question_create`` like every real question.
- ``make_round``: campaign → contest → online round open now, with blueprint rules
  for both audiences (2 easy + 2 medium + 1 hard = 5 questions) and two prize tiers.
- ``round_open``: the default such round; ``round_with_prediction`` adds a prediction.
- ``make_person``: more participants; ``finished_attempt``: a graded attempt written
  straight to the database; ``move_deadline``: pretend time has passed.
- ``api_for(user)``: a logged-in JSON client that sends the CSRF token like the page does.
"""

from __future__ import annotations

import itertools
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

SEQ = itertools.count(1)
GRACE_SECONDS = 5


@pytest.fixture(autouse=True)
def _fixed_grace(settings):
    """The tests move deadlines around a known grace period, whatever the environment says."""
    settings.ATTEMPT_GRACE_SECONDS = GRACE_SECONDS


# --- the question bank ------------------------------------------------------------------


@pytest.fixture
def topic(db):
    from quizbank.models import Topic

    return Topic.objects.create(name="Cải cách thủ tục hành chính", slug="cai-cach-tthc")


def make_question(
    topic,
    *,
    kind="single",
    difficulty="medium",
    audience="both",
    status="approved",
    text=None,
    explanation=None,
    choices=None,
    numeric_answer=None,
):
    """One question through the bank's own service. Choice A is right unless given."""
    from quizbank.formats.base import ParsedChoice, ParsedQuestion
    from quizbank.services import question_create

    n = next(SEQ)
    explanation = EXPLANATION if explanation is None else explanation
    text = text or f"Câu hỏi số {n} ({kind}, {difficulty}, {audience}) về cải cách hành chính?"
    if choices is None:
        if kind == "true_false":
            choices = [("Đúng", True), ("Sai", False)]
        elif kind == "multiple":
            choices = [(f"Ý A{n}", True), (f"Ý B{n}", True), (f"Ý C{n}", False), (f"Ý D{n}", False)]
        elif kind == "numeric":
            choices = []
        else:
            choices = [(f"Đáp án A{n}", True), (f"Đáp án B{n}", False), (f"Đáp án C{n}", False)]
    data = ParsedQuestion(
        ref=f"q{n}",
        kind=kind,
        text=text,
        choices=[ParsedChoice(t, ok) for t, ok in choices],
        numeric_answer=Decimal(numeric_answer) if numeric_answer is not None else None,
        difficulty=difficulty,
        audience=audience,
        explanation=explanation,
        legal_reference="Nghị quyết 30c/NQ-CP",
    )
    return question_create(data=data, topic=topic, author=None, status=status)


EXPLANATION = "Vì Nghị quyết 30c/NQ-CP quy định như vậy (EXPLAINED)."
EXPLANATION_MARKERS = ("EXPLAINED", "30c/NQ-CP")

# Easy and medium questions are single choice or true/false (so every draw has some);
# multiple-choice questions live among the medium and hard ones.
BANK_KINDS = {
    "easy": ["single"] * 7 + ["true_false"] * 3,
    "medium": ["single"] * 8 + ["multiple"] * 2,
    "hard": ["single"] * 5 + ["multiple"] * 5,
}


@pytest.fixture
def bank(topic):
    """30 approved questions for everyone: 10 per difficulty."""
    return [
        make_question(topic, kind=kind, difficulty=difficulty)
        for difficulty, kinds in BANK_KINDS.items()
        for kind in kinds
    ]


# --- rounds ------------------------------------------------------------------------------


BLUEPRINT = [("easy", 2), ("medium", 2), ("hard", 1)]


@pytest.fixture
def make_round(db):
    """Build an online round open now. Keyword arguments override round fields;
    ``blueprint`` (list of (difficulty, count)) applies to both audiences unless
    ``rules`` (list of (audience, difficulty, count, topic)) is given."""
    from contest.models import BlueprintRule, Campaign, Contest, PrizeTier, Round

    campaign = Campaign.objects.create(name="Kế hoạch tuyên truyền CCHC", year=2019)
    contests = {}

    def build(
        *,
        contest=None,
        blueprint=BLUEPRINT,
        rules=None,
        topic=None,
        prizes=(("Giải Nhất", 1), ("Giải Nhì", 2)),
        one_prize_per_person=True,
        **fields,
    ):
        now = timezone.now()
        if contest is None:
            contest = contests.get("default")
            if contest is None:
                contest = Contest.objects.create(
                    campaign=campaign,
                    title="Tìm hiểu cải cách hành chính",
                    slug="tim-hieu-cchc",
                    is_published=True,
                    opens_at=now - timedelta(days=1),
                    closes_at=now + timedelta(days=60),
                    one_prize_per_person=one_prize_per_person,
                )
                contests["default"] = contest
        number = fields.pop("number", None) or (contest.rounds.count() + 1)
        values = {
            "title": f"Tuần thi thứ {number}",
            "kind": Round.Kind.ONLINE,
            "is_published": True,
            "opens_at": now - timedelta(hours=1),
            "closes_at": now + timedelta(days=7),
            "duration": timedelta(minutes=10),
            "reveal": Round.Reveal.AFTER_SUBMIT,
        }
        values.update(fields)
        round = Round.objects.create(contest=contest, number=number, **values)
        if rules is None:
            rules = [
                (audience, difficulty, count, topic)
                for audience in (
                    BlueprintRule.Audience.CIVIL_SERVANT,
                    BlueprintRule.Audience.CITIZEN,
                )
                for difficulty, count in blueprint
            ]
        for audience, difficulty, count, rule_topic in rules:
            BlueprintRule.objects.create(
                round=round, audience=audience, difficulty=difficulty, count=count, topic=rule_topic
            )
        for rank, (name, count) in enumerate(prizes, start=1):
            PrizeTier.objects.create(round=round, rank=rank, name=name, count=count)
        return round

    return build


@pytest.fixture
def round_open(make_round, bank):
    """Round 1, open now, 5 questions in 10 minutes, answers shown after submitting."""
    return make_round()


@pytest.fixture
def round_with_prediction(make_round, bank):
    return make_round(prediction_question="Bao nhiêu người sẽ tham gia vòng thi này?")


# --- clients ------------------------------------------------------------------------------


class Api:
    """A signed-in browser talking JSON to /api/, with the CSRF token the page would send."""

    def __init__(self, user=None, *, language="en"):
        self.client = Client(enforce_csrf_checks=True)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        if user is not None:
            self.client.force_login(user)
        self.client.get("/")  # every page carries a form, so this sets the csrftoken cookie
        cookie = self.client.cookies.get("csrftoken")
        self.csrf = cookie.value if cookie else ""

    def _send(self, method, path, data=None, *, csrf=True, raw=None):
        headers = {"HTTP_X_CSRFTOKEN": self.csrf} if csrf else {}
        body = raw if raw is not None else ("" if data is None else json.dumps(data))
        call = getattr(self.client, method)
        return call(path, body, content_type="application/json", **headers)

    def get(self, path):
        return self.client.get(path, HTTP_ACCEPT="application/json")

    def post(self, path, data=None, **kw):
        return self._send("post", path, {} if data is None else data, **kw)

    def put(self, path, data=None, **kw):
        return self._send("put", path, data, **kw)

    # The attempt flow, by name.
    def start(self, round, password=""):
        return self.post(f"/api/rounds/{round.pk}/start", {"password": password})

    def state(self, attempt_id):
        return self.get(f"/api/attempts/{attempt_id}")

    def answer(self, attempt_id, position, payload, **kw):
        return self.put(f"/api/attempts/{attempt_id}/answers/{position}", payload, **kw)

    def predict(self, attempt_id, value):
        return self.put(f"/api/attempts/{attempt_id}/prediction", {"prediction": value})

    def submit(self, attempt_id, **kw):
        return self.post(f"/api/attempts/{attempt_id}/submit", **kw)

    def result(self, attempt_id):
        return self.get(f"/api/attempts/{attempt_id}/result")


@pytest.fixture
def api_for(db):
    return Api


# --- people and attempts ----------------------------------------------------------------------


@pytest.fixture
def make_person(units):
    """A participant with a complete profile: ``make_person("Lan", kind="citizen")``."""
    from tests.conftest import _make_user

    def build(full_name, *, kind="civil_servant", unit="AG-STP", **extra):
        n = next(SEQ)
        return _make_user(
            f"nguoi{n}@example.vn", full_name, kind, units[unit], ["participant"], **extra
        )

    return build


def finished_attempt(
    round,
    user,
    *,
    correct,
    total=5,
    prediction=None,
    started_at=None,
    seconds=60,
    number=1,
    status="submitted",
    is_trial=False,
):
    """A finished attempt written straight to the database, with a controlled score and clock."""
    from contest.models import Attempt
    from contest.services import audience_for

    started_at = started_at or timezone.now() - timedelta(hours=2)
    return Attempt.objects.create(
        round=round,
        user=user,
        number=number,
        is_trial=is_trial,
        audience=audience_for(user),
        unit=user.unit,
        seed=12345,
        started_at=started_at,
        deadline=started_at + round.duration,
        finished_at=started_at + timedelta(seconds=seconds),
        status=status,
        prediction=prediction,
        score=Decimal(correct),
        correct_count=correct,
        question_count=total,
    )


def items_of(attempt_id):
    from contest.models import AttemptItem

    return list(
        AttemptItem.objects.filter(attempt_id=attempt_id)
        .select_related("version")
        .prefetch_related("version__choices")
        .order_by("position")
    )


def move_deadline(attempt_id, *, seconds_ago):
    """Pretend the attempt started long ago: its deadline passed ``seconds_ago`` seconds ago."""
    from contest.models import Attempt

    attempt = Attempt.objects.select_related("round").get(pk=attempt_id)
    deadline = timezone.now() - timedelta(seconds=seconds_ago)
    Attempt.objects.filter(pk=attempt_id).update(
        started_at=deadline - attempt.round.duration, deadline=deadline
    )
    attempt.refresh_from_db()
    return attempt
