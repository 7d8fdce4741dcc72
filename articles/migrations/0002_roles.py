"""The desk's roles as groups: Reporter, Editor and Photo editor."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The roles as they were when this migration was written; later changes go in
# migrations of their own (or `manage.py sync_roles`).
ROLES = {
    "Reporter": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.view_category",
        "articles.view_author",
        "media.add_photo",
        "media.view_photo",
    ],
    "Editor": [
        "articles.add_article",
        "articles.change_article",
        "articles.delete_article",
        "articles.view_article",
        "articles.publish_article",
        "articles.edit_any_article",
        "articles.add_category",
        "articles.change_category",
        "articles.delete_category",
        "articles.view_category",
        "articles.add_author",
        "articles.change_author",
        "articles.delete_author",
        "articles.view_author",
        "articles.add_byline",
        "articles.change_byline",
        "articles.delete_byline",
        "articles.view_byline",
        "media.add_photo",
        "media.change_photo",
        "media.view_photo",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.delete_tag",
        "taggit.view_tag",
        "auth.view_user",
    ],
    "Photo editor": [
        "media.add_photo",
        "media.change_photo",
        "media.delete_photo",
        "media.view_photo",
        "articles.view_article",
    ],
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
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("media", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
