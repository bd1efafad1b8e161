from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from contest.models import Contest


def contests_open() -> QuerySet[Contest]:
    """Published contests that have not closed yet, soonest-closing first."""
    return (
        Contest.objects.filter(is_published=True, closes_at__gt=timezone.now())
        .select_related("campaign")
        .order_by("closes_at")
    )
