"""An article's address: ASCII letters, digits and hyphens, made for the editor when left empty.

Why ASCII: the address is read out, typed, pasted into mails and shared by readers the
world over; a Japanese slug travels percent-encoded (/%E6%9D%B1...), three times longer
and unreadable, and every part of the site that carries addresses (the page cache, the
reading counter's beacon, sitemaps, feeds, canonical links, the web server's rules) would
have to handle it. Japanese newspapers' own sites use ASCII ids in addresses too.

So a headline in Japanese, with no Latin letters for the admin's slug box to take, leaves
the slug empty, and saving derives one: from the headline when it gives any (an English
headline), otherwise from the section and the publication time (or now) in the newsroom's
zone: politics-20261201-2310. A taken slug is numbered: politics-20261201-2310-2. Only an
empty slug is derived: a saved address never changes by itself.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

HELP_TEXT = (
    "The last part of the article's address: lower-case letters a–z, digits and hyphens. "
    "Leave it empty to have it made on saving: from the headline, or, for a headline "
    "without Latin letters, from the section and time (politics-20261201-2310). "
    "Never change it once published."
)
INVALID_MESSAGE = (
    "Use lower-case letters a–z, digits and hyphens: this is the article's web address, "
    "e.g. tokyo-bay-bridge."
)

# Room left under the field's max_length for a number ("-2") after a derived slug.
NUMBER_ROOM = 8
# The fallback's time: minutes, in the newsroom's zone (20261201-2310).
FALLBACK_TIME = "%Y%m%d-%H%M"
# Concurrent saves deriving the same slug: each one lost to another tries the next number.
ATTEMPTS = 5


def derived_base(article):
    """The slug an article with an empty one would get, before numbering."""
    limit = type(article)._meta.get_field("slug").max_length - NUMBER_ROOM
    base = slugify(article.headline)[:limit].strip("-")
    if base:
        return base
    moment = timezone.localtime(article.published_at or article.created_at or timezone.now())
    time = moment.strftime(FALLBACK_TIME)
    return f"{article.section.slug[: limit - len(time) - 1]}-{time}"


def first_free_slug(article):
    base = derived_base(article)
    taken = set(
        type(article)
        ._default_manager.filter(slug__startswith=base)
        .exclude(pk=article.pk)
        .values_list("slug", flat=True)
    )
    number = 1
    slug = base
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def save_with_derived_slug(article, save):
    """Give the article, which has no slug, a free one and run `save()`.

    Two saves may derive the same slug at the same moment; the unique index refuses the
    second, which then takes the next free number instead of failing.
    """
    for attempt in range(1, ATTEMPTS + 1):
        article.slug = first_free_slug(article)
        try:
            with transaction.atomic():
                return save()
        except IntegrityError:
            lost_to_another = (
                type(article)
                ._default_manager.filter(slug=article.slug)
                .exclude(pk=article.pk)
                .exists()
            )
            article.slug = ""
            if not lost_to_another or attempt == ATTEMPTS:
                raise
