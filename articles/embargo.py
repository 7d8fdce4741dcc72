"""Embargoes: an agreed time before which readers see nothing of an article.

Readers' side is not here: `Article.objects.published()` hides an embargoed article
on every public path, and the constraint `article_published_after_embargo` keeps any
publication time at or after the embargo, so whatever follows the publication time
(the page cache's schedule, the Redis live set of the ranking counter) follows the
embargo too. This module is the desk's side: who sets an embargo, who may see an
embargoed story before its time, and how the admin words it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from taggit.models import TaggedItem

from .formatting import newsroom_time
from .models import Article, Byline
from .permissions import can_publish

HELP_TEXT = (
    "Readers see nothing of the article before this time, whatever its status. "
    "Only editors set or lift it. "
    "The publication time cannot be before it; left empty, publishing sets it to "
    "the embargo's end."
)


def can_set_embargo(user):
    """Editors: an embargo decides when readers see a story, as publishing does."""
    return can_publish(user)


def embargoed(queryset):
    """The articles whose embargo has not ended yet."""
    return queryset.filter(embargoed_until__gt=timezone.now())


def visible_to(queryset, user):
    """What `user` may see of `queryset` in the desk's tools (admin, previews).

    Editors see everything. Anyone else sees an article under embargo only when they
    are on it, as its owner or on its byline: the story is kept from the rest of the
    building, as the agreement behind an embargo usually asks.
    """
    if can_set_embargo(user):
        return queryset
    on_byline = Exists(Byline.objects.filter(article=OuterRef("pk"), author__user=user.pk))
    return queryset.filter(
        Q(embargoed_until__isnull=True)
        | Q(embargoed_until__lte=timezone.now())
        | Q(owner=user.pk)
        | on_byline
    )


def tags_visible_to(tags, user):
    """The `tags` this user may be offered: not one that only articles kept from them
    under embargo carry, whose name could give the story away."""
    if can_set_embargo(user):
        return tags
    kept_from_user = Article.objects.exclude(pk__in=visible_to(Article.objects.all(), user))
    used_elsewhere = TaggedItem.objects.filter(tag=OuterRef("pk")).exclude(
        content_type=ContentType.objects.get_for_model(Article),
        object_id__in=kept_from_user.values("pk"),
    )
    return tags.filter(Exists(used_elsewhere))


def status_label(article):
    """The admin list's status for an article still under embargo."""
    until = newsroom_time(article.embargoed_until)
    if article.status == Article.Status.PUBLISHED:
        return f"Embargoed until {until}"
    return f"{article.get_status_display()}, embargoed until {until}"


def schedule_note(article):
    """When an embargoed article goes out, or how it will, for the change form's banner."""
    if article.status != Article.Status.PUBLISHED:
        return "Publishing it without a publication time schedules it for the embargo's end."
    if article.published_at == article.embargoed_until:
        return "Scheduled for the embargo's end."
    return f"Scheduled for {newsroom_time(article.published_at)}."


def refuse_publication_before_embargo(form):
    """A field error, not the database's refusal, for a publication time before the embargo.

    Each value is the one the form was sent when it has the field, the saved one when
    the field is read-only here.
    """
    embargo = _value(form, "embargoed_until")
    published_at = _value(form, "published_at")
    if not (embargo and published_at and published_at < embargo):
        return
    if "published_at" in form.fields:
        form.add_error(
            "published_at",
            f"The publication time cannot be before the embargo ends, "
            f"{newsroom_time(embargo)}. Leave it empty to publish at the embargo's end.",
        )
    else:
        form.add_error(
            "embargoed_until",
            f"Readers have seen this article since {newsroom_time(published_at)}: "
            "an embargo cannot end after its publication time.",
        )


def _value(form, name):
    if name in form.fields:
        return form.cleaned_data.get(name)
    return getattr(form.instance, name)
