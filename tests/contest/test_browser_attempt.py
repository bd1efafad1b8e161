"""A whole attempt on a 360-px phone in a real Chromium: log in, start, answer, reload,
submit, see the score."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.db.models import F
from playwright.sync_api import expect

from contest.models import Attempt
from tests.contest.conftest import items_of

SHOTS = Path("/tmp/shots")
PHONE_WIDTH = 360
SUBMIT = "main form.form button[type=submit]"


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an event loop running in this thread; the ORM calls
    made here (fixtures, assertions) are still plain synchronous code."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def assert_no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width}px wide on a {PHONE_WIDTH}px screen"


def seconds_left(page) -> int:
    text = page.inner_text("#timer")
    match = re.fullmatch(r"(\d+):(\d\d)", text)
    assert match, f"the timer shows {text!r}"
    return int(match[1]) * 60 + int(match[2])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_civil_servant_takes_a_whole_round_on_a_phone(
    live_server, phone_page, round_with_prediction, phuong
):
    page = phone_page
    round = round_with_prediction
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_login", phuong.email)
    page.fill("#id_password", "pw-Secret-123")
    page.click(SUBMIT)
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/c/{round.contest.slug}/rounds/{round.number}/")
    assert_no_horizontal_scroll(page)
    page.click("form[action$='/start/'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/attempts/\d+/$"))
    attempt = Attempt.objects.get(user=phuong)
    expect(page.locator("#questions li.question")).to_have_count(5)
    saved = page.evaluate("JSON.parse(document.getElementById('attempt-i18n').textContent).saved")
    assert_no_horizontal_scroll(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "attempt-360-start.png"))

    items = items_of(attempt.pk)
    for item in items:
        for choice in sorted(item.version.correct_choice_ids()):
            page.click(f"label[for='c{item.position}-{choice}']")
        expect(page.locator(f"#s{item.position}")).to_have_text(saved)
    page.fill("#prediction", "3")
    page.locator("#prediction").blur()
    expect(page.locator("#prediction-state")).to_have_text(saved)
    expect(page.locator("#palette a.answered")).to_have_count(5)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(SHOTS / "attempt-360.png"), full_page=True)
    page.screenshot(path=str(SHOTS / "attempt-360-top.png"))
    for item in items_of(attempt.pk):
        assert item.selected == sorted(item.version.correct_choice_ids()), "saved on the server"
    attempt.refresh_from_db()
    assert attempt.prediction == 3

    before = seconds_left(page)
    assert 0 < before <= 600
    # The phone is put away for three minutes: the server's clock keeps running.
    away = timedelta(minutes=3)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=F("started_at") - away, deadline=F("deadline") - away
    )
    page.reload()
    expect(page.locator("#questions li.question")).to_have_count(5)
    for item in items:
        for choice in item.choice_order:
            checked = page.is_checked(f"#c{item.position}-{choice}")
            assert checked == (choice in item.version.correct_choice_ids())
    assert page.input_value("#prediction") == "3"
    after = seconds_left(page)
    assert before - 185 <= after <= before - 180, f"the timer went from {before}s to {after}s"
    assert Attempt.objects.get(pk=attempt.pk).deadline == attempt.deadline - away

    page.on("dialog", lambda dialog: dialog.accept())
    page.click("#submit")
    page.wait_for_url(f"**/attempts/{attempt.pk}/result/")
    expect(page.locator(".big-score")).to_have_text("5/5")
    assert_no_horizontal_scroll(page)
    page.screenshot(path=str(SHOTS / "attempt-result-360.png"), full_page=True)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score == 5
    assert errors == []
