"""The API describes itself, and its docs page works without any outside server."""

from __future__ import annotations

import re

import pytest
from django.test import Client

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


@pytest.mark.django_db
def test_the_openapi_schema_lists_every_attempt_endpoint():
    response = Client().get("/api/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    expected = {
        "/api/rounds": {"get"},
        "/api/rounds/{round_id}/start": {"post"},
        "/api/attempts/{attempt_id}": {"get"},
        "/api/attempts/{attempt_id}/answers/{position}": {"put"},
        "/api/attempts/{attempt_id}/prediction": {"put"},
        "/api/attempts/{attempt_id}/submit": {"post"},
        "/api/attempts/{attempt_id}/result": {"get"},
    }
    for path, methods in expected.items():
        assert path in paths, path
        assert methods <= set(paths[path]), path


@pytest.mark.django_db
def test_the_schema_never_describes_an_answer_key_for_the_answering_state():
    schemas = Client().get("/api/openapi.json").json()["components"]["schemas"]

    for name in ("AttemptOut", "QuestionOut", "ChoiceOut", "AnswerIn"):
        assert not [p for p in schemas[name]["properties"] if "correct" in p], name


@pytest.mark.django_db
def test_the_api_docs_page_loads_no_script_or_stylesheet_from_another_server():
    response = Client().get("/api/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script" in html
    assert not EXTERNAL.findall(html), EXTERNAL.findall(html)
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    for asset in assets:
        if asset.endswith((".js", ".css")):
            assert asset.startswith("/"), asset
            assert Client().get(asset).status_code == 200, asset
