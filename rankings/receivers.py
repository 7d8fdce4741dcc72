"""Cached rankings go stale the moment an article changes: unpublished, rescheduled,
deleted, or edited. Connected in RankingsConfig.ready."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from articles.models import Article
from articles.signals import articles_changed

from .selectors import mark_rankings_stale


def article_changed(**kwargs):
    # After the commit: a ranking recomputed before it would still see the old article
    # and be cached as new.
    transaction.on_commit(mark_rankings_stale)


def connect():
    post_save.connect(article_changed, sender=Article, dispatch_uid="rankings.article_saved")
    post_delete.connect(article_changed, sender=Article, dispatch_uid="rankings.article_deleted")
    articles_changed.connect(article_changed, dispatch_uid="rankings.articles_changed")
