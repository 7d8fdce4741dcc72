"""System checks for the editorial desk's settings (registered in apps.py)."""

from django.conf import settings
from django.core.checks import Error

from newsroom.checks import is_count


def check_settings(app_configs=None, **kwargs):
    per_page = settings.ARTICLES_PER_PAGE
    if not is_count(per_page):
        return [
            Error(
                f"ARTICLES_PER_PAGE must be a whole number of 1 or more, not {per_page!r}.",
                id="articles.E001",
            )
        ]
    return []
