"""Item analysis over synthetic finished attempts: facility, discrimination, choice counts, flags."""

from __future__ import annotations

import math
import re

import pytest
from django.urls import reverse

from quizbank.analysis import FLAG_LABELS, Response, analyse, point_biserial
from quizbank.selectors import item_stats

ATTEMPTS = 30
TOO_EASY = "Too easy: over 95% answer it right"
NEGATIVE = "Negative discrimination: weaker participants do better"
UNUSED = "A wrong choice nobody picks"


# --- point-biserial by hand -------------------------------------------------------------


def test_point_biserial_matches_a_hand_computed_value():
    # rest scores 3, 1, 2, 0: mean 1.5, population sd √1.25; right mean 2, wrong mean 1,
    # p = ½ → (2 − 1) / √1.25 · √(½·½) = 1/√5
    assert point_biserial([True, True, False, False], [3, 1, 2, 0]) == pytest.approx(
        1 / math.sqrt(5)
    )


def test_point_biserial_second_hand_computed_value():
    # mean 2, variance 6/5; right mean 3, wrong mean 4/3, p = 0.4
    # → (5/3) / √1.2 · √0.24 = (5/3)·√0.2
    value = point_biserial([True, False, False, False, True], [4, 2, 1, 1, 2])
    assert value == pytest.approx(5 / 3 * math.sqrt(0.2))


def test_point_biserial_is_negative_when_weaker_attempts_get_it_right():
    assert point_biserial([True, True, False, False], [0, 1, 2, 3]) < 0


@pytest.mark.parametrize(
    ("correct", "rest"),
    [
        ([True], [3]),  # one response
        ([True, True, True], [1, 2, 3]),  # nobody wrong
        ([False, False], [1, 2]),  # nobody right
        ([True, False, True], [2, 2, 2]),  # no spread in the rest of the score
    ],
)
def test_point_biserial_is_undefined_without_variation(correct, rest):
    assert point_biserial(correct, rest) is None


def test_fewer_than_ten_responses_raise_no_flags():
    responses = [Response(i, 7, True, (1,), 5) for i in range(9)]
    stats = analyse(responses, choices={7: [(1, True), (2, False)]})[7]
    assert stats.facility == 1.0
    assert stats.flags == []


def test_every_flag_has_a_label():
    assert set(FLAG_LABELS) == {
        "too_hard",
        "too_easy",
        "negative_discrimination",
        "unused_distractor",
    }


def test_nobody_right_in_ten_is_flagged_too_hard():
    responses = [Response(i, 7, False, (2,), 5 + i % 3) for i in range(10)]
    stats = analyse(responses, choices={7: [(1, True), (2, False)]})[7]
    assert stats.facility == 0
    assert stats.flags == ["too_hard"]


# --- synthetic attempts -------------------------------------------------------------------


@pytest.fixture
def items(make_question, make_attempt):
    """Thirty finished attempts over four questions.

    Attempts 0–14 are weaker (2–6 of 10 right), 15–29 stronger. Each attempt had ten
    questions; the six not modelled here only show in ``correct_count``.

    - easy: true/false, all but the weakest attempt right → too easy
    - negative: only the weaker half gets it right, the stronger half spreads over B/C/D
    - unused: attempts 10–29 right, the others pick B or C; D is never picked
    - fine: attempts 12–29 right, the others spread over B/C/D → no flag
    """
    easy = make_question(
        "Người dân được nộp hồ sơ trực tuyến.",
        kind="true_false",
        choices=["Đúng", "Sai"],
        status="approved",
    ).current_version
    negative = make_question(
        "Ai ký quyết định công bố thủ tục hành chính cấp tỉnh?", status="approved"
    ).current_version
    unused = make_question(
        "Bộ phận Một cửa cấp tỉnh đặt ở đâu?",
        choices=["Trung tâm Phục vụ hành chính công", "Sở Nội vụ", "Sở Tư pháp", "Nhà văn hóa"],
        status="approved",
    ).current_version
    fine = make_question(
        "Thời hạn giải quyết hồ sơ tính từ khi nào?", status="approved"
    ).current_version

    def ids(version):
        return [c.pk for c in version.choices.order_by("order")]

    e, n, u, f = ids(easy), ids(negative), ids(unused), ids(fine)
    for i in range(ATTEMPTS):
        weak = i < 15
        answers = [
            (easy, [e[0] if i != 0 else e[1]]),
            (negative, [n[0] if weak else n[1 + i % 3]]),
            (unused, [u[0] if i >= 10 else u[1 + i % 2]]),
            (fine, [f[0] if i >= 12 else f[1 + i % 3]]),
        ]
        right = (i != 0) + weak + (i >= 10) + (i >= 12)
        others = i % 3 if weak else 3 + i % 3  # the six questions not modelled here
        make_attempt(answers, correct_count=right + others, question_count=10)
    return {"easy": easy, "negative": negative, "unused": unused, "fine": fine}


@pytest.fixture
def noise(items, make_attempt):
    """Attempts that must not count: an organizer's trial and one still in progress."""
    wrong = [(v, [v.choices.get(order=1).pk]) for v in (items["easy"], items["negative"])]
    make_attempt(wrong, is_trial=True)
    make_attempt(wrong, status="in_progress")


@pytest.mark.django_db
def test_item_stats_gives_facility_as_the_exact_share_of_right_answers(items, noise):
    stats = item_stats()

    assert (stats[items["easy"].pk].correct, stats[items["easy"].pk].times_used) == (29, 30)
    assert stats[items["easy"].pk].facility == 29 / 30
    assert stats[items["negative"].pk].facility == 15 / 30
    assert stats[items["unused"].pk].facility == 20 / 30
    assert stats[items["fine"].pk].facility == 18 / 30


@pytest.mark.django_db
def test_item_stats_discrimination_signs(items, noise):
    stats = item_stats()

    assert stats[items["negative"].pk].discrimination < 0
    assert stats[items["unused"].pk].discrimination > 0
    assert stats[items["fine"].pk].discrimination > 0
    assert stats[items["easy"].pk].discrimination > 0


@pytest.mark.django_db
def test_item_stats_counts_every_choice_including_those_nobody_picked(items, noise):
    stats = item_stats()

    def counts(name):
        version = items[name]
        by_id = stats[version.pk].choice_counts
        return [by_id[c.pk] for c in version.choices.order_by("order")]

    assert counts("easy") == [29, 1]
    assert counts("negative") == [15, 5, 5, 5]
    assert counts("unused") == [20, 5, 5, 0]
    assert counts("fine") == [18, 4, 4, 4]


@pytest.mark.django_db
def test_item_stats_flags_each_problem(items, noise):
    stats = item_stats()

    assert stats[items["easy"].pk].flags == ["too_easy"]
    assert stats[items["negative"].pk].flags == ["negative_discrimination"]
    assert stats[items["unused"].pk].flags == ["unused_distractor"]
    assert stats[items["fine"].pk].flags == []


@pytest.mark.django_db
def test_trial_and_unfinished_attempts_are_ignored(items, make_attempt):
    before = {vid: (s.times_used, s.correct) for vid, s in item_stats().items()}
    easy = items["easy"]
    make_attempt([(easy, [easy.choices.get(order=1).pk])], is_trial=True)
    make_attempt([(easy, [easy.choices.get(order=1).pk])], status="in_progress")

    after = {vid: (s.times_used, s.correct) for vid, s in item_stats().items()}
    assert after == before


@pytest.mark.django_db
def test_attempt_finished_at_the_deadline_counts(items, make_attempt):
    easy = items["easy"]
    make_attempt([(easy, [easy.choices.get(order=1).pk])], status="expired")

    stats = item_stats([easy.pk])[easy.pk]
    assert (stats.times_used, stats.correct) == (31, 29)


@pytest.mark.django_db
def test_item_stats_for_chosen_versions_only(items):
    stats = item_stats([items["easy"].pk])
    assert set(stats) == {items["easy"].pk}


@pytest.mark.django_db
def test_unused_version_has_no_facility(make_question):
    version = make_question().current_version
    stats = item_stats([version.pk])[version.pk]
    assert (stats.times_used, stats.facility, stats.flags) == (0, None, [])
    assert set(stats.choice_counts.values()) == {0}


# --- the pages ----------------------------------------------------------------------------


def _row_order(page) -> list[int]:
    return [int(pk) for pk in re.findall(r'href="/bank/(\d+)/#v\d+"', page.content.decode())]


@pytest.mark.django_db
def test_analysis_page_shows_the_flags(olga_client, items, noise):
    html = olga_client.get(reverse("quizbank-analysis")).content.decode()

    assert TOO_EASY in html
    assert NEGATIVE in html
    assert UNUSED in html
    assert "0.97" in html  # 29/30
    assert len(_row_order(olga_client.get(reverse("quizbank-analysis")))) == 4


@pytest.mark.django_db
def test_analysis_page_sorts_by_facility_both_ways(olga_client, items):
    pk = {name: v.question_id for name, v in items.items()}
    up = [pk["negative"], pk["fine"], pk["unused"], pk["easy"]]

    ascending = olga_client.get(reverse("quizbank-analysis"), {"sort": "facility"})
    descending = olga_client.get(reverse("quizbank-analysis"), {"sort": "-facility"})

    assert _row_order(ascending) == up
    assert _row_order(descending) == up[::-1]


@pytest.mark.django_db
def test_analysis_page_can_show_flagged_items_only(olga_client, items):
    page = olga_client.get(reverse("quizbank-analysis"), {"flagged": "1"})
    assert items["fine"].question_id not in _row_order(page)
    assert len(_row_order(page)) == 3


@pytest.mark.django_db
def test_analysis_page_ignores_an_unknown_sort(olga_client, items):
    page = olga_client.get(reverse("quizbank-analysis"), {"sort": "-password"})
    assert page.status_code == 200
    assert len(_row_order(page)) == 4


@pytest.mark.django_db
def test_analysis_page_without_attempts_says_so(olga_client, make_question):
    make_question()
    html = olga_client.get(reverse("quizbank-analysis")).content.decode()
    assert "No finished attempts yet." in html


@pytest.mark.django_db
def test_question_detail_page_shows_use_facility_and_flags(olga_client, items):
    easy = items["easy"]

    html = olga_client.get(
        reverse("quizbank-question-detail", args=[easy.question_id])
    ).content.decode()

    assert "Used: 30" in html
    assert "Facility: 0.97" in html
    assert TOO_EASY in html
    assert "used in attempts" in html


@pytest.mark.django_db
def test_question_detail_page_shows_how_often_each_choice_was_picked(olga_client, items):
    unused = items["unused"]

    html = olga_client.get(
        reverse("quizbank-question-detail", args=[unused.question_id])
    ).content.decode()

    picked = re.findall(r'<td class="num">(\d+)</td>', html)
    assert picked == ["20", "5", "5", "0"]
    assert UNUSED in html
