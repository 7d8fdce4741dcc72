from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import module_has_submodule

from articles.roles import grant_roles


class Command(BaseCommand):
    help = "Create the role groups of every app (its roles.ROLES) and grant their permissions."

    def handle(self, *args, **options):
        granted = []
        for app_config in apps.get_app_configs():
            if module_has_submodule(app_config.module, "roles"):
                roles = import_module(f"{app_config.name}.roles").ROLES
                grant_roles(apps, roles)
                granted.extend(roles)
        self.stdout.write(f"Roles in place: {', '.join(dict.fromkeys(granted))}.")
