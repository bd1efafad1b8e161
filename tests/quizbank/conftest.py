"""Fixtures for the question-bank tests: topics, questions, signed-in clients, attempts.

Factories are fixtures that return functions, so every test file can build what it
needs without importing from here:

- ``make_parsed(text, choices=..., correct=..., **fields)`` → a ParsedQuestion
- ``make_question(text, topic=..., status=..., **fields)`` → a saved Question
- ``make_attempt(versions_and_answers, ...)`` → a finished Attempt with its items
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from tests.helpers import english_client

DEFAULT_CHOICES = (
    "Nâng cao chất lượng phục vụ người dân, doanh nghiệp",
    "Tăng thêm giấy tờ cho người dân",
    "Kéo dài thời gian giải quyết hồ sơ",
    "Giảm công khai, minh bạch",
)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded import files and images go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def topic(db):
    from quizbank.models import Topic

    return Topic.objects.create(name="Cải cách thủ tục hành chính", slug="cai-cach-tthc")


@pytest.fixture
def subtopic(topic):
    from quizbank.models import Topic

    return Topic.objects.create(name="Cơ chế một cửa", slug="mot-cua", parent=topic)


@pytest.fixture
def other_topic(db):
    from quizbank.models import Topic

    return Topic.objects.create(name="Cải cách tài chính công", slug="tai-chinh-cong")


@pytest.fixture
def make_parsed():
    """Build question data as a form or an import file would hand it to the service."""
    from quizbank.formats.base import ParsedChoice, ParsedQuestion

    def build(
        text: str = "Mục tiêu của cải cách thủ tục hành chính là gì?",
        *,
        choices: tuple[str, ...] | list[str] = DEFAULT_CHOICES,
        correct: tuple[int, ...] | list[int] = (0,),
        kind: str = "single",
        ref: str = "test",
        **fields,
    ) -> ParsedQuestion:
        return ParsedQuestion(
            ref=ref,
            kind=kind,
            text=text,
            choices=[ParsedChoice(c, i in correct) for i, c in enumerate(choices)],
            **fields,
        )

    return build


@pytest.fixture
def make_question(db, topic, make_parsed):
    """Save a question through the service (the same path the editor uses)."""
    from quizbank.services import question_create

    def build(
        text: str = "Mục tiêu của cải cách thủ tục hành chính là gì?",
        *,
        status="draft",
        on_topic=None,
        author=None,
        tags=(),
        difficulty="medium",
        audience="both",
        **kw,
    ):
        data = make_parsed(text, tags=list(tags), difficulty=difficulty, audience=audience, **kw)
        return question_create(data=data, topic=on_topic or topic, author=author, status=status)

    return build


@pytest.fixture
def approved_question(make_question, olga):
    return make_question(
        "Cải cách thủ tục hành chính nhằm mục tiêu gì?",
        status="approved",
        author=olga,
        explanation="Theo Nghị quyết 76/NQ-CP, cải cách để phục vụ người dân tốt hơn.",
        legal_reference="Nghị quyết 76/NQ-CP",
        tags=["tthc"],
    )


def _client(user=None) -> Client:
    client = english_client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def olga_client(olga) -> Client:
    """The organizer, browsing in English."""
    return _client(olga)


@pytest.fixture
def phuong_client(phuong) -> Client:
    return _client(phuong)


@pytest.fixture
def khoa_client(khoa) -> Client:
    return _client(khoa)


@pytest.fixture
def anon_client() -> Client:
    return _client()


@pytest.fixture
def contest_round(db):
    """An online round of a contest, created straight through the ORM."""
    from contest.models import Campaign, Contest, Round

    now = timezone.now()
    campaign = Campaign.objects.create(name="Tuyên truyền CCHC", year=now.year)
    contest = Contest.objects.create(
        campaign=campaign,
        title="Thi tìm hiểu CCHC",
        slug="thi-cchc",
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=10),
    )
    return Round.objects.create(
        contest=contest,
        number=1,
        title="Vòng 1",
        opens_at=now - timedelta(days=9),
        closes_at=now + timedelta(days=9),
    )


@pytest.fixture
def make_attempt(contest_round, phuong):
    """An attempt with one item per (version, selected choice ids) pair.

    Items are graded with the version's own key, as the contest service does, and the
    versions are marked used. ``correct_count`` defaults to the items answered right
    (pass it to model an attempt that also had questions outside the test).
    """
    from contest.models import Attempt, AttemptItem
    from quizbank.models import QuestionVersion
    from quizbank.services import grade_response

    numbers = itertools.count(1)

    def build(
        answers,
        *,
        user=None,
        status="submitted",
        is_trial=False,
        correct_count=None,
        question_count=None,
    ):
        started = timezone.now() - timedelta(hours=1)
        finished = status != "in_progress"
        attempt = Attempt.objects.create(
            round=contest_round,
            user=user or phuong,
            number=next(numbers),
            is_trial=is_trial,
            audience="civil_servant",
            seed=12345,
            started_at=started,
            deadline=started + timedelta(minutes=15),
            finished_at=started + timedelta(minutes=10) if finished else None,
            status=status,
            question_count=question_count or len(answers),
        )
        right = 0
        for position, (version, selected) in enumerate(answers):
            is_correct = (
                grade_response(version=version, selected=list(selected)) if finished else None
            )
            right += int(bool(is_correct))
            AttemptItem.objects.create(
                attempt=attempt,
                position=position,
                version=version,
                choice_order=[c.pk for c in version.choices.all()],
                selected=list(selected),
                answered_at=started + timedelta(minutes=1),
                is_correct=is_correct,
            )
        QuestionVersion.objects.filter(pk__in=[v.pk for v, _ in answers]).update(is_used=True)
        if finished:
            attempt.correct_count = right if correct_count is None else correct_count
            attempt.score = Decimal(attempt.correct_count)
            attempt.save(update_fields=["correct_count", "score"])
        return attempt

    return build
