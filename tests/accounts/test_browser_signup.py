"""Sign-up on a 360-px phone in a real Chromium: fill the form, confirm the e-mail, log in."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail

from accounts.models import User
from tests.accounts.helpers import PASSWORD, confirmation_path

SHOTS = Path("/tmp/shots")
PHONE_WIDTH = 360
LOGOUT_BUTTON = "header form[action='/accounts/logout/'] button"
SUBMIT = "main form.form button[type=submit]"


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an event loop running in this thread; the ORM calls
    made here (fixtures, assertions) are still plain synchronous code."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def assert_no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width}px wide on a {PHONE_WIDTH}px screen"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_citizen_signs_up_confirms_and_logs_in_on_a_phone(live_server, phone_page, units):
    page = phone_page
    page.goto(f"{live_server.url}/accounts/signup/")
    assert_no_horizontal_scroll(page)

    page.fill("#id_email", "hoa.dang@example.vn")
    page.fill("#id_full_name", "Đặng Thị Hoa")
    page.check("input[name=kind][value=citizen]")
    page.select_option("#id_unit", value=str(units["AG-CM"].pk))
    page.fill("#id_phone", "+84 386 123 456")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    assert_no_horizontal_scroll(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "signup-360.png"), full_page=True)

    page.click(SUBMIT)
    page.wait_for_url("**/accounts/confirm-email/")
    assert_no_horizontal_scroll(page)
    user = User.objects.get(email="hoa.dang@example.vn")
    assert user.unit == units["AG-CM"]
    assert user.phone == "0386123456"

    assert len(mail.outbox) == 1
    page.goto(live_server.url + confirmation_path(mail.outbox[0]))
    assert "hoa.dang@example.vn" in page.inner_text("main")
    assert_no_horizontal_scroll(page)
    page.click(SUBMIT)
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator(LOGOUT_BUTTON).is_visible()
    assert_no_horizontal_scroll(page)

    page.click(LOGOUT_BUTTON)
    page.wait_for_selector("header a[href='/accounts/login/']")
    assert page.locator(LOGOUT_BUTTON).count() == 0

    page.click("header a[href='/accounts/login/']")
    page.wait_for_url("**/accounts/login/")
    assert_no_horizontal_scroll(page)
    page.fill("#id_login", "hoa.dang@example.vn")
    page.fill("#id_password", PASSWORD)
    page.click(SUBMIT)
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator(LOGOUT_BUTTON).is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_signup_errors_appear_beside_the_fields_on_a_phone(live_server, phone_page, units):
    page = phone_page
    page.goto(f"{live_server.url}/accounts/signup/")
    page.fill("#id_email", "hoa.dang@example.vn")
    page.fill("#id_full_name", "Đặng Thị Hoa")
    page.check("input[name=kind][value=citizen]")
    page.select_option("#id_unit", value=str(units["AG-STP"].pk))
    page.fill("#id_phone", "12345")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)

    page.click(SUBMIT)

    page.wait_for_selector("#id_phone_error")
    assert page.locator("#field-phone #id_phone_error").is_visible()
    assert page.locator("#field-unit #id_unit_error").is_visible()
    assert page.get_attribute("#id_phone", "aria-invalid") == "true"
    assert page.input_value("#id_phone") == "12345"
    assert_no_horizontal_scroll(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "signup-errors-360.png"), full_page=True)
    assert not User.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_first_tab_reaches_the_skip_link_which_jumps_to_the_content(live_server, phone_page):
    page = phone_page
    page.goto(f"{live_server.url}/accounts/signup/")

    page.keyboard.press("Tab")

    focused = page.evaluate(
        "({cls: document.activeElement.className, href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"cls": "skip-link", "href": "#main"}
    box = page.locator(".skip-link").bounding_box()
    assert box is not None
    assert 0 <= box["x"] < PHONE_WIDTH, "the focused skip link is on screen"

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
