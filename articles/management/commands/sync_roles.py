from django.apps import apps
from django.core.management.base import BaseCommand

from articles.roles import ROLES, sync_roles


class Command(BaseCommand):
    help = "Create or reset the role groups (Reporter, Editor, Photo editor) and their permissions."

    def handle(self, *args, **options):
        sync_roles(apps)
        self.stdout.write(f"Roles in place: {', '.join(ROLES)}.")
