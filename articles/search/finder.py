"""The search the page, the admin and the benchmark all run."""

from ..models import Article
from .backends import engine


def find(parsed, *, section=None, start=None, end=None):
    """Published articles matching `parsed`, most relevant first, then most recent.

    `section` limits to one section; `start` and `end` (aware datetimes, end
    excluded) to a range of publication times. Empty when the query has no terms.
    """
    articles = Article.objects.published().in_section(section)
    if start is not None:
        articles = articles.filter(published_at__gte=start)
    if end is not None:
        articles = articles.filter(published_at__lt=end)
    if not parsed:
        return articles.none()
    return engine().matching(articles, parsed).order_by("-search_rank", "-published_at", "-pk")
