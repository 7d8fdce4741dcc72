from urllib.parse import urlencode

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from .. import body_photos, bylines
from ..formatting import newsroom_time

register = template.Library()


register.filter("newsroom_time", newsroom_time)
register.simple_tag(bylines.byline_lines)
register.filter("byline_text", bylines.byline_text)


@register.filter
def with_dateline(body, dateline):
    """Open the body's first paragraph with the dateline: "BRUSSELS — ..."."""
    body = mark_safe(body)  # sanitised when saved
    if not dateline:
        return body
    opener = format_html('<span class="dateline">{} —</span> ', dateline.upper())
    if body.startswith("<p>"):
        return mark_safe("<p>" + opener + body[len("<p>") :])
    return mark_safe(format_html("<p>{}</p>", opener) + conditional_escape(body))


@register.filter
def with_body_photos(body):
    """The library photos placed in the body, as readers see them (one query for all)."""
    return body_photos.with_photos(body)


@register.simple_tag(takes_context=True)
def canonical_url(context, **query):
    """This page's one address: the path, with the `query` that picks what it shows
    (empty values left out) and the page number past the first page.

    Like every simple tag's output, it is escaped where it is written: `&amp;`.
    """
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    query = {name: value for name, value in query.items() if value not in (None, "")}
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        query["page"] = page.number
    return f"{url}?{urlencode(query)}" if query else url


@register.simple_tag(takes_context=True)
def page_number(context):
    """After a list's name in titles and headings: ", page 2"; nothing on its first page."""
    page = context.get("page_obj")
    if page is None or page.number == 1:
        return ""
    return f", page {page.number}"
