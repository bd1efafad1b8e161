from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and units")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate, post_save

        from accounts.backends import forget_cached_user
        from accounts.models import User
        from accounts.roles import ensure_role_groups

        post_migrate.connect(ensure_role_groups, dispatch_uid="accounts.ensure_role_groups")

        def forget(sender: type, instance: User, **kwargs: object) -> None:
            forget_cached_user(instance.pk)

        post_save.connect(forget, sender=User, dispatch_uid="accounts.forget_user_save")
        post_delete.connect(forget, sender=User, dispatch_uid="accounts.forget_user_delete")
