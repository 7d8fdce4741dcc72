"""Related reading: what the article page lists under "Related".

The order is the issue's: published articles sharing the most tags with the article,
then those of its section, then the most recent; never the article itself. Decisions
where the issue is silent:

- Only articles sharing at least one tag, or of the same section, are candidates. An
  article of another section sharing no tag is unrelated, so a short list stays short
  rather than being padded with it: fewer than ARTICLES_RELATED_SIZE items, or none
  (the template then shows no "Related" at all).
- An article without tags gets the latest articles of its section.
- Ties after shared tags and section go to the more recent article, then the higher id,
  so the list is the same on every database.
- Articles sharing a tag are looked for among the newest NEWEST_CANDIDATES (2,000)
  published articles. "Articles sharing a tag" alone bounds nothing: a tag such as 東京
  can be on half of the site, and counting shared tags over 27,000 articles of 50,000
  took 200-550 ms on PostgreSQL; over the newest 2,000 it takes about 20 ms whatever the
  tags (one index probe of the tagged items per candidate). Readers of news want the
  recent coverage anyway; an older article of the section still comes in by recency.

Two queries whatever the numbers of tags and articles (one for an article without
tags), each bounded:

1. the `limit` best of the newest candidates sharing a tag: the newest come from the
   index on (status, -published_at), their shared tags from the tagged items' index on
   (content type, object id, tag); the ids are ranked over narrow rows, then only
   those few articles are loaded;
2. the `limit` latest of the section not already in 1: the index on
   (section, -published_at), read until `limit` rows are found.

Every article of query 1 outranks every article of query 2 (one shared tag or more
against none found), so the list is query 1, then query 2, cut to `limit`.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from taggit.models import TaggedItem

from .models import Article

# Articles sharing a tag are looked for among the newest this many published articles.
NEWEST_CANDIDATES = 2000


def related_articles(article, *, limit=None):
    """[Article] related to `article`, best first, each with its section and lead photo.

    Reads the article's tags through `article.tags.all()`, so a caller that prefetched
    them (Article.objects.for_listing()) spends no query on them.
    """
    limit = limit or settings.ARTICLES_RELATED_SIZE
    tag_ids = [tag.pk for tag in article.tags.all()]
    candidates = Article.objects.published().exclude(pk=article.pk)
    sharing = list(_sharing_tags(candidates, article, tag_ids, limit)) if tag_ids else []
    latest_of_section = (
        candidates.filter(section=article.section_id)
        .exclude(pk__in=[shared.pk for shared in sharing])
        .select_related("section", "lead_photo")
        .order_by("-published_at", "-pk")
    )
    return (sharing + list(latest_of_section[:limit]))[:limit]


def _sharing_tags(candidates, article, tag_ids, limit):
    """The `limit` best articles sharing a tag, in one query: the inner query ranks the
    ids of the newest candidates, the outer one loads those few articles in order."""
    newest = Article.objects.published().order_by("-published_at", "-pk").values("pk")
    best = (
        candidates.filter(pk__in=newest[:NEWEST_CANDIDATES])
        .annotate(shared_tags=_shared_tags(tag_ids), same_section=_same_section(article))
        .filter(shared_tags__gt=0)
        .order_by("-shared_tags", "-same_section", "-published_at", "-pk")
        .values("pk")[:limit]
    )
    return (
        Article.objects.filter(pk__in=best)
        .select_related("section", "lead_photo")
        .annotate(shared_tags=_shared_tags(tag_ids), same_section=_same_section(article))
        .order_by("-shared_tags", "-same_section", "-published_at", "-pk")
    )


def _shared_tags(tag_ids):
    """How many of `tag_ids` an article carries: a subquery on the tagged items by
    article, which their (content type, object id) index answers per candidate. (The
    join taggit makes for `tags` casts object_id, which no index can then serve.)"""
    tagged = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=OuterRef("pk"),
        tag_id__in=tag_ids,
    )
    return Coalesce(
        Subquery(tagged.values("object_id").annotate(count=Count("pk")).values("count")),
        0,
    )


def _same_section(article):
    return Case(
        When(section=article.section_id, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
