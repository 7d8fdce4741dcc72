"""Feed text reaches readers as text: a headline or summary holding markup ("<img
onerror=...>", "&") is shown, never rendered, in RSS (whose titles and descriptions
readers render as HTML) and in Atom (plain-text titles, HTML summaries)."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import ArticleFactory, SectionFactory

from .test_feeds import as_a_feed_reader_sees_it, read_feed

pytestmark = pytest.mark.django_db

HOSTILE_HEADLINE = "<img src=x onerror=alert(1)> Café & 東京"
HOSTILE_SUMMARY = "<script>alert(2)</script> Zürich <b>votes</b> 🗳️"
HOSTILE_SECTION = "<img src=x onerror=alert(3)>Politics"
HOSTILE_SECTION_DESCRIPTION = "<iframe src=//evil.example></iframe> News from 東京"


@pytest.fixture
def hostile_article():
    section = SectionFactory(
        name=HOSTILE_SECTION, slug="politics", description=HOSTILE_SECTION_DESCRIPTION
    )
    return ArticleFactory(section=section, headline=HOSTILE_HEADLINE, summary=HOSTILE_SUMMARY)


@pytest.mark.parametrize("url", ["/feed/", "/politics/feed/"])
def test_rss_titles_and_descriptions_reach_readers_as_text(client, hostile_article, url):
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
    # feedparser agrees: HTML that shows the text, and no element in it.
    entry = read_feed(client, url).entries[0]
    assert entry.title_detail.type == "text/html"
    assert as_a_feed_reader_sees_it(entry.title) == ([], HOSTILE_HEADLINE)
    assert as_a_feed_reader_sees_it(entry.summary) == ([], HOSTILE_SUMMARY)


@pytest.mark.parametrize("url", ["/feed/atom/", "/politics/feed/atom/"])
def test_atom_titles_are_text_and_summaries_escaped_html(client, hostile_article, url):
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(client.get(url).content)
    entry = root.find(f"{atom}entry")
    # An Atom title is type="text": written as it is, the XML writer escapes it.
    assert entry.find(f"{atom}title").get("type", "text") == "text"
    assert entry.findtext(f"{atom}title") == HOSTILE_HEADLINE
    summary = entry.find(f"{atom}summary")
    assert summary.get("type") == "html"
    assert as_a_feed_reader_sees_it(summary.text) == ([], HOSTILE_SUMMARY)
    if url == "/politics/feed/atom/":
        assert root.findtext(f"{atom}title") == f"{HOSTILE_SECTION} · The Daily Newsroom"
        assert root.findtext(f"{atom}subtitle") == HOSTILE_SECTION_DESCRIPTION

    parsed = read_feed(client, url).entries[0]
    assert parsed.title_detail.type == "text/plain" and parsed.title == HOSTILE_HEADLINE
    assert as_a_feed_reader_sees_it(parsed.summary) == ([], HOSTILE_SUMMARY)


def test_a_section_without_a_description_gets_one_as_text(client):
    ArticleFactory(section=SectionFactory(name="Café <Culture>", slug="culture"))
    channel = ET.fromstring(client.get("/culture/feed/").content).find("channel")
    description = channel.findtext("description")
    assert as_a_feed_reader_sees_it(description) == ([], "The latest Café <Culture> articles.")
