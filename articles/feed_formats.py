"""How a feed is written: RSS 2.0 and Atom, with every author and the lead image.

Django's generators write one author per item and an image only as an enclosure,
which needs the file's length in bytes (a storage call per item, a network request
on a cloud storage). These subclasses add, for both formats alike:

- every author: one `<dc:creator>` per name in RSS (RSS's own `<author>` holds one
  e-mail address), one `<author><name>` per name in Atom. feedparser reads both into
  an entry's `authors`, one per name, in byline order;
- the lead image as Media RSS (`xmlns:media="http://search.yahoo.com/mrss/"`):
  `<media:content url type width height medium="image">` holding
  `<media:description>` (the caption) and `<media:credit>`. The URL is made
  absolute against the feed's own address, like Django's item links.

Feeds give these generators plain text. Each format says how text is written:
RSS readers render titles and descriptions as HTML, and Django's Atom summary is
`type="html"`, so those are escaped once more (a headline "<img onerror=...>" reaches
readers as text); Atom titles are `type="text"` and are written as they are.
"""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape

MEDIA_RSS = "http://search.yahoo.com/mrss/"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


def as_html(text):
    """Plain text for an element read as HTML."""
    return None if text is None else escape(text)


@dataclass(frozen=True)
class FeedImage:
    """An item's picture: where it is, its size and what it shows."""

    url: str
    width: int
    height: int
    mime_type: str
    caption: str
    credit: str


class MediaFeedMixin:
    """What both formats add to an item: its authors and its image.

    Items take two extra keywords, `authors` (names, in byline order) and `image` (a
    FeedImage or None).
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("authors", ()):
            self.add_author(handler, name)
        if item.get("image") is not None:
            self.add_image(handler, item["image"])

    def add_image(self, handler, image):
        handler.startElement(
            "media:content",
            {
                "url": urljoin(self.feed["feed_url"] or self.feed["link"], image.url),
                "type": image.mime_type,
                "width": str(image.width),
                "height": str(image.height),
                "medium": "image",
            },
        )
        if image.caption:
            handler.addQuickElement("media:description", image.caption, {"type": "plain"})
        if image.credit:
            handler.addQuickElement("media:credit", image.credit)
        handler.endElement("media:content")


class MediaRssFeed(MediaFeedMixin, Rss201rev2Feed):
    """RSS 2.0 with Media RSS and Dublin Core's creator, one per author."""

    def __init__(self, title, link, description, **kwargs):
        super().__init__(as_html(title), link, as_html(description), **kwargs)

    def add_item(self, title, link, description, **kwargs):
        super().add_item(as_html(title), link, as_html(description), **kwargs)

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE, "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS has no update time of its own; Atom's element (its namespace is declared
        # by Django for the self link) is the one feed readers know.
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))

    def add_author(self, handler, name):
        handler.addQuickElement("dc:creator", name)


class MediaAtomFeed(MediaFeedMixin, Atom1Feed):
    """Atom 1.0 with Media RSS, one `<author>` per author."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item(self, title, link, description, **kwargs):
        # Django writes an entry's summary as type="html": escaped, it shows as text.
        super().add_item(title, link, as_html(description), **kwargs)

    def add_author(self, handler, name):
        handler.startElement("author", {})
        handler.addQuickElement("name", name)
        handler.endElement("author")


FORMATS = {"rss": MediaRssFeed, "atom": MediaAtomFeed}
