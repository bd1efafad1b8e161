"""Load benchmark of a timed online round: many participants start, answer and submit.

Three subcommands, run from the repository root with the *same* environment as the
server (``DATABASE_URL`` or ``SQLITE_PATH``, ``SECRET_KEY``, ``DEBUG`` ...), because they
open Django with ``config.settings``:

``prepare``
    Creates (or refreshes) N bench participants ``bench-00001@bench.local`` ...
    (civil servants, units of the An Giang tree, loaded with ``accounts.demo.seed_units``
    when missing), a bench topic with 60 approved single-choice questions, a published
    bench contest (slug ``bench-online``) and its online round 1, open from now for two
    hours, 15 minutes per attempt, blueprint 15 civil-servant questions. Sessions are
    written straight into the session backend (``_auth_user_id``, ``_auth_user_backend``,
    ``_auth_user_hash``): hashing a thousand passwords would measure PBKDF2, not the
    contest. Users get an unusable password and are bulk-created. It is idempotent: a
    second run deletes the bench round's attempts (and the sessions the previous output
    file listed), reopens the round and writes fresh sessions, so a run starts clean.
    ``--login-users K`` (default 10) also creates K users ``bench-login-NNNNN@bench.local``
    with a real password and a verified address, for ``run --login-sample``.
    Writes ``--out`` (default ``/tmp/bench-online.json``).

``run``
    Against running server(s): ``--base http://127.0.0.1:8000`` (give ``--base`` several
    times to spread participants and ceiling requests over several Daphne processes
    without a proxy). Only loopback hosts are accepted. Phases, in one process:

    1. ceiling (before): ``GET /ok`` (a bare view) with the same concurrency, as many
       requests as the save-answer step will make (N x 15, at most ``--ceiling-max``);
    2. login (only with ``--login-sample K > 0``): K real password logins through
       allauth (``GET /accounts/login/`` then ``POST`` the form; 302 = success), one
       fresh client each, cycling over the login users; the GET is reported as step
       ``login-page``, the POST (the password check) as ``login``;
    3. participants: N concurrent participants (asyncio + aiohttp, one ClientSession and
       cookie jar each, sharing one connector limited to ``--concurrency`` connections;
       a semaphore of the same size caps requests in flight; latency is timed from
       before the semaphore, so with ``--concurrency`` < N it includes the wait in
       that queue, as a user behind a capped proxy would see it). Each: GET the round
       page (sets the ``csrftoken`` cookie) ->
       ``POST /api/rounds/{id}/start`` -> for each question ``PUT
       /api/attempts/{id}/answers/{position}`` with a random choice, after
       ``--think-ms`` (x0.5..1.5 jitter; default 0 = maximum load) -> ``POST
       /api/attempts/{id}/submit``. ``--ramp-s`` spreads the participants' first request
       over that many seconds (default 0: everyone at once, like a round opening);
    4. ceiling (after): the same as 1;
    5. steady (only with ``--steady K``): K more prepared users (``prepare --n N+K``;
       ``run`` then takes the first N as participants) open the round page and start,
       then save random answers back to back (step ``save-steady``) and request ``GET
       /ok`` back to back (step ``ok-steady``), in turns: ``--steady-windows`` windows
       of each, alternating, ``--steady-s`` seconds of each in all. The save's cost
       alone, without the pages, starts and submits of phase 3 around it, against the
       bare view at the same concurrency; the turns keep a machine whose speed drifts
       (a shared VM) from favouring one of the two. Their throughput is requests / the
       sum of their windows.

    Prints per step (page, start, save-answer, submit, ok-ceiling, login): count, errors,
    throughput (requests / the step's active window, first request sent to last
    answer received) and p50/p95/p99 latency in ms, then save-answer throughput / ceiling
    throughput (and, with ``--steady``, save-steady / ok-steady). With ``--watch-pid NAME=PID`` (repeatable) it also prints the CPU use of
    those processes (e.g. the Daphne workers) and of the whole machine per phase;
    ``--watch-cmd NAME=SUBSTRING`` adds up every process whose command line contains
    SUBSTRING (e.g. ``postgres="postgres: 15/main: root bench"``, the backends).

    Then it verifies in the database (``--no-verify`` skips it): every participant has
    exactly one attempt in the round and it is submitted; the number of saved answers
    (``AttemptItem.answered_at`` not null) equals the number of 2xx save responses
    ("lost answers: 0"), and each saved answer is the choice the client sent.

    Exit status: 0 only with no request error, no lost or wrong answer and a clean
    verification. Bounded: N x (2 + 15 + 1) requests plus the ceilings, and
    ``--max-seconds`` (default 900) for the whole run.

``queries``
    Counts the SQL queries and times each step in-process (Django test client, no
    server) for one throw-away participant, inside a transaction that is rolled back;
    it also counts ``contest.services.attempt_save_answer`` alone with
    ``CaptureQueriesContext``. ``--verbose`` prints every query.

Example (SQLite, one Daphne)::

    export SQLITE_PATH=/tmp/bench.sqlite3 ACCOUNT_RATE_LIMITS_ENABLED=0 DEBUG=0 \\
           SECRET_KEY=bench-not-secret ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py collectstatic --noinput
    .venv/bin/daphne -b 127.0.0.1 -p 8000 config.asgi:application &
    .venv/bin/python bench/online_round.py prepare --n 200
    .venv/bin/python bench/online_round.py run --base http://127.0.0.1:8000

The client needs aiohttp: ``pip install -c constraints.txt -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

try:  # only `run` needs the client; `prepare` runs without it
    import aiohttp
    from yarl import URL
except ImportError:  # pragma: no cover
    aiohttp = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = "/tmp/bench-online.json"
CONTEST_SLUG = "bench-online"
TOPIC_SLUG = "bench-online-topic"
QUESTIONS = 60
PER_ATTEMPT = 15
LOGIN_PASSWORD = "bench-Login-2019-not-secret"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def setup_django() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


# --- prepare ------------------------------------------------------------------------------


def prepare(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.demo import seed_units
    from accounts.models import OrganizationUnit, User
    from contest.models import (
        Attempt,
        BlueprintRule,
        Campaign,
        Contest,
        Round,
        ScoreChange,
    )
    from quizbank.formats.base import ParsedChoice, ParsedQuestion
    from quizbank.models import Question, Topic
    from quizbank.services import question_create

    t0 = time.perf_counter()
    now = timezone.now()
    out = Path(args.out)

    # Units.
    if not OrganizationUnit.objects.filter(code="AG").exists():
        seed_units()
    units = list(OrganizationUnit.objects.filter(code__startswith="AG").order_by("code"))
    if not units:
        raise SystemExit("no An Giang units after seed_units()")

    # Questions.
    topic, _ = Topic.objects.get_or_create(
        slug=TOPIC_SLUG, defaults={"name": "Bench: online round"}
    )
    have = Question.objects.filter(topic=topic, status=Question.Status.APPROVED).count()
    for i in range(have, QUESTIONS):
        question_create(
            data=ParsedQuestion(
                ref=f"bench {i + 1}",
                kind="single",
                text=f"Câu hỏi thử tải số {i + 1}: cơ quan nào chủ trì cải cách hành chính?",
                choices=[
                    ParsedChoice(f"Phương án đúng {i + 1}", True),
                    ParsedChoice(f"Phương án sai A {i + 1}", False),
                    ParsedChoice(f"Phương án sai B {i + 1}", False),
                    ParsedChoice(f"Phương án sai C {i + 1}", False),
                ],
                audience="both",
                difficulty="medium",
            ),
            topic=topic,
            author=None,
            status=Question.Status.APPROVED,
        )

    with transaction.atomic():
        # Contest and round, reopened now.
        campaign, _ = Campaign.objects.get_or_create(
            name="Bench campaign", defaults={"year": now.year}
        )
        contest, _ = Contest.objects.update_or_create(
            slug=CONTEST_SLUG,
            defaults={
                "campaign": campaign,
                "title": "Bench: online round",
                "is_published": True,
                "opens_at": now - timedelta(days=1),
                "closes_at": now + timedelta(days=1),
            },
        )
        round, _ = Round.objects.update_or_create(
            contest=contest,
            number=1,
            defaults={
                "kind": Round.Kind.ONLINE,
                "title": "Bench round",
                "is_published": True,
                "opens_at": now - timedelta(minutes=1),
                "closes_at": now + timedelta(hours=2),
                "duration": timedelta(minutes=15),
                "attempts_allowed": 1,
                "eligibility": Round.Eligibility.CIVIL_SERVANTS,
                "access_password": "",
                "prediction_question": "",
            },
        )
        round.eligible_units.clear()
        round.blueprint.all().delete()
        BlueprintRule.objects.create(
            round=round,
            audience=BlueprintRule.Audience.CIVIL_SERVANT,
            topic=topic,
            count=PER_ATTEMPT,
        )
        # A clean round: no attempts (items cascade; score changes are protected).
        attempts = Attempt.objects.filter(round=round)
        ScoreChange.objects.filter(attempt__in=attempts).delete()
        deleted = attempts.delete()[1].get("contest.Attempt", 0)

        # Participants.
        emails = [f"bench-{i:05d}@bench.local" for i in range(1, args.n + 1)]
        existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
        User.objects.bulk_create(
            [
                User(
                    email=email,
                    full_name=f"Bench {i:05d}",
                    kind=User.Kind.CIVIL_SERVANT,
                    unit=units[i % len(units)],
                    password=make_password(None),
                )
                for i, email in enumerate(emails, start=1)
                if email not in existing
            ],
            batch_size=500,
        )
        users = list(User.objects.filter(email__in=emails).order_by("email"))

    # Login users: real passwords (hashed once, here) and verified addresses.
    login_users = _login_users(args.login_users)

    # Sessions: drop the ones the previous file listed, then write fresh ones.
    from importlib import import_module

    store_cls = import_module(settings.SESSION_ENGINE).SessionStore
    if out.exists():
        try:
            old = json.loads(out.read_text())
            for user in old.get("users", []):
                store_cls(session_key=user["session"]).delete()
        except (ValueError, KeyError, TypeError):
            pass
    rows = []
    with transaction.atomic():
        for user in users:
            store = store_cls()
            store["_auth_user_id"] = str(user.pk)
            store["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[0]
            store["_auth_user_hash"] = user.get_session_auth_hash()
            store.create()
            rows.append({"id": user.pk, "email": user.email, "session": store.session_key})

    data = {
        "round_id": round.pk,
        "round_path": f"/c/{contest.slug}/rounds/{round.number}/",
        "questions_per_attempt": PER_ATTEMPT,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "users": rows,
        "login_users": [{"email": u, "password": LOGIN_PASSWORD} for u in login_users],
    }
    out.write_text(json.dumps(data, indent=1))
    print(
        f"prepared round {round.pk} ({data['round_path']}): {len(rows)} participants "
        f"({len(rows) - len(existing)} new), {len(login_users)} login users, "
        f"{deleted} old attempts deleted, {time.perf_counter() - t0:.1f} s -> {out}"
    )
    return 0


def _login_users(count: int) -> list[str]:
    from allauth.account.models import EmailAddress

    from accounts.models import OrganizationUnit, User

    unit = OrganizationUnit.objects.get(code="AG")
    emails = []
    for i in range(1, count + 1):
        email = f"bench-login-{i:05d}@bench.local"
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"full_name": f"Bench login {i:05d}", "kind": "civil_servant", "unit": unit},
        )
        if created or not user.has_usable_password():
            user.set_password(LOGIN_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        emails.append(email)
    return emails


def queries(args: argparse.Namespace) -> int:
    """Count SQL queries and time each step in-process (Django test client, no Daphne),
    inside one transaction that is rolled back: the bench round stays clean."""
    setup_django()
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import OrganizationUnit, User
    from contest.models import Round
    from contest.services import attempt_save_answer

    cfg = json.loads(Path(args.config).read_text())
    round = Round.objects.select_related("contest").get(pk=cfg["round_id"])
    report: list[tuple[str, int, float]] = []

    def measure(name: str, fn):  # type: ignore[no-untyped-def]
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            value = fn()
            ms = (time.perf_counter() - t0) * 1000
        report.append((name, len(ctx.captured_queries), ms))
        if args.verbose:
            for q in ctx.captured_queries:
                print(f"    [{name}] {q['sql'][:160]}")
        return value

    with transaction.atomic():
        user = User.objects.create(
            email="bench-queries@bench.local",
            full_name="Bench queries",
            kind=User.Kind.CIVIL_SERVANT,
            unit=OrganizationUnit.objects.get(code="AG"),
        )
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        for _ in range(args.repeat):  # warm up (template compilation), the last one counts
            report.clear()
            measure("ok", lambda: client.get("/ok"))
            measure("page", lambda: client.get(cfg["round_path"]))
        state = measure(
            "start",
            lambda: client.post(
                f"/api/rounds/{round.pk}/start", {}, content_type="application/json"
            ),
        ).json()
        attempt_id = state["id"]
        questions = state["questions"]
        for i, q in enumerate(questions[:-1]):
            resp = measure(
                "save-answer" if i else "save-answer (first)",
                lambda q=q: client.put(
                    f"/api/attempts/{attempt_id}/answers/{q['position']}",
                    {"selected": [q["choices"][0]["id"]]},
                    content_type="application/json",
                ),
            )
            assert resp.status_code == 200, resp.content
        last = questions[-1]
        measure(
            "service attempt_save_answer",
            lambda: attempt_save_answer(
                attempt_id=attempt_id,
                user=user,
                position=last["position"],
                selected=[last["choices"][0]["id"]],
            ),
        )
        measure("submit", lambda: client.post(f"/api/attempts/{attempt_id}/submit"))
        transaction.set_rollback(True)

    seen: dict[str, list[tuple[int, float]]] = {}
    for name, count, ms in report:
        seen.setdefault(name, []).append((count, ms))
    print(f"{'in-process (test client, no Daphne)':<36}{'queries':>8}{'ms':>8}")
    for name, rows in seen.items():
        counts = sorted({c for c, _ in rows})
        ms = sorted(m for _, m in rows)[len(rows) // 2]
        print(f"{name:<36}{'/'.join(map(str, counts)):>8}{ms:>8.1f}")
    return 0


# --- measuring ------------------------------------------------------------------------------


STEPS = [
    "page",
    "start",
    "save-answer",
    "submit",
    "login-page",
    "login",
    "ok-before",
    "ok-after",
    "steady-start",
    "save-steady",
    "ok-steady",
]


@dataclass
class Step:
    samples: list[tuple[float, float]] = field(default_factory=list)  # (sent, received)
    ok: int = 0
    errors: int = 0
    error_kinds: Counter = field(default_factory=Counter)
    active_s: float = 0.0  # set by steps measured in several windows: their summed length

    @property
    def count(self) -> int:
        return self.ok + self.errors

    def add(self, t0: float, t1: float, ok: bool, kind: str = "") -> None:
        self.samples.append((t0, t1))
        if ok:
            self.ok += 1
        else:
            self.errors += 1
            self.error_kinds[kind] += 1

    def summary(self) -> dict:
        if not self.samples:
            return {"count": 0, "errors": 0}
        lat = sorted((t1 - t0) * 1000 for t0, t1 in self.samples)
        window = self.active_s or (
            max(t1 for _, t1 in self.samples) - min(t0 for t0, _ in self.samples)
        )

        def pct(q: float) -> float:
            return lat[max(0, math.ceil(q * len(lat)) - 1)]

        return {
            "count": self.count,
            "errors": self.errors,
            "window_s": round(window, 3),
            "rps": round(self.count / window, 1) if window > 0 else 0.0,
            "p50": round(pct(0.50), 1),
            "p95": round(pct(0.95), 1),
            "p99": round(pct(0.99), 1),
            "max": round(lat[-1], 1),
            "error_kinds": dict(self.error_kinds.most_common(5)),
        }


class CpuWatch:
    """CPU seconds of some processes and of the machine between start() and stop()."""

    def __init__(self, pids: dict[str, int], groups: dict[str, str] | None = None) -> None:
        self.fixed = pids
        self.groups = groups or {}  # name -> substring of the command line
        self.pids: dict[str, int] = dict(pids)
        self.tick = os.sysconf("SC_CLK_TCK")

    def _scan(self) -> None:
        """Processes whose command line contains a group's substring, e.g. the
        PostgreSQL backends ("postgres: 15/main: root bench"); counted as one."""
        self.members: dict[str, list[int]] = {name: [] for name in self.groups}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            for name, needle in self.groups.items():
                if needle in cmd:
                    self.members[name].append(int(entry.name))

    def _group(self, name: str) -> float:
        return sum(v for v in (self._proc(pid) for pid in self.members[name]) if v == v)

    def _group_delta(self, name: str) -> float:
        """CPU since start() of the group's processes, those born meanwhile included."""
        old = set(self.members[name])
        before = self.before[name]
        self._scan()
        # A process that ended meanwhile is lost; pooled backends live long.
        kept = [pid for pid in self.members[name] if pid in old]
        born = [pid for pid in self.members[name] if pid not in old]
        total = sum(v for v in (self._proc(pid) for pid in kept + born) if v == v)
        return total - before

    def _proc(self, pid: int) -> float:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / self.tick  # utime + stime

    def _machine(self) -> tuple[float, float]:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = values[3] + values[4]
        return sum(values) / self.tick, idle / self.tick

    def start(self) -> None:
        self.t0 = time.perf_counter()
        self.before = {name: self._proc(pid) for name, pid in self.pids.items()}
        self._scan()
        for name in self.groups:
            self.before[name] = self._group(name)
        self.before["client"] = time.process_time()
        self.machine0 = self._machine()

    def stop(self) -> dict[str, float]:
        wall = time.perf_counter() - self.t0
        out = {
            f"{name} %": round(100 * (self._proc(pid) - self.before[name]) / wall, 0)
            for name, pid in self.pids.items()
        }
        for name in self.groups:
            out[f"{name} %"] = round(100 * self._group_delta(name) / wall, 0)
        out["client %"] = round(100 * (time.process_time() - self.before["client"]) / wall, 0)
        total, idle = self._machine()
        busy = (total - self.machine0[0]) - (idle - self.machine0[1])
        cores = os.cpu_count() or 1
        out["machine busy % of all cores"] = round(
            100 * busy / max(total - self.machine0[0], 1e-9), 0
        )
        out["cores"] = cores
        return out


class Client:
    """Shared pieces of one phase: connector, request cap, recorded steps."""

    def __init__(self, concurrency: int, timeout: float) -> None:
        self.connector = aiohttp.TCPConnector(limit=concurrency, force_close=False)
        self.sem = asyncio.Semaphore(concurrency)
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.steps: dict[str, Step] = {name: Step() for name in STEPS}

    def session(self, base: str, cookies: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        jar = aiohttp.CookieJar(unsafe=True, treat_as_secure_origin=[base])
        if cookies:
            jar.update_cookies(cookies, response_url=URL(base))
        return aiohttp.ClientSession(
            base_url=base,
            connector=self.connector,
            connector_owner=False,
            cookie_jar=jar,
            timeout=self.timeout,
        )

    async def call(  # type: ignore[no-untyped-def]
        self, session, step: str, method: str, path: str, ok_status=(200,), **kwargs
    ) -> tuple[int | None, bytes]:
        t0 = time.perf_counter()  # before the cap: a queued request is a waiting user
        async with self.sem:
            try:
                async with session.request(method, path, **kwargs) as resp:
                    body = await resp.read()
                    status: int | None = resp.status
            except (aiohttp.ClientError, TimeoutError, OSError) as exc:
                status, body = None, type(exc).__name__.encode()
            t1 = time.perf_counter()
        ok = status in ok_status
        kind = ""
        if not ok:
            code = ""
            with contextlib.suppress(ValueError, AttributeError):
                code = json.loads(body).get("code", "")
            kind = f"{status} {code or body[:60].decode(errors='replace')}".strip()
        self.steps[step].add(t0, t1, ok, kind)
        return status if ok else None, body

    async def close(self) -> None:
        await self.connector.close()


@dataclass
class Saved:
    attempt_id: int
    position: int
    choice: int


async def participant(
    client: Client,
    base: str,
    user: dict,
    cfg: dict,
    think_ms: float,
    delay: float,
    saved: list[Saved],
    finished: list[int],
) -> None:
    if delay:
        await asyncio.sleep(delay)
    async with client.session(base, {cfg["session_cookie"]: user["session"]}) as s:
        status, _ = await client.call(s, "page", "GET", cfg["round_path"])
        if status is None:
            return
        csrf = s.cookie_jar.filter_cookies(URL(base)).get(cfg["csrf_cookie"])
        headers = {"X-CSRFToken": csrf.value if csrf else ""}
        status, body = await client.call(
            s, "start", "POST", f"/api/rounds/{cfg['round_id']}/start", json={}, headers=headers
        )
        if status is None:
            return
        state = json.loads(body)
        attempt_id = state["id"]
        for question in state["questions"]:
            if think_ms:
                await asyncio.sleep(think_ms * random.uniform(0.5, 1.5) / 1000)
            choice = random.choice(question["choices"])["id"]
            status, _ = await client.call(
                s,
                "save-answer",
                "PUT",
                f"/api/attempts/{attempt_id}/answers/{question['position']}",
                json={"selected": [choice]},
                headers=headers,
            )
            if status is not None:
                saved.append(Saved(attempt_id, question["position"], choice))
        status, body = await client.call(
            s, "submit", "POST", f"/api/attempts/{attempt_id}/submit", headers=headers
        )
        if status is not None and json.loads(body).get("status") == "submitted":
            finished.append(user["id"])


async def ceiling(client: Client, bases: list[str], step: str, count: int, workers: int) -> None:
    remaining = count

    async def worker(base: str) -> None:
        nonlocal remaining
        async with client.session(base) as s:
            while remaining > 0:
                remaining -= 1
                await client.call(s, step, "GET", "/ok")

    await asyncio.gather(*(worker(bases[i % len(bases)]) for i in range(workers)))


async def login(client: Client, base: str, email: str, password: str) -> None:
    async with client.session(base) as s:
        # The GET only fetches the form's CSRF cookie; the POST is the login itself.
        status, _ = await client.call(s, "login-page", "GET", "/accounts/login/")
        if status is None:
            return
        csrf = s.cookie_jar.filter_cookies(URL(base)).get("csrftoken")
        await client.call(
            s,
            "login",
            "POST",
            "/accounts/login/",
            ok_status=(302,),
            data={
                "login": email,
                "password": password,
                "csrfmiddlewaretoken": csrf.value if csrf else "",
            },
            allow_redirects=False,
        )


async def steady(
    client: Client,
    base_list: list[str],
    users: list[dict],
    cfg: dict,
    seconds: float,
    windows: int,
) -> None:
    """Saves alone and the bare view alone, at the same concurrency, in alternating
    windows, ``seconds`` of each in all: the save's cost without the pages, starts and
    submits around it."""
    bases = [base_list[i % len(base_list)] for i in range(len(users))]
    sessions = [
        client.session(base, {cfg["session_cookie"]: user["session"]})
        for base, user in zip(bases, users, strict=True)
    ]

    async def begin(s, base: str) -> tuple[dict, dict] | None:  # type: ignore[no-untyped-def]
        await client.call(s, "steady-start", "GET", cfg["round_path"])
        csrf = s.cookie_jar.filter_cookies(URL(base)).get(cfg["csrf_cookie"])
        headers = {"X-CSRFToken": csrf.value if csrf else ""}
        status, body = await client.call(
            s,
            "steady-start",
            "POST",
            f"/api/rounds/{cfg['round_id']}/start",
            json={},
            headers=headers,
        )
        return (json.loads(body), headers) if status == 200 else None

    started = await asyncio.gather(*(begin(s, b) for s, b in zip(sessions, bases, strict=True)))

    async def saver(s, state_headers, until: float) -> None:  # type: ignore[no-untyped-def]
        state, headers = state_headers
        while time.perf_counter() < until:
            question = random.choice(state["questions"])
            await client.call(
                s,
                "save-steady",
                "PUT",
                f"/api/attempts/{state['id']}/answers/{question['position']}",
                json={"selected": [random.choice(question["choices"])["id"]]},
                headers=headers,
            )

    async def oker(s, until: float) -> None:  # type: ignore[no-untyped-def]
        while time.perf_counter() < until:
            await client.call(s, "ok-steady", "GET", "/ok")

    span = seconds / max(1, windows)
    for _ in range(max(1, windows)):
        t0 = time.perf_counter()
        await asyncio.gather(
            *(saver(s, sh, t0 + span) for s, sh in zip(sessions, started, strict=True) if sh)
        )
        client.steps["save-steady"].active_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        await asyncio.gather(*(oker(s, t0 + span) for s in sessions))
        client.steps["ok-steady"].active_s += time.perf_counter() - t0
    for s in sessions:
        await s.close()


async def run_async(args: argparse.Namespace, cfg: dict, users: list[dict]) -> dict:
    n = len(users)
    conc = args.concurrency or n
    saves_expected = n * cfg["questions_per_attempt"]
    ceiling_count = min(saves_expected, args.ceiling_max)
    watch = CpuWatch(dict(args.watch_pid), dict(args.watch_cmd))
    result: dict = {"phases": {}}
    # What the machine does before we start: other work skews every number below.
    watch.start()
    await asyncio.sleep(1.0)
    result["background_busy_pct"] = watch.stop()["machine busy % of all cores"]

    async def phase(name: str, coro_factory) -> Client:  # type: ignore[no-untyped-def]
        client = Client(conc, args.request_timeout)
        watch.start()
        t0 = time.perf_counter()
        await coro_factory(client)
        wall = time.perf_counter() - t0
        result["phases"][name] = {"wall_s": round(wall, 2), "cpu": watch.stop()}
        await client.close()
        return client

    steps: dict[str, Step] = {}
    c = await phase(
        "ceiling-before",
        lambda cl: ceiling(cl, args.base, "ok-before", ceiling_count, conc),
    )
    steps["ok-before"] = c.steps["ok-before"]

    if args.login_sample:
        logins = cfg["login_users"]
        if not logins:
            raise SystemExit("--login-sample needs login users: prepare --login-users K")

        async def do_logins(cl: Client) -> None:
            await asyncio.gather(
                *(
                    login(
                        cl,
                        args.base[i % len(args.base)],
                        logins[i % len(logins)]["email"],
                        logins[i % len(logins)]["password"],
                    )
                    for i in range(args.login_sample)
                )
            )

        c = await phase("login", do_logins)
        steps["login-page"] = c.steps["login-page"]
        steps["login"] = c.steps["login"]

    saved: list[Saved] = []
    finished: list[int] = []

    async def do_participants(cl: Client) -> None:
        await asyncio.gather(
            *(
                participant(
                    cl,
                    args.base[i % len(args.base)],
                    user,
                    cfg,
                    args.think_ms,
                    args.ramp_s * i / n if args.ramp_s else 0.0,
                    saved,
                    finished,
                )
                for i, user in enumerate(users)
            )
        )

    c = await phase("participants", do_participants)
    for name in ("page", "start", "save-answer", "submit"):
        steps[name] = c.steps[name]
    c = await phase(
        "ceiling-after",
        lambda cl: ceiling(cl, args.base, "ok-after", ceiling_count, conc),
    )
    steps["ok-after"] = c.steps["ok-after"]

    if args.steady:
        extra = cfg["users"][n : n + args.steady]
        if len(extra) < args.steady:
            raise SystemExit(f"--steady {args.steady} needs prepare --n {n + args.steady}")
        c = await phase(
            "steady",
            lambda cl: steady(cl, args.base, extra, cfg, args.steady_s, args.steady_windows),
        )
        for name in ("save-steady", "ok-steady"):
            steps[name] = c.steps[name]

    result["steps"] = {name: step.summary() for name, step in steps.items()}
    result["saved"] = saved
    result["finished"] = finished
    result["concurrency"] = conc
    return result


def verify(cfg: dict, users: list[dict], saved: list[Saved]) -> dict:
    setup_django()
    from contest.models import Attempt, AttemptItem

    ids = [u["id"] for u in users]
    attempts = list(
        Attempt.objects.filter(
            round_id=cfg["round_id"], is_trial=False, user_id__in=ids
        ).values_list("pk", "user_id", "status")
    )
    per_user = Counter(user_id for _, user_id, _ in attempts)
    submitted = {user_id for _, user_id, status in attempts if status == "submitted"}
    not_one = [i for i in ids if per_user.get(i, 0) != 1]
    not_submitted = [i for i in ids if i not in submitted]
    stored = {
        (a, p): sel
        for a, p, sel in AttemptItem.objects.filter(
            attempt__round_id=cfg["round_id"], attempt__user_id__in=ids, answered_at__isnull=False
        ).values_list("attempt_id", "position", "selected")
    }
    wrong = sum(
        1 for s in saved if stored.get((s.attempt_id, s.position)) not in (None, [s.choice])
    )
    missing = sum(1 for s in saved if (s.attempt_id, s.position) not in stored)
    return {
        "participants": len(ids),
        "attempts": len(attempts),
        "users_without_exactly_one_attempt": len(not_one),
        "users_not_submitted": len(not_submitted),
        "save_2xx": len(saved),
        "answers_saved_in_db": len(stored),
        "lost_answers": missing,
        "extra_answers": max(0, len(stored) - (len(saved) - missing)),
        "wrong_answers": wrong,
    }


def check_clean(cfg: dict) -> None:
    setup_django()
    from contest.models import Attempt

    left = Attempt.objects.filter(round_id=cfg["round_id"]).count()
    if left:
        raise SystemExit(f"the bench round has {left} attempts: run `prepare` again first")


def print_report(result: dict, args: argparse.Namespace, n: int) -> None:
    print(
        f"\nparticipants {n}, concurrency {result['concurrency']}, think {args.think_ms} ms, "
        f"ramp {args.ramp_s} s, bases {' '.join(args.base)}; "
        f"machine busy before the run: {result['background_busy_pct']:g}% of all cores"
    )
    head = f"{'step':<12}{'count':>7}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
    print(head)
    print("-" * len(head))
    for name, s in result["steps"].items():
        if not s["count"]:
            continue
        print(
            f"{name:<12}{s['count']:>7}{s['errors']:>8}{s['rps']:>9.1f}{s['p50']:>9.1f}"
            f"{s['p95']:>9.1f}{s['p99']:>9.1f}{s['max']:>9.1f}"
        )
    for name, s in result["steps"].items():
        if s.get("error_kinds"):
            print(f"  {name} errors: {s['error_kinds']}")
    save = result["steps"]["save-answer"].get("rps", 0.0)
    ceil = [result["steps"][k].get("rps", 0.0) for k in ("ok-before", "ok-after")]
    mean = sum(ceil) / 2
    result["ratio"] = round(save / mean, 2) if mean else None
    print(
        f"save-answer / ok-ceiling throughput: {save:.1f} / {mean:.1f} = {result['ratio']} "
        f"(ceiling before {ceil[0]:.1f}, after {ceil[1]:.1f} req/s)"
    )
    if "save-steady" in result["steps"]:
        a = result["steps"]["save-steady"].get("rps", 0.0)
        b = result["steps"]["ok-steady"].get("rps", 0.0)
        result["steady_ratio"] = round(a / b, 2) if b else None
        print(
            f"steady: save-answer alone / ok alone, {args.steady} at once: {a:.1f} / {b:.1f} = "
            f"{result['steady_ratio']}"
        )
    for name, p in result["phases"].items():
        cpu = ", ".join(f"{k} {v:g}" for k, v in p["cpu"].items())
        print(f"phase {name}: {p['wall_s']} s; cpu: {cpu}")


def run(args: argparse.Namespace) -> int:
    for base in args.base:
        host = urlsplit(base).hostname
        if urlsplit(base).scheme != "http" or host not in LOOPBACK:
            raise SystemExit(f"--base must be http on loopback (127.0.0.1/localhost), not {base}")
    args.base = [b.rstrip("/") for b in args.base]
    if aiohttp is None:
        raise SystemExit("the client needs aiohttp: pip install -c constraints.txt -e '.[bench]'")
    cfg = json.loads(Path(args.config).read_text())
    users = cfg["users"][: args.n or len(cfg["users"]) - args.steady]
    if args.verify:
        check_clean(cfg)
    try:
        result = asyncio.run(
            asyncio.wait_for(run_async(args, cfg, users), timeout=args.max_seconds)
        )
    except TimeoutError:
        print(f"run stopped after --max-seconds {args.max_seconds}", file=sys.stderr)
        return 2
    print_report(result, args, len(users))
    failed = any(s.get("errors") for s in result["steps"].values())
    if args.verify:
        v = verify(cfg, users, result["saved"])
        result["verify"] = v
        print(
            "integrity: {participants} participants, {attempts} attempts, "
            "{users_without_exactly_one_attempt} without exactly one attempt, "
            "{users_not_submitted} not submitted; {save_2xx} save 2xx vs "
            "{answers_saved_in_db} answers saved in the database".format(**v)
        )
        print(
            f"lost answers: {v['lost_answers']}; extra: {v['extra_answers']}; "
            f"wrong: {v['wrong_answers']}"
        )
        failed = failed or any(
            v[k]
            for k in (
                "users_without_exactly_one_attempt",
                "users_not_submitted",
                "lost_answers",
                "extra_answers",
                "wrong_answers",
            )
        )
    if args.json:
        result = {k: v for k, v in result.items() if k not in ("saved", "finished")}
        result["args"] = {k: v for k, v in vars(args).items() if k != "func"}
        Path(args.json).write_text(json.dumps(result, indent=1))
    print("FAILED" if failed else "OK")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("prepare", help="create the bench data and sessions (uses Django)")
    p.add_argument("--n", type=int, default=200, help="participants (default 200)")
    p.add_argument("--login-users", type=int, default=10, help="users with a real password")
    p.add_argument("--out", default=DEFAULT_OUT)
    p.set_defaults(func=prepare)
    q = sub.add_parser("queries", help="count queries per step in-process (uses Django)")
    q.add_argument("--config", default=DEFAULT_OUT, help="the file `prepare` wrote")
    q.add_argument("--repeat", type=int, default=3, help="warm-up rounds of /ok and the page")
    q.add_argument("--verbose", action="store_true", help="print every query")
    q.set_defaults(func=queries)
    r = sub.add_parser("run", help="drive a running server")
    r.add_argument("--base", action="append", help="server URL (repeatable), loopback only")
    r.add_argument("--config", default=DEFAULT_OUT, help="the file `prepare` wrote")
    r.add_argument("--n", type=int, default=0, help="participants (default: all prepared)")
    r.add_argument("--concurrency", type=int, default=0, help="default: N")
    r.add_argument("--think-ms", type=float, default=0.0)
    r.add_argument("--ramp-s", type=float, default=0.0)
    r.add_argument("--login-sample", type=int, default=0)
    r.add_argument("--ceiling-max", type=int, default=20000)
    r.add_argument("--request-timeout", type=float, default=60.0)
    r.add_argument("--max-seconds", type=float, default=900.0)
    r.add_argument(
        "--watch-pid",
        action="append",
        default=[],
        type=lambda v: (v.split("=", 1)[0], int(v.split("=", 1)[1])),
        metavar="NAME=PID",
    )
    r.add_argument(
        "--watch-cmd",
        action="append",
        default=[],
        type=lambda v: tuple(v.split("=", 1)),
        metavar="NAME=SUBSTRING",
        help="CPU of all processes whose command line contains SUBSTRING, e.g. "
        '"postgres=postgres: 15/main: root bench"',
    )
    r.add_argument(
        "--steady",
        type=int,
        default=0,
        metavar="K",
        help="after the ceiling: K more prepared users save alone, then GET /ok alone, "
        "--steady-s seconds each (prepare --n N+K)",
    )
    r.add_argument("--steady-s", type=float, default=20.0)
    r.add_argument(
        "--steady-windows",
        type=int,
        default=3,
        help="turns of saves and of /ok in the steady phase (default 3)",
    )
    r.add_argument("--no-verify", dest="verify", action="store_false")
    r.add_argument("--json", help="also write the results here")
    r.set_defaults(func=run)
    args = parser.parse_args(argv)
    if args.func is run and not args.base:
        args.base = ["http://127.0.0.1:8000"]
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
