from django.apps import apps
from django.core.management.base import BaseCommand

from newsroom.roles import every_role, grant_roles


class Command(BaseCommand):
    help = "Create the role groups of every app (its roles.ROLES) and grant their permissions."

    def handle(self, *args, **options):
        roles = every_role()
        grant_roles(apps, roles)
        self.stdout.write(f"Roles in place: {', '.join(roles)}.")
