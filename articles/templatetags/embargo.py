from django import template

from .. import embargo
from ..formatting import newsroom_time

register = template.Library()


@register.inclusion_tag("admin/articles/article/embargo_banner.html")
def embargo_banner(article):
    """On the change form of an article still under embargo: until when, and what then."""
    if article is None or not article.is_embargoed:
        return {}
    return {
        "until": newsroom_time(article.embargoed_until),
        "note": embargo.schedule_note(article),
    }
