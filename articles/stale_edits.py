"""Telling an editor what changed since they opened an article.

The change form carries a fingerprint of the article as it was loaded: a short
hash per field, tags and bylines included. When someone else saves first, the
saved article's fingerprint is compared with it, naming exactly the fields the
other person changed.
"""

import hashlib
import json

from django.utils.text import Truncator

from .formatting import newsroom_time

FIELDS = [
    "headline",
    "subheadline",
    "slug",
    "section",
    "dateline",
    "summary",
    "body",
    "lead_photo",
    "lead_photo_caption",
    "lead_photo_credit",
    "status",
    "published_at",
    "owner",
]


def _hashed_values(article):
    """What is compared: ids for related objects, so renaming a section is no change here."""
    values = {name: getattr(article, article._meta.get_field(name).attname) for name in FIELDS}
    values.update(_related_lists(article))
    return values


def _shown_values(article):
    """What the editor reads: names for related objects."""
    values = {name: getattr(article, name) for name in FIELDS}
    values.update(_related_lists(article))
    return values


def _related_lists(article):
    values = {}
    values["tags"] = ", ".join(sorted(article.tags.names())) if article.pk else ""
    values["bylines"] = (
        ", ".join(b.author.name for b in article.bylines.select_related("author"))
        if article.pk
        else ""
    )
    return values


def fingerprint(article):
    """{field: short hash of its value}, as JSON, for a hidden form field."""
    return json.dumps(
        {
            name: hashlib.sha256(str(value).encode()).hexdigest()[:16]
            for name, value in _hashed_values(article).items()
        },
        sort_keys=True,
    )


def describe_changes(loaded_fingerprint, saved):
    """A sentence naming who saved `saved`, when, and what they changed since the load."""
    try:
        loaded = json.loads(loaded_fingerprint or "{}")
    except ValueError:
        loaded = {}
    current = json.loads(fingerprint(saved))
    values = _shown_values(saved)
    changed = []
    for name in values:
        if loaded.get(name) == current[name]:
            continue
        label = (
            name.capitalize()
            if name in ("tags", "bylines")
            else saved._meta.get_field(name).verbose_name.capitalize()
        )
        value = values[name]
        if name == "body" or value in (None, ""):
            changed.append(label)
        else:
            changed.append(f"{label} (now “{Truncator(str(value)).chars(60)}”)")
    who = "Someone else"
    if saved.modified_by is not None:
        who = saved.modified_by.get_full_name() or saved.modified_by.get_username()
    when = newsroom_time(saved.modified_at)
    if not changed:
        return f"{who} saved this article at {when}, after you opened it."
    return f"{who} saved this article at {when}, after you opened it, changing: " + (
        "; ".join(changed) + "."
    )
