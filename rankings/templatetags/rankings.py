"""The ranking widgets and the view beacon, for templates: {% load rankings %}."""

from django import template
from django.conf import settings

from ..cached import latest_articles, top_articles
from ..counting import make_view_token

register = template.Library()


@register.inclusion_tag("rankings/beacon.html")
def view_beacon(article):
    """The token and script that report this page's read, even from a cached copy."""
    return {"token": make_view_token(article.pk)}


@register.inclusion_tag("rankings/widget.html")
def popular_in_section(section, window=None):
    """ "Politics · POPULAR ARTICLE": the section's most read articles."""
    return _widget(
        heading=f"{section.name} · {settings.RANKINGS_SECTION_LABEL}",
        window=window or settings.RANKINGS_DEFAULT_WINDOW,
        section=section,
        limit=settings.RANKINGS_SECTION_SIZE,
    )


@register.inclusion_tag("rankings/widget.html")
def access_ranking(window=None):
    """ "ACCESS RANKING": the site's most read articles."""
    return _widget(
        heading=settings.RANKINGS_SITE_LABEL,
        window=window or settings.RANKINGS_DEFAULT_WINDOW,
        section=None,
        limit=settings.RANKINGS_SITE_SIZE,
    )


def _widget(*, heading, window, section, limit):
    ranking = top_articles(window, section=section, limit=limit)
    return {
        "heading": heading,
        "ranking": ranking or latest_articles(section=section, limit=limit),
        "is_fallback": not ranking,
        "section": section,
        "window": window,
    }
