"""System checks for the sign-in settings (registered in apps.py)."""

from django.conf import settings
from django.core.checks import Error

WHO_MUST = ("publishers", "staff", "none")


def check_settings(app_configs=None, **kwargs):
    if settings.TWO_FACTOR_REQUIRED not in WHO_MUST:
        return [
            Error(
                f"TWO_FACTOR_REQUIRED is {settings.TWO_FACTOR_REQUIRED!r}.",
                hint="Use publishers, staff or none.",
                id="signin.E001",
            )
        ]
    return []
