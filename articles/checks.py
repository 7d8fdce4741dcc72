"""System checks for the editorial desk's settings (registered in apps.py)."""

from django.conf import settings
from django.core.checks import Error

from newsroom.checks import is_count

COUNT_SETTINGS = {"ARTICLES_PER_PAGE": "articles.E001", "ARTICLES_RELATED_SIZE": "articles.E002"}


def check_settings(app_configs=None, **kwargs):
    errors = []
    for name, error_id in COUNT_SETTINGS.items():
        value = getattr(settings, name)
        if not is_count(value):
            errors.append(
                Error(f"{name} must be a whole number of 1 or more, not {value!r}.", id=error_id)
            )
    return errors
