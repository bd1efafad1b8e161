"""Who may start a round, when, and how often; how repeated attempts are counted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.hashers import check_password
from django.test import Client
from django.utils import timezone

from accounts.models import OrganizationUnit, User
from contest.models import Attempt, Round
from contest.selectors import round_ranking
from contest.services import round_set_password
from tests.contest.conftest import items_of
from tests.helpers import english_client


def refused(response, status, code):
    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    return response.json()["message"]


def take(api, round, *, right):
    """Start, answer every question right (or wrong), submit; returns the result JSON."""
    state = api.start(round).json()
    for item in items_of(state["id"]):
        key = sorted(item.version.correct_choice_ids())
        chosen = key if right else [c for c in item.choice_order if c not in key][:1]
        assert api.answer(state["id"], item.position, {"selected": chosen}).status_code == 200
    return api.submit(state["id"]).json()


@pytest.mark.django_db
def test_one_attempt_by_default_a_second_start_after_submitting_is_refused(
    round_open, phuong, api_for
):
    api = api_for(phuong)
    first = take(api, round_open, right=True)

    message = refused(api.start(round_open), 409, "no_attempts_left")

    assert message == "You have used all your attempts for this round."
    assert Attempt.objects.filter(user=phuong).count() == 1
    assert first["score"] == 5


@pytest.mark.django_db
def test_the_round_page_says_the_attempts_are_used_instead_of_offering_start(
    round_open, phuong, api_for
):
    api = api_for(phuong)
    take(api, round_open, right=True)

    page = api.client.get(f"/c/{round_open.contest.slug}/rounds/1/")

    assert b"You have used all your attempts for this round." in page.content
    assert b"/rounds/1/start/" not in page.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("counting", "counted_number", "counted_score"),
    [(Round.Counting.BEST, 2, 5), (Round.Counting.FIRST, 1, 0)],
)
def test_with_two_attempts_the_ranking_counts_the_best_or_the_first(
    make_round, bank, phuong, api_for, counting, counted_number, counted_score
):
    round = make_round(attempts_allowed=2, counting=counting)
    api = api_for(phuong)
    assert take(api, round, right=False)["score"] == 0
    assert take(api, round, right=True)["score"] == 5

    refused(api.start(round), 409, "no_attempts_left")
    ranking = round_ranking(round=round)

    assert len(ranking) == 1
    assert ranking[0].attempt.number == counted_number
    assert ranking[0].attempt.score == counted_score


@pytest.mark.django_db
def test_a_citizens_only_round_refuses_a_civil_servant_and_admits_a_citizen(
    make_round, bank, phuong, dan, api_for
):
    round = make_round(eligibility=Round.Eligibility.CITIZENS)

    message = refused(api_for(phuong).start(round), 403, "not_eligible")

    assert message == "This round is not open to your group of participants."
    assert api_for(dan).start(round).status_code == 200
    assert list(Attempt.objects.values_list("user", flat=True)) == [dan.pk]


@pytest.mark.django_db
def test_a_civil_servants_only_round_refuses_a_citizen(make_round, bank, dan, api_for):
    round = make_round(eligibility=Round.Eligibility.CIVIL_SERVANTS)

    refused(api_for(dan).start(round), 403, "not_eligible")


@pytest.mark.django_db
def test_listed_units_admit_their_own_people_and_people_of_units_below_them(
    make_round, bank, units, phuong, dan, make_person, api_for
):
    commune = OrganizationUnit.objects.create(
        code="AG-CM-MH", name="Xã Mỹ Hội Đông", parent=units["AG-CM"], level="commune"
    )
    villager = make_person("Người Xã Mỹ Hội", kind="citizen", unit="AG-CM")
    villager.unit = commune
    villager.save()
    round = make_round()
    round.eligible_units.set([units["AG-CM"]])

    message = refused(api_for(phuong).start(round), 403, "unit_not_listed")

    assert message == "This round is open only to listed units."
    assert api_for(dan).start(round).status_code == 200
    assert api_for(villager).start(round).status_code == 200


@pytest.mark.django_db
def test_listing_the_province_admits_every_unit_below_it(make_round, bank, units, phuong, api_for):
    round = make_round()
    round.eligible_units.set([units["AG"]])

    assert api_for(phuong).start(round).status_code == 200


@pytest.mark.django_db
def test_the_access_password_is_stored_hashed_and_checked(make_round, bank, phuong, api_for):
    round = make_round()
    round_set_password(round=round, password="hoa-sen-2019")
    round.save()
    round.refresh_from_db()
    assert round.access_password != "hoa-sen-2019"
    assert check_password("hoa-sen-2019", round.access_password)
    api = api_for(phuong)

    assert refused(api.start(round), 403, "bad_password") == "The access password is wrong."
    refused(api.start(round, password="hoa-sen"), 403, "bad_password")
    assert Attempt.objects.count() == 0
    assert api.start(round, password="hoa-sen-2019").status_code == 200


@pytest.mark.django_db
def test_the_round_page_asks_for_the_password_and_a_wrong_one_is_shown_as_an_error(
    make_round, bank, phuong
):
    round = make_round()
    round_set_password(round=round, password="hoa-sen-2019")
    round.save()
    client = english_client()
    client.force_login(phuong)
    detail = f"/c/{round.contest.slug}/rounds/{round.number}/"

    assert b'name="password"' in client.get(detail).content
    wrong = client.post(detail + "start/", {"password": "sai"}, follow=True)
    assert b"The access password is wrong." in wrong.content
    right = client.post(detail + "start/", {"password": "hoa-sen-2019"})
    assert right.status_code == 302
    assert right["Location"] == f"/attempts/{Attempt.objects.get().pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "code", "message"),
    [
        (
            {"opens_at_in": timedelta(hours=1)},
            "not_open",
            "This round has not opened yet.",
        ),
        ({"is_published": False}, "not_open", "This round has not opened yet."),
        (
            {"opens_at_in": -timedelta(days=2), "closes_at_in": -timedelta(minutes=1)},
            "closed",
            "This round has closed.",
        ),
    ],
    ids=["not-open-yet", "unpublished", "closed"],
)
def test_a_round_that_is_not_open_refuses_starts_with_409(
    make_round, bank, phuong, api_for, fields, code, message
):
    now = timezone.now()
    values = {}
    if "opens_at_in" in fields:
        values["opens_at"] = now + fields["opens_at_in"]
        values["closes_at"] = now + fields.get("closes_at_in", timedelta(days=1))
    if "is_published" in fields:
        values["is_published"] = fields["is_published"]
    round = make_round(**values)

    assert refused(api_for(phuong).start(round), 409, code) == message
    assert Attempt.objects.count() == 0


@pytest.mark.django_db
def test_an_incomplete_profile_must_be_completed_first(round_open, units, api_for):
    from tests.conftest import _make_user

    nameless = _make_user("vo.danh@example.vn", "", "citizen", units["AG-CM"], ["participant"])
    no_kind = User.objects.create_user(
        email="chua.ro@example.vn", password="pw-Secret-123", full_name="Chưa Rõ", unit=units["AG"]
    )

    for person in (nameless, no_kind):
        message = refused(api_for(person).start(round_open), 409, "profile_incomplete")
        assert "Complete your profile" in message
    assert Attempt.objects.count() == 0


@pytest.mark.django_db
def test_the_start_button_sends_an_incomplete_profile_to_the_profile_page(round_open, units):
    person = User.objects.create_user(email="moi@example.vn", password="pw-Secret-123")
    client = english_client()
    client.force_login(person)

    response = client.post(f"/c/{round_open.contest.slug}/rounds/1/start/")

    assert response.status_code == 302
    assert response["Location"] == "/me/profile/"
    assert Attempt.objects.count() == 0


@pytest.mark.django_db
def test_an_anonymous_visitor_is_invited_to_sign_in(round_open):
    page = english_client().get(f"/c/{round_open.contest.slug}/rounds/1/")

    assert page.status_code == 200
    assert b"Sign in to take part" in page.content
    assert b"/rounds/1/start/" not in page.content


@pytest.mark.django_db
def test_an_unpublished_round_has_no_public_page(make_round, bank):
    round = make_round(is_published=False)

    assert Client().get(f"/c/{round.contest.slug}/rounds/{round.number}/").status_code == 404


@pytest.mark.django_db
def test_a_published_round_of_an_unpublished_contest_cannot_be_started(round_open, phuong, api_for):
    round_open.contest.is_published = False
    round_open.contest.save()

    refused(api_for(phuong).start(round_open), 409, "not_open")
    assert Attempt.objects.count() == 0
