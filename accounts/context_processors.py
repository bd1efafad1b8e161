from __future__ import annotations

from django.http import HttpRequest


def roles(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"can_manage_bank": False, "can_manage_contest": False, "can_view_results": False}
    return {
        "can_manage_bank": user.has_perm("quizbank.manage_bank"),
        "can_manage_contest": user.has_perm("contest.manage_contest"),
        "can_view_results": user.has_perm("contest.view_results"),
        "can_follow_unit": user.has_perm("accounts.follow_unit"),
    }
