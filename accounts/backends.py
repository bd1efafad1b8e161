"""Authentication backends that keep the signed-in user's row in the cache.

Every signed-in request loads its user; in a round that is every saved answer, and
the user's row was the costliest part of a save after the save itself (measured in
docs/benchmarks.md). The row is cached by id for ``USER_CACHE_SECONDS`` and dropped
whenever the user is saved or deleted, after the transaction commits and at once, so
a deactivation or a new password (which ends the person's other sessions through the
session hash, still checked on every request) takes effect on the next request.

What is cached is the row's field values, not a pickled model: a deploy that adds a
field reads the row again instead of unpickling an old shape.
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import transaction

from accounts.models import User

KEY = "auth-user:{}"


def _fields() -> list[str]:
    return [f.attname for f in User._meta.concrete_fields]


def user_cache_key(user_id: Any) -> str:
    return KEY.format(user_id)


def forget_cached_user(user_id: Any) -> None:
    """Drop the cached row now and again once the current transaction commits (a
    request that read the old row meanwhile cannot leave it behind)."""
    key = user_cache_key(user_id)
    cache.delete(key)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete(key))


class CachedUserMixin:
    def get_user(self, user_id: Any) -> User | None:
        key = user_cache_key(user_id)
        names = _fields()
        values = cache.get(key)
        if isinstance(values, dict) and values.keys() == set(names):
            user = User.from_db(User._default_manager.db, names, [values[n] for n in names])
        else:
            try:
                user = User._default_manager.get(pk=user_id)
            except (User.DoesNotExist, ValueError, TypeError):
                return None
            cache.set(
                key,
                {n: getattr(user, n) for n in names},
                settings.USER_CACHE_SECONDS,
            )
        return user if self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class CachedModelBackend(CachedUserMixin, ModelBackend):
    """Django's ModelBackend (e-mail and password), user row cached."""


class CachedAllauthBackend(CachedUserMixin, AuthenticationBackend):
    """allauth's backend, user row cached."""
