from __future__ import annotations

from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD, seed_units, seed_users
from accounts.roles import ensure_role_groups


class Command(BaseCommand):
    help = "Create the demo data (An Giang units, demo users and later demo contests). Safe to run twice."

    def handle(self, *args, **options) -> None:
        ensure_role_groups()
        seed_units()
        users = seed_users()
        for hook in _extra_seeders():
            hook(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data ready. Demo logins (password for all: %s):" % DEMO_PASSWORD
            )
        )
        for demo in users:
            self.stdout.write(f"  {demo.email:36} {', '.join(demo.roles)}")


def _extra_seeders():
    """Other apps add their demo data (question bank, rounds) here."""
    return []
