"""The signed-in user's row is cached between requests (accounts/backends.py), and a
change to the person takes effect on their very next request all the same."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.backends import user_cache_key
from accounts.models import User
from tests.accounts.test_profile import profile_data

ROUNDS_API = "/api/rounds"
PROFILE = reverse("accounts-profile")


def user_queries(ctx: CaptureQueriesContext) -> list[str]:
    table = connection.ops.quote_name(User._meta.db_table)
    return [q["sql"] for q in ctx.captured_queries if f"FROM {table}" in q["sql"]]


@pytest.mark.django_db
def test_a_signed_in_request_after_the_first_does_not_read_the_user_row(en_client, phuong):
    en_client.force_login(phuong)
    assert en_client.get(ROUNDS_API).status_code == 200

    with CaptureQueriesContext(connection) as ctx:
        assert en_client.get(ROUNDS_API).status_code == 200

    assert user_queries(ctx) == []


@pytest.mark.django_db
def test_a_deactivated_person_is_signed_out_on_their_next_request(en_client, phuong):
    en_client.force_login(phuong)
    assert en_client.get(ROUNDS_API).status_code == 200  # the row is now cached

    phuong.is_active = False
    phuong.save()

    response = en_client.get(ROUNDS_API)
    assert response.status_code == 401
    assert response.json()["code"] == "not_signed_in"


@pytest.mark.django_db
def test_a_new_password_ends_the_other_sessions_on_their_next_request(en_client, phuong):
    en_client.force_login(phuong)
    assert en_client.get(ROUNDS_API).status_code == 200

    phuong.set_password("a-New-Password-2019")
    phuong.save()

    assert en_client.get(ROUNDS_API).status_code == 401


@pytest.mark.django_db
def test_a_deleted_account_is_signed_out(en_client, dan):
    en_client.force_login(dan)
    assert en_client.get(ROUNDS_API).status_code == 200

    User.objects.filter(pk=dan.pk).delete()

    assert en_client.get(ROUNDS_API).status_code == 401


@pytest.mark.django_db
def test_a_saved_profile_shows_the_new_name_at_once(en_client, phuong):
    en_client.force_login(phuong)
    assert "Phương Công Chức" in en_client.get(PROFILE).content.decode()

    response = en_client.post(PROFILE, profile_data(phuong, full_name="Phương Đã Đổi Tên"))
    assert response.status_code == 302

    html = en_client.get(PROFILE).content.decode()
    assert 'value="Phương Đã Đổi Tên"' in html


@pytest.mark.django_db
def test_a_cached_row_of_another_shape_is_read_again_from_the_database(en_client, phuong):
    """After a deploy that changed the user model, old cache entries are not trusted."""
    from django.core.cache import cache

    en_client.force_login(phuong)
    cache.set(user_cache_key(phuong.pk), {"id": phuong.pk, "full_name": "Someone Else"})

    html = en_client.get(PROFILE).content.decode()

    assert 'value="Phương Công Chức"' in html
    assert "Someone Else" not in html


@pytest.mark.django_db
def test_a_change_rolled_back_leaves_the_person_signed_in(en_client, phuong):
    from django.db import transaction

    en_client.force_login(phuong)
    assert en_client.get(ROUNDS_API).status_code == 200
    with pytest.raises(RuntimeError), transaction.atomic():
        phuong.is_active = False
        phuong.save()
        raise RuntimeError("the organizer's change failed")

    assert en_client.get(ROUNDS_API).status_code == 200
