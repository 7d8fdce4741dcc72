"""Recording a revision after every committed change to an article.

Any save of an article, of one of its bylines or corrections, a change to its tags,
or the bulk publish and unpublish actions schedule the article; when the transaction
commits, each scheduled article gets ONE revision of its state as committed. The
admin's save (article, then bylines, then tags, in one transaction) is therefore one
revision with its bylines and tags.

"Who" is the article's `modified_by`: the admin and the bulk actions set it, and code
that saves an article for someone should set it too (left as it was, the revision is
credited to whoever saved before).

A state identical to the article's latest revision is not recorded again: the history
lists changes to the story, not saves (a save that changed nothing, or publishing an
article already published).
"""

from functools import partial

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save

from ..models import Article, Byline, Correction, Revision
from ..signals import articles_changed
from .snapshot import for_snapshots, snapshot


def schedule_revision(article_id, using="default"):
    """Record a revision of the article when the current transaction commits (now if none)."""
    connection = transaction.get_connection(using)
    if not hasattr(connection, "articles_to_record"):
        connection.articles_to_record = set()
    connection.articles_to_record.add(article_id)
    # Each change asks for a flush; the first to run after the commit records every
    # article changed, the others find nothing left. Robust: the change is committed by
    # then, so a failure to record it is logged rather than turned into a 500.
    transaction.on_commit(partial(_flush, connection), using=using, robust=True)


def _flush(connection):
    # Ids left by a transaction that rolled back are recorded too: their state is then
    # the committed one, identical to their latest revision, so nothing is added.
    article_ids, connection.articles_to_record = connection.articles_to_record, set()
    if article_ids:
        record_revisions(article_ids)


def record_revisions(article_ids):
    """One revision per article, of its state now, unless identical to its latest."""
    latest = Revision.objects.filter(article=OuterRef("pk")).order_by("-created_at", "-pk")
    articles = list(
        for_snapshots(Article.objects.filter(pk__in=article_ids)).annotate(
            latest_revision_id=Subquery(latest.values("pk")[:1])
        )
    )
    latest_data = dict(
        Revision.objects.filter(
            pk__in=[article.latest_revision_id for article in articles]
        ).values_list("article_id", "data")
    )
    revisions = []
    for article in articles:
        data = snapshot(article)
        if data != latest_data.get(article.pk):
            revisions.append(
                Revision(article=article, created_by_id=article.modified_by_id, data=data)
            )
    # bulk_create sends no post_save: a revision, never shown to readers, leaves the
    # cached public pages alone (newsroom/content_version.py counts editorial saves).
    Revision.objects.bulk_create(revisions)
    return revisions


def _article_saved(sender, instance, raw=False, using="default", **kwargs):
    if not raw:
        schedule_revision(instance.pk, using)


def _part_changed(sender, instance, raw=False, using="default", **kwargs):
    if not raw:
        schedule_revision(instance.article_id, using)


def _tags_changed(sender, instance, action, using="default", **kwargs):
    if isinstance(instance, Article) and action.startswith("post_"):
        schedule_revision(instance.pk, using)


def _changed_in_bulk(sender, article_ids, **kwargs):
    for article_id in article_ids:
        schedule_revision(article_id)


def connect():
    uid = "articles.revisions"
    post_save.connect(_article_saved, sender=Article, dispatch_uid=uid)
    for model in (Byline, Correction):
        post_save.connect(_part_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_part_changed, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_tags_changed, sender=Article.tags.through, dispatch_uid=uid)
    articles_changed.connect(_changed_in_bulk, dispatch_uid=uid)
