"""The desk's roles as groups: Reporter, Editor and Photo editor.

Created by a data migration; `manage.py sync_roles` sets them again (for
example after a deployment adds a permission, or if someone edited a group).
"""

from django.contrib.auth.management import create_permissions

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


def sync_roles(apps):
    """Create the role groups with exactly their permissions. `apps` may be historical."""
    # Permissions are normally created after all migrations; the groups need them now.
    for app_label in ("auth", "articles", "media", "taggit"):
        app_config = apps.get_app_config(app_label)
        # create_permissions skips an app without a models module, as the
        # migration state's app stubs appear to be.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = []
        for code in codes:
            app_label, codename = code.split(".")
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)
