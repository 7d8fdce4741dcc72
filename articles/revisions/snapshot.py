"""What a revision keeps of an article: its editorial state as plain JSON.

Related rows by id only (section, photo, authors, owner): a photo is never copied,
and its name or caption is looked up when a revision is shown. Times in UTC, ISO 8601.
"""

from ..models import Article

TEXT_FIELDS = [
    "headline",
    "subheadline",
    "dateline",
    "summary",
    "body",
    "lead_photo_caption",
    "lead_photo_credit",
]


def for_snapshots(articles):
    """`articles` with what snapshot() reads, in a fixed number of queries."""
    return articles.prefetch_related("bylines", "tags", "corrections")


def snapshot(article):
    """The article's editorial state, from an article loaded through for_snapshots()."""
    return {
        **{name: getattr(article, name) for name in TEXT_FIELDS},
        "slug": article.slug,
        "section": article.section_id,
        "tags": sorted(tag.name for tag in article.tags.all()),
        "lead_photo": article.lead_photo_id,
        "bylines": [
            {"author": byline.author_id, "credit": byline.credit}
            for byline in article.bylines.all()
        ],
        "status": article.status,
        "published_at": _time(article.published_at),
        "embargoed_until": _time(article.embargoed_until),
        "owner": article.owner_id,
        "corrections": [
            {
                "kind": correction.kind,
                "text": correction.text,
                "made_at": _time(correction.made_at),
                "serious": correction.serious,
            }
            for correction in article.corrections.all()
        ],
    }


def current_snapshot(article_id):
    return snapshot(for_snapshots(Article.objects.all()).get(pk=article_id))


def _time(value):
    return value.isoformat() if value else None
