"""An embargoed article is nowhere readers can look before its time, and everywhere at it.

The desk's side of embargoes (who sets them, who sees them) is in test_embargo_desk.py;
counting reads of an embargoed article, with either recorder, in
tests/rankings/test_embargo_counting.py.
"""

import datetime
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from rankings.models import HourlyViews
from tests.factories import ArticleFactory
from tests.rankings.helpers import record_views, report_read

from .test_sitemaps import SITE, month_part

pytestmark = pytest.mark.django_db

EMBARGOED = "東京湾の新しい橋、市議会が承認 🌉"
VISIBLE = "Café Zürich reopens in 新宿 ☕"


@pytest.fixture
def reader():
    return Client()


def story(section, author, *, headline, slug, **fields):
    tags = ["東京"]
    return ArticleFactory(
        headline=headline, slug=slug, section=section, authors=[author], tag_names=tags, **fields
    )


@pytest.fixture
def pair(politics, zoe):
    """A live article and one published under an embargo an hour away, sharing every list."""
    visible = story(politics, zoe, headline=VISIBLE, slug="cafe-zurich-reopens")
    until = timezone.now() + datetime.timedelta(hours=1)
    embargoed = story(
        politics,
        zoe,
        headline=EMBARGOED,
        slug="tokyo-bay-bridge",
        published_at=until,
        embargoed_until=until,
    )
    return visible, embargoed


def public_pages(article):
    """Every public page the article is on; last, its month's sitemap, which has no headlines."""
    tag = article.tags.get().slug
    return [
        "/",
        article.section.get_absolute_url(),
        reverse("articles:tag", args=[tag]),
        reverse("articles:author", args=["zoe-riley"]),
        *(
            reverse(f"articles:{feed}{format}", args=args)
            for feed, args in [
                ("feed", []),
                ("section_feed", [article.section.slug]),
                ("tag_feed", [tag]),
                ("author_feed", ["zoe-riley"]),
            ]
            for format in ("", "_atom")
        ),
        "/sitemap-news.xml",
        month_part(article).removeprefix(SITE),
    ]


def test_an_embargoed_article_is_on_no_public_page_before_its_time(reader, pair):
    visible, embargoed = pair
    assert embargoed.status == Article.Status.PUBLISHED and embargoed.is_embargoed
    for url in public_pages(visible):
        response = reader.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert VISIBLE in html or visible.slug in html, url
        assert EMBARGOED not in html and embargoed.slug not in html, url
    assert reader.get(embargoed.get_absolute_url()).status_code == 404


def test_an_embargoed_article_is_in_no_ranking_even_with_views_stored(reader, pair):
    visible, embargoed = pair
    record_views(visible, 3)
    record_views(embargoed, 500)  # more than anything: only the embargo keeps it out
    for url in [
        "/rankings/",
        "/rankings/?window=1h",
        "/rankings/?section=politics",
        visible.get_absolute_url(),  # the section's and the site's widgets
    ]:
        html = reader.get(url).content.decode()
        assert VISIBLE in html, url
        assert EMBARGOED not in html, url


def test_the_counting_endpoint_stores_nothing_for_an_embargoed_article(reader, pair):
    _, embargoed = pair
    assert report_read(reader, embargoed).status_code == 204
    assert not HourlyViews.objects.filter(article=embargoed).exists()


def test_a_lifted_embargo_shows_the_article_on_every_page(reader, pair):
    _, embargoed = pair
    Article.objects.filter(pk=embargoed.pk).update(
        embargoed_until=None, published_at=timezone.now()
    )
    embargoed.refresh_from_db()
    for url in public_pages(embargoed)[:-1]:
        assert EMBARGOED in reader.get(url).content.decode(), url
    assert embargoed.slug in reader.get(public_pages(embargoed)[-1]).content.decode()


def test_it_appears_at_its_time_with_nothing_run_on_a_cached_home_page(
    reader, politics, zoe, django_capture_on_commit_callbacks
):
    story(politics, zoe, headline=VISIBLE, slug="cafe-zurich-reopens")
    until = timezone.now() + datetime.timedelta(seconds=1.5)
    with django_capture_on_commit_callbacks(execute=True):
        embargoed = story(
            politics,
            zoe,
            headline=EMBARGOED,
            slug="tokyo-bay-bridge",
            status=Article.Status.PUBLISHED,
            published_at=None,  # publishing without a time: at the embargo's end
            embargoed_until=until,
        )
    assert embargoed.published_at == until
    reader.get("/")
    cached = reader.get("/")
    assert cached.templates == [], "the home page was not served from the cache"
    assert EMBARGOED not in cached.content.decode()
    time.sleep(max(0, (until - timezone.now()).total_seconds()) + 0.1)
    assert EMBARGOED in reader.get("/").content.decode()
    report_read(reader, embargoed)
    assert HourlyViews.objects.get(article=embargoed).views == 1
