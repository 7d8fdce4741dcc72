"""Bringing back a revision's editorial content, through the article form the admin uses.

A restore brings back the headline, subheadline, section, dateline, summary, body, tags,
lead photo with its caption and credit, and the bylines with their credits. It keeps the
article's slug, status, publication time, embargo, owner and corrections: restoring text
never publishes, unpublishes, moves the address or erases a correction.

The form is bound to the article's current values with the revision's content put in,
so the role rules (the status choices), the stale-save guard and the body's cleaning are
the form's own; the save is a save like any other, and so becomes a new revision.
"""

from django import forms
from django.utils.datastructures import MultiValueDict
from taggit.utils import edit_string_for_tags

from ..forms import ArticleAdminForm
from ..models import Author, Byline
from .diff import compare

# What a restore keeps of the article as it is now; it brings back the rest of the form.
KEPT = {"slug", "status", "published_at", "embargoed_until", "owner"}
RESTORED = [name for name in ArticleAdminForm.Meta.fields if name not in KEPT]
RESTORED_WITH_BYLINES = [*RESTORED, "bylines"]


class _Tag:
    """What taggit's tag string needs of a tag: its name."""

    def __init__(self, name):
        self.name = name


def restored_fields(*, with_bylines):
    return RESTORED_WITH_BYLINES if with_bylines else RESTORED


def changes_made(current, revision_data, *, with_bylines):
    """What restoring `revision_data` over the `current` snapshot changes."""
    return compare(current, revision_data, restored_fields(with_bylines=with_bylines))


def bound_form(form_class, article, revision_data, guard):
    """`form_class` bound as if its user had typed the revision's content into the page.

    Every other field carries the article's current value, as the change page would
    post it; `guard` holds the loaded_version and loaded_fingerprint the restore page
    was shown with.
    """
    current = form_class(instance=article)
    data = MultiValueDict()
    for name, form_field in current.fields.items():
        # The model's values, not the page's (rounded to the second): a kept
        # publication time stays exact.
        initial = current.initial.get(name, form_field.initial)
        _put(data, name, form_field, form_field.prepare_value(initial))
    restored = {
        **{name: revision_data.get(name) or "" for name in RESTORED},
        "tags": edit_string_for_tags([_Tag(name) for name in revision_data.get("tags", [])]),
    }
    for name, value in {**restored, **guard}.items():
        if name in current.fields:
            data[name] = str(value)
    return form_class(data, instance=article)


def _put(data, name, form_field, value):
    widget = form_field.widget
    if isinstance(widget, forms.MultiWidget):
        for suffix, part in zip(widget.widgets_names, widget.decompress(value), strict=True):
            data[f"{name}{suffix}"] = "" if part is None else str(part)
    elif isinstance(form_field, forms.BooleanField):
        if value:
            data[name] = "on"
    elif isinstance(value, list | tuple):
        data.setlist(name, [str(item) for item in value])
    else:
        data[name] = "" if value is None else str(value)


def missing_authors(revision_data):
    """Names of the revision's byline authors that were deleted since (as "Author #12")."""
    wanted = {byline["author"] for byline in revision_data.get("bylines", [])}
    existing = set(Author.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    return [f"Author #{pk}" for pk in sorted(wanted - existing)]


def restore_bylines(article, revision_data):
    """Replace the article's bylines with the revision's, in its order and with its credits."""
    article.bylines.all().delete()
    for position, byline in enumerate(revision_data.get("bylines", [])):
        Byline.objects.create(
            article=article, author_id=byline["author"], credit=byline["credit"], position=position
        )
