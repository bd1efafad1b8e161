"""Shared helpers for the accounts tests: sign-up data, form errors, e-mail links."""

from __future__ import annotations

import re
from html import unescape

from django.core import mail
from django.test import Client

PASSWORD = "Hoa-sen-2019-An-Giang"
CONFIRM_LINK_RE = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)")
_FIELD_RE = re.compile(
    r'<div class="field(?P<classes>[^"]*)" id="field-(?P<name>[\w-]+)">(?P<body>.*?)</div>', re.S
)
_ERROR_RE = re.compile(r'<p class="error" id="id_(?P<name>[\w-]+)_error">(?P<text>.*?)</p>', re.S)


def signup_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "email": "lan.nguyen@example.vn",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "full_name": "Nguyễn Thị Lan",
        "kind": "citizen",
        "unit": "",
        "phone": "",
        "citizen_id": "",
    }
    data.update(overrides)
    return data


def fields_with_errors(html: str) -> dict[str, list[str]]:
    """Map each form field marked has-error to the error messages shown beside it."""
    found: dict[str, list[str]] = {}
    for match in _FIELD_RE.finditer(html):
        if "has-error" not in match["classes"].split():
            continue
        messages = [
            unescape(text).strip()
            for error in _ERROR_RE.finditer(match["body"])
            if error["name"] == match["name"]
            for text in error["text"].split("<br>")
        ]
        found[match["name"]] = messages
    return found


def confirmation_path(message: mail.EmailMessage) -> str:
    match = CONFIRM_LINK_RE.search(message.body)
    assert match, f"no confirmation link in the e-mail:\n{message.body}"
    return match.group(1)


def logged_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")
