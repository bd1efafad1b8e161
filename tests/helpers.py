from __future__ import annotations

from django.conf import settings
from django.test import Client


def english_client(**kwargs) -> Client:
    """A test client whose person chose English with the language switcher."""
    client = Client(**kwargs)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
