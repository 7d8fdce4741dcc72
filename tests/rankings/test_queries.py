"""Rankings match a brute-force count, cost a fixed number of queries, and are cached."""

import datetime
import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone

from articles.models import Article
from rankings import queries
from rankings.buckets import hour_of
from rankings.cached import latest_articles, top_articles
from rankings.models import DailyViews, HourlyViews, RolledUpDay
from rankings.queries import rank
from rankings.rollups import roll_up_views
from rankings.windows import WINDOWS
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def make_history(rng, *, now):
    """Articles in two sections, some hidden from readers, with random hourly views."""
    sections = [SectionFactory(name="Politics"), SectionFactory(name="Business")]
    articles = []
    for n in range(30):
        status, published_at = Article.Status.PUBLISHED, now - datetime.timedelta(hours=n * 7)
        if n % 10 == 3:
            status = Article.Status.UNPUBLISHED
        if n % 10 == 7:
            published_at = now + datetime.timedelta(hours=2)  # scheduled
        articles.append(
            ArticleFactory(section=sections[n % 2], status=status, published_at=published_at)
        )
    sections_of = {article.pk: article.section_id for article in articles}
    buckets = {}
    for _ in range(900):
        article = rng.choice(articles)
        hour = hour_of(now - datetime.timedelta(hours=rng.randrange(0, 40 * 24)))
        # Small counts on purpose, so that ties happen and their order is tested.
        buckets[(article.pk, hour)] = buckets.get((article.pk, hour), 0) + rng.randint(1, 3)
    HourlyViews.objects.bulk_create(
        HourlyViews(article_id=pk, section_id=sections_of[pk], hour=hour, views=views)
        for (pk, hour), views in buckets.items()
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
        and (section is None or a.section_id == section.pk)
    }
    ranked = [pk for pk in totals if pk in visible]
    ranked.sort(key=lambda pk: (-totals[pk], -visible[pk].published_at.timestamp(), -pk))
    return [(pk, totals[pk]) for pk in ranked]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("layout", ["hourly", "rolled up"])
@pytest.mark.parametrize("leaders", [1, queries.LEADERS_PER_PLACE])
def test_rankings_match_a_brute_force_count(seed, layout, leaders, monkeypatch):
    """Whole days read from daily rows while their hours remain, edges from hours;
    few leaders per hour or day make the threshold search take more, or sum all."""
    monkeypatch.setattr(queries, "LEADERS_PER_PLACE", leaders)
    now = timezone.now()
    sections, articles, buckets = make_history(random.Random(seed), now=now)
    if layout == "rolled up":
        assert roll_up_views(now=now) >= 39
        assert HourlyViews.objects.count() == len(buckets)  # hours kept for retention
    for window in WINDOWS.values():
        start, end = window.span(now)
        for section in [None, *sections]:
            expected = brute_force(articles, buckets, start, end, now=now, section=section)
            got = [(item.article_id, item.views) for item in rank(start, end, section=section)]
            assert got == expected, (window.key, section)
            for limit in (1, 5):
                top = rank(start, end, section=section, limit=limit)
                assert [(item.article_id, item.views) for item in top] == expected[:limit]
                assert [item.rank for item in top] == list(range(1, len(top) + 1))


def test_a_day_rolled_up_twice_or_after_a_crash_counts_once(monkeypatch):
    now = timezone.now()
    sections, articles, buckets = make_history(random.Random(4), now=now)
    start, end = WINDOWS["30d"].span(now)
    expected = brute_force(articles, buckets, start, end, now=now)

    def crash(*args, **kwargs):
        raise RuntimeError("killed while writing the daily rows")

    monkeypatch.setattr(DailyViews.objects, "bulk_create", crash)
    with pytest.raises(RuntimeError):
        roll_up_views(now=now)
    monkeypatch.undo()
    assert not DailyViews.objects.exists()
    assert not RolledUpDay.objects.exists()

    days = roll_up_views(now=now)
    assert days >= 39
    assert roll_up_views(now=now) == 0
    assert [(i.article_id, i.views) for i in rank(start, end)] == expected


@pytest.mark.django_db(transaction=True)
def test_two_roll_ups_at_once_write_each_day_once():
    now = timezone.now()
    sections, articles, buckets = make_history(random.Random(5), now=now)
    start, end = WINDOWS["30d"].span(now)
    expected = brute_force(articles, buckets, start, end, now=now)

    def roll_up_in_thread(_):
        try:
            return roll_up_views(now=now)
        finally:
            connections.close_all()  # a thread's connection would outlive the test database

    with ThreadPoolExecutor(2) as pool:
        rolled = list(pool.map(roll_up_in_thread, range(2)))
    assert sum(rolled) == RolledUpDay.objects.count() >= 39
    assert [(i.article_id, i.views) for i in rank(start, end)] == expected


def test_ties_go_to_the_more_recent_article():
    now = timezone.now()
    # The newer one is made first, so the lower id cannot be what puts it ahead.
    newer = ArticleFactory(published_at=now - datetime.timedelta(days=1))
    older = ArticleFactory(published_at=now - datetime.timedelta(days=2))
    for article in (older, newer):
        HourlyViews.objects.create(
            article=article, section_id=article.section_id, hour=hour_of(now), views=5
        )
    start, end = WINDOWS["24h"].span(now)
    assert [item.article_id for item in rank(start, end)] == [newer.pk, older.pk]


def test_days_past_hourly_retention_still_count_in_long_spans(settings):
    now = timezone.now()
    article = ArticleFactory(published_at=now - datetime.timedelta(days=200))
    old_hour = hour_of(now - datetime.timedelta(days=150))
    for hour, views in ((old_hour, 7), (hour_of(now), 2)):
        HourlyViews.objects.create(
            article=article, section_id=article.section_id, hour=hour, views=views
        )
    start = now - datetime.timedelta(days=180)
    end = now + datetime.timedelta(hours=1)
    assert [i.views for i in rank(start, end)] == [9]

    assert roll_up_views(now=now) > 100
    assert DailyViews.objects.get().views == 7
    assert HourlyViews.objects.count() == 1  # the old hour is gone, today's stays
    assert [i.views for i in rank(start, end)] == [9]
    assert [i.views for i in rank(start, end, limit=1)] == [9]


@pytest.mark.parametrize("n_articles", [4, 25])
def test_a_ranking_costs_a_few_queries_and_a_cached_one_none(django_assert_num_queries, n_articles):
    now = timezone.now()
    articles = [ArticleFactory() for _ in range(n_articles)]
    HourlyViews.objects.bulk_create(
        HourlyViews(
            article=a,
            section_id=a.section_id,
            hour=hour_of(now) - datetime.timedelta(hours=h),
            views=h + n,
        )
        for n, a in enumerate(articles)
        for h in range(5)
    )
    # each hour's leaders (with their publication times on PostgreSQL, in a query of
    # their own elsewhere), the contenders' sums, the ranked articles; and which days
    # are rolled up, when the window holds a whole UTC day
    expected = (3 if connection.vendor == "postgresql" else 4) + (hour_of(now).hour == 0)
    with django_assert_num_queries(expected):
        first = top_articles("24h", limit=3)
    assert len(first) == 3
    with django_assert_num_queries(0):
        assert top_articles("24h", limit=3) == first


@pytest.mark.parametrize("n_articles", [4, 25])
def test_a_long_span_costs_six_queries_whatever_it_holds(django_assert_num_queries, n_articles):
    now = timezone.now()
    old_day = (now - datetime.timedelta(days=150)).date()
    RolledUpDay.objects.create(day=old_day)
    for n in range(n_articles):
        article = ArticleFactory(published_at=now - datetime.timedelta(days=200))
        DailyViews.objects.create(
            article=article, section_id=article.section_id, day=old_day, views=n + 1
        )
        HourlyViews.objects.create(
            article=article, section_id=article.section_id, hour=hour_of(now), views=1
        )
    # the days rolled up, the hours on each side of the rolled-up day, the daily sums,
    # the publication times, the ranked articles
    with django_assert_num_queries(6):
        ranking = rank(now - datetime.timedelta(days=180), now + datetime.timedelta(hours=1))
    assert [item.views for item in ranking][:2] == [n_articles + 1, n_articles]


def test_a_partial_day_at_the_edge_of_a_long_span_is_left_out(settings):
    now = timezone.now()
    article = ArticleFactory(published_at=now - datetime.timedelta(days=200))
    start = (now - datetime.timedelta(days=150)).replace(hour=12, minute=0, second=0, microsecond=0)
    for day, views in ((start.date(), 100), (start.date() + datetime.timedelta(days=1), 7)):
        RolledUpDay.objects.create(day=day)
        DailyViews.objects.create(
            article=article, section_id=article.section_id, day=day, views=views
        )
    end = start + datetime.timedelta(days=3)
    assert [item.views for item in rank(start, end)] == [7]


def test_an_empty_ranking_falls_back_to_the_latest_articles():
    newest = ArticleFactory(headline="Newest")
    ArticleFactory(published_at=newest.published_at - datetime.timedelta(hours=1))
    assert top_articles("24h") == []
    assert [item.headline for item in latest_articles(limit=1)] == ["Newest"]
