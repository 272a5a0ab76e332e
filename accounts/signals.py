from django.apps import apps as global_apps
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import User
from .roles import GROUP_NAMES, sync_role_groups


def sync_groups_after_migrate(sender, using="default", **kwargs) -> None:
    sync_role_groups(global_apps, using=using)


@receiver(post_save, sender=User, dispatch_uid="accounts_user_role_group")
def put_user_in_role_group(sender, instance: User, **kwargs) -> None:
    """Keep the user in exactly the group of their role, so admin permissions follow it."""
    from django.contrib.auth.models import Group

    if kwargs.get("raw"):
        return
    group = Group.objects.filter(name=GROUP_NAMES.get(instance.role)).first()
    if group is None:
        return
    instance.groups.set([group])
