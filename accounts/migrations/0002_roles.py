"""Create the four role groups (Staff, Supervisor, Viewer, Administrator) with their model
permissions. accounts.roles keeps them in sync after every later migrate as well."""

from django.db import migrations


def create_role_groups(apps, schema_editor):
    from accounts.roles import sync_role_groups

    sync_role_groups(apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("partners", "0001_initial"),
        ("engagement", "0001_initial"),
        ("events", "0001_initial"),
        ("consultations", "0002_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
