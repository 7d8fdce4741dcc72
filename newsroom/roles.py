"""The desk's roles as groups: how they are granted, and every app's share of them.

Each app keeps its share of the roles in its own `roles` module, as `ROLES`: group
name -> permission codes ("app_label.codename"). Several apps may give permissions to
one group (the Editor has articles', media's and rankings'); `every_role()` merges
them and `manage.py sync_roles` grants the lot, for example after someone removed a
permission from a group by hand. The data migrations that first created the groups
carry frozen copies of their lists and of `grant_roles`.
"""

from importlib import import_module

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions
from django.utils.module_loading import module_has_submodule


def every_role():
    """Group name -> permission codes, merged from each installed app's `roles.ROLES`."""
    merged = {}
    for app_config in installed_apps.get_app_configs():
        if not module_has_submodule(app_config.module, "roles"):
            continue
        roles = getattr(import_module(f"{app_config.name}.roles"), "ROLES", {})
        for name, codes in roles.items():
            granted = merged.setdefault(name, [])
            granted.extend(code for code in codes if code not in granted)
    return merged


def grant_roles(apps, roles):
    """Create the groups in `roles` and give them their permissions. `apps` may be historical.

    Only adds: a group keeps permissions granted elsewhere, such as another app's
    share of the same role.
    """
    app_labels = {code.split(".")[0] for codes in roles.values() for code in codes}
    for app_label in sorted(app_labels):
        # Permissions are normally created after all migrations; the groups need
        # them now. create_permissions skips an app without a models module, as
        # the migration state's app stubs appear to be.
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
