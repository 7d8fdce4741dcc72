from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The project itself, installed only for the commands that wire the apps together."""

    name = "newsroom"
    verbose_name = "Newsroom"
