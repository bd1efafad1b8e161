"""The platform under the apps: the ASGI application and settings read from the environment."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from channels.testing import HttpCommunicator, WebsocketCommunicator
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
SAME_ORIGIN = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]


def asgi_application():
    from config.asgi import application

    return application


# --- ASGI: HTTP and websockets through the real application ---------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_asgi_application_serves_the_home_page():
    communicator = HttpCommunicator(
        asgi_application(), "GET", "/", headers=[(b"host", b"127.0.0.1:8000")]
    )

    response = await communicator.get_response()

    assert response["status"] == 200
    assert b'<html lang="vi">' in response["body"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_asgi_application_refuses_an_unknown_host():
    communicator = HttpCommunicator(
        asgi_application(), "GET", "/", headers=[(b"host", b"attacker.example")]
    )

    response = await communicator.get_response()

    assert response["status"] == 400


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_clock_websocket_greets_with_the_server_time_and_answers_pings():
    communicator = WebsocketCommunicator(asgi_application(), "/ws/clock/", headers=SAME_ORIGIN)
    connected, _ = await communicator.connect()
    try:
        assert connected
        greeting = await communicator.receive_json_from()
        assert greeting["type"] == "clock.synced"
        assert greeting["server_time"]

        await communicator.send_json_to({"type": "ping"})
        pong = await communicator.receive_json_from()
        assert pong["type"] == "clock.synced"
        assert pong["server_time"] >= greeting["server_time"]

        await communicator.send_json_to({"type": "launch-missiles"})
        assert await communicator.receive_json_from() == {
            "type": "error",
            "code": "unknown_message",
        }

        await communicator.send_json_to(["not", "an", "object"])
        assert (await communicator.receive_json_from())["type"] == "error"
    finally:
        await communicator.disconnect()


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_clock_websocket_answers_text_that_is_not_json_with_an_error():
    communicator = WebsocketCommunicator(asgi_application(), "/ws/clock/", headers=SAME_ORIGIN)
    connected, _ = await communicator.connect()
    assert connected
    await communicator.receive_json_from()
    try:
        await communicator.send_to(text_data="{not json")
        assert (await communicator.receive_json_from())["type"] == "error"
    finally:
        await communicator.disconnect()


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_clock_websocket_from_a_foreign_origin_is_rejected():
    communicator = WebsocketCommunicator(
        asgi_application(),
        "/ws/clock/",
        headers=[(b"origin", b"https://evil.example"), (b"host", b"127.0.0.1:8000")],
    )

    connected, _ = await communicator.connect()

    assert not connected


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_unknown_websocket_path_is_not_accepted():
    communicator = WebsocketCommunicator(asgi_application(), "/ws/nothing/", headers=SAME_ORIGIN)

    with pytest.raises(ValueError, match="No route found"):
        await communicator.connect()


# --- Settings from the environment ---------------------------------------------------

PRODUCTION_ENV = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "cchc.example.vn",
    "CSRF_TRUSTED_ORIGINS": "https://cchc.example.vn",
}
_SETTINGS_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "ACCOUNT_RATE_LIMITS_ENABLED",
    "EMAIL_HOST",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run manage.py in a fresh interpreter with only the given settings variables."""
    base = {k: v for k, v in os.environ.items() if k not in _SETTINGS_VARIABLES}
    base["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def strong_secret_key() -> str:
    return secrets.token_urlsafe(60)


def test_deploy_check_passes_with_production_settings():
    result = manage("check", "--deploy", SECRET_KEY=strong_secret_key(), **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_deploy_check_warns_about_a_weak_secret_key():
    result = manage("check", "--deploy", SECRET_KEY="changeme", **PRODUCTION_ENV)

    assert "security.W009" in result.stdout + result.stderr


def test_deploy_check_warns_when_hsts_is_turned_off():
    result = manage(
        "check",
        "--deploy",
        SECRET_KEY=strong_secret_key(),
        SECURE_HSTS_SECONDS="0",
        **PRODUCTION_ENV,
    )

    assert "security.W004" in result.stdout + result.stderr


def test_production_without_secret_key_refuses_to_start():
    result = manage("check", **PRODUCTION_ENV)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_production_without_allowed_hosts_refuses_to_start():
    env = {**PRODUCTION_ENV, "ALLOWED_HOSTS": ""}

    result = manage("check", SECRET_KEY=strong_secret_key(), **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS must be set" in result.stderr


@pytest.mark.parametrize("raw", ["maybe", "2", "ja"])
def test_a_debug_value_that_is_not_a_boolean_refuses_to_start(raw):
    result = manage("check", DEBUG=raw)

    assert result.returncode != 0
    assert f"ImproperlyConfigured: DEBUG must be a boolean (1/0, true/false), got '{raw}'" in (
        result.stderr
    )


def test_a_port_that_is_not_a_number_refuses_to_start():
    result = manage("check", EMAIL_HOST="smtp.example.vn", EMAIL_PORT="twenty-five")

    assert result.returncode != 0
    assert "ImproperlyConfigured: EMAIL_PORT must be an integer" in result.stderr


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1", True), ("true", True), (" YES ", True), ("on", True), ("0", False), ("off", False)],
)
def test_boolean_variables_accept_the_usual_spellings(monkeypatch, raw, value):
    from config.settings import env_bool

    monkeypatch.setenv("SOME_FLAG", raw)

    assert env_bool("SOME_FLAG", not value) is value


def test_empty_boolean_and_list_variables_fall_back_to_their_defaults(monkeypatch):
    from config.settings import env_bool, env_list

    monkeypatch.setenv("SOME_FLAG", "")
    monkeypatch.setenv("SOME_LIST", " a.example , ,b.example ")

    assert env_bool("SOME_FLAG", True) is True
    assert env_list("SOME_LIST") == ["a.example", "b.example"]
    assert env_list("NO_SUCH_LIST", "x,y") == ["x", "y"]


def test_bad_integer_names_the_variable(monkeypatch):
    from config.settings import env_int

    monkeypatch.setenv("DB_POOL_MAX", "lots")

    with pytest.raises(ImproperlyConfigured, match="DB_POOL_MAX must be an integer, got 'lots'"):
        env_int("DB_POOL_MAX", 20)


@pytest.mark.django_db
def test_health_check_answers_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_an_english_browser_still_gets_vietnamese_until_the_person_chooses_english(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in page.content.decode()

    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="vi")

    assert '<html lang="en">' in page.content.decode()
    assert "Open contests" in page.content.decode()
