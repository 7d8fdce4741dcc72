"""The feeds: RSS 2.0 and Atom for the site, each section, tag and author; corrections.

Each feed class is one scope, written in either format: `SectionFeed("atom")`. The
addresses pair up, `<page>feed/` for RSS and `<page>feed/atom/` for Atom (articles/urls.py).
Feeds give plain text; articles/feed_formats.py writes it for each format.

Decisions the issue left open:
- An item's update time is the last change readers were told of
  (`Article.last_told_at`): the publication, a substantive update ("Updated ..." on the
  page) or a correction, whichever is latest. Not `modified_at`: a typo fixed or a tag
  added is no reason for a feed reader to show the story again. The sitemap, for
  crawlers, uses `modified_at`.
- The image is the 1200x630 social crop (as `og:image`), JPEG: every reader takes it.
- Categories: the section, then the tags.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse

from media import renditions

from .feed_formats import FORMATS, FeedImage
from .models import Article, Author, Correction, Section
from .tags import public_tags

FEED_SIZE = 30


class FeedInFormat(Feed):
    """A feed written as RSS 2.0 ("rss") or Atom ("atom")."""

    def __init__(self, format="rss"):
        self.feed_type = FORMATS[format]

    def subtitle(self, subject):
        return self.description(subject)  # Atom's name for the description

    def author_name(self, subject):
        """The feed's author in Atom, which stands for an entry with no byline."""
        return settings.NEWSROOM_NAME


class LatestArticlesFeed(FeedInFormat):
    """The newest published articles, site-wide: /feed/ and /feed/atom/. Subclasses
    narrow `articles()` to their subject."""

    def title(self, subject):
        return settings.NEWSROOM_NAME

    def link(self, subject):
        return reverse("articles:home")

    def description(self, subject):
        return f"The latest articles from {settings.NEWSROOM_NAME}."

    def articles(self, subject):
        return Article.objects.published()

    def items(self, subject):
        return self.articles(subject).for_listing().prefetch_related("corrections")[:FEED_SIZE]

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        return article.summary

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_told_at

    def item_categories(self, article):
        return [article.section.name, *(tag.name for tag in article.tags.all())]

    def item_extra_kwargs(self, article):
        return {
            "authors": [byline.author.name for byline in article.bylines.all()],
            "image": lead_image(article),
        }


class SectionFeed(LatestArticlesFeed):
    """One section: /politics/feed/ and /politics/feed/atom/."""

    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, section):
        return f"{section.name} · {settings.NEWSROOM_NAME}"

    def link(self, section):
        return section.get_absolute_url()

    def description(self, section):
        return section.description or f"The latest {section.name} articles."

    def articles(self, section):
        return Article.objects.published().filter(section=section)


class TagFeed(LatestArticlesFeed):
    """One tag: /tags/東京/feed/ and /tags/東京/feed/atom/; a tag only drafts carry has
    none, as it has no page."""

    def get_object(self, request, slug):
        return get_object_or_404(public_tags(), slug=slug)

    def title(self, tag):
        return f"{tag.name} · {settings.NEWSROOM_NAME}"

    def link(self, tag):
        return reverse("articles:tag", args=[tag.slug])

    def description(self, tag):
        return f"Articles tagged “{tag.name}” in {settings.NEWSROOM_NAME}."

    def articles(self, tag):
        return Article.objects.published().filter(tags=tag)


class AuthorFeed(LatestArticlesFeed):
    """One author's bylines: /authors/zoe-riley/feed/ and /authors/zoe-riley/feed/atom/."""

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author):
        return f"{author.name} · {settings.NEWSROOM_NAME}"

    def link(self, author):
        return author.get_absolute_url()

    def description(self, author):
        return f"The latest articles by {author.name} in {settings.NEWSROOM_NAME}."

    def articles(self, author):
        return Article.objects.published().filter(bylines__author=author)


def lead_image(article):
    """The article's lead photo as its 1200x630 social crop, with this article's caption."""
    photo = article.lead_photo
    if photo is None:
        return None
    url, width, height = renditions.largest_jpeg(photo, "social")
    return FeedImage(
        url=url,
        width=width,
        height=height,
        mime_type="image/jpeg",
        caption=article.lead_caption,
        credit=article.lead_credit,
    )


class CorrectionsFeed(FeedInFormat):
    """The newest corrections readers can see: /corrections/feed/ and .../feed/atom/.

    An item's link is its place on the article (`#correction-<id>`): unique per
    correction, it is the item's guid too.
    """

    def title(self, subject):
        return f"Corrections · {settings.NEWSROOM_NAME}"

    def link(self, subject):
        return reverse("articles:corrections")

    def description(self, subject):
        return f"Corrections, clarifications and editor’s notes of {settings.NEWSROOM_NAME}."

    def items(self, subject):
        return Correction.objects.published()[:FEED_SIZE]

    def item_title(self, correction):
        return f"{correction.get_kind_display()}: {correction.article.headline}"

    def item_description(self, correction):
        return correction.text

    def item_pubdate(self, correction):
        return correction.made_at

    def item_updateddate(self, correction):
        return correction.made_at
