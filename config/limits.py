from __future__ import annotations

import asyncio
from typing import Any


class ConcurrencyLimit:
    """At most ``limit`` HTTP requests of this process inside Django at once.

    Under a burst (a thousand participants pressing Start at 8:00), the others wait
    here in the event loop, which costs nothing, instead of each occupying a thread
    and waiting for one of the pool's database connections until it times out.
    Measured in docs/benchmarks.md: with 1000 concurrent participants the pool
    timeouts (231 errors) disappear.
    """

    def __init__(self, app: Any, *, limit: int) -> None:
        self.app = app
        self.limit = limit
        self._semaphore: asyncio.Semaphore | None = None

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if self.limit <= 0:
            await self.app(scope, receive, send)
            return
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.limit)
        async with self._semaphore:
            await self.app(scope, receive, send)
