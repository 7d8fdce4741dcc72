"""Keeping the search index current on every save path, once per transaction.

Like the revisions (articles/revisions/recording.py): every change that alters what an
article is found by marks the article; when the transaction commits, each marked
article is indexed again from its committed state, once, and an article that no
longer exists leaves the index. The changes:

- an article saved or deleted (admin, code, restore);
- a byline added, changed or removed; tags added, removed, set or cleared;
- an author, section or tag renamed: every article that shows the name;
- a tag deleted (its TaggedItems go with it);
- the bulk publish and unpublish actions (`articles_changed`).

A QuerySet.update() of headlines or bodies from code sends no signal: run
`manage.py rebuild_search_index` after one (and after restoring a dump).
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from taggit.models import Tag, TaggedItem

from ..models import Article, Author, Byline, Section
from ..signals import articles_changed
from . import documents
from .backends import engine

INDEX_BATCH = 1000


def index_articles(article_ids, using="default", apps=None):
    """Index the given articles as they are now; remove those that no longer exist."""
    connection = connections[using]
    search_engine = engine(connection)
    article_ids = sorted(set(article_ids))
    for start in range(0, len(article_ids), INDEX_BATCH):
        batch = article_ids[start : start + INDEX_BATCH]
        found = documents.load(batch, using=using, **({"apps": apps} if apps else {}))
        search_engine.write(found, connection)
        gone = set(batch) - {document.article_id for document in found}
        if gone:
            search_engine.delete(gone, connection)


def rebuild(using="default", apps=None, clear=False):
    """Index every article: for an existing database, or after restoring a dump.
    `clear` first empties the index, dropping rows of articles that no longer exist."""
    connection = connections[using]
    if clear:
        engine(connection).clear(connection)
    model = apps.get_model("articles", "Article") if apps else Article
    ids = list(model.objects.using(using).order_by("pk").values_list("pk", flat=True))
    index_articles(ids, using=using, apps=apps)
    return len(ids)


def schedule(article_ids, using="default"):
    """Index these articles when the current transaction commits (now if none)."""
    connection = transaction.get_connection(using)
    if not hasattr(connection, "articles_to_index"):
        connection.articles_to_index = set()
    connection.articles_to_index.update(article_ids)
    # Robust: the change is committed by then; a failure to index is logged, not a 500.
    transaction.on_commit(partial(_flush, connection, using), using=using, robust=True)


def _flush(connection, using):
    article_ids, connection.articles_to_index = connection.articles_to_index, set()
    if article_ids:
        index_articles(article_ids, using=using)


def _article_changed(sender, instance, raw=False, using="default", **kwargs):
    if not raw:
        schedule([instance.pk], using)


def _byline_changed(sender, instance, raw=False, using="default", **kwargs):
    if not raw:
        schedule([instance.article_id], using)


def _tags_changed(sender, instance, action, using="default", **kwargs):
    # taggit sends these from the article's side only (add, remove, set, clear).
    if isinstance(instance, Article) and action.startswith("post_"):
        schedule([instance.pk], using)


def _articles_tagged(tag):
    return TaggedItem.objects.filter(
        tag=tag, content_type__app_label="articles", content_type__model="article"
    ).values_list("object_id", flat=True)


def _tagged_item_deleted(sender, instance, using="default", **kwargs):
    """A tag deleted takes its TaggedItems along, with no m2m_changed."""
    if ContentType.objects.get_for_id(instance.content_type_id).model_class() is Article:
        schedule([instance.object_id], using)


def _remember_name(sender, instance, raw=False, **kwargs):
    """Before saving an author, section or tag: the name it had, to see a rename."""
    if not raw and instance.pk is not None:
        instance._name_before_save = (
            sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        )


def _name_saved(sender, instance, created, raw=False, using="default", **kwargs):
    if raw or created or getattr(instance, "_name_before_save", None) == instance.name:
        return
    if sender is Author:
        article_ids = Byline.objects.filter(author=instance).values_list("article_id", flat=True)
    elif sender is Section:
        article_ids = Article.objects.filter(section=instance).values_list("pk", flat=True)
    else:
        article_ids = _articles_tagged(instance)
    schedule(list(article_ids), using)


def _changed_in_bulk(sender, article_ids, **kwargs):
    schedule(article_ids)


def connect():
    uid = "articles.search"
    post_save.connect(_article_changed, sender=Article, dispatch_uid=uid)
    post_delete.connect(_article_changed, sender=Article, dispatch_uid=uid)
    post_save.connect(_byline_changed, sender=Byline, dispatch_uid=uid)
    post_delete.connect(_byline_changed, sender=Byline, dispatch_uid=uid)
    m2m_changed.connect(_tags_changed, sender=Article.tags.through, dispatch_uid=uid)
    post_delete.connect(_tagged_item_deleted, sender=TaggedItem, dispatch_uid=uid)
    for model in (Author, Section, Tag):
        pre_save.connect(_remember_name, sender=model, dispatch_uid=uid)
        post_save.connect(_name_saved, sender=model, dispatch_uid=uid)
    articles_changed.connect(_changed_in_bulk, dispatch_uid=uid)
