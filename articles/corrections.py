"""Corrections move their article on: a change to one is a change to the article.

Adding, changing or deleting a correction saves its article (`modified_at`,
`modified_by`), so the article's version moves on (a change form opened before is
stale), its revision records the corrections as they now are, and feeds, the sitemap
and the page cache follow. One receiver does it, for the admin and for code alike
(`Correction.objects.create(...)` in a shell too). `add_correction` also says who
made the change; a change made without it is saved as by nobody known, rather than
as by whoever saved the article before.

The admin saves the article itself before its inlines (`ArticleAdmin.save_model`),
so the corrections it saves afterwards, inside `saved_with_article()`, do not save
it a second time.
"""

import contextlib
import contextvars

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

from .models import Article, Correction

_article_already_saved = contextvars.ContextVar("corrections_article_already_saved", default=False)
_changed_by = contextvars.ContextVar("corrections_changed_by", default=None)


def add_correction(article, *, kind, text, by, made_at=None):
    """Print a correction with `article`, saved as a change `by` this user made."""
    fields = {"kind": kind, "text": text}
    if made_at is not None:
        fields["made_at"] = made_at
    token = _changed_by.set(by)
    try:
        return Correction.objects.create(article=article, **fields)
    finally:
        _changed_by.reset(token)


@contextlib.contextmanager
def saved_with_article():
    """Corrections saved in here belong to a save of their article already made."""
    token = _article_already_saved.set(True)
    try:
        yield
    finally:
        _article_already_saved.reset(token)


def touch_article(sender, instance, **kwargs):
    if _article_already_saved.get() or _deleted_with_its_article(kwargs.get("origin")):
        return
    article = instance.article
    article.modified_by = _changed_by.get()
    # Only these fields: the article copy held here may be older than the saved one.
    article.save(update_fields=["modified_at", "modified_by"])


def _deleted_with_its_article(origin):
    """True when the deletion started from the article (or articles) itself."""
    if isinstance(origin, QuerySet):
        return origin.model is Article
    return isinstance(origin, Article)


def connect():
    post_save.connect(touch_article, sender=Correction, dispatch_uid="corrections.touch_article")
    post_delete.connect(
        touch_article, sender=Correction, dispatch_uid="corrections.touch_article_deleted"
    )
