"""What a public page tells machines and shows as its trail, read back from its HTML:
the JSON-LD objects, the <meta> tags, the canonical link and the visible breadcrumbs."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class VisibleCrumb:
    text: str
    href: str | None  # None: the current page, not a link
    current: bool
    hidden: bool  # read out only (visually-hidden)


@dataclass
class PageHead:
    json_ld: list = field(default_factory=list)
    meta: list = field(default_factory=list)  # (property or name, content), in page order
    canonical_links: list = field(default_factory=list)
    breadcrumb_navs: int = 0
    breadcrumbs: list = field(default_factory=list)

    def all(self, key):
        return [content for name, content in self.meta if name == key]

    def one(self, key):
        """The content of the one <meta> named `key`; fails if there are none or several."""
        (content,) = self.all(key)
        return content

    def of_type(self, schema_type):
        """The one JSON-LD object of `schema_type`."""
        (found,) = [data for data in self.json_ld if data["@type"] == schema_type]
        return found

    @property
    def canonical(self):
        (href,) = self.canonical_links
        return href


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.head = PageHead()
        self._script = None
        self._in_breadcrumbs = False
        self._crumb = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.head.meta.append((key, attrs.get("content")))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.head.canonical_links.append(attrs.get("href"))
        elif tag == "nav" and attrs.get("aria-label") == "Breadcrumb":
            self.head.breadcrumb_navs += 1
            self._in_breadcrumbs = True
        elif self._in_breadcrumbs and tag == "li":
            hidden = "visually-hidden" in (attrs.get("class") or "").split()
            self._crumb = VisibleCrumb("", None, False, hidden)
        elif self._crumb is not None and tag in ("a", "span"):
            self._crumb.href = attrs.get("href", self._crumb.href)
            self._crumb.current = self._crumb.current or attrs.get("aria-current") == "page"

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.head.json_ld.append(json.loads("".join(self._script)))
            self._script = None
        elif tag == "li" and self._crumb is not None:
            self._crumb.text = self._crumb.text.strip()
            self.head.breadcrumbs.append(self._crumb)
            self._crumb = None
        elif tag == "nav":
            self._in_breadcrumbs = False

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        elif self._crumb is not None:
            self._crumb.text += data


def read_page(response):
    assert response.status_code in (200, 404), response.status_code
    parser = _Parser()
    parser.feed(response.content.decode())
    parser.close()
    return parser.head
