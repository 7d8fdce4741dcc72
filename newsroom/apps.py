from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.core import checks
from taggit import apps as taggit_apps


class NewsroomConfig(AppConfig):
    """The project itself: the commands and signal receivers that wire the apps together."""

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from . import after_response, content_version, logs
        from .checks import check_environment

        after_response.connect()
        # After the work above, so what that work logs still carries the request's id.
        logs.connect()
        content_version.connect()
        checks.register(check_environment)


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin app, with the desk's own site."""

    default = False  # "newsroom" itself is NewsroomConfig
    default_site = "newsroom.admin.NewsroomAdminSite"


class TagsConfig(taggit_apps.TaggitAppConfig):
    """django-taggit, called "Tags" in the admin; its label stays "taggit", so its
    migrations and permissions are the same. (Its base is reached through the module: a
    second default AppConfig class in this module would stop Django choosing
    NewsroomConfig for "newsroom".)"""

    default = False
    verbose_name = "Tags"
