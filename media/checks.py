"""System checks for the photo library's settings (registered in apps.py)."""

from django.conf import settings
from django.core.checks import Error

from newsroom.checks import is_count


def check_settings(app_configs=None, **kwargs):
    errors = []
    widths = settings.PHOTO_RENDITION_WIDTHS
    if not isinstance(widths, list | tuple) or not widths or not all(map(is_count, widths)):
        errors.append(
            Error(
                f"PHOTO_RENDITION_WIDTHS must list widths in pixels, not {widths!r}.",
                hint="For example (320, 640, 960, 1280, 1920); then run make_renditions.",
                id="media.E001",
            )
        )
    for name in ("PHOTO_MAX_PIXELS", "PHOTO_MAX_BYTES"):
        value = getattr(settings, name)
        if not is_count(value):
            message = f"{name} must be a whole number of 1 or more, not {value!r}."
            errors.append(Error(message, id="media.E002"))
    return errors
