from django.apps import AppConfig
from django.core import checks


class RankingsConfig(AppConfig):
    name = "rankings"
    verbose_name = "Access ranking"

    def ready(self):
        from . import receivers
        from .checks import check_settings

        receivers.connect()
        checks.register(check_settings)
