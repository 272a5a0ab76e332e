from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import signals

        # After the last app migrates (or a test flushes), the groups are complete again.
        post_migrate.connect(
            signals.sync_groups_after_migrate, sender=self, dispatch_uid="accounts_sync_roles"
        )
