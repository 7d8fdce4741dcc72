"""POST data for the article change form, as the browser would send it."""

from django.urls import reverse
from django.utils import timezone

from articles import stale_edits

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def article_form_data(*, section, bylines=(), version=None, **fields):
    data = {
        "headline": "Council approves the new harbour bridge",
        "subheadline": "",
        "slug": "council-approves-harbour-bridge",
        "section": section.pk,
        "dateline": "OSAKA",
        "summary": "The city council voted 31 to 9 for the bridge.",
        "body": "<p>The city council voted on Tuesday.</p>",
        "tags": "infrastructure, osaka",
        "lead_photo": "",
        "status": "draft",
        "owner": "",
        "bylines-TOTAL_FORMS": str(len(bylines)),
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
    }
    for index, author in enumerate(bylines):
        data[f"bylines-{index}-author"] = author.pk
        data[f"bylines-{index}-position"] = index
    if version is not None:
        data["loaded_version"] = version
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def change_data(article, **fields):
    """The change form of an existing article, unchanged unless `fields` say so."""
    existing = list(article.bylines.all())
    data = article_form_data(
        section=article.section,
        version=article.version,
        headline=article.headline,
        slug=article.slug,
        dateline=article.dateline,
        summary=article.summary,
        body=article.body,
        tags=", ".join(article.tags.names()),
        lead_photo=article.lead_photo_id or "",
        status=article.status,
        owner=article.owner_id or "",
    )
    data["loaded_fingerprint"] = stale_edits.fingerprint(article)
    data["bylines-TOTAL_FORMS"] = str(len(existing))
    data["bylines-INITIAL_FORMS"] = str(len(existing))
    for index, byline in enumerate(existing):
        data[f"bylines-{index}-id"] = byline.pk
        data[f"bylines-{index}-article"] = article.pk
        data[f"bylines-{index}-author"] = byline.author_id
        data[f"bylines-{index}-position"] = byline.position
    if article.published_at:
        local = timezone.localtime(article.published_at)
        data["published_at_0"] = local.strftime("%Y-%m-%d")
        data["published_at_1"] = local.strftime("%H:%M:%S")
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}
