"""The demo contest: the 2019 campaign with an online round open now."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from contest.models import BlueprintRule, Campaign, Contest, PrizeTier, Round
from quizbank.demo_data import PREDICTION_QUESTION

DEMO_SLUG = "cchc-truc-tuyen-demo"


@transaction.atomic
def seed_contest() -> Round:
    """Create (or reopen) the demo contest with round 1 open for the next two weeks."""
    now = timezone.now()
    campaign, _ = Campaign.objects.get_or_create(
        name="Kế hoạch tuyên truyền cải cách hành chính năm 2019",
        year=2019,
        defaults={"description": "Chiến dịch tuyên truyền CCHC tỉnh An Giang (dữ liệu minh họa)."},
    )
    contest, _ = Contest.objects.update_or_create(
        slug=DEMO_SLUG,
        defaults={
            "campaign": campaign,
            "title": "Cuộc thi trực tuyến tìm hiểu cải cách hành chính (minh họa)",
            "description": "Mỗi tuần một vòng thi 10 câu trong 10 phút, kèm một câu dự đoán.",
            "is_published": True,
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=60),
            "one_prize_per_person": True,
        },
    )
    round, created = Round.objects.update_or_create(
        contest=contest,
        number=1,
        defaults={
            "title": "Tuần thi thứ nhất",
            "kind": Round.Kind.ONLINE,
            "is_published": True,
            "opens_at": now - timedelta(hours=1),
            "closes_at": now + timedelta(days=14),
            "duration": timedelta(minutes=10),
            "prediction_question": PREDICTION_QUESTION,
            "reveal": Round.Reveal.AFTER_SUBMIT,
        },
    )
    if created or not round.blueprint.exists():
        for audience in (BlueprintRule.Audience.CIVIL_SERVANT, BlueprintRule.Audience.CITIZEN):
            BlueprintRule.objects.create(round=round, audience=audience, difficulty="easy", count=4)
            BlueprintRule.objects.create(
                round=round, audience=audience, difficulty="medium", count=4
            )
            BlueprintRule.objects.create(round=round, audience=audience, difficulty="hard", count=2)
    if created or not round.prize_tiers.exists():
        for rank, (name, count) in enumerate(
            [("Giải Nhất", 1), ("Giải Nhì", 2), ("Giải Ba", 3), ("Giải Khuyến khích", 5)], start=1
        ):
            PrizeTier.objects.create(round=round, rank=rank, name=name, count=count)
    return round
