"""One Redis connection pool per process for Django's Redis cache.

Django gives every thread and every ASGI request its own cache object, and its
``RedisCacheClient`` builds a new connection pool for each (Django ticket #35651), so
under Daphne every request that read the session opened a new TCP connection to Redis
(and redis-py looked up its own version in the package metadata for the handshake).
Pools are thread-safe, so one per URL and options is shared; redis-py resets a pool
after a fork by itself. Measured in docs/benchmarks.md.
"""

from __future__ import annotations

import threading
from typing import Any

import redis


class SharedConnectionPool(redis.ConnectionPool):
    _pools: dict[tuple[str, str], redis.ConnectionPool] = {}
    _lock = threading.Lock()

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> redis.ConnectionPool:
        key = (url, repr(sorted(kwargs.items(), key=lambda kv: kv[0])))
        with cls._lock:
            pool = cls._pools.get(key)
            if pool is None:
                pool = cls._pools[key] = super().from_url(url, **kwargs)
            return pool
