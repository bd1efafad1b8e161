"""Experiment for docs/benchmarks.md, not for production: ``config.asgi.application``
with at most ``BENCH_HTTP_LIMIT`` (default 16) HTTP requests per process inside Django
at once; the others wait in the event loop instead of as threads holding (or waiting
for) a pooled database connection. Websockets are not counted.

    PYTHONPATH=bench/experiments BENCH_HTTP_LIMIT=16 \\
        .venv/bin/daphne -b 127.0.0.1 -p 8001 capped_asgi:application
"""

import asyncio
import os

from config.asgi import application as _application

_limit = asyncio.Semaphore(int(os.environ.get("BENCH_HTTP_LIMIT", "16")))


async def application(scope, receive, send):  # type: ignore[no-untyped-def]
    if scope["type"] != "http":
        return await _application(scope, receive, send)
    async with _limit:
        return await _application(scope, receive, send)
