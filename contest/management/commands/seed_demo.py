from __future__ import annotations

from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD, seed_units, seed_users
from accounts.roles import ensure_role_groups
from contest.demo import seed_contest
from quizbank.demo import seed_bank


class Command(BaseCommand):
    help = "Create the demo data: An Giang units, demo users, a question bank, an open round. Safe to run twice."

    def handle(self, *args, **options) -> None:
        ensure_role_groups()
        seed_units()
        users = seed_users()
        self.stdout.write(f"Question bank: {seed_bank()} new demo question(s).")
        round = seed_contest()
        self.stdout.write(f"Open demo round: /c/{round.contest.slug}/rounds/{round.number}/")
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data ready. Demo logins (password for all: %s):" % DEMO_PASSWORD
            )
        )
        for demo in users:
            self.stdout.write(f"  {demo.email:36} {', '.join(demo.roles)}")
