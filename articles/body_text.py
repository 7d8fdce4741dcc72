"""An article body (the cleaned HTML of articles/fields.py) as the text a reader reads:
for the revision diff, paragraph by paragraph, and for search, its words."""

from html.parser import HTMLParser

# Elements that end a paragraph of text.
_BLOCKS = {"p", "h2", "h3", "li", "blockquote", "hr", "figure", "figcaption"}


class _BodyText(HTMLParser):
    def __init__(self, photo_names):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.photo_names = photo_names

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("• ")
        elif tag == "figure":
            self.parts.append("\n")
            if self.photo_names is not None:
                # A photo in the body (articles/photo_figures.py), named so that putting
                # in another photo shows, even one without a caption of its own here.
                photo = dict(attrs).get("data-photo", "")
                name = self.photo_names.get(photo) or f"#{photo}"
                self.parts.append(f"[Photo: {name}] ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def body_text(html, photo_names=None):
    """`html` as text, paragraphs apart. With `photo_names` ({id as text: name}), each
    photo in the body is shown as "[Photo: name]" before its caption."""
    parser = _BodyText(photo_names)
    parser.feed(html or "")
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def plain_text(html):
    """The body's words on one line, as search indexes and quotes them."""
    return " ".join(body_text(html).split())
