"""/sitemap.xml as a search engine reads it: an index of parts (articles by month,
sections, tags, authors, Google News), each valid against the published schemas
(tests/articles/schemas), listing what readers may see and nothing else."""

import datetime
import io
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory
from tests.page_forms import form_data

from .admin_forms import change_url
from .sitemap_schemas import SITEMAP_NS

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
NS = {"sm": SITEMAP_NS}
SITE = "http://testserver"


def fetch(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return response.content


def read_index(client, index_schema=None):
    """{part address: lastmod} of the index, in its order; validated when given a schema."""
    content = fetch(client, "/sitemap.xml")
    if index_schema is not None:
        index_schema.validate(io.BytesIO(content))
    root = ET.fromstring(content)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    return {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in root.findall("sm:sitemap", NS)
    }


def read_part(client, url, urlset_schema=None):
    """{address: lastmod} of every <url> of one part."""
    content = fetch(client, url.removeprefix(SITE))
    if urlset_schema is not None:
        urlset_schema.validate(io.BytesIO(content))
    root = ET.fromstring(content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


def sitemap(client):
    """{address: lastmod} of every page the index leads to, but for the news part."""
    urls = {}
    for part in read_index(client):
        if not part.endswith("/sitemap-news.xml"):
            urls.update(read_part(client, part))
    return urls


def month_part(article):
    return f"{SITE}/sitemap-articles-{timezone.localtime(article.published_at):%Y-%m}.xml"


def at(*args):
    return datetime.datetime(*args, tzinfo=TOKYO)


@pytest.fixture
def newsroom():
    """Published articles over two Tokyo months, and one of every kind readers cannot see."""
    politics = SectionFactory(name="政治 Politics", slug="politics")
    business = SectionFactory(name="Économie", slug="economie")
    SectionFactory(name="Sports", slug="sports")  # no article yet
    zoe = AuthorFactory(name="Zoë Riley", slug="zoe-riley")
    out = [
        ArticleFactory(
            headline="東京の知事選、投票率が過去最高",
            section=politics,
            tag_names=["東京"],
            authors=[zoe],
            # 00:30 on April 1st in Tokyo is still March 31st in UTC: Tokyo's month counts.
            published_at=at(2025, 4, 1, 0, 30),
        ),
        ArticleFactory(
            headline="Café owners in Zürich vote ☕",
            section=business,
            tag_names=["Café"],
            published_at=at(2025, 3, 31, 23, 0),
        ),
    ]
    hidden_author = AuthorFactory(name="佐藤 健", slug="sato-ken")
    on_hidden = {"authors": [hidden_author], "tag_names": ["極秘"], "section": politics}
    hidden = [
        ArticleFactory(
            headline="Draft", status=Article.Status.DRAFT, published_at=None, **on_hidden
        ),
        ArticleFactory(
            headline="In review", status=Article.Status.REVIEW, published_at=None, **on_hidden
        ),
        ArticleFactory(headline="Taken down", status=Article.Status.UNPUBLISHED, **on_hidden),
        ArticleFactory(
            headline="Scheduled for tomorrow",
            published_at=timezone.now() + datetime.timedelta(days=1),
            **on_hidden,
        ),
        ArticleFactory(
            headline="Embargoed until tomorrow",
            embargoed_until=timezone.now() + datetime.timedelta(days=1),
            published_at=timezone.now() + datetime.timedelta(days=1),
            **on_hidden,
        ),
    ]
    PhotoFactory().tags.add("写真だけ")  # a tag of the photo library only
    return out, hidden


def test_the_index_lists_every_part_with_its_lastmod(
    client, newsroom, index_schema, django_capture_on_commit_callbacks
):
    out, _ = newsroom
    tokyo, cafe = out
    Article.objects.filter(pk=tokyo.pk).update(modified_at=at(2025, 4, 2, 9, 0))
    Article.objects.filter(pk=cafe.pk).update(modified_at=at(2025, 4, 3, 9, 0))

    index = read_index(client, index_schema)

    # Nothing was published in the last 48 hours: the news part lists the home page alone.
    assert list(index) == [
        f"{SITE}/sitemap-news.xml",
        f"{SITE}/sitemap-articles-2025-04.xml",
        f"{SITE}/sitemap-articles-2025-03.xml",
        f"{SITE}/sitemap-sections.xml",
        f"{SITE}/sitemap-tags.xml",
        f"{SITE}/sitemap-authors.xml",
    ]
    lastmod = {url: datetime.datetime.fromisoformat(value) for url, value in index.items() if value}
    assert lastmod[f"{SITE}/sitemap-articles-2025-04.xml"] == at(2025, 4, 2, 9, 0)
    assert lastmod[f"{SITE}/sitemap-articles-2025-03.xml"] == at(2025, 4, 3, 9, 0)
    for part in ("sections", "tags", "authors"):
        assert lastmod[f"{SITE}/sitemap-{part}.xml"] == at(2025, 4, 3, 9, 0), part

    with django_capture_on_commit_callbacks(execute=True):  # the cached index goes stale
        fresh = ArticleFactory(headline="Breaking: 速報 🎉")
    index = read_index(client, index_schema)
    assert list(index)[0] == f"{SITE}/sitemap-news.xml"
    assert datetime.datetime.fromisoformat(index[f"{SITE}/sitemap-news.xml"]) == fresh.modified_at


def test_the_index_lists_only_parts_with_addresses(client, index_schema):
    SectionFactory(name="Sports", slug="sports")  # a new paper: one section, nothing else
    assert list(read_index(client, index_schema)) == [
        f"{SITE}/sitemap-news.xml",
        f"{SITE}/sitemap-sections.xml",
    ]
    # The other parts with fixed names still answer, with no address.
    for part in ("tags", "authors"):
        assert read_part(client, f"/sitemap-{part}.xml") == {}, part


def test_each_part_is_valid_and_lists_what_readers_may_see(client, newsroom, urlset_schema):
    out, hidden = newsroom
    tokyo, cafe = out
    index = read_index(client)
    parts = {url: read_part(client, url, urlset_schema) for url in index}

    assert set(parts[month_part(tokyo)]) == {SITE + tokyo.get_absolute_url()}
    assert set(parts[month_part(cafe)]) == {SITE + cafe.get_absolute_url()}
    assert set(parts[f"{SITE}/sitemap-sections.xml"]) == {
        f"{SITE}/politics/",
        f"{SITE}/economie/",
        f"{SITE}/sports/",
    }
    assert set(parts[f"{SITE}/sitemap-tags.xml"]) == {
        f"{SITE}/tags/%E6%9D%B1%E4%BA%AC/",
        f"{SITE}/tags/caf%C3%A9/",
    }
    assert set(parts[f"{SITE}/sitemap-authors.xml"]) == {
        f"{SITE}/authors/zoe-riley/",
        f"{SITE}/authors/staff-writer/",
    }
    every_url = "".join(url for part in parts.values() for url in part)
    for article in hidden:
        assert article.slug not in every_url
    # Every address listed is a page readers get.
    for part in parts.values():
        for url in part:
            assert client.get(url.removeprefix(SITE)).status_code == 200, url


def test_a_list_pages_lastmod_is_its_newest_saved_article(client, newsroom):
    out, _ = newsroom
    tokyo, cafe = out
    Article.objects.filter(pk=tokyo.pk).update(modified_at=at(2025, 4, 5, 2, 0))
    Article.objects.filter(pk=cafe.pk).update(modified_at=at(2025, 4, 1, 12, 0))
    urls = sitemap(client)
    assert urls[f"{SITE}/politics/"] == "2025-04-05"
    assert urls[f"{SITE}/economie/"] == "2025-04-01"
    assert urls[f"{SITE}/sports/"] is None, "an empty section has no lastmod"
    assert urls[f"{SITE}/tags/%E6%9D%B1%E4%BA%AC/"] == "2025-04-05"
    assert urls[f"{SITE}/authors/zoe-riley/"] == "2025-04-05"


def test_an_articles_lastmod_is_the_newsroom_day_it_was_last_saved(client):
    article = ArticleFactory(headline="Harbour bridge opens")
    # Two in the morning in Tokyo is still the day before in UTC: the newsroom's day counts.
    saved = datetime.datetime(2025, 4, 5, 2, 0, tzinfo=TOKYO)
    Article.objects.filter(pk=article.pk).update(modified_at=saved)

    assert sitemap(client)[SITE + article.get_absolute_url()] == "2025-04-05"


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
    assert reader.get("/sitemap.xml").templates == [], "the index now comes from the cache"

    page = editor_client.get(change_url(draft))
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(draft), form_data(page, status="published"))
    assert response.status_code == 302

    draft.refresh_from_db()
    urls = sitemap(reader)
    assert urls[SITE + draft.get_absolute_url()] == f"{timezone.localdate():%Y-%m-%d}"


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-articles-2025-02.xml",  # a month without articles
        "/sitemap-articles-2025-13.xml",
        "/sitemap-articles-0000-01.xml",
        "/sitemap-articles-9999-12.xml",
        "/sitemap-articles-2025-4.xml",
        "/sitemap-articles.xml",
        "/sitemap-東京.xml",
        "/sitemap-.xml",
        "/sitemap-articles-2025-03.xml?p=2",
        "/sitemap-articles-0001-01.xml",  # begins before year 1 in UTC
        "/sitemap-articles-9999-12.xml",
        "/sitemap-articles-2025-03.xml?p=東京",
        "/sitemap-sections.xml?p=0",
        "/sitemap-news.xml?p=2",
    ],
)
def test_an_address_of_no_part_is_not_found(client, newsroom, url):
    assert client.get(url).status_code == 404


# A part's queries: its items, and the paginator's count.
PART_QUERIES = 2
# The index: the months with their counts and lastmods, then each other part's count and
# lastmod (news, sections, tags, authors).
INDEX_QUERIES = 1 + 4 * 2


def test_the_index_and_each_part_cost_the_same_queries_whatever_they_list(
    client, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    for count in (2, 12):
        Article.objects.all().delete()
        for n in range(count):
            ArticleFactory(
                published_at=timezone.now() - datetime.timedelta(days=11 * n),
                section=SectionFactory(name=f"Section {n % 3}"),
                authors=[AuthorFactory()],
                tag_names=[f"タグ{n}"],
            )
        with django_assert_num_queries(INDEX_QUERIES):
            parts = read_index(client)
        assert len(parts) == 4 + len({month_part(a) for a in Article.objects.all()})
        for part in parts:
            with django_assert_num_queries(PART_QUERIES):
                read_part(client, part)
