"""Writes to articles that touch several rows at once."""

from django.db import transaction
from django.db.models import Case, DateTimeField, F, Value, When
from django.utils import timezone

from .models import Article
from .signals import articles_changed


@transaction.atomic
def publish_articles(articles, *, by, now=None):
    """Publish the given articles; those never published before go out at `now`, or
    at their embargo's end when that is later.

    Articles already carrying a publication time keep it (the first publication
    time is kept; a future one stays scheduled). Bumping the version makes any
    form opened before this a stale copy, so nobody overwrites the change.
    """
    now = now or timezone.now()
    article_ids = list(articles.values_list("pk", flat=True))
    # Under an embargo, "now" is the embargo's end: never a time before it (the
    # constraint article_published_after_embargo), and still one UPDATE.
    articles.filter(published_at__isnull=True).update(
        published_at=Case(
            When(embargoed_until__gt=now, then=F("embargoed_until")),
            default=Value(now),
            output_field=DateTimeField(),
        )
    )
    count = articles.update(
        status=Article.Status.PUBLISHED, version=F("version") + 1, modified_by=by, modified_at=now
    )
    articles_changed.send(sender=Article, article_ids=article_ids)
    return count


@transaction.atomic
def unpublish_articles(articles, *, by):
    """Take the given published articles off the public site."""
    published = articles.filter(status=Article.Status.PUBLISHED)
    article_ids = list(published.values_list("pk", flat=True))
    count = published.update(
        status=Article.Status.UNPUBLISHED,
        version=F("version") + 1,
        modified_by=by,
        modified_at=timezone.now(),
    )
    articles_changed.send(sender=Article, article_ids=article_ids)
    return count
