from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class NewsroomConfig(AppConfig):
    """The project itself: the commands and signal receivers that wire the apps together."""

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from . import after_response, content_version, logs

        after_response.connect()
        # After the work above, so what that work logs still carries the request's id.
        logs.connect()
        content_version.connect()


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin app, with the desk's own site."""

    default = False  # "newsroom" itself is NewsroomConfig
    default_site = "newsroom.admin.NewsroomAdminSite"
