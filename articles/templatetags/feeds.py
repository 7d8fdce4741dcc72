"""{% load feeds %}: the `<link rel="alternate">` elements that advertise a page's feeds."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html, format_html_join

register = template.Library()

# (format, MIME type): each feed's RSS address is its URL name, Atom's that name + "_atom".
FORMATS = [("RSS", "application/rss+xml", ""), ("Atom", "application/atom+xml", "_atom")]


@register.simple_tag
def feed_links(url_name, *args, about=""):
    """Both formats of one feed, titled as the feed is: "Politics · The Daily Newsroom
    (RSS)", or the paper's name alone for the site's feeds (no `about`)."""
    title = f"{about} · {settings.NEWSROOM_NAME}" if about else settings.NEWSROOM_NAME
    return format_html_join(
        "\n  ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        (
            (mime_type, f"{title} ({name})", reverse(url_name + suffix, args=args))
            for name, mime_type, suffix in FORMATS
        ),
    )


@register.simple_tag
def feed_link(url_name, *args):
    """The visible link to a list page's RSS feed."""
    return format_html('<a class="feed-link" href="{}">RSS feed</a>', reverse(url_name, args=args))
