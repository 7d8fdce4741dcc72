"""/sitemap.xml as a search engine reads it: the published articles and the sections."""

import datetime
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory
from tests.page_forms import form_data

from .admin_forms import change_url

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE = "http://testserver"


def sitemap(client, **query):
    """{address: (lastmod, changefreq)} of every <url> in the sitemap, parsed as XML."""
    response = client.get("/sitemap.xml", query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return {
        url.findtext("sm:loc", namespaces=NS): (
            url.findtext("sm:lastmod", namespaces=NS),
            url.findtext("sm:changefreq", namespaces=NS),
        )
        for url in root.findall("sm:url", NS)
    }


@pytest.fixture
def newsroom():
    """Published articles in two sections, and one of every kind readers cannot see."""
    politics = SectionFactory(name="政治 Politics", slug="politics")
    business = SectionFactory(name="Économie", slug="economie")
    out = [
        ArticleFactory(
            headline="東京の知事選、投票率が過去最高", section=politics, tag_names=["東京"]
        ),
        ArticleFactory(headline="Café owners in Zürich vote ☕", section=business),
    ]
    hidden = [
        ArticleFactory(headline="Draft", status=Article.Status.DRAFT, published_at=None),
        ArticleFactory(headline="In review", status=Article.Status.REVIEW, published_at=None),
        ArticleFactory(headline="Taken down", status=Article.Status.UNPUBLISHED),
        ArticleFactory(
            headline="Embargoed until tomorrow",
            published_at=timezone.now() + datetime.timedelta(days=1),
        ),
    ]
    return out, hidden, [politics, business]


def test_it_lists_published_articles_and_sections_and_nothing_else(client, newsroom):
    out, hidden, sections = newsroom
    urls = sitemap(client)

    articles = {SITE + article.get_absolute_url() for article in out}
    sections = {SITE + section.get_absolute_url() for section in sections}
    assert set(urls) == articles | sections
    for article in hidden:
        assert SITE + article.get_absolute_url() not in urls
    assert all(changefreq == "hourly" for _, changefreq in urls.values())


def test_an_articles_lastmod_is_the_newsroom_day_it_was_last_saved(client):
    article = ArticleFactory(headline="Harbour bridge opens")
    # Two in the morning in Tokyo is still the day before in UTC: the newsroom's day counts.
    saved = datetime.datetime(2025, 4, 5, 2, 0, tzinfo=TOKYO)
    Article.objects.filter(pk=article.pk).update(modified_at=saved)

    lastmod, _ = sitemap(client)[SITE + article.get_absolute_url()]

    assert lastmod == "2025-04-05"
    assert sitemap(client)[SITE + article.section.get_absolute_url()] == (None, "hourly")


def test_a_draft_published_in_the_admin_is_in_the_sitemap_at_the_next_request(
    editor_client, django_capture_on_commit_callbacks
):
    ArticleFactory(headline="Already out")
    draft = ArticleFactory(
        headline="予定稿: the budget, line by line",
        slug="budget-line-by-line",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    reader = Client()  # a search engine, beside the editor's signed-in browser
    assert not [url for url in sitemap(reader) if draft.slug in url]
    assert reader.get("/sitemap.xml").templates == [], "the sitemap now comes from the cache"

    page = editor_client.get(change_url(draft))
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(draft), form_data(page, status="published"))
    assert response.status_code == 302

    draft.refresh_from_db()
    urls = sitemap(reader)
    assert urls[SITE + draft.get_absolute_url()] == (f"{timezone.localdate():%Y-%m-%d}", "hourly")


def test_a_page_past_the_last_is_not_found(client, newsroom):
    assert sitemap(client, p="1")
    assert client.get("/sitemap.xml", {"p": "2"}).status_code == 404
    assert client.get("/sitemap.xml", {"p": "東京"}).status_code == 404
