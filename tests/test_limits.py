"""The per-process HTTP limit lets a burst wait in the event loop instead of in threads."""

from __future__ import annotations

import asyncio

import pytest

from config.limits import ConcurrencyLimit


@pytest.mark.asyncio
async def test_a_burst_of_requests_runs_at_most_limit_at_once_and_all_finish():
    inside = 0
    most = 0
    done = 0

    async def app(scope, receive, send):
        nonlocal inside, most, done
        inside += 1
        most = max(most, inside)
        await asyncio.sleep(0.01)
        inside -= 1
        done += 1

    limited = ConcurrencyLimit(app, limit=4)

    await asyncio.gather(*(limited({"type": "http"}, None, None) for _ in range(40)))

    assert most == 4
    assert done == 40


@pytest.mark.asyncio
async def test_a_limit_of_zero_turns_the_limit_off():
    inside = 0
    most = 0

    async def app(scope, receive, send):
        nonlocal inside, most
        inside += 1
        most = max(most, inside)
        await asyncio.sleep(0.01)
        inside -= 1

    await asyncio.gather(*(ConcurrencyLimit(app, limit=0)({}, None, None) for _ in range(10)))

    assert most == 10
