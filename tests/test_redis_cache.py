"""The Redis cache (and so the sessions) keeps one client per process.

Django makes a cache object per thread and per ASGI request; its stock Redis client then
opened a new connection for every request that read the session (Django ticket #35651).
"""

from __future__ import annotations

import threading

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test import Client


def cache_in_a_new_thread():
    found = {}

    def body():
        cache = caches["default"]
        found["client"] = cache._cache
        found["redis"] = cache._cache.get_client(write=True)
        cache.set("from-thread", "hello", 30)

    thread = threading.Thread(target=body)
    thread.start()
    thread.join(timeout=10)
    return found


@pytest.mark.redis
def test_threads_share_one_redis_client_and_see_each_others_writes():
    first, second = cache_in_a_new_thread(), cache_in_a_new_thread()

    assert first["client"] is second["client"]
    assert first["redis"] is second["redis"]
    assert caches["default"].get("from-thread") == "hello"


def connections_opened(url):
    return redis.Redis.from_url(url).info("stats")["total_connections_received"]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_signed_in_requests_do_not_open_a_redis_connection_each(settings, phuong):
    client = Client()
    client.force_login(phuong)
    statuses = [client.get("/me/profile/").status_code]  # warm: the pool opens what it needs
    before = connections_opened(settings.REDIS_URL)

    def request_in_a_new_thread():
        def body():
            try:
                statuses.append(client.get("/me/profile/").status_code)
            finally:
                connection.close()

        thread = threading.Thread(target=body)
        thread.start()
        thread.join(timeout=10)

    for _ in range(20):
        request_in_a_new_thread()

    assert statuses == [200] * 21  # signed in: each request read the session
    # The counter is server-wide: allow for the odd other client, far below 20.
    assert connections_opened(settings.REDIS_URL) - before <= 3
