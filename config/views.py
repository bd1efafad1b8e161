from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness and database check for the proxy and the benchmarks' ceiling."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def ok(request: HttpRequest) -> HttpResponse:
    """A bare view: the ceiling the benchmarks compare against."""
    return HttpResponse("ok", content_type="text/plain")
