"""Rankings match a brute-force count, cost a fixed number of queries, and are cached."""

import datetime
import random

import pytest
from django.utils import timezone

from articles.models import Article
from rankings.buckets import hour_of
from rankings.models import DailyViews, HourlyViews
from rankings.selectors import latest_articles, rank, top_articles
from rankings.services import roll_up_hourly_views
from rankings.windows import WINDOWS
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def make_history(rng, *, now):
    """Articles in two sections, some hidden from readers, with random hourly views."""
    sections = [CategoryFactory(name="Politics"), CategoryFactory(name="Business")]
    articles = []
    for n in range(30):
        status, published_at = Article.Status.PUBLISHED, now - datetime.timedelta(hours=n * 7)
        if n % 10 == 3:
            status = Article.Status.UNPUBLISHED
        if n % 10 == 7:
            published_at = now + datetime.timedelta(hours=2)  # scheduled
        articles.append(
            ArticleFactory(category=sections[n % 2], status=status, published_at=published_at)
        )
    buckets = {}
    for _ in range(900):
        article = rng.choice(articles)
        hour = hour_of(now - datetime.timedelta(hours=rng.randrange(0, 40 * 24)))
        # Small counts on purpose, so that ties happen and their order is tested.
        buckets[(article.pk, hour)] = buckets.get((article.pk, hour), 0) + rng.randint(1, 3)
    HourlyViews.objects.bulk_create(
        HourlyViews(article_id=pk, hour=hour, views=views) for (pk, hour), views in buckets.items()
    )
    return sections, articles, buckets


def brute_force(articles, buckets, start, end, *, now, section=None):
    totals = {}
    for (pk, hour), views in buckets.items():
        if start <= hour < end:
            totals[pk] = totals.get(pk, 0) + views
    visible = {
        a.pk: a
        for a in articles
        if a.status == Article.Status.PUBLISHED
        and a.published_at <= now
        and (section is None or a.category_id == section.pk)
    }
    ranked = [pk for pk in totals if pk in visible]
    ranked.sort(key=lambda pk: (-totals[pk], -visible[pk].published_at.timestamp(), -pk))
    return [(pk, totals[pk]) for pk in ranked]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rankings_match_a_brute_force_count(seed):
    now = timezone.now()
    sections, articles, buckets = make_history(random.Random(seed), now=now)
    for window in WINDOWS.values():
        start, end = window.span(now)
        for section in [None, *sections]:
            expected = brute_force(articles, buckets, start, end, now=now, section=section)
            got = [(item.article_id, item.views) for item in rank(start, end, section=section)]
            assert got == expected, (window.key, section)
            top = rank(start, end, section=section, limit=5)
            assert [(item.article_id, item.views) for item in top] == expected[:5]
            assert [item.rank for item in top] == list(range(1, len(top) + 1))


def test_ties_go_to_the_more_recent_article():
    now = timezone.now()
    older = ArticleFactory(published_at=now - datetime.timedelta(days=2))
    newer = ArticleFactory(published_at=now - datetime.timedelta(days=1))
    for article in (older, newer):
        HourlyViews.objects.create(article=article, hour=hour_of(now), views=5)
    start, end = WINDOWS["24h"].span(now)
    assert [item.article_id for item in rank(start, end)] == [newer.pk, older.pk]


def test_rolled_up_days_still_count_in_long_spans(settings):
    now = timezone.now()
    article = ArticleFactory(published_at=now - datetime.timedelta(days=200))
    old_hour = hour_of(now - datetime.timedelta(days=150))
    HourlyViews.objects.create(article=article, hour=old_hour, views=7)
    HourlyViews.objects.create(article=article, hour=hour_of(now), views=2)
    start = now - datetime.timedelta(days=180)
    end = now + datetime.timedelta(hours=1)
    assert [i.views for i in rank(start, end)] == [9]

    cutoff = (now - datetime.timedelta(days=settings.RANKINGS_HOURLY_RETENTION_DAYS)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    assert roll_up_hourly_views(before=cutoff) == 1
    assert DailyViews.objects.get().views == 7
    assert HourlyViews.objects.count() == 1
    assert [i.views for i in rank(start, end)] == [9]


@pytest.mark.parametrize("n_articles", [4, 25])
def test_a_ranking_costs_two_queries_and_a_cached_one_none(django_assert_num_queries, n_articles):
    now = timezone.now()
    articles = [ArticleFactory() for _ in range(n_articles)]
    HourlyViews.objects.bulk_create(
        HourlyViews(article=a, hour=hour_of(now) - datetime.timedelta(hours=h), views=h + n)
        for n, a in enumerate(articles)
        for h in range(5)
    )
    with django_assert_num_queries(2):
        first = top_articles("24h", limit=3)
    assert len(first) == 3
    with django_assert_num_queries(0):
        assert top_articles("24h", limit=3) == first


@pytest.mark.parametrize("n_articles", [4, 25])
def test_a_long_span_costs_three_queries_whatever_it_holds(django_assert_num_queries, n_articles):
    now = timezone.now()
    for n in range(n_articles):
        article = ArticleFactory(published_at=now - datetime.timedelta(days=200))
        DailyViews.objects.create(
            article=article, day=(now - datetime.timedelta(days=150)).date(), views=n + 1
        )
        HourlyViews.objects.create(article=article, hour=hour_of(now), views=1)
    # the hourly sums, the daily sums, the publication times, the ranked articles
    with django_assert_num_queries(4):
        ranking = rank(now - datetime.timedelta(days=180), now + datetime.timedelta(hours=1))
    assert [item.views for item in ranking][:2] == [n_articles + 1, n_articles]


def test_a_partial_day_at_the_edge_of_a_long_span_is_left_out(settings):
    now = timezone.now()
    article = ArticleFactory(published_at=now - datetime.timedelta(days=200))
    start = (now - datetime.timedelta(days=150)).replace(hour=12, minute=0, second=0, microsecond=0)
    DailyViews.objects.create(article=article, day=start.date(), views=100)  # begins before start
    DailyViews.objects.create(
        article=article, day=start.date() + datetime.timedelta(days=1), views=7
    )
    end = start + datetime.timedelta(days=3)
    assert [item.views for item in rank(start, end)] == [7]


def test_an_empty_ranking_falls_back_to_the_latest_articles():
    newest = ArticleFactory(headline="Newest")
    ArticleFactory(published_at=newest.published_at - datetime.timedelta(hours=1))
    assert top_articles("24h") == []
    assert [item.headline for item in latest_articles(limit=1)] == ["Newest"]
