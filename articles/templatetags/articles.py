from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from ..formatting import newsroom_time

register = template.Library()


register.filter("newsroom_time", newsroom_time)


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


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's one address: the path, plus the page number past the first page."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        url += f"?page={page.number}"
    return url
