"""{% load structured_data %}: JSON-LD, Open Graph and Twitter tags in a page's <head>.

The data comes from articles/structured_data.py; these tags only write it.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from .. import structured_data

register = template.Library()

# As django.utils.html.json_script escapes: no "</script>", "<!--" or entity in the
# data can end the script element or be read as markup.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(*objects):
    """One <script type="application/ld+json"> per object.

    A data block, not a script: the browser runs nothing, so the site's CSP (no inline
    script) neither blocks nor reports it and it needs no nonce; the browser test
    checks this. Text outside ASCII is written as it is (東京, not \\u6771\\u4eac): the
    page is UTF-8 and the data stays readable.
    """
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((script_safe_json(data),) for data in objects),
    )


def script_safe_json(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_ESCAPES))


def _absolute(context):
    return context["request"].build_absolute_uri


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, trail):
    absolute = _absolute(context)
    return json_ld(
        structured_data.news_article(article, absolute),
        structured_data.breadcrumb_list(trail, absolute),
    )


@register.simple_tag(takes_context=True)
def breadcrumbs_json_ld(context, trail):
    return json_ld(structured_data.breadcrumb_list(trail, _absolute(context)))


@register.simple_tag(takes_context=True)
def website_json_ld(context):
    return json_ld(structured_data.website(_absolute(context)))


@register.simple_tag(takes_context=True)
def article_meta(context, article):
    """The article's Open Graph and Twitter card <meta> tags."""
    return format_html_join(
        "\n  ",
        '<meta {}="{}" content="{}">',
        structured_data.article_meta(article, _absolute(context)),
    )


@register.simple_tag
def og_locale():
    return structured_data.og_locale()
