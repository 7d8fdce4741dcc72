"""The Analyst group, and the ranking dashboard for Editors."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles as they were when this migration was written.
ROLES = {
    "Analyst": [
        "rankings.view_rankings",
        "articles.view_article",
        "articles.view_category",
        "articles.view_author",
    ],
    "Editor": ["rankings.view_rankings"],
}


def grant_roles(apps, roles):
    """Create the groups in `roles` and add their permissions (a frozen copy: migrations
    import no app code, which may change after they ran)."""
    app_labels = {code.split(".")[0] for codes in roles.values() for code in codes}
    for app_label in sorted(app_labels):
        # Permissions are normally created after all migrations; the groups need them
        # now. create_permissions skips an app without a models module, as the
        # migration state's app stubs appear to be.
        app_config = apps.get_app_config(app_label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def create_roles(apps, schema_editor):
    grant_roles(apps, ROLES)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Analyst").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rankings", "0001_initial"),
        ("articles", "0002_roles"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
