"""An article change reaches the rankings once it is committed: the buckets follow a
move to another section, and with the Redis recorder the live set learns what is
live. (Cached rankings go stale through the site's edit count: see cached.py.)
Connected in RankingsConfig.ready."""

import functools

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from articles.models import Article
from articles.signals import articles_changed

from . import live
from .models import DailyViews, HourlyViews


def article_saved(instance, **kwargs):
    article_changed(article_ids=[instance.pk])
    # The buckets carry the section for section rankings; follow a move.
    transaction.on_commit(functools.partial(_follow_section, instance.pk, instance.section_id))


def article_changed(article_ids=(), **kwargs):
    # After the commit: before it, the live set would be rebuilt from the old state.
    if settings.RANKINGS_RECORDER == "redis" and article_ids:
        transaction.on_commit(functools.partial(live.update_live_articles, list(article_ids)))


def article_deleted(instance, **kwargs):
    article_changed(article_ids=[instance.pk])


def _follow_section(article_id, section_id):
    for model in (HourlyViews, DailyViews):
        model.objects.filter(article_id=article_id).exclude(section_id=section_id).update(
            section_id=section_id
        )


def connect():
    post_save.connect(article_saved, sender=Article, dispatch_uid="rankings.article_saved")
    post_delete.connect(article_deleted, sender=Article, dispatch_uid="rankings.article_deleted")
    articles_changed.connect(article_changed, dispatch_uid="rankings.articles_changed")
