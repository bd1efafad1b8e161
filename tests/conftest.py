"""Shared fixtures. Named users explain themselves:

- Olga organizes (Department of Home Affairs): banks, contests, personal data.
- Cuong is a coordinator who follows Long Xuyên city.
- Khoa sits on the steering committee: reads results, changes nothing.
- Phuong is a civil servant at the Department of Justice who takes quizzes.
- Dan is a citizen living in Chợ Mới who takes quizzes.
"""

from __future__ import annotations

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_runtest_setup(item):
    """Service tests skip when the service is not configured, or fail under REQUIRE_SERVICES=1."""
    missing = []
    if item.get_closest_marker("postgres") and not settings.IS_POSTGRES:
        missing.append("PostgreSQL (set DATABASE_URL)")
    if item.get_closest_marker("redis") and not settings.REDIS_URL:
        missing.append("Redis (set REDIS_URL)")
    if item.get_closest_marker("browser") and not shutil.which(CHROMIUM):
        missing.append(f"Chromium at {CHROMIUM}")
    if missing:
        message = "needs " + " and ".join(missing)
        if REQUIRE_SERVICES:
            pytest.fail(f"REQUIRE_SERVICES=1 but this test {message}", pytrace=False)
        pytest.skip(message)


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from contest.services import forget_attempt_items

    cache.clear()
    forget_attempt_items()  # a rolled-back test's ids come back in the next test
    yield
    cache.clear()
    forget_attempt_items()


@pytest.fixture
def units(db):
    from accounts.demo import seed_units
    from accounts.models import OrganizationUnit

    seed_units()
    return {u.code: u for u in OrganizationUnit.objects.all()}


def _make_user(email, full_name, kind, unit, roles, **extra):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from accounts.models import User
    from accounts.roles import ensure_role_groups

    ensure_role_groups()
    user = User.objects.create_user(
        email=email, password="pw-Secret-123", full_name=full_name, kind=kind, unit=unit, **extra
    )
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def olga(units):
    return _make_user(
        "olga@example.vn", "Olga Organizer", "civil_servant", units["AG-SNV"], ["organizer"]
    )


@pytest.fixture
def cuong(units):
    return _make_user(
        "cuong@example.vn",
        "Cường Điều Phối",
        "civil_servant",
        units["AG-LX"],
        ["coordinator", "participant"],
    )


@pytest.fixture
def khoa(units):
    return _make_user(
        "khoa@example.vn", "Khoa Committee", "civil_servant", units["AG-VP"], ["committee"]
    )


@pytest.fixture
def phuong(units):
    return _make_user(
        "phuong@example.vn",
        "Phương Công Chức",
        "civil_servant",
        units["AG-STP"],
        ["participant"],
        phone="0912345678",
        citizen_id="089201000123",
    )


@pytest.fixture
def dan(units):
    return _make_user("dan@example.vn", "Dân Công Dân", "citizen", units["AG-CM"], ["participant"])


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def phone_page(browser):
    """A 360-px-wide phone viewport, Vietnamese browser."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture(scope="session", autouse=True)
def _close_connection_pools(django_db_setup, django_db_blocker):
    """Before the test database is dropped, close the psycopg pool and end the
    sessions that threads (live server, async consumers) still hold checked out;
    otherwise PostgreSQL refuses to drop a database that is in use."""
    yield
    from django.db import connection, connections

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
        for conn in connections.all():
            if hasattr(conn, "close_pool"):
                conn.close_pool()
