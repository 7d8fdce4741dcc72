"""Typed values from the environment, for the settings that differ per deployment.

A variable set but empty counts as unset, as a `.env` line `NAME=` does; a value that
cannot be read stops the start with a message naming the variable.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


def env_str(name, default=""):
    return os.environ.get(name) or default


def env_bool(name, default=False):
    value = os.environ.get(name)
    if not value:
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_choice(name, choices, default):
    """One of `choices`: a typo (`Redis`, `publisher`) stops the start rather than
    quietly running another way."""
    value = os.environ.get(name) or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def env_list(name, default=()):
    """Comma-separated values, blanks dropped."""
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)
