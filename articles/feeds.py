from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape

from .bylines import byline_text
from .models import Article, Correction, Section

FEED_SIZE = 30

# Feed readers render titles and descriptions as HTML, and the XML writer only escapes
# for XML: our plain text is escaped once more so that a headline like "<img onerror=...>"
# reaches readers as text, not markup (Django's default item_title does the same).


class LatestArticlesFeed(Feed):
    """The newest published articles, site-wide: /feed/."""

    description_template = None

    def title(self):
        return escape(settings.NEWSROOM_NAME)

    def link(self):
        return reverse("articles:home")

    def description(self):
        return escape(f"The latest articles from {settings.NEWSROOM_NAME}.")

    def items(self):
        return Article.objects.published().for_listing()[:FEED_SIZE]

    def item_title(self, article):
        return escape(article.headline)

    def item_description(self, article):
        return escape(article.summary)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at or article.published_at

    def item_author_name(self, article):
        return byline_text(article.bylines.all())

    def item_categories(self, article):
        return [article.section.name, *(tag.name for tag in article.tags.all())]


class SectionFeed(LatestArticlesFeed):
    """The newest published articles of one section: /politics/feed/."""

    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, section):
        return escape(f"{section.name} · {settings.NEWSROOM_NAME}")

    def link(self, section):
        return section.get_absolute_url()

    def description(self, section):
        return escape(section.description or f"The latest {section.name} articles.")

    def items(self, section):
        return Article.objects.published().for_listing().filter(section=section)[:FEED_SIZE]


class CorrectionsFeed(Feed):
    """The newest corrections readers can see: /corrections/feed/.

    An item's link is its place on the article (`#correction-<id>`): unique per
    correction, it is the item's guid too.
    """

    def title(self):
        return escape(f"Corrections · {settings.NEWSROOM_NAME}")

    def link(self):
        return reverse("articles:corrections")

    def description(self):
        return escape(
            f"Corrections, clarifications and editor’s notes of {settings.NEWSROOM_NAME}."
        )

    def items(self):
        return Correction.objects.published()[:FEED_SIZE]

    def item_title(self, correction):
        return escape(f"{correction.get_kind_display()}: {correction.article.headline}")

    def item_description(self, correction):
        return escape(correction.text)

    def item_pubdate(self, correction):
        return correction.made_at
