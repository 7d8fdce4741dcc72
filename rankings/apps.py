from django.apps import AppConfig


class RankingsConfig(AppConfig):
    name = "rankings"
    verbose_name = "Access ranking"

    def ready(self):
        from . import receivers

        receivers.connect()
