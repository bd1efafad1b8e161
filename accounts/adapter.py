from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group

from accounts.roles import PARTICIPANT


class AccountAdapter(DefaultAccountAdapter):
    """Saves the profile fields from sign-up and makes every new user a participant."""

    def save_user(self, request: Any, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.full_name = data.get("full_name", "")
        user.kind = data.get("kind", "")
        user.unit = data.get("unit")
        user.phone = data.get("phone", "")
        user.citizen_id = data.get("citizen_id")
        if commit:
            user.save()
            group, _ = Group.objects.get_or_create(name=PARTICIPANT)
            user.groups.add(group)
        return user
