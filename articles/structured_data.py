"""What the public pages tell search engines and link previews, as plain Python data.

JSON-LD (schema.org `NewsArticle`, `BreadcrumbList`, `WebSite`) and the Open Graph and
Twitter card tags are built here from objects the views have already loaded, so they
cost no query; `articles/templatetags/structured_data.py` writes them into the page.
Every address is absolute: `absolute` turns a path into one (the request's
`build_absolute_uri`), and leaves an address that already is one (media on another
host) as it is.

Decisions where the issue is silent:

- The headline is never cut. Google suggests short headlines and may shorten long ones
  in results; a cut made by a machine can change a headline's meaning ("... not
  guilty"), so the desk keeps it short instead (the headline box counts characters).
- Every byline is an author, in print order: a person as a `Person`, a desk or an
  agency as an `Organization`, each with the address of its author page.
- `dateModified` (and `article:modified_time`) is the latest change readers can see:
  publication, the desk's "Updated" time or a correction (`Article.last_told_at`, as
  feeds give it). `modified_at` moves on any save at all (a tag, the owner, a typo)
  and is for the desk and the sitemaps.
- `image` lists the 1200x630 social crop, then the widest 16:9 card, with their real
  sizes (a small photo has smaller renditions). An article without a lead photo has
  no image: the paper's logo is not a picture of the story.
- `dateline` is the desk's text as typed; no `locationCreated` Place is claimed, since
  a dateline is free text, not a known location.
"""

from dataclasses import dataclass

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import to_locale

from media import renditions

from .models import Author

SCHEMA = "https://schema.org"
# The publisher's logo in static/: a newsroom replaces the file, keeping these sizes
# (Google's publisher logos are at most 600x60). A test compares them with the file.
LOGO_PATH = "logo.png"
LOGO_WIDTH, LOGO_HEIGHT = 600, 60
# The social crop first: it is the one link previews and Google Discover prefer.
ARTICLE_IMAGE_SHAPES = ("social", "card")
# How the search page's address is written in the WebSite's SearchAction.
SEARCH_TERM = "search_term_string"


@dataclass(frozen=True)
class Crumb:
    """One step of a page's breadcrumb trail: what it is called and its path."""

    name: str
    path: str


def home_crumb():
    return Crumb("Home", reverse("articles:home"))


def article_trail(article):
    """Home › section › the article."""
    return [
        home_crumb(),
        Crumb(article.section.name, article.section.get_absolute_url()),
        Crumb(article.headline, article.get_absolute_url()),
    ]


def tag_trail(tag):
    """Home › the tag: there is no page listing every tag to put between them."""
    return [home_crumb(), Crumb(tag.name, reverse("articles:tag", args=[tag.slug]))]


def author_trail(author):
    """Home › the author: there is no page listing every author either."""
    return [home_crumb(), Crumb(author.name, author.get_absolute_url())]


def iso_time(moment):
    """ISO 8601 in the newsroom's zone, with its offset: 2025-04-04T17:25:00+09:00."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def og_locale():
    """The site's language as Open Graph writes it: "en-us" is en_US."""
    return to_locale(settings.LANGUAGE_CODE)


def rendition_image(photo, shape_name, absolute):
    """The widest rendition of a shape, as an ImageObject with its real size."""
    url, width, height = renditions.largest_jpeg(photo, shape_name)
    return {"@type": "ImageObject", "url": absolute(url), "width": width, "height": height}


def author_entity(author, absolute):
    kind = "Person" if author.kind == Author.Kind.PERSON else "Organization"
    return {"@type": kind, "name": author.name, "url": absolute(author.get_absolute_url())}


def publisher(absolute):
    return {
        "@type": "Organization",
        "name": settings.NEWSROOM_NAME,
        "url": absolute(reverse("articles:home")),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(static(LOGO_PATH)),
            "width": LOGO_WIDTH,
            "height": LOGO_HEIGHT,
        },
    }


def news_article(article, absolute):
    """The article as a schema.org NewsArticle."""
    url = absolute(article.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": iso_time(article.published_at),
        "dateModified": iso_time(article.last_told_at),
        "author": [author_entity(byline.author, absolute) for byline in article.bylines.all()],
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "isAccessibleForFree": True,
        "publisher": publisher(absolute),
    }
    if article.lead_photo:
        data["image"] = [
            rendition_image(article.lead_photo, shape, absolute) for shape in ARTICLE_IMAGE_SHAPES
        ]
    if article.dateline:
        data["dateline"] = article.dateline
    return data


def breadcrumb_list(trail, absolute):
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.name,
                "item": absolute(crumb.path),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def website(absolute):
    """The site, with the SearchAction of its search page."""
    search_url = absolute(reverse("articles:search"))
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": settings.NEWSROOM_NAME,
        "url": absolute(reverse("articles:home")),
        "inLanguage": og_locale().replace("_", "-"),  # en-US
        "publisher": publisher(absolute),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                # Braces written as they are: the template is for the reader of the data.
                "urlTemplate": f"{search_url}?q={{{SEARCH_TERM}}}",
            },
            "query-input": f"required name={SEARCH_TERM}",
        },
    }


def article_meta(article, absolute):
    """Open Graph and Twitter card tags of an article page, as (attribute, name, content).

    og:url is the page's canonical address, written with the canonical link in
    base.html. A large-image card needs an image: without a lead photo it is "summary".
    """
    tags = [
        ("property", "og:type", "article"),
        ("property", "og:title", article.headline),
        ("property", "og:description", article.summary),
    ]
    photo = article.lead_photo
    if photo:
        social = rendition_image(photo, "social", absolute)
        tags += [
            ("property", "og:image", social["url"]),
            ("property", "og:image:width", str(social["width"])),
            ("property", "og:image:height", str(social["height"])),
            ("property", "og:image:alt", photo.alt_text),
        ]
    tags += [
        ("property", "article:published_time", iso_time(article.published_at)),
        ("property", "article:modified_time", iso_time(article.last_told_at)),
        ("property", "article:section", article.section.name),
        *(("property", "article:tag", tag.name) for tag in article.tags.all()),
        ("name", "twitter:card", "summary_large_image" if photo else "summary"),
        ("name", "twitter:title", article.headline),
        ("name", "twitter:description", article.summary),
    ]
    if photo:
        tags += [
            ("name", "twitter:image", social["url"]),
            ("name", "twitter:image:alt", photo.alt_text),
        ]
    return [(attribute, name, content) for attribute, name, content in tags if content]
