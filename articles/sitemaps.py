"""The sitemaps, on Django's sitemap framework: /sitemap.xml is an index of parts.

Parts, each at /sitemap-<name>.xml:
- `news`: Google News, articles published in the last 48 hours (at most 1,000 a page,
  Google's limit; the index lists any further page), with the publication's name and
  language, each article's title and publication time;
- `articles-2026-11`: the articles published in one month of the newsroom's zone (the
  month in their address), for each month that has any;
- `sections`, `tags`, `authors`: the list pages; only tags and authors of published
  articles, since a tag only drafts carry has no page, and an author with none an empty one.

Everything starts from `Article.objects.published()`. An article's lastmod is its last
save (`modified_at`, which a correction moves on too); a list page's is the last save of
the newest-saved article it lists (it changes when they do); a part's is the latest of its
entries. Each part costs a fixed number of queries, the index too, whatever the number of
months: one grouped query gives every month with its count and lastmod.
"""

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from taggit.models import Tag

from .models import Article, Author, Section

NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1000  # URLs in one news sitemap, Google's limit
MONTH_PART = re.compile(r"articles-(\d{4})-(\d{2})")
FIRST_YEAR, LAST_YEAR = 1900, 2999  # the years a month part may name, as search's dates


class NewsroomSitemap(Sitemap):
    """What the parts share: an optional refusal to be empty, and the part's lastmod from
    one aggregate rather than from every item (Django's default loads them all)."""

    allow_empty = True
    known_count = None  # the number of items, when the index has counted them already

    @property
    def paginator(self):
        pages = Paginator(self._items(), self.limit, allow_empty_first_page=self.allow_empty)
        if self.known_count is not None:
            pages.count = self.known_count  # a cached property: the count query is saved
        return pages

    def count(self):
        return self.items().count()

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max(self.lastmod_field))["latest"]

    def lastmod(self, item):
        return getattr(item, self.lastmod_field)


def latest_saved(articles):
    """The last save of the newest-saved of `articles` (an OuterRef-filtered queryset)."""
    return Subquery(articles.order_by("-modified_at").values("modified_at")[:1])


class ArticleMonthSitemap(NewsroomSitemap):
    """The articles published in one month of the newsroom's zone; a month without any
    has no part (404)."""

    allow_empty = False
    lastmod_field = "modified_at"

    def __init__(self, year, month, *, latest=None, count=None):
        zone = timezone.get_default_timezone()
        self.start = datetime.datetime(year, month, 1, tzinfo=zone)  # ValueError if no month
        self.end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
        self.latest, self.known_count = latest, count

    def items(self):
        return (
            Article.objects.published()
            .filter(published_at__gte=self.start, published_at__lt=self.end)
            .select_related("section")
            .order_by("-published_at", "-pk")
        )

    def get_latest_lastmod(self):
        return self.latest if self.latest is not None else super().get_latest_lastmod()

    @classmethod
    def every_month(cls):
        """One part per month with published articles, newest first, in one query."""
        months = (
            Article.objects.published()
            .annotate(month=TruncMonth("published_at", tzinfo=timezone.get_default_timezone()))
            .values("month")
            .annotate(latest=Max("modified_at"), count=Count("pk"))
            .order_by("-month")
        )
        parts = []
        for row in months:
            month = row["month"]
            part = cls(month.year, month.month, latest=row["latest"], count=row["count"])
            parts.append((f"articles-{month:%Y-%m}", part))
        return parts


class SectionSitemap(NewsroomSitemap):
    lastmod_field = "lastmod"

    def items(self):
        articles = Article.objects.published().filter(section=OuterRef("pk"))
        return Section.objects.annotate(lastmod=latest_saved(articles)).order_by("position", "name")


class TagSitemap(NewsroomSitemap):
    """Tags of published articles, each with its lastmod from ONE grouped query.

    Not a subquery per tag, as sections and authors have: taggit's generic relation
    joins on `object_id` cast to the article's key type, which no index serves, so each
    tag's subquery read every tagged article: 114 s for 26 tags at 50,000 articles on
    PostgreSQL, against 53 ms for the grouped query.
    """

    lastmod_field = "lastmod"

    @cached_property
    def latest_by_tag(self):
        """{tag id: the last save of its newest-saved published article}."""
        return dict(
            Article.objects.published()
            .filter(tags__isnull=False)
            .values_list("tags")
            .annotate(lastmod=Max("modified_at"))
            .order_by()
        )

    def items(self):
        latest = self.latest_by_tag
        tags = list(Tag.objects.filter(pk__in=latest).order_by("slug"))
        for tag in tags:
            tag.lastmod = latest[tag.pk]
        return tags

    def count(self):
        return len(self.latest_by_tag)

    def get_latest_lastmod(self):
        return max(self.latest_by_tag.values(), default=None)

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])


class AuthorSitemap(NewsroomSitemap):
    lastmod_field = "lastmod"

    def items(self):
        # An author with no published article has no lastmod: that leaves them out.
        articles = Article.objects.published().filter(bylines__author=OuterRef("pk"))
        return (
            Author.objects.annotate(lastmod=latest_saved(articles))
            .filter(lastmod__isnull=False)
            .order_by("slug")
        )


@dataclass(frozen=True)
class Publication:
    """How Google News names the paper: its name, and its language as ISO 639."""

    name: str
    language: str

    @classmethod
    def of_this_site(cls):
        return cls(settings.NEWSROOM_NAME, news_language(settings.LANGUAGE_CODE))


def news_language(language_code):
    """ "en-us" -> "en": Google News takes ISO 639 codes, and zh-cn or zh-tw for Chinese."""
    code = language_code.lower()
    if code in ("zh-hans", "zh-cn", "zh-sg"):
        return "zh-cn"
    if code in ("zh-hant", "zh-tw", "zh-hk"):
        return "zh-tw"
    return code.split("-")[0]


class NewsSitemap(NewsroomSitemap):
    """Google News: articles published in the last 48 hours; its template is
    templates/sitemaps/news.xml.

    After 48 quiet hours it lists the home page alone, with no `<news:news>`: the
    sitemaps.org schema wants one `<url>` at least, so an empty urlset is not valid, and
    Google News takes only entries with news tags, so the home page adds nothing to it.
    It therefore always has an address, and the index always lists it, as robots.txt does.
    """

    limit = NEWS_LIMIT
    lastmod_field = "modified_at"

    def items(self):
        return (
            Article.objects.published()
            .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
            .select_related("section")
            .order_by("-published_at", "-pk")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        publication = Publication.of_this_site()
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        # The view passes ?p= as it came: "1" when asked for, 1 by default.
        if not urls and str(page) == "1":
            home = reverse("articles:home")
            location = f"{self.get_protocol(protocol)}://{self.get_domain(site)}{home}"
            return [{"location": location, "item": None, "lastmod": None}]
        for url in urls:
            url["publication"] = publication
            # W3C Datetime with its zone, to the second: 2026-12-01T17:25:00+09:00.
            published = timezone.localtime(url["item"].published_at)
            url["publication_date"] = published.isoformat(timespec="seconds")
        return urls


def counted(part):
    """The part with its number of items known, so its paginator asks no more."""
    part.known_count = part.count()
    return part


FIXED_PARTS = {
    "news": NewsSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


class SitemapParts(Mapping):
    """The parts by name, as Django's index and sitemap views take them. A name is looked
    up without a query; listing them (the index) asks for the months once, and counts the
    other parts.

    The index lists only parts with at least one address: the sitemaps.org schema wants
    one `<url>` or more, so an empty sitemap is well-formed but not valid. The news
    sitemap always has one (see NewsSitemap); the other fixed parts still answer when
    empty (a new paper with no tags yet); a month without articles is no part at all (404).
    """

    def __getitem__(self, name):
        if name in FIXED_PARTS:
            return FIXED_PARTS[name]()
        match = MONTH_PART.fullmatch(name)
        if match is None:
            raise KeyError(name)
        year, month = int(match[1]), int(match[2])
        # Month 13 or year 0 is no month; nor is a year no article was published in
        # and a datetime cannot hold in UTC (0001-01 JST begins before year 1).
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            raise KeyError(name)
        return ArticleMonthSitemap(year, month)

    def items(self):
        news, *lists = [(name, counted(part())) for name, part in FIXED_PARTS.items()]
        parts = [news, *ArticleMonthSitemap.every_month(), *lists]
        return [(name, part) for name, part in parts if part.known_count or name == "news"]

    def __iter__(self):
        return iter(name for name, _ in self.items())

    def __len__(self):
        return len(self.items())

    # One object, equal only to itself: Mapping's equality would list every part, and
    # reverse() compares a URL's default arguments, this one included.
    __eq__ = object.__eq__
    __hash__ = object.__hash__


SITEMAP_PARTS = SitemapParts()
