"""Django's Redis cache with one client per process instead of one per request.

Django gives every thread and every ASGI request its own cache object, and its
``RedisCacheClient`` builds a new connection pool for each (Django ticket #35651), so
under Daphne every request that read the session opened a new TCP connection to Redis,
and built a new ``redis.Redis`` for every call. The client, its pools and its
``redis.Redis`` objects are thread-safe, so one per location and options is shared by
the whole process; redis-py resets a pool after a fork by itself. Measured in
docs/benchmarks.md.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.utils.functional import cached_property

_clients: dict[tuple[tuple[str, ...], str], SharedRedisCacheClient] = {}
_lock = threading.Lock()


class SharedRedisCacheClient(RedisCacheClient):
    def __init__(self, servers: list[str], **options: Any) -> None:
        super().__init__(servers, **options)
        self._redis: dict[int, Any] = {}

    def _get_connection_pool(self, write: bool) -> Any:
        with _lock:
            return super()._get_connection_pool(write)

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        index = self._get_connection_pool_index(write)
        client = self._redis.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._redis[index] = client
        return client


class RedisCache(DjangoRedisCache):
    @cached_property
    def _cache(self) -> SharedRedisCacheClient:
        key = (tuple(self._servers), repr(sorted(self._options.items())))
        with _lock:
            client = _clients.get(key)
            if client is None:
                client = _clients[key] = SharedRedisCacheClient(self._servers, **self._options)
            return client
