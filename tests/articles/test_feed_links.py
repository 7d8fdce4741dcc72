"""Every page advertises its feeds: `<link rel="alternate">` in the head, read from the
page's HTML, each leading to a feed that parses; and a visible link on list pages."""

import html
from html.parser import HTMLParser

import feedparser
import pytest

from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

SITE_FEEDS = [
    ("application/rss+xml", "The Daily Newsroom (RSS)", "/feed/"),
    ("application/atom+xml", "The Daily Newsroom (Atom)", "/feed/atom/"),
]


class _Links(HTMLParser):
    """The head's alternate links, and the body's links to feeds, in page order."""

    def __init__(self):
        super().__init__()
        self.alternates, self.anchors = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates.append((attrs["type"], attrs["title"], attrs["href"]))
        elif tag == "a" and attrs.get("class") == "feed-link":
            self.anchors.append(attrs["href"])


def links_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = _Links()
    parser.feed(response.content.decode())
    return parser


def scoped(title, rss):
    return [
        ("application/rss+xml", f"{title} · The Daily Newsroom (RSS)", rss),
        ("application/atom+xml", f"{title} · The Daily Newsroom (Atom)", f"{rss}atom/"),
    ]


@pytest.fixture
def story():
    return ArticleFactory(
        headline="Zoë's 東京 diary 🎉",
        section=SectionFactory(name="Café & Culture", slug="culture"),
        authors=[AuthorFactory(name="Zoë Riley", slug="zoe-riley")],
        tag_names=["東京"],
    )


def expected_pages(story):
    """Each page, the feeds it should advertise first (its own), and its visible link."""
    culture = scoped("Café & Culture", "/culture/feed/")
    tag_feed = "/tags/%E6%9D%B1%E4%BA%AC/feed/"
    return {
        "/": ([], None),
        "/culture/": (culture, "/culture/feed/"),
        "/tags/東京/": (scoped("東京", tag_feed), tag_feed),
        "/authors/zoe-riley/": (
            scoped("Zoë Riley", "/authors/zoe-riley/feed/"),
            "/authors/zoe-riley/feed/",
        ),
        story.get_absolute_url(): (culture, None),
        "/corrections/": (scoped("Corrections", "/corrections/feed/"), None),
    }


def test_every_page_advertises_its_own_feeds_then_the_sites(client, story):
    for url, (own, visible) in expected_pages(story).items():
        links = links_of(client, url)
        assert links.alternates == own + SITE_FEEDS, url
        assert links.anchors == ([visible] if visible else []), url


def test_every_advertised_feed_is_a_feed(client, story):
    advertised = {
        href for url in expected_pages(story) for _, _, href in links_of(client, url).alternates
    }
    assert len(advertised) == 10
    for href in advertised:
        response = client.get(href)
        assert response.status_code == 200, href
        feed = feedparser.parse(response.content)
        assert feed.bozo == 0, href
        if not href.startswith("/corrections/"):
            # RSS titles are HTML (the apostrophe comes escaped), Atom's plain text.
            titles = [html.unescape(entry.title) for entry in feed.entries]
            assert titles == [story.headline], href
