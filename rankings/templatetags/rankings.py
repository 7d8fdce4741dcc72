"""The ranking widgets and the view beacon, for templates: {% load rankings %}."""

from dataclasses import replace

from django import template
from django.conf import settings

from ..cached import filled_ranking
from ..counting import make_view_token

register = template.Library()


@register.inclusion_tag("rankings/beacon.html")
def view_beacon(article):
    """The token and script that report this page's read, even from a cached copy."""
    return {"token": make_view_token(article.pk)}


@register.inclusion_tag("rankings/widget.html", takes_context=True)
def popular_in_section(context, section, window=None, exclude=None):
    """ "Politics · POPULAR ARTICLE": the section's most read articles, never `exclude`
    (the article being read)."""
    return _widget(
        context,
        heading=f"{section.name} · {settings.RANKINGS_SECTION_LABEL}",
        window=window or settings.RANKINGS_DEFAULT_WINDOW,
        section=section,
        size=settings.RANKINGS_SECTION_SIZE,
        exclude=exclude,
    )


@register.inclusion_tag("rankings/widget.html", takes_context=True)
def access_ranking(context, window=None, exclude=None):
    """ "ACCESS RANKING": the site's most read articles, never `exclude`."""
    return _widget(
        context,
        heading=settings.RANKINGS_SITE_LABEL,
        window=window or settings.RANKINGS_DEFAULT_WINDOW,
        section=None,
        size=settings.RANKINGS_SITE_SIZE,
        exclude=exclude,
    )


def _widget(context, *, heading, window, section, size, exclude):
    """Always `size` lines when that many articles are live: the ranking, filled from
    the latest articles (rankings.cached.filled_ranking, cached with one line to spare).
    The article being read is dropped here, in Python, so the cached entry is shared by
    every page, and the lines are numbered 1..size again.

    Readers are not told which lines are fills, except by the "Latest articles" note
    when no line was ranked at all; staff see them marked on the preview page, where
    what readers get is checked.
    """
    lines = filled_ranking(window, section=section, length=size + 1)
    shown = [line for line in lines if exclude is None or line.article_id != exclude.pk][:size]
    shown = [replace(line, rank=position) for position, line in enumerate(shown, start=1)]
    return {
        "heading": heading,
        "ranking": shown,
        "is_fallback": bool(shown) and all(line.is_fill for line in shown),
        "show_fills": bool(context.get("is_preview")),
        "section": section,
        "window": window,
    }
