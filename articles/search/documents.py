"""What an article is found by: its document, read from the database in a few queries.

The document has three parts, weighted as the issue asks: the headline; the "meta"
part (subheadline, summary, byline authors' names, tag names, section name); the body
as the reader reads it, without tags. Every function takes the app registry to use,
so the data migration that indexes existing articles runs the same code with its
historical models.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps as django_apps

from ..body_text import plain_text
from . import tokens


@dataclass(frozen=True)
class Document:
    article_id: int
    headline: list
    meta: list
    body: list


def load(article_ids, apps=django_apps, using="default"):
    """The Documents of the articles among `article_ids` that exist, in four queries."""
    Article = apps.get_model("articles", "Article")
    Byline = apps.get_model("articles", "Byline")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ContentType = apps.get_model("contenttypes", "ContentType")
    rows = list(
        Article.objects.using(using)
        .filter(pk__in=article_ids)
        .values_list("pk", "headline", "subheadline", "summary", "body", "section__name")
    )
    names = defaultdict(list)
    for article_id, name in (
        Byline.objects.using(using)
        .filter(article_id__in=article_ids)
        .order_by("position", "pk")
        .values_list("article_id", "author__name")
    ):
        names[article_id].append(name)
    tag_names = defaultdict(list)
    for article_id, name in (
        TaggedItem.objects.using(using)
        .filter(
            content_type__in=ContentType.objects.using(using).filter(
                app_label="articles", model="article"
            ),
            object_id__in=article_ids,
        )
        .values_list("object_id", "tag__name")
    ):
        tag_names[article_id].append(name)
    return [
        Document(
            article_id=pk,
            headline=tokens.document_tokens(headline),
            meta=tokens.document_tokens(
                " \n ".join([subheadline, summary, *names[pk], *tag_names[pk], section])
            ),
            body=tokens.document_tokens(plain_text(body)),
        )
        for pk, headline, subheadline, summary, body, section in rows
    ]
