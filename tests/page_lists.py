"""The lists a reader sees on a page, read from its HTML as a browser would build it:
"Related" under an article and the ranking widgets beside it.

A small tree of the page's elements (html.parser, no package needed), so a test asks
for "the items of the section labelled ACCESS RANKING" rather than slicing strings.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)  # Elements and strings

    def text(self):
        return " ".join(
            "".join(
                child if isinstance(child, str) else " " + child.text() + " "
                for child in self.children
            ).split()
        )

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag, **attrs):
        return [
            element
            for element in self.iter()
            if element.tag == tag
            and all(element.attrs.get(_attribute(name)) == value for name, value in attrs.items())
        ]


def _attribute(keyword):
    """class_ -> class, aria_label -> aria-label."""
    return keyword.rstrip("_").replace("_", "-")


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def page_tree(response):
    builder = _TreeBuilder()
    builder.feed(response.content.decode())
    builder.close()
    return builder.root


@dataclass(frozen=True)
class Line:
    rank: str  # "" where the list shows none
    headline: str
    url: str
    text: str  # everything the line says
    has_picture: bool


def list_lines(section):
    """The lines of a list section: each <li>, its number, first link and text."""
    lines = []
    for item in section.find_all("li"):
        link = next(a for a in item.find_all("a") if a.text())
        rank = item.find_all("span", class_="ranking-list__rank")
        lines.append(
            Line(
                rank=rank[0].text() if rank else "",
                headline=link.text(),
                url=link.attrs["href"],
                text=item.text(),
                has_picture=bool(item.find_all("picture")),
            )
        )
    return lines


def related_lines(response):
    """The "Related" list under an article; None when the page shows none."""
    sections = page_tree(response).find_all("section", class_="related")
    if not sections:
        return None
    (section,) = sections
    assert [h2.text() for h2 in section.find_all("h2")] == ["Related"]
    return list_lines(section)


def widget_lines(response, label):
    """The ranking widget labelled `label` ("ACCESS RANKING", "Politics · POPULAR ARTICLE")."""
    (section,) = page_tree(response).find_all("section", aria_label=label)
    return list_lines(section)


def widget_note(response, label):
    (section,) = page_tree(response).find_all("section", aria_label=label)
    return [p.text() for p in section.find_all("p", class_="ranking-widget__note")]
