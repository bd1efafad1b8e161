"""Vietnamese mobile numbers and citizen IDs (CCCD), checked directly."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accounts.validators import normalize_phone, validate_citizen_id, validate_vn_mobile


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("(+84) 912-345-678", "0912345678"),
        ("  0386 123 456 ", "0386123456"),
        ("0912345678", "0912345678"),
        ("", ""),
    ],
)
def test_phone_numbers_are_normalised_to_ten_digits_with_a_leading_zero(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    "number",
    ["0912345678", "0386123456", "0521234567", "0701234567", "0812345678", "+84 912 345 678"],
)
def test_vietnamese_mobile_numbers_are_accepted(number):
    validate_vn_mobile(number)


@pytest.mark.parametrize(
    "number",
    [
        "091234567",  # nine digits
        "09123456789",  # eleven digits
        "0212345678",  # landline area code, not a mobile prefix
        "0123456789",  # pre-2018 prefix 01x
        "0412345678",
        "1912345678",
        "+1 912 345 678",
        "09123456ab",
        "09１２３４５６７８",  # full-width digits
        "",
    ],
)
def test_other_numbers_are_refused_with_an_example_of_the_format(number):
    with pytest.raises(ValidationError) as excinfo:
        validate_vn_mobile(number)

    assert excinfo.value.code == "invalid_phone"
    assert "0912 345 678" in excinfo.value.messages[0]


def test_citizen_id_of_twelve_digits_is_accepted():
    validate_citizen_id("089201000123")


@pytest.mark.parametrize(
    "value",
    [
        "08920100012",
        "0892010001234",
        "08920100012A",
        "0892 0100 0123",
        "",
        "０８９２０１０００１２３",
        "٠٨٩٢٠١٠٠٠١٢٣",
    ],
)
def test_citizen_id_that_is_not_exactly_twelve_ascii_digits_is_refused(value):
    with pytest.raises(ValidationError) as excinfo:
        validate_citizen_id(value)

    assert excinfo.value.code == "invalid_citizen_id"
