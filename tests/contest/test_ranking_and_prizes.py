"""The fair order of a round, the prizes it gives, and the summary for the committee.

Attempts are written straight to the database with a controlled score, prediction and
clock, so each tie-break is exercised on its own.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from contest.selectors import round_ranking, round_summary, round_winners, score_band
from contest.services import attempt_start, participants_count
from tests.contest.conftest import finished_attempt

PREDICTION = "Bao nhiêu người sẽ tham gia vòng thi này?"


def names(entries):
    return [e.user.full_name for e in entries]


@pytest.fixture
def round(make_round):
    return make_round(prediction_question=PREDICTION)


@pytest.mark.django_db
def test_a_higher_score_ranks_first_whatever_the_time_or_prediction(round, make_person):
    slow = make_person("Chậm mà đúng")
    fast = make_person("Nhanh mà sai")
    finished_attempt(round, slow, correct=5, seconds=590, prediction=999)
    finished_attempt(round, fast, correct=4, seconds=10, prediction=2)

    ranking = round_ranking(round=round)

    assert names(ranking) == ["Chậm mà đúng", "Nhanh mà sai"]
    assert [e.rank for e in ranking] == [1, 2]


@pytest.mark.django_db
def test_on_equal_scores_the_prediction_closest_to_the_actual_participants_wins(round, make_person):
    # Four people take part: the actual number is 4.
    far = make_person("Đoán 10")
    close = make_person("Đoán 5")
    exact = make_person("Đoán 4")
    silent = make_person("Không đoán")
    finished_attempt(round, far, correct=3, prediction=10, seconds=30)
    finished_attempt(round, close, correct=3, prediction=5, seconds=200)
    finished_attempt(round, exact, correct=3, prediction=4, seconds=400)
    finished_attempt(round, silent, correct=3, prediction=None, seconds=5)

    ranking = round_ranking(round=round)

    assert participants_count(round=round) == 4
    assert names(ranking) == ["Đoán 4", "Đoán 5", "Đoán 10", "Không đoán"]
    assert [e.prediction_error for e in ranking] == [0, 1, 6, None]


@pytest.mark.django_db
def test_an_under_guess_and_an_over_guess_by_the_same_amount_tie_and_time_decides(
    round, make_person
):
    under = make_person("Đoán thiếu")
    over = make_person("Đoán thừa")
    finished_attempt(round, under, correct=2, prediction=1, seconds=100)
    finished_attempt(round, over, correct=2, prediction=3, seconds=90)

    assert names(round_ranking(round=round)) == ["Đoán thừa", "Đoán thiếu"]


@pytest.mark.django_db
def test_on_equal_score_and_prediction_the_shorter_time_wins(round, make_person):
    slow = make_person("Mất 5 phút")
    quick = make_person("Mất 2 phút")
    finished_attempt(round, slow, correct=4, prediction=2, seconds=300)
    finished_attempt(round, quick, correct=4, prediction=2, seconds=120)

    assert names(round_ranking(round=round)) == ["Mất 2 phút", "Mất 5 phút"]


@pytest.mark.django_db
def test_on_equal_score_prediction_and_time_the_earlier_start_wins(round, make_person):
    now = timezone.now()
    later = make_person("Bắt đầu sau")
    earlier = make_person("Bắt đầu trước")
    finished_attempt(
        round, later, correct=4, prediction=2, seconds=60, started_at=now - timedelta(hours=1)
    )
    finished_attempt(
        round, earlier, correct=4, prediction=2, seconds=60, started_at=now - timedelta(hours=3)
    )

    assert names(round_ranking(round=round)) == ["Bắt đầu trước", "Bắt đầu sau"]


@pytest.mark.django_db
def test_without_a_prediction_question_predictions_are_ignored_and_time_decides(
    make_round, make_person
):
    round = make_round()
    guesser = make_person("Đoán đúng")
    quick = make_person("Nhanh hơn")
    finished_attempt(round, guesser, correct=4, prediction=2, seconds=200)
    finished_attempt(round, quick, correct=4, prediction=None, seconds=100)

    ranking = round_ranking(round=round)

    assert names(ranking) == ["Nhanh hơn", "Đoán đúng"]
    assert [e.prediction_error for e in ranking] == [None, None]


@pytest.mark.django_db
def test_trial_and_in_progress_attempts_never_appear_in_the_ranking(round, make_person, bank, olga):
    finisher = make_person("Đã nộp bài")
    finished_attempt(round, finisher, correct=1)
    finished_attempt(round, olga, correct=5, is_trial=True)
    attempt_start(round=round, user=make_person("Đang làm"))

    assert names(round_ranking(round=round)) == ["Đã nộp bài"]
    assert participants_count(round=round) == 1


@pytest.mark.django_db
def test_an_expired_attempt_counts_like_a_submitted_one(round, make_person):
    finished_attempt(round, make_person("Hết giờ"), correct=3, status="expired", seconds=600)
    finished_attempt(round, make_person("Nộp sớm"), correct=2, seconds=60)

    assert names(round_ranking(round=round)) == ["Hết giờ", "Nộp sớm"]


@pytest.mark.django_db
def test_prizes_go_down_the_ranking_tier_by_tier(make_round, make_person):
    round = make_round(prizes=[("Giải Nhất", 1), ("Giải Nhì", 2), ("Giải Ba", 1)])
    for score in (5, 4, 3, 2, 1, 0):
        finished_attempt(round, make_person(f"Được {score} điểm"), correct=score)

    winners = round_winners(round=round)

    assert [(w.prize, w.user.full_name, w.rank) for w in winners] == [
        ("Giải Nhất", "Được 5 điểm", 1),
        ("Giải Nhì", "Được 4 điểm", 2),
        ("Giải Nhì", "Được 3 điểm", 3),
        ("Giải Ba", "Được 2 điểm", 4),
    ]


@pytest.mark.django_db
def test_fewer_participants_than_prizes_leaves_prizes_unawarded(make_round, make_person):
    round = make_round(prizes=[("Giải Nhất", 1), ("Giải Nhì", 5)])
    finished_attempt(round, make_person("Duy nhất"), correct=1)
    finished_attempt(round, make_person("Thứ hai"), correct=0)

    assert [(w.prize, w.user.full_name) for w in round_winners(round=round)] == [
        ("Giải Nhất", "Duy nhất"),
        ("Giải Nhì", "Thứ hai"),
    ]


@pytest.fixture
def two_rounds(make_round, make_person):
    """Round 1: An wins the only prize. Round 2: An ranks first again, Bình second."""
    first = make_round(prizes=[("Giải Nhất", 1)])
    second = make_round(prizes=[("Giải Nhất", 1), ("Giải Nhì", 1)])
    an, binh, chi = make_person("An"), make_person("Bình"), make_person("Chi")
    finished_attempt(first, an, correct=5)
    finished_attempt(first, binh, correct=3)
    finished_attempt(second, an, correct=5)
    finished_attempt(second, binh, correct=4)
    finished_attempt(second, chi, correct=3)
    return first, second


@pytest.mark.django_db
def test_one_prize_per_person_skips_an_earlier_winner_and_gives_the_prize_to_the_next(
    two_rounds,
):
    first, second = two_rounds
    assert [(w.prize, w.user.full_name) for w in round_winners(round=first)] == [
        ("Giải Nhất", "An")
    ]

    winners = round_winners(round=second)

    assert [(w.prize, w.user.full_name, w.rank) for w in winners] == [
        ("Giải Nhất", "Bình", 2),
        ("Giải Nhì", "Chi", 3),
    ]
    assert names(round_ranking(round=second))[0] == "An", "the ranking itself is unchanged"


@pytest.mark.django_db
def test_without_one_prize_per_person_an_earlier_winner_can_win_again(two_rounds):
    first, second = two_rounds
    first.contest.one_prize_per_person = False
    first.contest.save()
    second.refresh_from_db()

    winners = round_winners(round=second)

    assert [(w.prize, w.user.full_name) for w in winners] == [
        ("Giải Nhất", "An"),
        ("Giải Nhì", "Bình"),
    ]


@pytest.mark.parametrize(
    ("correct", "total", "band"),
    [
        (10, 10, "all"),
        (9, 10, "high"),
        (15, 20, "high"),
        (14, 20, "middle"),
        (5, 20, "middle"),
        (4, 20, "low"),
        (1, 10, "low"),
        (0, 10, "zero"),
    ],
)
def test_score_bands(correct, total, band):
    assert score_band(correct, total) == band


@pytest.mark.django_db
def test_the_summary_counts_people_by_kind_unit_and_score_band(make_round, make_person, units):
    round = make_round()
    people = [
        (make_person("CC Tư pháp 1", unit="AG-STP"), 5),  # all correct
        (make_person("CC Tư pháp 2", unit="AG-STP"), 4),  # 80 %: ≥ 75 %
        (make_person("CC Nội vụ", unit="AG-SNV"), 2),  # 40 %: 25–75 %
        (make_person("Dân Chợ Mới 1", kind="citizen", unit="AG-CM"), 1),  # 20 %: < 25 %
        (make_person("Dân Chợ Mới 2", kind="citizen", unit="AG-CM"), 0),  # zero
        (make_person("Dân Chợ Mới 3", kind="citizen", unit="AG-CM"), 0),  # zero
    ]
    for person, correct in people:
        finished_attempt(round, person, correct=correct, total=5)
    # A preview never changes the summary.
    finished_attempt(round, make_person("Xem thử"), correct=5, is_trial=True)

    summary = round_summary(round=round)

    assert summary.participants == 6
    assert dict(summary.by_kind) == {"civil_servant": 3, "citizen": 3}
    assert summary.by_unit == [
        ("Huyện Chợ Mới", 3, units["AG-CM"].headcount),
        ("Sở Tư pháp", 2, units["AG-STP"].headcount),
        ("Sở Nội vụ", 1, units["AG-SNV"].headcount),
    ]
    assert summary.bands == {"all": 1, "high": 1, "middle": 1, "low": 1, "zero": 2}
