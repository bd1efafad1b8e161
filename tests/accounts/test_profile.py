"""The profile page applies the same rules as sign-up."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.accounts.helpers import fields_with_errors

PROFILE = reverse("accounts-profile")


def profile_data(user, **overrides):
    data = {
        "full_name": user.full_name,
        "kind": user.kind,
        "unit": user.unit_id or "",
        "phone": user.phone,
        "citizen_id": user.citizen_id or "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_profile_shows_the_saved_values(en_client, phuong):
    en_client.force_login(phuong)

    html = en_client.get(PROFILE).content.decode()

    assert 'value="Phương Công Chức"' in html
    assert 'value="0912345678"' in html
    assert 'value="089201000123"' in html
    assert f'<option value="{phuong.unit_id}" selected>' in html


@pytest.mark.django_db
def test_profile_saves_a_normalised_phone_and_a_new_unit(en_client, units, dan):
    en_client.force_login(dan)

    response = en_client.post(
        PROFILE, profile_data(dan, phone="+84 386 123 456", unit=units["AG-LX"].pk)
    )

    assert response.status_code == 302
    assert "Your profile has been saved." in en_client.get(PROFILE).content.decode()
    dan.refresh_from_db()
    assert dan.phone == "0386123456"
    assert dan.unit == units["AG-LX"]


@pytest.mark.django_db
def test_profile_keeps_ones_own_cccd_but_refuses_someone_elses(en_client, phuong, dan):
    en_client.force_login(phuong)
    assert en_client.post(PROFILE, profile_data(phuong)).status_code == 302

    en_client.force_login(dan)
    response = en_client.post(PROFILE, profile_data(dan, citizen_id="089201000123"))

    assert fields_with_errors(response.content.decode()) == {
        "citizen_id": ["This citizen ID (CCCD) is already registered."]
    }
    dan.refresh_from_db()
    assert dan.citizen_id is None


@pytest.mark.django_db
def test_profile_refuses_a_department_as_a_citizens_residence(en_client, units, dan):
    en_client.force_login(dan)

    response = en_client.post(PROFILE, profile_data(dan, unit=units["AG-SNV"].pk))

    assert list(fields_with_errors(response.content.decode())) == ["unit"]
    dan.refresh_from_db()
    assert dan.unit == units["AG-CM"]


@pytest.mark.django_db
def test_clearing_the_cccd_on_the_profile_stores_no_value(en_client, phuong, dan):
    """Two people without a CCCD must not collide on the unique column."""
    en_client.force_login(phuong)

    en_client.post(PROFILE, profile_data(phuong, citizen_id=""))

    phuong.refresh_from_db()
    assert phuong.citizen_id is None
