"""A readable comparison of two revisions: words marked in text, before and after for the rest."""

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from media.models import Photo
from media.renditions import thumbnail_url

from ..body_text import body_text
from ..formatting import newsroom_time
from ..forms import ArticleAdminForm
from ..models import Article, Author, Correction, Section
from ..people import person_name
from ..photo_figures import photo_ids
from .snapshot import TEXT_FIELDS

# Chinese and Japanese are written without spaces: each character counts as a word.
_TOKENS = re.compile(
    r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u3000-\u30ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+"
)
_LABELS = {"bylines": "Bylines", "corrections": "Corrections", "tags": "Tags"}
# What an editor edits, in the form's order, with the parts edited beside it.
ORDER = [*ArticleAdminForm.Meta.fields, "bylines", "corrections"]


@dataclass
class Change:
    """One field that differs: `diff` for text, else `before`/`after` lines (or photos)."""

    name: str
    label: str
    diff: str = ""
    before: list = field(default_factory=list)
    after: list = field(default_factory=list)


def body_photo_names(*bodies):
    """{id as text: the photo's caption, short} for the photos in `bodies`, in one query."""
    ids = {photo for body in bodies for photo in photo_ids(body or "")}
    if not ids:
        return {}
    return {
        str(photo.pk): Truncator(photo.caption or photo.alt_text).chars(80)
        for photo in Photo.objects.filter(pk__in=ids)
    }


def word_diff(before, after):
    """HTML of `after` with the words taken out in <del> and those put in in <ins>."""
    old, new = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    pieces, removed, added = [], [], []
    opcodes = matcher.get_opcodes()
    for index, (operation, old_start, old_end, new_start, new_end) in enumerate(opcodes):
        same = "".join(new[new_start:new_end])
        # A lone space between two changes joins them: "voted 31 to 9" replaced as one.
        inside = 0 < index < len(opcodes) - 1
        if operation == "equal" and not (inside and same.isspace() and (removed or added)):
            pieces.append(_changed(removed, added) + escape(same))
            removed, added = [], []
            continue
        removed.extend(old[old_start:old_end])
        added.extend(new[new_start:new_end])
    pieces.append(_changed(removed, added))
    return mark_safe("".join(pieces))  # every piece is escaped


def _changed(removed, added):
    removed, added = "".join(removed), "".join(added)
    return (format_html("<del>{}</del>", removed) if removed else "") + (
        format_html("<ins>{}</ins>", added) if added else ""
    )


def compare(before, after, names=ORDER):
    """The Changes from snapshot `before` to snapshot `after`, among `names`."""
    changed = [name for name in names if before.get(name) != after.get(name)]
    lookups = _Lookups([before, after], changed)
    changes = []
    for name in changed:
        label = _LABELS.get(name) or str(Article._meta.get_field(name).verbose_name).capitalize()
        change = Change(name=name, label=label)
        if name in TEXT_FIELDS:
            old, new = before.get(name) or "", after.get(name) or ""
            if name == "body":
                photo_names = body_photo_names(old, new)
                old, new = body_text(old, photo_names), body_text(new, photo_names)
            change.diff = word_diff(str(old), str(new))
        else:
            change.before = lookups.lines(name, before.get(name))
            change.after = lookups.lines(name, after.get(name))
        changes.append(change)
    return changes


class _Lookups:
    """Names for the ids two snapshots hold, a query per kind of row that changed."""

    def __init__(self, snapshots, names):
        def ids(name, key=None):
            found = set()
            for data in snapshots:
                value = data.get(name)
                for item in value if isinstance(value, list) else [value]:
                    found.add(item[key] if key else item)
            return found - {None}

        self.sections = self._load(Section, "section" in names, ids("section"))
        self.photos = self._load(Photo, "lead_photo" in names, ids("lead_photo"))
        self.authors = self._load(Author, "bylines" in names, ids("bylines", "author"))
        self.users = self._load(get_user_model(), "owner" in names, ids("owner"))

    @staticmethod
    def _load(model, needed, ids):
        return model.objects.in_bulk(ids) if needed and ids else {}

    def lines(self, name, value):
        if value in (None, "", []):
            return []
        if name == "section":
            return [_named(self.sections, value, "section")]
        if name == "lead_photo":
            photo = self.photos.get(value)
            if photo is None:
                return [f"Photo #{value}, no longer in the library"]
            return [{"thumbnail": thumbnail_url(photo), "caption": photo.caption}]
        if name == "bylines":
            return [self._byline(byline) for byline in value]
        if name == "owner":
            user = self.users.get(value)
            return [person_name(user) if user else f"User #{value}"]
        if name == "tags":
            return [", ".join(value)]
        if name == "status":
            return [Article.Status(value).label]
        if name == "corrections":
            return [_correction(correction) for correction in value]
        if name in ("published_at", "embargoed_until"):
            return [newsroom_time(datetime.fromisoformat(value))]
        return [str(value)]

    def _byline(self, byline):
        name = _named(self.authors, byline["author"], "author")
        return f"{name} ({byline['credit']})" if byline["credit"] else name


def _named(rows, pk, kind):
    row = rows.get(pk)
    return str(row) if row else f"{kind.capitalize()} #{pk}, since deleted"


def _correction(correction):
    kind = Correction.Kind(correction["kind"]).label
    made = newsroom_time(datetime.fromisoformat(correction["made_at"]))
    serious = ", at the top" if correction["serious"] else ""
    return f"{kind}, {made}{serious}: {correction['text']}"
