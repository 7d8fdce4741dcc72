"""For the admin's templates: {% load rankings_admin %}."""

from django import template

from ..stats import article_panel

register = template.Library()


@register.inclusion_tag("admin/rankings/article_panel.html")
def article_views_panel(article):
    """For the article's admin page: its views over time and its current ranks."""
    return article_panel(article)
