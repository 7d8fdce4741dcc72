from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class NewsroomConfig(AppConfig):
    """The project itself, installed only for the commands that wire the apps together."""

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from django.core.signals import request_finished

        from newsroom.logs import forget_request_id

        request_finished.connect(forget_request_id, dispatch_uid="newsroom.forget_request_id")


class NewsroomAdminConfig(admin_apps.AdminConfig):
    """Django's admin app, with the desk's own site."""

    default = False  # "newsroom" itself is NewsroomConfig
    default_site = "newsroom.admin.NewsroomAdminSite"
