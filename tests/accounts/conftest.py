"""Fixtures for the accounts tests."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.helpers import english_client


@pytest.fixture
def en_client() -> Client:
    """A visitor whose browser asks for English pages."""
    return english_client()
