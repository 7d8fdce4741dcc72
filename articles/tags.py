"""Every tag gets a slug its page can be reached by, whatever script its name is in.

django-taggit slugifies names keeping their letters (東京 -> 東京, Café -> café), but a
name with no letters or digits at all (":", "!!!", an emoji alone) slugifies to nothing,
and taggit then numbers it "_1", "_2"...: no address for readers. Such a name gets a
slug from its hash instead. Tags are shared with the photo library, so this runs for
every tag saved, whoever saves it.
"""

import hashlib
import re

from taggit.models import Tag

from .models import Article

EMPTY_SLUG = re.compile(r"(_\d+)?")


def fallback_slug(name):
    return "tag-" + hashlib.sha256(name.encode()).hexdigest()[:12]


def give_tag_a_usable_slug(sender, instance, **kwargs):
    if EMPTY_SLUG.fullmatch(instance.slug or ""):
        instance.slug = fallback_slug(instance.name)


def public_tags():
    """Tags readers may see: those of published articles. A tag only drafts carry has no
    page, feed or sitemap entry, since its name could give a story away."""
    return Tag.objects.filter(article__in=Article.objects.published()).distinct()
