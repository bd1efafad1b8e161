"""The demo data: safe to run twice, and the demo people can log in."""

from __future__ import annotations

import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD, DEMO_USERS
from accounts.models import OrganizationUnit, User
from tests.accounts.helpers import logged_in_user_id


def seed_demo() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_runs_twice_without_error_or_duplicates():
    first = seed_demo()
    counts = (User.objects.count(), OrganizationUnit.objects.count(), EmailAddress.objects.count())

    second = seed_demo()

    assert "Demo data ready" in first
    assert "Demo data ready" in second
    assert counts == (len(DEMO_USERS), 32, len(DEMO_USERS))
    assert (
        User.objects.count(),
        OrganizationUnit.objects.count(),
        EmailAddress.objects.count(),
    ) == counts


@pytest.mark.django_db
def test_seed_demo_creates_each_demo_user_verified_with_the_right_roles_and_unit():
    seed_demo()
    seed_demo()

    for demo in DEMO_USERS:
        user = User.objects.get(email=demo.email)
        assert user.full_name == demo.full_name
        assert user.kind == demo.kind
        assert user.unit.code == demo.unit_code
        assert set(user.groups.values_list("name", flat=True)) == set(demo.roles), demo.email
        address = EmailAddress.objects.get(user=user)
        assert address.email == demo.email
        assert address.verified
        assert address.primary
        assert user.is_staff == demo.staff
        assert user.check_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_seed_demo_lists_the_demo_logins():
    output = seed_demo()

    assert DEMO_PASSWORD in output
    for demo in DEMO_USERS:
        assert demo.email in output


@pytest.mark.django_db
def test_seed_demo_keeps_a_demo_users_changed_password():
    seed_demo()
    user = User.objects.get(email="congdan1@demo.cchc.vn")
    user.set_password("my-own-Secret-77")
    user.save()

    seed_demo()

    user.refresh_from_db()
    assert user.check_password("my-own-Secret-77")


@pytest.mark.django_db
def test_a_demo_participant_can_log_in_through_the_login_form(en_client):
    seed_demo()
    seed_demo()

    response = en_client.post(
        reverse("account_login"), {"login": "congdan1@demo.cchc.vn", "password": DEMO_PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    user = User.objects.get(email="congdan1@demo.cchc.vn")
    assert logged_in_user_id(en_client) == str(user.pk)
    profile = en_client.get(reverse("accounts-profile")).content.decode()
    assert "congdan1@demo.cchc.vn" in profile
    assert "Đặng Thị Hoa" in profile


@pytest.mark.django_db
def test_the_demo_organizer_can_open_the_user_list(en_client):
    seed_demo()
    en_client.post(
        reverse("account_login"), {"login": "bantochuc@demo.cchc.vn", "password": DEMO_PASSWORD}
    )

    response = en_client.get(reverse("accounts-user-list"))

    assert response.status_code == 200
    assert "Ngô Văn Khánh" in response.content.decode()
