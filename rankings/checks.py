"""System checks for the ranking's settings (registered in apps.py).

`manage.py check` (and `migrate`, `runserver`, `check --deploy`) reports a bad value
with its id, whether it came from the environment or a newsroom's settings module.
"""

from django.conf import settings
from django.core.checks import Error

from newsroom.checks import is_count

from .windows import WINDOWS

RECORDERS = ("database", "redis")
# Whole numbers of 1 or more: widget and page sizes, and the counting rules.
COUNTS = (
    "RANKINGS_SECTION_SIZE",
    "RANKINGS_SITE_SIZE",
    "RANKINGS_PAGE_SIZE",
    "RANKINGS_REPEAT_WINDOW",
    "RANKINGS_READS_PER_ADDRESS",
)
LABELS = ("RANKINGS_SECTION_LABEL", "RANKINGS_SITE_LABEL")


def check_settings(app_configs=None, **kwargs):
    errors = []
    window = settings.RANKINGS_DEFAULT_WINDOW
    if window not in WINDOWS:
        errors.append(
            Error(
                f"RANKINGS_DEFAULT_WINDOW is {window!r}, not one of the ranking windows.",
                hint=f"Use one of {', '.join(WINDOWS)} (rankings/windows.py).",
                id="rankings.E001",
            )
        )
    if settings.RANKINGS_RECORDER not in RECORDERS:
        errors.append(
            Error(
                f"RANKINGS_RECORDER is {settings.RANKINGS_RECORDER!r}.",
                hint="Use 'database' or 'redis'.",
                id="rankings.E002",
            )
        )
    elif settings.RANKINGS_RECORDER == "redis" and not settings.RANKINGS_REDIS_URL:
        errors.append(
            Error(
                "RANKINGS_RECORDER=redis needs a Redis to count in.",
                hint="Set RANKINGS_REDIS_URL or REDIS_URL.",
                id="rankings.E003",
            )
        )
    for name in COUNTS:
        value = getattr(settings, name)
        if not is_count(value):
            message = f"{name} must be a whole number of 1 or more, not {value!r}."
            errors.append(Error(message, id="rankings.E004"))
    for name in LABELS:
        value = getattr(settings, name)
        if not isinstance(value, str) or not value.strip():
            errors.append(Error(f"{name} must be some text, not {value!r}.", id="rankings.E005"))
    return errors
