from __future__ import annotations

from django.core.management.base import BaseCommand

from contest.services import attempts_close_expired


class Command(BaseCommand):
    help = (
        "Finish and grade every attempt left open past its deadline (plus grace). "
        "Schedule it every minute (cron or a systemd timer); pages also finish them on access."
    )

    def handle(self, *args, **options) -> None:
        count = attempts_close_expired()
        self.stdout.write(self.style.SUCCESS(f"{count} expired attempt(s) finished."))
