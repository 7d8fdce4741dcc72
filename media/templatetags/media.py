"""{% load media %}: photos as responsive <picture> elements, from their renditions."""

from django import template
from django.utils.html import format_html

from .. import renditions

register = template.Library()


@register.simple_tag
def picture(photo, shape="original", sizes="100vw", loading="lazy", css_class=""):
    """A <picture> with WebP and JPEG srcsets, width and height set so nothing jumps.

    `loading` is "lazy" below the fold and "eager" for what is seen first.
    """
    spec = renditions.SHAPES[shape]
    widths = renditions.widths(photo, spec)

    def srcset(extension):
        return ", ".join(
            f"{renditions.url(photo, shape, width, extension)} {width}w" for width in widths
        )

    default_width = widths[min(1, len(widths) - 1)]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'loading="{}" decoding="async"{}></picture>',
        srcset("webp"),
        sizes,
        renditions.url(photo, shape, default_width, "jpg"),
        srcset("jpg"),
        sizes,
        default_width,
        renditions.height_for(photo, spec, default_width),
        photo.alt_text,
        loading,
        format_html(' class="{}"', css_class) if css_class else "",
    )
