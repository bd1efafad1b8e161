"""Sign-up, e-mail verification and the first log-in, through the pages a visitor uses."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.accounts.helpers import (
    PASSWORD,
    confirmation_path,
    fields_with_errors,
    logged_in_user_id,
    signup_data,
)

SIGNUP = reverse("account_signup")
LOGIN = reverse("account_login")
LOGOUT = reverse("account_logout")

PHONE_ERROR = (
    "Enter a Vietnamese mobile number of 10 digits starting with 03, 05, 07, 08 or 09 "
    "(for example 0912 345 678)."
)


@pytest.mark.django_db
def test_signup_then_confirm_email_then_log_in(en_client, units):
    response = en_client.post(
        SIGNUP,
        signup_data(
            email="Lan.Nguyen@Example.vn",
            kind="civil_servant",
            unit=units["AG-STP"].pk,
            phone="+84 912 345 678",
            citizen_id="0892 0100 0456",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert user.email == "lan.nguyen@example.vn"
    assert user.full_name == "Nguyễn Thị Lan"
    assert user.kind == User.Kind.CIVIL_SERVANT
    assert user.unit == units["AG-STP"]
    assert user.phone == "0912345678"
    assert user.citizen_id == "089201000456"
    assert list(user.groups.values_list("name", flat=True)) == ["participant"]
    assert logged_in_user_id(en_client) is None
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lan.nguyen@example.vn"]
    link = confirmation_path(mail.outbox[0])

    # Opening the link only shows a confirmation button; mail scanners that
    # follow links must not verify the address.
    page = en_client.get(link)
    assert page.status_code == 200
    assert "lan.nguyen@example.vn" in page.content.decode()
    assert not EmailAddress.objects.get(user=user).verified

    confirmed = en_client.post(link)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert logged_in_user_id(en_client) == str(user.pk)

    en_client.post(LOGOUT)
    assert logged_in_user_id(en_client) is None

    login = en_client.post(LOGIN, {"login": "lan.nguyen@example.vn", "password": PASSWORD})
    assert login.status_code == 302
    assert login["Location"] == reverse("home")
    assert logged_in_user_id(en_client) == str(user.pk)
    home = en_client.get(reverse("home")).content.decode()
    assert "Sign out" in home
    assert "Your profile is incomplete" not in home


@pytest.mark.django_db
def test_login_before_confirming_the_email_is_refused(en_client, units):
    en_client.post(SIGNUP, signup_data(unit=units["AG-CM"].pk))
    assert User.objects.filter(email="lan.nguyen@example.vn").exists()

    response = en_client.post(LOGIN, {"login": "lan.nguyen@example.vn", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert logged_in_user_id(en_client) is None


@pytest.mark.django_db
def test_login_with_a_wrong_password_shows_an_error_and_does_not_log_in(en_client, phuong):
    response = en_client.post(LOGIN, {"login": phuong.email, "password": "not-the-password"})

    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert logged_in_user_id(en_client) is None


@pytest.mark.django_db
def test_signup_form_lists_units_as_an_indented_tree(en_client, units):
    html = en_client.get(SIGNUP).content.decode()

    assert f'<option value="{units["AG"].pk}">Tỉnh An Giang</option>' in html
    assert f'<option value="{units["AG-CM"].pk}">\xa0\xa0\xa0Huyện Chợ Mới</option>' in html
    assert html.index("Sở Nội vụ") < html.index("Thành phố Long Xuyên")


# --- Bad input: a message beside the field, and nobody saved. -------------------------


def _bad_signup_cases():
    return [
        pytest.param({"phone": "12345"}, "phone", PHONE_ERROR, id="phone-too-short"),
        pytest.param({"phone": "0212345678"}, "phone", PHONE_ERROR, id="phone-landline-prefix"),
        pytest.param(
            {"citizen_id": "08920100012"},
            "citizen_id",
            "A citizen ID (CCCD) has exactly 12 digits.",
            id="cccd-11-digits",
        ),
        pytest.param(
            {"citizen_id": "0892010001234"},
            "citizen_id",
            "A citizen ID (CCCD) has exactly 12 digits.",
            id="cccd-13-digits",
        ),
        pytest.param(
            {"citizen_id": "08920100012A"},
            "citizen_id",
            "A citizen ID (CCCD) has exactly 12 digits.",
            id="cccd-with-letter",
        ),
        pytest.param(
            {"kind": "civil_servant", "unit": ""},
            "unit",
            "Civil servants must choose the unit they work in.",
            id="civil-servant-without-unit",
        ),
        pytest.param(
            {"kind": "citizen", "unit": ""},
            "unit",
            "Citizens must choose their district or commune of residence.",
            id="citizen-without-unit",
        ),
        pytest.param(
            {"kind": "citizen", "unit": "AG-STP"},
            "unit",
            "Citizens choose a district or commune of residence, not an agency.",
            id="citizen-choosing-a-department",
        ),
        pytest.param(
            {"kind": "citizen", "unit": "AG"},
            "unit",
            "Citizens choose a district or commune of residence, not an agency.",
            id="citizen-choosing-the-province",
        ),
        pytest.param(
            {"password2": "something-else-2019"},
            "password2",
            "You must type the same password each time.",
            id="passwords-differ",
        ),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("overrides", "field", "message"), _bad_signup_cases())
def test_signup_with_bad_input_shows_message_beside_the_field_and_saves_nothing(
    en_client, units, overrides, field, message
):
    if overrides.get("unit") in units:
        overrides = {**overrides, "unit": units[overrides["unit"]].pk}
    data = signup_data(unit=units["AG-CM"].pk)
    data.update(overrides)

    response = en_client.post(SIGNUP, data)

    assert response.status_code == 200
    errors = fields_with_errors(response.content.decode())
    assert errors == {field: [message]}
    assert User.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_signup_with_invalid_phone_shows_message_and_saves_nothing(en_client, units):
    response = en_client.post(SIGNUP, signup_data(unit=units["AG-CM"].pk, phone="0912 345"))

    html = response.content.decode()
    assert '<div class="field has-error" id="field-phone">' in html
    assert f'<p class="error" id="id_phone_error">{PHONE_ERROR}' in html
    assert 'aria-describedby="id_phone_error"' in html
    assert 'value="0912 345"' in html, "what the visitor typed is kept for correction"
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_with_a_registered_cccd_shows_message_and_saves_nothing(en_client, phuong):
    before = User.objects.count()

    response = en_client.post(
        SIGNUP,
        signup_data(unit=phuong.unit.pk, kind="civil_servant", citizen_id="0892 0100 0123"),
    )

    assert fields_with_errors(response.content.decode()) == {
        "citizen_id": ["This citizen ID (CCCD) is already registered."]
    }
    assert User.objects.count() == before
    assert mail.outbox == []


@pytest.mark.django_db
def test_signup_with_a_registered_email_shows_a_message_and_saves_nothing(en_client, phuong):
    before = User.objects.count()

    response = en_client.post(
        SIGNUP,
        signup_data(
            email="PHUONG@example.vn",
            kind="civil_servant",
            unit=phuong.unit.pk,
            full_name="Mạo Danh",
        ),
    )

    assert response.status_code == 200
    assert fields_with_errors(response.content.decode()) == {
        "email": ["A user is already registered with this email address."]
    }
    assert User.objects.count() == before
    assert User.objects.get(email="phuong@example.vn").full_name == "Phương Công Chức"
    assert mail.outbox == []


@pytest.mark.django_db
def test_signup_does_not_let_a_visitor_choose_an_inactive_unit(en_client, units):
    merged = units["AG-TT"]
    merged.is_active = False
    merged.save()

    response = en_client.post(SIGNUP, signup_data(unit=merged.pk))

    assert list(fields_with_errors(response.content.decode())) == ["unit"]
    assert not User.objects.exists()


# --- Language --------------------------------------------------------------------


@pytest.mark.django_db
def test_site_speaks_vietnamese_by_default(client, units):
    assert settings.LANGUAGE_CODE == "vi"

    html = client.get(SIGNUP).content.decode()

    assert '<html lang="vi">' in html


@pytest.mark.django_db
def test_choosing_english_in_the_language_menu_switches_the_pages(client, units):
    response = client.post(reverse("set_language"), {"language": "en", "next": SIGNUP})
    assert response.status_code == 302

    html = client.get(SIGNUP).content.decode()

    assert '<html lang="en">' in html
    bad = client.post(SIGNUP, signup_data(unit=units["AG-CM"].pk, phone="123")).content.decode()
    assert fields_with_errors(bad) == {"phone": [PHONE_ERROR]}


@pytest.mark.django_db
def test_validation_messages_are_vietnamese_by_default(client, units):
    response = client.post(SIGNUP, signup_data(unit=units["AG-CM"].pk, phone="123"))

    errors = fields_with_errors(response.content.decode())
    assert "phone" in errors
    assert "Số điện thoại" in errors["phone"][0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("citizen_id", "０８９２０１０００１２３"),  # full-width digits from some keyboards
        ("citizen_id", "٠٨٩٢٠١٠٠٠١٢٣"),
        ("phone", "09１２ ３４５ ６７８"),
    ],
)
def test_signup_with_non_ascii_digits_shows_message_instead_of_failing(
    en_client, units, field, value
):
    response = en_client.post(SIGNUP, signup_data(unit=units["AG-CM"].pk, **{field: value}))

    assert response.status_code == 200
    assert list(fields_with_errors(response.content.decode())) == [field]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_field_with_two_errors_shows_both_under_one_id(en_client, units):
    """aria-describedby points at id_password1_error, so that id must be unique."""
    response = en_client.post(
        SIGNUP, signup_data(unit=units["AG-CM"].pk, password1="12345678", password2="12345678")
    )

    html = response.content.decode()
    assert fields_with_errors(html) == {
        "password1": ["This password is too common.", "This password is entirely numeric."]
    }
    assert html.count('id="id_password1_error"') == 1
    assert not User.objects.exists()
