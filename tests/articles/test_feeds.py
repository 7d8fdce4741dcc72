"""The feeds as feed readers get them: RSS 2.0 and Atom for the site, a section, a tag
and an author, parsed with feedparser; published articles only, every author, the lead
image with its caption, and text that stays text."""

import calendar
import datetime
import html
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import factory
import feedparser
import pytest
from django.utils import timezone

from articles.corrections import add_correction
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory
from tests.images import image_bytes

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
BRIDGE = "東京湾の新しい橋、市議会が承認 🌉"
CAPTION = "Zoë Riley, left, and 佐藤 健 on the bridge at dawn 🌅"
CREDIT = "Aiko Sato / Newsroom"

# Every feed of the scopes the bridge story is in: (RSS, Atom) addresses.
FEEDS = {
    "site": ("/feed/", "/feed/atom/"),
    "section": ("/politics/feed/", "/politics/feed/atom/"),
    "tag": ("/tags/東京/feed/", "/tags/東京/feed/atom/"),
    "author": ("/authors/zoe-riley/feed/", "/authors/zoe-riley/feed/atom/"),
}
EVERY_FEED = [url for pair in FEEDS.values() for url in pair]


def read_feed(client, url):
    """The feed as feedparser reads it, after checking it is well-formed and typed."""
    response = client.get(url)
    assert response.status_code == 200, url
    atom = url.endswith("/atom/")
    expected_type = "application/atom+xml" if atom else "application/rss+xml"
    assert response["Content-Type"].startswith(expected_type), url
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (url, feed.get("bozo_exception"))
    assert feed.version == ("atom10" if atom else "rss20")
    return feed


def when(parsed):
    """feedparser's UTC struct_time as an aware datetime."""
    return datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)


def as_a_feed_reader_sees_it(text):
    """The elements an HTML renderer would build from `text`, and the text it shows."""
    parser = _Elements()
    parser.feed(text)
    parser.close()
    return parser.elements, html.unescape(text)


@pytest.fixture
def sato():
    return AuthorFactory(name="佐藤 健", slug="sato-ken")


@pytest.fixture
def bridge(zoe, sato):
    """A published story by two authors, with a large lead photo and tags in two scripts."""
    photo = PhotoFactory(
        image=factory.django.FileField(filename="bridge.jpg", data=image_bytes(size=(1600, 900))),
        caption="The library's own caption",
        credit=CREDIT,
    )
    return ArticleFactory(
        headline=BRIDGE,
        summary="The council voted 31 to 9 for the Café district's bridge.",
        section=SectionFactory(name="Politics", slug="politics"),
        authors=[zoe, sato],
        lead_photo=photo,
        lead_photo_caption=CAPTION,
        tag_names=["東京", "Café"],
        published_at=timezone.now() - datetime.timedelta(hours=3),
    )


@pytest.fixture
def hidden(zoe):
    """Stories in every scope of the bridge that readers may not see yet."""
    hours = datetime.timedelta(hours=1)
    in_scope = {"authors": [zoe], "tag_names": ["東京"]}
    return [
        ArticleFactory(
            headline="Draft ✍️", status=Article.Status.DRAFT, published_at=None, **in_scope
        ),
        ArticleFactory(headline="Scheduled ⏰", published_at=timezone.now() + hours, **in_scope),
        ArticleFactory(
            headline="Embargoed 🔒",
            embargoed_until=timezone.now() + 2 * hours,
            published_at=timezone.now() + 2 * hours,
            **in_scope,
        ),
    ]


@pytest.mark.parametrize("url", EVERY_FEED)
def test_every_feed_lists_what_readers_may_see_and_nothing_else(client, bridge, hidden, url):
    other_section = ArticleFactory(
        headline="Marchés: 日経 story", section=SectionFactory(name="Économie", slug="economie")
    )
    feed = read_feed(client, url)

    titles = [entry.title for entry in feed.entries]
    assert BRIDGE in titles
    for article in hidden:
        assert article.headline not in titles
    assert (other_section.headline in titles) == (url in FEEDS["site"])
    entry = feed.entries[titles.index(BRIDGE)]
    assert entry.link == SITE + bridge.get_absolute_url()


@pytest.mark.parametrize("url", EVERY_FEED)
def test_an_entry_carries_authors_times_categories_and_the_image(client, bridge, url):
    entry = read_feed(client, url).entries[0]

    assert entry.title == BRIDGE
    assert html.unescape(entry.summary) == bridge.summary
    assert [author.name for author in entry.authors] == ["Zoë Riley", "佐藤 健"]
    assert when(entry.published_parsed) == bridge.published_at.replace(microsecond=0)
    assert when(entry.updated_parsed) == bridge.published_at.replace(microsecond=0)
    assert entry.tags[0].term == "Politics"
    assert {tag.term for tag in entry.tags[1:]} == {"東京", "Café"}

    (image,) = entry.media_content
    assert image["url"].startswith(f"{SITE}/media/renditions/")
    assert image["url"].endswith("-1200.jpg")
    assert (image["width"], image["height"], image["type"], image["medium"]) == (
        "1200",
        "630",
        "image/jpeg",
        "image",
    )
    served = client.get(image["url"])
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    served.close()
    # feedparser reads <media:description> as the entry's content; the credit is its own.
    assert entry.content[0].value == CAPTION
    assert entry.media_credit[0]["content"] == CREDIT


@pytest.mark.parametrize("url", FEEDS["site"])
def test_the_caption_is_inside_media_content(client, bridge, url):
    root = ET.fromstring(client.get(url).content)
    media = "{http://search.yahoo.com/mrss/}"
    (content,) = root.iter(f"{media}content")
    assert content.findtext(f"{media}description") == CAPTION
    assert content.findtext(f"{media}credit") == CREDIT


@pytest.mark.parametrize("url", FEEDS["site"])
def test_an_article_without_a_photo_has_no_image(client, url):
    ArticleFactory(headline="No picture today")
    entry = read_feed(client, url).entries[0]
    assert "media_content" not in entry


@pytest.mark.parametrize("url", FEEDS["site"])
def test_updated_is_the_last_change_readers_were_told_of(client, bridge, editor, settings, url):
    settings.PAGE_CACHE_SECONDS = 0  # these changes are made behind the admin's back
    substantive = bridge.published_at + datetime.timedelta(hours=1)
    corrected = bridge.published_at + datetime.timedelta(hours=2)
    Article.objects.filter(pk=bridge.pk).update(updated_at=substantive)
    assert when(read_feed(client, url).entries[0].updated_parsed) == substantive.replace(
        microsecond=0
    )

    add_correction(
        bridge, kind="correction", text="31 to 9, not 30 to 10.", by=editor, made_at=corrected
    )
    # The correction saved the article (modified_at is now): that alone is not an update.
    entry = read_feed(client, url).entries[0]
    assert when(entry.updated_parsed) == corrected.replace(microsecond=0)
    assert when(entry.published_parsed) == bridge.published_at.replace(microsecond=0)


@pytest.mark.parametrize("scope", FEEDS)
def test_each_feed_names_itself_and_links_its_page(client, bridge, scope):
    rss, atom = (read_feed(client, url).feed for url in FEEDS[scope])
    title, page = {
        "site": ("The Daily Newsroom", "/"),
        "section": ("Politics · The Daily Newsroom", "/politics/"),
        "tag": ("東京 · The Daily Newsroom", "/tags/%E6%9D%B1%E4%BA%AC/"),
        "author": ("Zoë Riley · The Daily Newsroom", "/authors/zoe-riley/"),
    }[scope]
    assert html.unescape(rss.title) == title and atom.title == title
    assert rss.link == atom.link == SITE + page
    assert rss.subtitle and html.unescape(rss.subtitle) == atom.subtitle


def test_a_tag_feed_takes_the_percent_encoded_address_too(client, bridge):
    feed = read_feed(client, "/tags/%E6%9D%B1%E4%BA%AC/feed/atom/")
    assert [entry.title for entry in feed.entries] == [BRIDGE]


@pytest.mark.parametrize(
    "url",
    [
        "/nowhere/feed/",
        "/nowhere/feed/atom/",
        "/authors/nobody/feed/",
        "/authors/nobody/feed/atom/",
        "/tags/極秘/feed/",
        "/tags/極秘/feed/atom/",
        "/tags/nothing-at-all/feed/",
    ],
)
def test_a_feed_of_nothing_readers_may_see_is_not_found(client, url):
    # A tag only a draft carries has no feed, as it has no page: its name is news.
    ArticleFactory(
        headline="予定稿", status=Article.Status.DRAFT, published_at=None, tag_names=["極秘"]
    )
    assert client.get(url).status_code == 404


# The feed's object (section, tag, author; none for the site) + articles with section and
# photo + bylines with authors + tags + corrections (for the update time).
FEED_QUERIES = {"site": 4, "section": 5, "tag": 5, "author": 5}


@pytest.mark.parametrize("scope", FEEDS)
def test_a_feed_costs_the_same_queries_whatever_it_shows(
    client, django_assert_num_queries, settings, zoe, scope
):
    settings.PAGE_CACHE_SECONDS = 0
    photo = PhotoFactory()
    for count in (2, 12):
        Article.objects.all().delete()
        for n in range(count):
            article = ArticleFactory(authors=[zoe, AuthorFactory()], tag_names=["東京", f"t{n}"])
            if n % 2:
                Article.objects.filter(pk=article.pk).update(lead_photo=photo)
        for url in FEEDS[scope]:
            with django_assert_num_queries(FEED_QUERIES[scope]):
                feed = read_feed(client, url)
            assert len(feed.entries) == count
