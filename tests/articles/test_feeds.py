"""The RSS feeds: published articles only, site-wide and per section, and their text
plain text, since a feed reader renders title and description as HTML."""

import html
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

HOSTILE_HEADLINE = "<img src=x onerror=alert(1)> Café & 東京"
HOSTILE_SUMMARY = "<script>alert(2)</script> Zürich <b>votes</b> 🗳️"
HOSTILE_SECTION = "<img src=x onerror=alert(3)>Politics"
HOSTILE_SECTION_DESCRIPTION = "<iframe src=//evil.example></iframe> News from 東京"


def test_feeds_list_published_articles_only(client):
    byline = AuthorFactory(name="Mina Okafor-Sørensen")
    ArticleFactory(headline="速報: Out now ⚡", authors=[byline])
    ArticleFactory(headline="Still a draft ✍️", status=Article.Status.DRAFT, published_at=None)
    ArticleFactory(
        headline="Marchés: 日経 story", section=SectionFactory(name="Business", slug="business")
    )
    site = client.get("/feed/")
    assert site["Content-Type"].startswith("application/rss+xml")
    xml = site.content.decode()
    assert "<title>速報: Out now ⚡</title>" in xml and "Marchés: 日経 story" in xml
    assert "Still a draft ✍️" not in xml
    assert "Mina Okafor-Sørensen" in xml
    section = client.get("/business/feed/").content.decode()
    assert "Marchés: 日経 story" in section and "速報: Out now ⚡" not in section
    assert client.get("/nowhere/feed/").status_code == 404
    assert '<link rel="alternate" type="application/rss+xml"' in client.get("/").content.decode()


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
def hostile_article():
    section = SectionFactory(
        name=HOSTILE_SECTION, slug="politics", description=HOSTILE_SECTION_DESCRIPTION
    )
    return ArticleFactory(section=section, headline=HOSTILE_HEADLINE, summary=HOSTILE_SUMMARY)


@pytest.mark.parametrize("url", ["/feed/", "/politics/feed/"])
def test_feed_titles_and_descriptions_reach_readers_as_text(client, hostile_article, url):
    channel = ET.fromstring(client.get(url).content).find("channel")
    item = channel.find("item")
    texts = {
        item.findtext("title"): HOSTILE_HEADLINE,
        item.findtext("description"): HOSTILE_SUMMARY,
    }
    if url == "/politics/feed/":
        texts[channel.findtext("title")] = f"{HOSTILE_SECTION} · The Daily Newsroom"
        texts[channel.findtext("description")] = HOSTILE_SECTION_DESCRIPTION
    for text, shown in texts.items():
        assert as_a_feed_reader_sees_it(text) == ([], shown)


def test_a_section_without_a_description_gets_one_as_text(client):
    ArticleFactory(section=SectionFactory(name="Café <Culture>", slug="culture"))
    channel = ET.fromstring(client.get("/culture/feed/").content).find("channel")
    description = channel.findtext("description")
    assert as_a_feed_reader_sees_it(description) == ([], "The latest Café <Culture> articles.")
