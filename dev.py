#!/usr/bin/env python3
"""Two commands for a fresh clone (only Python 3.11+ and git needed).

    python3 dev.py run    # virtualenv, install, migrate, demo data, Daphne on 127.0.0.1:8000
    python3 dev.py test   # virtualenv, install with test extras, lint, whole test suite

`test` runs the suite on the embedded defaults (SQLite, in-memory channel layer).
When DATABASE_URL / REDIS_URL are set, or REQUIRE_SERVICES=1 (then defaulting to the
local PostgreSQL database `test` and Redis), it runs the suite a second time on them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
LOCAL_DATABASE_URL = "postgres://127.0.0.1:5432/test"
LOCAL_REDIS_URL = "redis://127.0.0.1:6379/15"


def sh(*args: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv(extras: str = "") -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may run on any python3
        sys.exit("Python 3.11 or newer is required.")
    if not PY.exists():
        print(f"+ creating virtualenv {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    marker = VENV / f".installed{extras}"
    stamp = (ROOT / "pyproject.toml").read_text() + (ROOT / "constraints.txt").read_text()
    if marker.exists() and marker.read_text() == stamp:
        return
    sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    sh(PY, "-m", "pip", "install", "--quiet", "-c", "constraints.txt", "-e", target)
    marker.write_text(stamp)


def run() -> None:
    ensure_venv()
    env = dict(os.environ)
    sh(PY, "manage.py", "migrate", "--noinput", env=env)
    sh(PY, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    sh(PY, "manage.py", "seed_demo", env=env)
    print("\nServing on http://127.0.0.1:8000  (Ctrl+C to stop)\n", flush=True)
    os.execve(
        str(BIN / "daphne"),
        [str(BIN / "daphne"), "-b", "127.0.0.1", "-p", "8000", "config.asgi:application"],
        env,
    )


def test(pytest_args: list[str]) -> None:
    ensure_venv("test")
    base_env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    sh(PY, "-m", "ruff", "check", ".", env=base_env)
    sh(PY, "-m", "ruff", "format", "--check", ".", env=base_env)
    sh(PY, "manage.py", "makemigrations", "--check", "--dry-run", env=base_env)

    print("\n=== Suite on the embedded defaults (SQLite, in-memory layer) ===", flush=True)
    sh(PY, "-m", "pytest", "-m", "not postgres and not redis", *pytest_args, env=base_env)

    require = os.environ.get("REQUIRE_SERVICES") == "1"
    db_url = os.environ.get("DATABASE_URL") or (LOCAL_DATABASE_URL if require else "")
    redis_url = os.environ.get("REDIS_URL") or (LOCAL_REDIS_URL if require else "")
    if not (db_url or redis_url):
        print("\nDATABASE_URL and REDIS_URL are not set: the PostgreSQL + Redis pass is skipped.")
        return
    print("\n=== Suite on PostgreSQL + Redis ===", flush=True)
    env = dict(base_env, DATABASE_URL=db_url, REDIS_URL=redis_url)
    sh(PY, "-m", "pytest", *pytest_args, env=env)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        sys.exit(__doc__)
    if sys.argv[1] == "run":
        run()
    else:
        test(sys.argv[2:])


if __name__ == "__main__":
    main()
