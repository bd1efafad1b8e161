"""An organizer builds a contest and a round through the forms, previews it, opens,
closes and extends it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.hashers import check_password
from django.utils import timezone

from contest import services
from contest.models import Attempt, Campaign, Contest, Round
from contest.selectors import round_ranking
from tests.contest.conftest import GRACE_SECONDS, items_of
from tests.helpers import english_client


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


@pytest.fixture
def organizer(olga):
    client = english_client()
    client.force_login(olga)
    return client


@pytest.fixture
def contest(db):
    now = timezone.now()
    campaign = Campaign.objects.create(name="Kế hoạch CCHC 2019", year=2019)
    return Contest.objects.create(
        campaign=campaign,
        title="Cuộc thi trực tuyến",
        slug="cuoc-thi-truc-tuyen",
        is_published=True,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )


def formset(prefix, rows, initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    return data


def round_post(topic, *, hard_count=1, **overrides):
    now = timezone.now()
    data = {
        "number": "1",
        "title": "Tuần thi thứ nhất",
        "description": "Mười phút, năm câu.",
        "opens_at": local(now - timedelta(hours=1)),
        "closes_at": local(now + timedelta(days=7)),
        "duration_minutes": "12",
        "shuffle_questions": "on",
        "shuffle_choices": "on",
        "attempts_allowed": "2",
        "counting": "best",
        "eligibility": "all",
        "prediction_question": "Bao nhiêu người sẽ tham gia?",
        "reveal": "after_close",
        "new_password": "hoa-sen",
    }
    rules = []
    for audience in ("civil_servant", "citizen"):
        rules += [
            {"audience": audience, "topic": str(topic.pk), "difficulty": "easy", "count": "2"},
            {"audience": audience, "topic": "", "difficulty": "medium", "count": "2"},
            {"audience": audience, "topic": "", "difficulty": "hard", "count": str(hard_count)},
        ]
    data.update(formset("bp", rules))
    data.update(
        formset(
            "prize",
            [
                {"rank": "1", "name": "Giải Nhất", "count": "1"},
                {"rank": "2", "name": "Giải Nhì", "count": "3"},
            ],
        )
    )
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_an_organizer_creates_a_contest_through_the_form(organizer):
    campaign = Campaign.objects.create(name="Kế hoạch CCHC 2019", year=2019)
    now = timezone.now()

    response = organizer.post(
        "/manage/contests/new/",
        {
            "campaign": str(campaign.pk),
            "title": "Tìm hiểu cải cách hành chính",
            "slug": "tim-hieu-cchc-2019",
            "description": "",
            "opens_at": local(now),
            "closes_at": local(now + timedelta(days=30)),
            "one_prize_per_person": "on",
            "is_published": "on",
        },
    )

    contest = Contest.objects.get(slug="tim-hieu-cchc-2019")
    assert response.status_code == 302
    assert response["Location"] == f"/manage/contests/{contest.pk}/"
    assert contest.campaign == campaign
    assert contest.one_prize_per_person and contest.is_published


@pytest.mark.django_db
def test_a_contest_that_closes_before_it_opens_is_refused_with_a_message(organizer):
    campaign = Campaign.objects.create(name="Kế hoạch CCHC 2019", year=2019)
    now = timezone.now()

    response = organizer.post(
        "/manage/contests/new/",
        {
            "campaign": str(campaign.pk),
            "title": "Sai ngày",
            "slug": "sai-ngay",
            "opens_at": local(now),
            "closes_at": local(now - timedelta(days=1)),
        },
    )

    assert response.status_code == 200
    assert b"The close must be after the opening." in response.content
    assert not Contest.objects.exists()


@pytest.mark.django_db
def test_an_organizer_creates_a_round_with_blueprint_and_prize_tiers_through_the_form(
    organizer, contest, topic, bank, units
):
    form_page = organizer.get(f"/manage/contests/{contest.pk}/rounds/new/")
    assert form_page.status_code == 200
    assert b'name="bp-TOTAL_FORMS"' in form_page.content

    response = organizer.post(
        f"/manage/contests/{contest.pk}/rounds/new/",
        round_post(topic, eligible_units=[str(units["AG-CM"].pk)]),
        follow=True,
    )

    round = Round.objects.get(contest=contest)
    assert response.redirect_chain[-1][0] == f"/manage/rounds/{round.pk}/"
    assert "Round saved." in messages_of(response)
    assert round.duration == timedelta(minutes=12)
    assert round.attempts_allowed == 2
    assert round.reveal == Round.Reveal.AFTER_CLOSE
    assert round.is_published is False, "a new round waits for the organizer to open it"
    assert round.question_count == 5
    rules = [(r.audience, r.topic_id, r.difficulty, r.count) for r in round.blueprint.all()]
    assert rules == [
        (audience, topic_id, difficulty, count)
        for audience in ("citizen", "civil_servant")
        for topic_id, difficulty, count in (
            (topic.pk, "easy", 2),
            (None, "medium", 2),
            (None, "hard", 1),
        )
    ]
    assert [(t.rank, t.name, t.count) for t in round.prize_tiers.all()] == [
        (1, "Giải Nhất", 1),
        (2, "Giải Nhì", 3),
    ]
    assert list(round.eligible_units.all()) == [units["AG-CM"]]
    assert round.access_password != "hoa-sen"
    assert check_password("hoa-sen", round.access_password)


@pytest.mark.django_db
def test_editing_a_round_without_a_new_password_keeps_the_old_one(organizer, contest, topic, bank):
    organizer.post(f"/manage/contests/{contest.pk}/rounds/new/", round_post(topic))
    round = Round.objects.get()
    hashed = round.access_password
    data = round_post(topic, new_password="", title="Tuần thi thứ nhất (sửa)")
    for prefix, model in (("bp", round.blueprint), ("prize", round.prize_tiers)):
        data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = str(model.count())
        for i, obj in enumerate(model.order_by("pk")):
            data[f"{prefix}-{i}-id"] = str(obj.pk)

    response = organizer.post(f"/manage/contests/{contest.pk}/rounds/{round.pk}/edit/", data)

    assert response.status_code == 302
    round.refresh_from_db()
    assert round.title == "Tuần thi thứ nhất (sửa)"
    assert round.access_password == hashed
    assert round.blueprint.count() == 6


@pytest.mark.django_db
def test_saving_a_round_the_bank_cannot_fill_warns_the_organizer(organizer, contest, topic, bank):
    response = organizer.post(
        f"/manage/contests/{contest.pk}/rounds/new/", round_post(topic, hard_count=11), follow=True
    )

    assert Round.objects.count() == 1
    warnings = [m for m in messages_of(response) if "needs 11" in m]
    assert len(warnings) == 2, messages_of(response)


@pytest.mark.django_db
def test_the_preview_is_a_trial_attempt_that_never_counts_in_the_ranking(
    organizer, olga, make_round, bank, api_for
):
    round = make_round(is_published=False)

    response = organizer.post(f"/manage/rounds/{round.pk}/preview/")

    trial = Attempt.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/attempts/{trial.pk}/"
    assert trial.is_trial and trial.user == olga
    page = organizer.get(response["Location"])
    assert b"Trial (does not count)" in page.content

    api = api_for(olga)
    for item in items_of(trial.pk):
        api.answer(trial.pk, item.position, {"selected": sorted(item.version.correct_choice_ids())})
    result = api.submit(trial.pk).json()
    assert result["score"] == 5
    assert result["review_available"] is True, "the organizer checks the key in a preview"
    assert round_ranking(round=round) == []
    assert services.participants_count(round=round) == 0

    organizer.post(f"/manage/rounds/{round.pk}/preview/")
    assert Attempt.objects.filter(is_trial=True).count() == 2, "a preview can be repeated"


@pytest.mark.django_db
def test_opening_is_refused_with_a_message_while_the_bank_cannot_fill_the_blueprint(
    organizer, make_round, bank
):
    round = make_round(is_published=False, blueprint=[("hard", 11)])

    response = organizer.post(f"/manage/rounds/{round.pk}/open/", follow=True)

    round.refresh_from_db()
    assert round.is_published is False
    shown = messages_of(response)
    assert any("needs 11 approved questions, the bank has 10" in m for m in shown), shown


@pytest.mark.django_db
def test_opening_publishes_a_round_the_bank_can_fill(organizer, make_round, bank, phuong, api_for):
    round = make_round(is_published=False)
    assert api_for(phuong).start(round).json()["code"] == "not_open"

    response = organizer.post(f"/manage/rounds/{round.pk}/open/", follow=True)

    round.refresh_from_db()
    assert round.is_published is True
    assert "The round is published." in messages_of(response)
    assert api_for(phuong).start(round).status_code == 200


@pytest.mark.django_db
def test_closing_stops_new_starts_and_ends_attempts_in_progress_at_the_close(
    organizer, round_open, phuong, dan, api_for
):
    running = services.attempt_start(round=round_open, user=phuong)
    assert running.deadline > timezone.now() + timedelta(minutes=9)

    response = organizer.post(f"/manage/rounds/{round_open.pk}/close/", follow=True)

    assert "The round is closed." in messages_of(response)
    round_open.refresh_from_db()
    running.refresh_from_db()
    assert round_open.closes_at <= timezone.now()
    assert running.deadline == round_open.closes_at
    assert api_for(dan).start(round_open).json()["code"] == "closed"

    later = running.deadline + timedelta(seconds=GRACE_SECONDS + 1)
    assert services.attempt_finish_if_due(attempt=running, now=later)
    assert running.status == Attempt.Status.EXPIRED
    assert running.finished_at == round_open.closes_at


@pytest.mark.django_db
def test_extending_moves_the_close_later(organizer, round_open):
    until = timezone.localtime(round_open.closes_at + timedelta(days=3)).replace(
        second=0, microsecond=0
    )

    response = organizer.post(
        f"/manage/rounds/{round_open.pk}/extend/", {"closes_at": local(until)}, follow=True
    )

    round_open.refresh_from_db()
    assert round_open.closes_at == until
    assert "The round now closes later." in messages_of(response)


@pytest.mark.django_db
def test_extending_to_an_earlier_close_is_refused_with_a_message(organizer, round_open):
    closes = round_open.closes_at

    response = organizer.post(
        f"/manage/rounds/{round_open.pk}/extend/",
        {"closes_at": local(closes - timedelta(days=1))},
        follow=True,
    )

    round_open.refresh_from_db()
    assert round_open.closes_at == closes
    assert "The new close must be later than the current one." in messages_of(response)
    bad = organizer.post(
        f"/manage/rounds/{round_open.pk}/extend/", {"closes_at": "tomorrow"}, follow=True
    )
    assert "Enter a valid date and time." in messages_of(bad)


@pytest.mark.django_db
def test_an_unknown_action_is_refused_with_a_message(organizer, round_open):
    response = organizer.post(f"/manage/rounds/{round_open.pk}/explode/", follow=True)

    assert "Unknown action." in messages_of(response)


@pytest.mark.django_db
def test_extending_gives_an_attempt_cut_short_by_the_old_close_its_full_time(
    organizer, make_round, bank, phuong, dan
):
    closes = timezone.now() + timedelta(minutes=3)
    round = make_round(closes_at=closes, duration=timedelta(minutes=10))
    cut_short = services.attempt_start(round=round, user=phuong)
    assert cut_short.deadline == closes

    services.round_extend(round=round, until=closes + timedelta(days=1))

    cut_short.refresh_from_db()
    assert cut_short.deadline == cut_short.started_at + timedelta(minutes=10)


@pytest.mark.django_db
def test_extending_never_reopens_an_attempt_whose_deadline_has_already_passed(
    organizer, make_round, bank, phuong
):
    round = make_round()
    attempt = services.attempt_start(round=round, user=phuong)
    past = timezone.now() - timedelta(minutes=1)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=past - timedelta(minutes=5), deadline=past
    )
    Round.objects.filter(pk=round.pk).update(closes_at=past)
    round.refresh_from_db()

    services.round_extend(round=round, until=timezone.now() + timedelta(days=1))

    attempt.refresh_from_db()
    assert attempt.deadline == past
    assert services.attempt_finish_if_due(attempt=attempt)


@pytest.mark.django_db
def test_closing_a_round_that_has_not_opened_withdraws_it(organizer, make_round):
    now = timezone.now()
    upcoming = make_round(opens_at=now + timedelta(days=2), closes_at=now + timedelta(days=9))

    organizer.post(f"/manage/rounds/{upcoming.pk}/close/", follow=True)

    upcoming.refresh_from_db()
    assert upcoming.is_published is False
    assert upcoming.opens_at > now
