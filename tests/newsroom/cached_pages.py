"""Reading public pages as a reader does, for the full-page cache's tests."""

from django.urls import reverse

HEADLINE = "東京の知事選、投票率が過去最高 — Café owners vote ☕"


def pages_showing(article):
    return [
        "/",
        article.section.get_absolute_url(),
        article.get_absolute_url(),
        reverse("articles:tag", args=[article.tags.get(name="東京").slug]),
        reverse("articles:author", args=["hana-mori"]),
        reverse("articles:feed"),
        reverse("articles:section_feed", args=[article.section.slug]),
    ]


def read_all(reader, urls):
    pages = {}
    for url in urls:
        response = reader.get(url)
        pages[url] = response.content.decode() if response.status_code == 200 else None
    return pages


def warm(reader, urls):
    """Read every page twice, so each is cached; the second read must be a hit."""
    read_all(reader, urls)
    for url in urls:
        assert reader.get(url).templates == [], f"{url} was not served from the cache"
