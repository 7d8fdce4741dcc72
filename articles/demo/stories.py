"""Demo articles assembled from the invented copy in `texts`."""

import random
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from html import escape

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article

from .copy import (
    fields,
    lines,
    paragraph_html,
    parse_section,
    parse_stories,
    to_html,
)
from .texts import (
    AUTHOR_KINDS,
    AUTHORS,
    CLARIFICATION,
    CREDITED_STORIES,
    DESK_STORIES,
    DOUBTS,
    FIRST_NAMES,
    LAST_NAMES,
    PHOTOGRAPHERS,
    REFERENCE,
    REFERENCE_SLUG,
    SECTION_COPY,
    SECTIONS,
    SEED,
    SHARED_QUOTES,
    SLOTS,
    STAFF_WRITER,
    SUBHEADS,
    TAG_WORDS,
)


@dataclass(frozen=True)
class PhotoSpec:
    caption: str
    credit: str


@dataclass(frozen=True)
class CorrectionSpec:
    kind: str
    text: str
    after: timedelta  # after the publication time, and never later than now


@dataclass(frozen=True)
class ArticleSpec:
    slug: str
    headline: str
    subheadline: str
    section: str
    dateline: str
    summary: str
    body: str
    tags: list[str]
    bylines: list[tuple[str, str]]  # (author slug, credit line), in print order
    status: str
    published_at: datetime | None
    photo: PhotoSpec | None
    embargoed_until: datetime | None = None
    body_photo: PhotoSpec | None = None  # placed at the body's "[photo]" paragraph
    corrections: tuple[CorrectionSpec, ...] = ()


# A "[photo]" paragraph of the copy, where `place_body_photo` puts the body's photo.
BODY_PHOTO_SLOT = "<p>[photo]</p>"


def sections():
    """(name, slug, description) for each section, in navigation order."""
    return [tuple(fields(line)) for line in lines(SECTIONS)]


def authors():
    """(name, slug, role, bio, sections) for each author."""
    rows = [fields(line) for line in lines(AUTHORS)]
    return [(name, slugify(name), role, bio, covers.split()) for name, role, covers, bio in rows]


def author_kind(slug):
    """The kind of author a slug names: "desk", "agency" or "person"."""
    return AUTHOR_KINDS.get(slug, "person")


def article_specs(published, *, now):
    """The reference article, `published - 1` more published ones, and the desk's drafts.

    Article n is the same whatever `published` is, so a larger count only adds articles.
    """
    rng = random.Random(SEED)
    copy = {slug: parse_section(slug, text) for slug, text in SECTION_COPY.items()}
    pool = [story for parts in copy.values() for story in parts["stories"]]
    rng.shuffle(pool)
    used_slugs = {REFERENCE_SLUG}
    written = [_reference(now - timedelta(minutes=150))]
    written += [
        _credited(story, now - timedelta(minutes=200 + 90 * index))
        for index, story in enumerate(CREDITED_STORIES)
    ]
    specs = written[:published]
    used_slugs |= {spec.slug for spec in specs}
    for index in range(published - len(specs)):
        when = now - timedelta(minutes=rng.randint(30, 30 * 24 * 60))
        specs.append(_compose(rng, pool[index % len(pool)], copy, when, used_slugs))
    if published > 1:
        clarification = CorrectionSpec("clarification", CLARIFICATION, timedelta(minutes=40))
        specs[1] = replace(specs[1], corrections=(clarification,))
    # The desk has its own generator, so its drafts do not change with the count.
    desk_rng = random.Random(SEED)
    tomorrow = (now + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    for story in parse_stories(DESK_STORIES):
        when = tomorrow if story.status in ("scheduled", "embargoed") else now
        specs.append(_compose(desk_rng, story, copy, when, used_slugs))
    return specs


def _compose(rng, story, copy, when, used_slugs):
    parts = copy[story.section]
    fill = _fill(rng, when)
    headline = story.headline.format_map(fill)
    lead = story.lead.format_map(fill)
    speaker, critic = _people(rng, 2)
    roles = rng.sample(parts["roles"], 2)
    status, published_at = _status(story.status, when)
    return ArticleSpec(
        slug=_unique_slug(headline, used_slugs),
        headline=headline,
        subheadline=story.subheadline.format_map(fill),
        section=story.section,
        dateline=story.dateline,
        summary=_clip(lead, 300),
        body=_body(rng, parts, lead, (speaker, roles[0]), (critic, roles[1])),
        tags=_tags(rng, f"{headline} {lead}", parts["tags"]),
        bylines=[(slug, "") for slug in _bylines(rng, story.section)],
        status=status,
        published_at=published_at,
        photo=_photo(rng, parts, story.dateline, speaker, roles[0], fill["weekday"]),
        embargoed_until=when if story.status == "embargoed" else None,
    )


def _status(desk_status, when):
    """A desk status word as (Article status, publication time).

    A scheduled article is a published one whose time is still ahead; an embargoed one
    is scheduled for its embargo's end.
    """
    if desk_status in ("published", "scheduled", "embargoed"):
        return Article.Status.PUBLISHED, when
    return Article.Status(desk_status), None


def _reference(when):
    weekday = _weekday(when)
    return ArticleSpec(
        slug=REFERENCE_SLUG,
        headline=REFERENCE["headline"],
        subheadline=REFERENCE["subheadline"],
        section="politics",
        dateline=REFERENCE["dateline"],
        summary=REFERENCE["summary"],
        body=to_html(REFERENCE["body"].format(weekday=weekday)),
        tags=REFERENCE["tags"],
        bylines=[(slug, "") for slug in REFERENCE["bylines"]],
        status=Article.Status.PUBLISHED,
        published_at=when,
        photo=PhotoSpec(REFERENCE["caption"].format(weekday=weekday), REFERENCE["credit"]),
        body_photo=PhotoSpec(REFERENCE["body_photo_caption"], REFERENCE["credit"]),
        corrections=(CorrectionSpec("correction", REFERENCE["correction"], timedelta(minutes=95)),),
    )


def place_body_photo(spec, photo):
    """The spec's body with `photo` in its slot, in the form the body stores photos, with
    this article's own caption (the reference's, the one article with a body photo)."""
    caption = REFERENCE["body_photo_article_caption"].format(weekday=_weekday(spec.published_at))
    figure = f'<figure data-photo="{photo.pk}"><figcaption>{escape(caption)}</figcaption></figure>'
    return spec.body.replace(BODY_PHOTO_SLOT, figure)


def _credited(story, when):
    weekday = _weekday(when)
    return ArticleSpec(
        slug=story["slug"],
        headline=story["headline"],
        subheadline=story["subheadline"],
        section=story["section"],
        dateline=story["dateline"],
        summary=story["summary"],
        body=to_html(story["body"].format(weekday=weekday)),
        tags=story["tags"],
        bylines=[
            (slug, credit.format(newsroom=settings.NEWSROOM_NAME))
            for slug, credit in story["bylines"]
        ],
        status=Article.Status.PUBLISHED,
        published_at=when,
        photo=PhotoSpec(story["caption"].format(weekday=weekday), story["credit"]),
    )


def _fill(rng, when):
    """Values for the {slots} of one story."""
    fill = {slot: rng.choice(values) for slot, values in SLOTS.items()}
    fill["artist"] = _people(rng, 1)[0]
    fill["weekday"] = _weekday(when)
    return fill


def _body(rng, parts, lead, speaker, critic):
    """4 to 8 paragraphs: lead, background, quotes, and a closing line."""
    quotes = rng.sample(parts["quotes"] + lines(SHARED_QUOTES), 2)
    context = rng.sample(parts["context"], rng.randint(1, len(parts["context"])))
    html = [
        paragraph_html(lead),
        paragraph_html(context[0]),
        paragraph_html(_said(rng, quotes[0], *speaker)),
    ]
    if rng.random() < 0.4:
        html.append(f"<blockquote><p>“{escape(quotes[1], quote=False)}.”</p></blockquote>")
    if len(context) > 1 and rng.random() < 0.5:
        html.append(f"<h2>{rng.choice(SUBHEADS)}</h2>")
    html += [paragraph_html(paragraph) for paragraph in context[1:]]
    if rng.random() < 0.75:
        html.append(paragraph_html(_doubted(rng, rng.choice(lines(DOUBTS)), *critic)))
    html.append(paragraph_html(rng.choice(parts["closers"])))
    return "".join(html)


def _said(rng, quote, name, role):
    return rng.choice(
        [
            f"“{quote},” said {name}, {role}.",
            f"“{quote},” {name}, {role}, told reporters.",
            f"{name}, {role}, put it plainly: “{quote}.”",
        ]
    )


def _doubted(rng, quote, name, role):
    surname = name.split()[-1]
    return rng.choice(
        [
            f"Not everyone was convinced. “{quote},” said {name}, {role}.",
            f"{name}, {role}, was more cautious. “{quote},” {surname} said.",
        ]
    )


def _tags(rng, text, section_tags):
    """2 to 4 tags: those the text calls for first, then the section's own."""
    found = [tag for pattern, tag in TAG_WORDS.items() if re.search(rf"\b({pattern})", text, re.I)]
    candidates = list(dict.fromkeys(found + rng.sample(section_tags, len(section_tags))))
    return candidates[: rng.randint(2, 4)]


def _bylines(rng, section):
    """A column has one writer; news comes from the desk or from one to three reporters."""
    writers = [slug for _, slug, _, _, covers in authors() if section in covers]
    if section == "opinion":
        return [rng.choice(writers)]
    if rng.random() < 0.12:
        return [STAFF_WRITER]
    count = rng.choices([1, 2, 3], weights=[65, 28, 7])[0]
    return rng.sample(writers, min(count, len(writers)))


def _photo(rng, parts, dateline, name, role, weekday):
    """A caption naming the person quoted first; a few articles go without a photo."""
    if rng.random() < 0.05:
        return None
    where = f" in {dateline.title()}" if dateline else ""
    caption = rng.choice(parts["captions"]).format(
        name=name, role=role, where=where, weekday=weekday
    )
    return PhotoSpec(caption, f"{rng.choice(PHOTOGRAPHERS)} / Newsroom Photo")


def _people(rng, count):
    """Invented full names with different surnames."""
    surnames = rng.sample(LAST_NAMES.split(), count)
    return [f"{rng.choice(FIRST_NAMES.split())} {surname}" for surname in surnames]


def _weekday(when):
    return timezone.localtime(when).strftime("%A")


def _unique_slug(headline, used_slugs):
    """The headline's main clause as a slug, numbered if an earlier article took it."""
    base = slugify(headline.split(";")[0])
    if len(base) > 80:
        base = base[:80].rsplit("-", 1)[0]
    slug, number = base, 1
    while slug in used_slugs:
        number += 1
        slug = f"{base}-{number}"
    used_slugs.add(slug)
    return slug


def _clip(text, limit):
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
