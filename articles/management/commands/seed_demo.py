"""Fill the database with demo content: sections, authors, articles and drawn photos."""

import time
import zlib

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.corrections import add_correction
from articles.demo import stories
from articles.demo.drawing import draw_photo
from articles.models import Article, Author, Byline, Section
from media.services import add_photo


class Command(BaseCommand):
    help = (
        "Add demo sections, authors and articles with photos. Running it again adds only "
        "what is missing, so it never duplicates anything."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=64,
            metavar="N",
            help="Published articles to have, the reference article included (default 64). "
            "Two drafts, one in review, one scheduled and one embargoed come on top.",
        )

    def handle(self, *args, articles, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1: the reference article is one.")
        started = time.monotonic()
        with transaction.atomic():
            sections, new_sections = _ensure_sections()
            authors, new_authors = _ensure_authors()
            now = timezone.now()
            specs = stories.article_specs(articles, now=now)
            existing = set(
                Article.objects.filter(slug__in=[spec.slug for spec in specs]).values_list(
                    "slug", flat=True
                )
            )
            new = [spec for spec in specs if spec.slug not in existing]
            for spec in new:
                _create_article(spec, sections, authors, now=now)
        photos = sum((spec.photo is not None) + (spec.body_photo is not None) for spec in new)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: created {new_sections} sections, {new_authors} authors, "
                f"{len(new)} articles and {photos} photos in {time.monotonic() - started:.1f} s."
            )
        )


def _ensure_sections():
    """Sections by slug, and how many were new."""
    sections, created = {}, 0
    for position, (name, slug, description) in enumerate(stories.sections(), start=1):
        sections[slug], new = Section.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "position": position * 10},
        )
        created += new
    return sections, created


def _ensure_authors():
    """Authors by slug, and how many were new. None has a login: these are the paper's writers."""
    authors, created = {}, 0
    for name, slug, role, bio, _sections in stories.authors():
        authors[slug], new = Author.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": stories.author_kind(slug),
                "role": role,
                "bio": bio,
            },
        )
        created += new
    return authors, created


def _create_article(spec, sections, authors, *, now):
    body = spec.body
    if spec.body_photo:
        body = stories.place_body_photo(spec, _create_photo(spec, spec.body_photo, "-body"))
    article = Article.objects.create(
        headline=spec.headline,
        subheadline=spec.subheadline,
        slug=spec.slug,
        section=sections[spec.section],
        dateline=spec.dateline,
        summary=spec.summary,
        body=body,
        status=spec.status,
        published_at=spec.published_at,
        embargoed_until=spec.embargoed_until,
        lead_photo=_create_photo(spec, spec.photo) if spec.photo else None,
    )
    article.tags.add(*spec.tags)
    Byline.objects.bulk_create(
        Byline(article=article, author=authors[slug], position=position, credit=credit)
        for position, (slug, credit) in enumerate(spec.bylines)
    )
    for correction in spec.corrections:
        made_at = min(spec.published_at + correction.after, now)
        add_correction(
            article, kind=correction.kind, text=correction.text, by=None, made_at=made_at
        )


def _create_photo(spec, photo, name_suffix=""):
    # crc32, unlike hash(), is the same in every process, so each article keeps its picture.
    name = spec.slug + name_suffix
    jpeg, alt_text = draw_photo(spec.section, seed=zlib.crc32(name.encode()))
    return add_photo(
        ContentFile(jpeg, name=f"{name}.jpg"),
        caption=photo.caption,
        credit=photo.credit,
        alt_text=alt_text,
    )
