"""A coordinator follows how many people of their unit (and the units below) took part."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from contest.models import Attempt, Campaign, Contest, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def online_round():
    now = timezone.now()
    campaign = Campaign.objects.create(name="Kế hoạch 2019", year=2019)
    contest = Contest.objects.create(
        campaign=campaign,
        title="Thi CCHC",
        slug="thi-cchc",
        is_published=True,
        opens_at=now - timedelta(days=2),
        closes_at=now + timedelta(days=5),
    )
    return Round.objects.create(
        contest=contest,
        number=1,
        title="Tuần thi thứ nhất",
        is_published=True,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=1),
    )


def _attempt(round, user, unit, *, finished=True, trial=False):
    now = timezone.now()
    return Attempt.objects.create(
        round=round,
        user=user,
        unit=unit,
        audience="civil_servant",
        is_trial=trial,
        seed=1,
        started_at=now - timedelta(minutes=10),
        deadline=now + timedelta(minutes=5),
        status="submitted" if finished else "in_progress",
        finished_at=now if finished else None,
    )


def test_coordinator_sees_finished_participants_of_their_unit_per_round(
    client, cuong, phuong, dan, units, online_round
):
    from accounts.models import User

    colleague = User.objects.create_user(
        email="colleague@example.vn",
        password="x",
        full_name="Đồng Nghiệp",
        kind="civil_servant",
        unit=units["AG-LX"],
    )
    units["AG-LX"].headcount = 200
    units["AG-LX"].save()
    _attempt(online_round, cuong, units["AG-LX"])
    _attempt(online_round, colleague, units["AG-LX"], finished=False)  # still answering
    _attempt(online_round, phuong, units["AG-STP"])  # another unit
    _attempt(online_round, dan, units["AG-LX"], trial=True)  # a trial never counts
    client.force_login(cuong)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("accounts-my-unit"))

    assert response.status_code == 200
    rows = response.context["participation"]
    assert [(r.round.pk, r.participants) for r in rows] == [(online_round.pk, 1)]
    assert "Tuần thi thứ nhất" in response.content.decode()
    assert ">0.5%<" in response.content.decode()  # 1 of a headcount of 200
