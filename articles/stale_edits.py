"""Telling an editor what changed since they opened an article.

The guard itself is the article's version number (articles/forms.py). This module
words the refusal: the change form carries a fingerprint of the article as it was
loaded, a short hash per field of the form (tags included) and of its bylines. When
someone else saves first, the saved article's fingerprint is compared with it,
naming exactly the fields the other person changed.
"""

import hashlib
import json

from django.db import models
from django.utils.text import Truncator

from .formatting import newsroom_time
from .people import person_name

# Edited on the same page as the form's fields, in the bylines inline.
BYLINES = "bylines"


def _value(article, name, *, shown):
    if article.pk is None:
        return ""
    if name == "tags":
        return ", ".join(sorted(article.tags.names()))
    if name == BYLINES:
        return ", ".join(b.author.name for b in article.bylines.select_related("author"))
    field = article._meta.get_field(name)
    if not shown:
        # Ids for related objects, so renaming a section is no change here.
        return getattr(article, field.attname)
    if field.choices:
        return getattr(article, f"get_{name}_display")()
    value = getattr(article, name)
    return newsroom_time(value) if isinstance(field, models.DateTimeField) else value


def _values(article, fields, *, shown):
    """{name: value} of `fields` and the bylines: names to read if `shown`, else ids."""
    return {name: _value(article, name, shown=shown) for name in [*fields, BYLINES]}


def fingerprint(article, fields):
    """{field: short hash of its value}, as JSON, for a hidden form field."""
    return json.dumps(
        {
            name: hashlib.sha256(str(value).encode()).hexdigest()[:16]
            for name, value in _values(article, fields, shown=False).items()
        },
        sort_keys=True,
    )


def _label(article, name):
    if name == BYLINES:
        return "Bylines"
    return str(article._meta.get_field(name).verbose_name).capitalize()


def describe_changes(loaded_fingerprint, saved, fields):
    """A sentence naming who saved `saved`, when, and what they changed since the load."""
    try:
        loaded = json.loads(loaded_fingerprint or "{}")
    except ValueError:
        loaded = {}
    current = json.loads(fingerprint(saved, fields))
    changed = []
    for name, value in _values(saved, fields, shown=True).items():
        if loaded.get(name) == current[name]:
            continue
        label = _label(saved, name)
        if name == "body" or value in (None, ""):
            changed.append(label)
        else:
            changed.append(f"{label} (now “{Truncator(str(value)).chars(60)}”)")
    who = "Someone else"
    if saved.modified_by is not None:
        who = person_name(saved.modified_by)
    when = newsroom_time(saved.modified_at)
    if not changed:
        return f"{who} saved this article at {when}, after you opened it."
    return f"{who} saved this article at {when}, after you opened it, changing: " + (
        "; ".join(changed) + "."
    )
