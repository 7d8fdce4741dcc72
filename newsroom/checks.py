"""System checks of the project itself (registered in apps.py)."""

import os

from django.core.checks import Warning

# Settings once read from the environment, now plain settings: a deployment still
# setting them there would silently lose them.
NO_LONGER_FROM_THE_ENVIRONMENT = (
    "ARTICLES_PER_PAGE",
    "PHOTO_RENDITION_WIDTHS",
    "RANKINGS_DEFAULT_WINDOW",
    "RANKINGS_PAGE_SIZE",
    "RANKINGS_READS_PER_ADDRESS",
    "RANKINGS_REPEAT_WINDOW",
    "RANKINGS_SECTION_LABEL",
    "RANKINGS_SECTION_SIZE",
    "RANKINGS_SITE_LABEL",
    "RANKINGS_SITE_SIZE",
)


def is_count(value):
    """A whole number of 1 or more (not True): what every size and count setting must be."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def check_environment(app_configs=None, **kwargs):
    stale = [name for name in NO_LONGER_FROM_THE_ENVIRONMENT if os.environ.get(name)]
    if not stale:
        return []
    return [
        Warning(
            f"{', '.join(stale)} set in the environment (or .env) no longer change anything.",
            hint="Set them in a settings module of your own (see the README's Settings).",
            id="newsroom.W001",
        )
    ]
