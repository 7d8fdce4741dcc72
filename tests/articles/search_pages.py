"""Reading the search page as a reader does: the results as the HTML lists them."""

from html.parser import HTMLParser

from django.urls import reverse


class _Results(HTMLParser):
    """Each result's headline text, link, snippet HTML; and the page's alerts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.results, self.alerts, self.notices = [], [], []
        self._in = None
        self._html = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "li" and "search-result" in classes:
            self.results.append({"headline": "", "href": None, "snippet": ""})
        elif "search-result__headline" in classes:
            self._in = "headline"
        elif "search-result__snippet" in classes:
            self._in = "snippet"
        elif attrs.get("role") == "alert" or "empty" in classes or "search-notice" in classes:
            self._in = "alert" if attrs.get("role") == "alert" else "notice"
            self._html = []
        elif tag == "a" and self._in == "headline":
            self.results[-1]["href"] = attrs["href"]
        if self._in == "snippet" and "search-result__snippet" not in classes:
            self.results[-1]["snippet"] += self.get_starttag_text()

    def handle_endtag(self, tag):
        if self._in == "snippet" and tag == "mark":
            self.results[-1]["snippet"] += "</mark>"
        elif tag in ("h2", "p", "div") and self._in:
            if self._in in ("alert", "notice"):
                (self.alerts if self._in == "alert" else self.notices).append(
                    " ".join("".join(self._html).split())
                )
            self._in = None

    def handle_data(self, data):
        if self._in == "headline":
            self.results[-1]["headline"] += data
        elif self._in == "snippet":
            self.results[-1]["snippet"] += data.replace("&", "&amp;").replace("<", "&lt;")
        elif self._in in ("alert", "notice"):
            self._html.append(data)


def search_page(client, **params):
    """(response, parsed page) for /search/ with these query parameters."""
    response = client.get(reverse("articles:search"), params)
    parser = _Results()
    parser.feed(response.content.decode())
    return response, parser


def headlines(client, **params):
    response, page = search_page(client, **params)
    assert response.status_code == 200, response.content.decode()[:500]
    return [result["headline"] for result in page.results]
