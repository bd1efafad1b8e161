"""An organizer writes a question in a real Chromium and sees the live preview."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from quizbank.models import Question


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_organizer_writes_a_question_and_the_preview_follows_as_they_type(
    live_server, browser, olga, topic
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_login", olga.email)
    page.fill("#id_password", "pw-Secret-123")
    page.click("main form.form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/bank/new/")

    page.select_option("#id_topic", str(topic.pk))
    page.fill("#id_text", "Theo **Nghị định 61/2018**, bộ phận *một cửa* <b>làm gì</b>?")
    page.fill("#id_choice_0", "Tiếp nhận hồ sơ và trả kết quả")
    page.fill("#id_choice_1", "Ban hành văn bản quy phạm pháp luật")
    page.check("#id_correct_0")

    preview = page.locator("#preview-text")
    expect(preview.locator("strong")).to_have_text("Nghị định 61/2018")
    expect(preview.locator("em")).to_have_text("một cửa")
    expect(preview).to_contain_text("<b>làm gì</b>")  # shown as text, never as markup
    expect(page.locator("#preview-choices li")).to_have_count(2)

    page.select_option("#id_kind", "numeric")
    expect(page.locator("#choices-block")).to_be_hidden()
    expect(page.locator("#preview-numeric")).to_be_visible()
    page.select_option("#id_kind", "single")

    page.click("#question-form button[type=submit]")
    expect(page.locator(".form-errors")).to_be_visible()  # <b> is refused
    assert Question.objects.count() == 0

    page.fill("#id_text", "Theo **Nghị định 61/2018**, bộ phận *một cửa* làm gì?")
    page.click("#question-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/bank/*/")
    expect(page.locator(".q-text strong").first).to_have_text("Nghị định 61/2018")
    question = Question.objects.get()
    assert question.current_version.choices.get(is_correct=True).text.startswith("Tiếp nhận")
    assert errors == []
    context.close()
