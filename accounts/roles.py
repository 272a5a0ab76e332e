"""The roles of DESIGN.md as Django groups with model permissions.

Views check the role (``User.role``) through ``core.permissions``; the groups give the same
rights to the Django admin and to ``user.has_perm``. ``sync_role_groups`` is run by a data
migration and again after every ``migrate``, so permissions of models added later join the
right groups without another hand-written migration.
"""

from django.contrib.auth.management import create_permissions

from .choices import Role

# Models a section's staff work with every day: add, change and view.
SECTION_WORK = {
    "partners": ["partner", "contact"],
    "engagement": ["activity", "followup", "activityreview"],
    "events": ["event", "eventtask", "speaker", "runofshowitem", "observance"],
    "consultations": ["consultation", "toolkit", "distribution", "feedback"],
}
# Reference lists an administrator edits and everybody reads.
REFERENCE_LISTS = {
    "accounts": ["section"],
    "partners": ["community"],
    "engagement": ["activitytype"],
    "events": ["checklisttemplate", "checklisttemplateitem"],
    "consultations": ["feedbacktheme"],
}

GROUP_NAMES = {
    Role.STAFF: "Staff",
    Role.SUPERVISOR: "Supervisor",
    Role.VIEWER: "Viewer",
    Role.ADMINISTRATOR: "Administrator",
}


def role_permissions() -> dict[str, set[tuple[str, str]]]:
    """(app_label, codename) pairs per role."""

    def perms(apps_models: dict[str, list[str]], actions: list[str]) -> set[tuple[str, str]]:
        return {
            (app, f"{action}_{model}")
            for app, models in apps_models.items()
            for model in models
            for action in actions
        }

    staff = perms(SECTION_WORK, ["add", "change", "view"]) | perms(REFERENCE_LISTS, ["view"])
    supervisor = (
        staff
        | perms(SECTION_WORK, ["delete"])
        | perms({"events": ["checklisttemplate", "checklisttemplateitem"]}, ["add", "change"])
        | perms({"reports": ["reportintroduction"]}, ["add", "change", "view"])
        | {("engagement", "review_activity"), ("partners", "merge_partner")}
    )
    administrator = (
        perms(REFERENCE_LISTS, ["add", "change", "delete", "view"])
        | perms({"accounts": ["user"], "auth": ["group"]}, ["add", "change", "delete", "view"])
        | {("partners", "view_contactexportlog")}
    )
    return {
        Role.STAFF: staff,
        Role.SUPERVISOR: supervisor,
        # Viewers read dashboards and reports, which are role-checked, not model permissions.
        Role.VIEWER: set(),
        Role.ADMINISTRATOR: administrator,
    }


def sync_role_groups(apps, using: str = "default") -> None:
    """Create the four groups and give each exactly its permissions."""
    for app_config in apps.get_app_configs():
        # Migration states hold stub app configs without models_module; permissions
        # are created for them all the same.
        if not list(app_config.get_models()):
            continue
        if not getattr(app_config, "models_module", None):
            app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, wanted in role_permissions().items():
        group, _ = Group.objects.using(using).get_or_create(name=GROUP_NAMES[role])
        apps_labels = {app for app, _ in wanted}
        candidates = (
            Permission.objects.using(using)
            .filter(content_type__app_label__in=apps_labels)
            .select_related("content_type")
        )
        ids = [p.pk for p in candidates if (p.content_type.app_label, p.codename) in wanted]
        group.permissions.set(ids)
