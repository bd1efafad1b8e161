"""Experiment for docs/benchmarks.md, not for production: ``config.settings`` with
WhiteNoise (the one sync-only middleware) moved to the end of ``MIDDLEWARE``, so the
whole chain runs in one thread instead of hopping between the event loop and threads.

    PYTHONPATH=bench/experiments DJANGO_SETTINGS_MODULE=whitenoise_last_settings \\
        .venv/bin/daphne -b 127.0.0.1 -p 8001 config.asgi:application
"""

from config.settings import *  # noqa: F403
from config.settings import MIDDLEWARE as _MIDDLEWARE

_WHITENOISE = "whitenoise.middleware.WhiteNoiseMiddleware"
MIDDLEWARE = [m for m in _MIDDLEWARE if m != _WHITENOISE] + [_WHITENOISE]
