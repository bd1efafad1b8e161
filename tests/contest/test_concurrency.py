"""Simultaneous requests: two devices pressing Start at once, answers saved in parallel.

The database does the work (a unique (round, user, number) constraint and a row lock on
the attempt), so these tests use real threads with their own connections.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from accounts.models import User
from contest import services
from contest.models import Attempt, AttemptItem, Round
from tests.contest.conftest import items_of

THREADS = 8


def run_together(count, work):
    """Run ``work(i)`` in ``count`` threads released at the same moment; return results
    and errors. Each thread closes its own database connection."""
    barrier = threading.Barrier(count)
    results: list = [None] * count
    errors: list = []

    def body(i):
        try:
            barrier.wait(timeout=10)
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=body, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    return results, errors


def simultaneous_starts(round_pk, user_pk):
    def work(_):
        round = Round.objects.get(pk=round_pk)
        user = User.objects.get(pk=user_pk)
        return services.attempt_start(round=round, user=user).pk

    return run_together(THREADS, work)


def parallel_saves(attempt_id, user_pk):
    answers = {i.position: sorted(i.version.correct_choice_ids()) for i in items_of(attempt_id)}

    def work(i):
        user = User.objects.get(pk=user_pk)
        return services.attempt_save_answer(
            attempt_id=attempt_id, user=user, position=i, selected=answers[i]
        ).item_id

    results, errors = run_together(len(answers), work)
    return answers, results, errors


def needs_a_database_threads_can_share():
    """SQLite's test database is in memory with a shared cache: there a second writer fails
    at once with "database table is locked" (the busy timeout does not apply), which says
    nothing about the file database with WAL the site runs on."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("the in-memory SQLite test database cannot take concurrent writers")


def assert_one_attempt(ids, errors, user):
    assert errors == []
    assert Attempt.objects.filter(user=user).count() == 1
    only = Attempt.objects.get(user=user)
    assert set(ids) == {only.pk}
    assert AttemptItem.objects.filter(attempt=only).count() == 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_starts_on_postgresql_give_one_attempt(round_open, phuong):
    ids, errors = simultaneous_starts(round_open.pk, phuong.pk)

    assert_one_attempt(ids, errors, phuong)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_saves_to_different_questions_on_postgresql_all_land(round_open, phuong):
    attempt = services.attempt_start(round=round_open, user=phuong)

    answers, results, errors = parallel_saves(attempt.pk, phuong.pk)

    assert errors == []
    saved = {i.position: i.selected for i in items_of(attempt.pk)}
    assert saved == answers
    assert services.attempt_submit(attempt_id=attempt.pk, user=phuong).correct_count == 5


@pytest.mark.django_db(transaction=True)
def test_simultaneous_starts_on_the_default_database_give_one_attempt(round_open, phuong):
    needs_a_database_threads_can_share()
    ids, errors = simultaneous_starts(round_open.pk, phuong.pk)

    assert_one_attempt(ids, errors, phuong)


@pytest.mark.django_db(transaction=True)
def test_parallel_saves_to_different_questions_on_the_default_database_all_land(round_open, phuong):
    needs_a_database_threads_can_share()
    attempt = services.attempt_start(round=round_open, user=phuong)

    answers, results, errors = parallel_saves(attempt.pk, phuong.pk)

    assert errors == []
    assert {i.position: i.selected for i in items_of(attempt.pk)} == answers


def submit_holding_the_lock(attempt_id, user_pk, locked, release):
    """A submit whose transaction stays open (attempt row locked) until ``release``."""
    from django.db import transaction

    def work():
        try:
            with transaction.atomic():
                user = User.objects.get(pk=user_pk)
                services.attempt_submit(attempt_id=attempt_id, user=user)
                locked.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    return threading.Thread(target=work)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_save_arriving_during_the_submit_waits_and_is_refused_not_lost(round_open, phuong):
    attempt = services.attempt_start(round=round_open, user=phuong)
    item = items_of(attempt.pk)[0]
    locked, release = threading.Event(), threading.Event()
    submitter = submit_holding_the_lock(attempt.pk, phuong.pk, locked, release)
    submitter.start()
    assert locked.wait(timeout=10)
    outcome: dict = {}

    def save():
        try:
            services.attempt_save_answer(
                attempt_id=attempt.pk,
                user=User.objects.get(pk=phuong.pk),
                position=item.position,
                selected=sorted(item.version.correct_choice_ids()),
            )
            outcome["saved"] = True
        except services.ContestError as exc:
            outcome["code"] = exc.code
        finally:
            connection.close()

    saver = threading.Thread(target=save)
    saver.start()
    saver.join(timeout=1)
    assert saver.is_alive(), "the save must wait for the submit's lock"
    release.set()
    submitter.join(timeout=10)
    saver.join(timeout=10)

    assert outcome == {"code": "finished"}
    graded = Attempt.objects.get(pk=attempt.pk)
    assert graded.status == Attempt.Status.SUBMITTED
    assert graded.correct_count == 0
    assert AttemptItem.objects.get(pk=item.pk).selected == []
