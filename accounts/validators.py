"""Validators for Vietnamese personal data: mobile numbers and citizen IDs (CCCD)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Vietnamese mobile prefixes after the 2018 renumbering: 03x, 05x, 07x, 08x, 09x.
# ASCII digits only: Python's \d also matches full-width and other scripts' digits.
_MOBILE_RE = re.compile(r"^0[35789][0-9]{8}$")


def normalize_phone(value: str) -> str:
    """Strip spaces, dots and dashes and turn +84/84 into a leading 0."""
    digits = re.sub(r"[\s.\-()]", "", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def validate_vn_mobile(value: str) -> None:
    if not _MOBILE_RE.match(normalize_phone(value)):
        raise ValidationError(
            _(
                "Enter a Vietnamese mobile number of 10 digits starting with 03, 05, 07, "
                "08 or 09 (for example 0912 345 678)."
            ),
            code="invalid_phone",
        )


def validate_citizen_id(value: str) -> None:
    if not re.fullmatch(r"[0-9]{12}", value or ""):
        raise ValidationError(
            _("A citizen ID (CCCD) has exactly 12 digits."), code="invalid_citizen_id"
        )
