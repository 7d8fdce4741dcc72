"""/sitemap-news.xml as Google News reads it: the last 48 hours of published articles,
each with the publication's name and language, its title and publication time; valid
against the sitemap and news schemas, empty or not."""

import datetime
import io
import xml.etree.ElementTree as ET

import pytest

from articles.models import Article
from articles.sitemaps import NewsSitemap, news_language
from tests.factories import ArticleFactory, hours_ago

from .sitemap_schemas import NEWS_NS
from .test_sitemaps import NS, SITE, read_index

pytestmark = pytest.mark.django_db

NEWS = {**NS, "news": NEWS_NS}
HOSTILE = "<img src=x onerror=alert(1)> Café & 東京 🎉"


def read_news(client, urlset_schema, **query):
    """[(address, {field: text})] of the news sitemap, validated against both schemas."""
    response = client.get("/sitemap-news.xml", query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    urlset_schema.validate(io.BytesIO(response.content))
    root = ET.fromstring(response.content)
    return [
        (
            url.findtext("sm:loc", namespaces=NEWS),
            {
                "name": url.findtext("news:news/news:publication/news:name", namespaces=NEWS),
                "language": url.findtext(
                    "news:news/news:publication/news:language", namespaces=NEWS
                ),
                "date": url.findtext("news:news/news:publication_date", namespaces=NEWS),
                "title": url.findtext("news:news/news:title", namespaces=NEWS),
            },
        )
        for url in root.findall("sm:url", NEWS)
    ]


def test_after_48_quiet_hours_it_lists_the_home_page_alone_and_stays_valid(client, urlset_schema):
    """The sitemap robots.txt names still answers, valid against both schemas: the
    sitemaps.org one wants a <url> at least, so it lists the home page, with no news tags
    (Google News takes only entries that have them). The index keeps listing it."""
    ArticleFactory(headline="Last week's news", published_at=hours_ago(24 * 7))
    home_alone = [(f"{SITE}/", {"name": None, "language": None, "date": None, "title": None})]
    assert read_news(client, urlset_schema) == home_alone
    assert read_news(client, urlset_schema, p="1") == home_alone
    assert f"{SITE}/sitemap-news.xml" in read_index(client)


def test_it_lists_the_last_48_hours_of_what_readers_may_see(client, urlset_schema):
    inside = ArticleFactory(headline="47 hours ago", published_at=hours_ago(47))
    newest = ArticleFactory(headline=HOSTILE, published_at=hours_ago(0.1))
    ArticleFactory(headline="49 hours ago", published_at=hours_ago(49))
    ArticleFactory(headline="Draft", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(headline="In an hour", published_at=hours_ago(-1))
    ArticleFactory(headline="Embargoed", embargoed_until=hours_ago(-1), published_at=hours_ago(-1))
    ArticleFactory(headline="Taken down", status=Article.Status.UNPUBLISHED)

    entries = read_news(client, urlset_schema)

    assert [url for url, _ in entries] == [
        SITE + newest.get_absolute_url(),
        SITE + inside.get_absolute_url(),
    ]
    fields = entries[0][1]
    assert fields["name"] == "The Daily Newsroom"
    assert fields["language"] == "en"
    assert fields["title"] == HOSTILE  # text in the XML, not markup
    published = datetime.datetime.fromisoformat(fields["date"])
    assert published == newest.published_at.replace(microsecond=0)
    assert fields["date"].endswith("+09:00"), "W3C time in the newsroom's zone, with it"


def test_the_publication_is_named_by_the_settings(client, urlset_schema, settings):
    settings.NEWSROOM_NAME = "東京 Evening Post & Café"
    settings.LANGUAGE_CODE = "ja"
    ArticleFactory()
    ((_, fields),) = read_news(client, urlset_schema)
    assert (fields["name"], fields["language"]) == ("東京 Evening Post & Café", "ja")


@pytest.mark.parametrize(
    "code, language",
    [
        ("en-us", "en"),
        ("en", "en"),
        ("ja", "ja"),
        ("pt-BR", "pt"),
        ("zh-hans", "zh-cn"),
        ("zh-hant", "zh-tw"),
    ],
)
def test_the_language_is_what_google_news_takes(code, language):
    assert news_language(code) == language


def test_more_than_a_page_goes_on_a_second_page_the_index_lists(client, urlset_schema, monkeypatch):
    monkeypatch.setattr(NewsSitemap, "limit", 2)  # Google's 1,000, made small
    for hours in (1, 2, 3):
        ArticleFactory(headline=f"{hours} hours ago", published_at=hours_ago(hours))

    assert len(read_news(client, urlset_schema)) == 2
    (last,) = read_news(client, urlset_schema, p="2")
    assert last[1]["title"] == "3 hours ago"
    assert f"{SITE}/sitemap-news.xml?p=2" in read_index(client)
