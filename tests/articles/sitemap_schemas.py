"""The published sitemap schemas (schemas/), loaded by xmlschema with no network."""

from pathlib import Path

import xmlschema

SCHEMAS = Path(__file__).parent / "schemas"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def load(name, **kwargs):
    # "sandbox": a schema may read files of its own folder and nothing else.
    return xmlschema.XMLSchema(name, base_url=str(SCHEMAS), allow="sandbox", **kwargs)


def index_schema():
    return load("siteindex.xsd")


def urlset_schema():
    """sitemap.xsd checks elements of other namespaces strictly: the news schema with it."""
    return load("sitemap.xsd", locations=[(NEWS_NS, "sitemap-news.xsd")])
