"""Roles are Django groups with permissions; every view checks permissions, not names."""

from __future__ import annotations

from typing import Any

PARTICIPANT = "participant"
COORDINATOR = "coordinator"
ORGANIZER = "organizer"
COMMITTEE = "committee"

ROLE_PERMISSIONS: dict[str, list[str]] = {
    PARTICIPANT: [],
    COORDINATOR: ["accounts.follow_unit"],
    ORGANIZER: [
        "accounts.view_personal_data",
        "accounts.follow_unit",
        "quizbank.manage_bank",
        "contest.manage_contest",
        "contest.view_results",
    ],
    COMMITTEE: ["contest.view_results"],
}


def ensure_role_groups(sender: Any = None, **kwargs: Any) -> None:
    """Create the role groups and give them their permissions. Idempotent."""
    from django.contrib.auth.models import Group, Permission

    using = kwargs.get("using", "default")
    for name, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename=codename
            )
            wanted.extend(found)
        if wanted:
            group.permissions.add(*wanted)


def user_roles(user: Any) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(user.groups.values_list("name", flat=True))
