"""A library photo inside the body, in the one form the body stores:

    <figure data-photo="123" data-credit="Kim Sato / Newsroom">
      <figcaption>Caption for this article</figcaption>
    </figure>

(on one line). The photo is named by its id only; `data-credit` and the figcaption are
optional overrides of the photo's own credit and caption, plain text. Readers get the
photo's renditions in its place (articles/body_photos.py).

nh3 allows the figure's tags and attributes (the BodyPhoto extension's entry in
DJANGO_PROSE_EDITOR_EXTENSIONS); `keep_photo_figures` then runs on its output and
rewrites every figure into the form above, or drops it when it names no photo: nh3
checks tags and attributes one by one, not what a figure holds or what its id says.
"""

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

PHOTO_ID = re.compile(r"[1-9][0-9]{0,17}")
STORED_FIGURE = re.compile(
    r'<figure data-photo="(?P<photo>[0-9]+)"(?: data-credit="(?P<credit>[^"]*)")?>'
    r"(?:<figcaption>(?P<caption>[^<]*)</figcaption>)?</figure>"
)


def names_a_photo(value):
    return bool(PHOTO_ID.fullmatch(value or ""))


def photo_ids(body):
    """The ids of the photos a stored body shows, in order, once each."""
    return list(dict.fromkeys(int(found["photo"]) for found in STORED_FIGURE.finditer(body)))


def _plain(text):
    return " ".join(text.split())


@dataclass
class _Figure:
    photo: str
    credit: str
    depth: int = 1  # figures nested in it count too: the figure ends with its own end tag
    caption: list = field(default_factory=list)
    in_caption: bool = False
    caption_read: bool = False

    def stored_form(self):
        if not names_a_photo(self.photo):
            return ""
        credit = _plain(self.credit)
        caption = _plain("".join(self.caption))
        return (
            f'<figure data-photo="{self.photo}"'
            + (f' data-credit="{html.escape(credit)}"' if credit else "")
            + ">"
            + (f"<figcaption>{caption}</figcaption>" if caption else "")
            + "</figure>"
        )


class _PhotoFigures(HTMLParser):
    """Copies HTML nh3 has cleaned, with every figure in the stored form or gone."""

    def __init__(self):
        # Character references stay as nh3 wrote them: the copy is byte for byte.
        super().__init__(convert_charrefs=False)
        self.out = []
        self.figure = None

    def handle_starttag(self, tag, attrs):
        figure = self.figure
        if figure is None and tag == "figure":
            attrs = dict(attrs)
            self.figure = _Figure(attrs.get("data-photo") or "", attrs.get("data-credit") or "")
        elif figure is None and tag != "figcaption":
            self.out.append(self.get_starttag_text())
        elif figure is not None and tag == "figure":
            figure.depth += 1
        elif figure is not None and tag == "figcaption" and figure.depth == 1:
            figure.in_caption = not figure.caption_read

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        figure = self.figure
        if figure is None:
            if tag != "figcaption":  # one outside a figure: its text is kept
                self.out.append(f"</{tag}>")
        elif tag == "figure":
            figure.depth -= 1
            if figure.depth == 0:
                self.out.append(figure.stored_form())
                self.figure = None
        elif tag == "figcaption" and figure.depth == 1 and figure.in_caption:
            figure.in_caption, figure.caption_read = False, True

    def handle_data(self, data):
        self._text(data)

    def handle_entityref(self, name):
        self._text(f"&{name};")

    def handle_charref(self, name):
        self._text(f"&#{name};")

    def _text(self, text):
        if self.figure is None:
            self.out.append(text)
        elif self.figure.in_caption and self.figure.depth == 1:
            self.figure.caption.append(text)

    def result(self):
        self.close()
        if self.figure is not None:
            self.out.append(self.figure.stored_form())
        return "".join(self.out)


def keep_photo_figures(cleaned_html):
    """`cleaned_html` (nh3's output) with each figure in the stored form, or removed."""
    if "<fig" not in cleaned_html:
        return cleaned_html
    rewriter = _PhotoFigures()
    rewriter.feed(cleaned_html)
    return rewriter.result()
