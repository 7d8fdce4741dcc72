import html
from collections import Counter
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.html import strip_tags
from django_prose_editor.fields import ProseEditorField, ProseEditorFormField, create_sanitizer

from .photo_figures import keep_photo_figures, names_a_photo

# What the body editor offers; the sanitiser allows exactly the HTML these produce.
BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "ListItem": True,
    "OrderedList": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
    # The "Photo" button (static/articles/body-photo.js): where it searches the library,
    # and where its figures read the photo they show.
    "BodyPhoto": {
        "searchUrl": reverse_lazy("admin:autocomplete"),
        "lookupUrl": reverse_lazy("admin:articles_article_body_photos"),
    },
}

NOTHING_LEFT = "Nothing readable is left of the body once it is cleaned."

# Why the sanitiser took something out, in words for the editor who pasted it.
STYLE_REASON = "the site's styles set the look"
PHOTO_REASON = "photos come from the library, with the editor's Photo button"
FIGURE_CONTENT_REASON = "a photo in the body holds only its caption and credit"
TAG_REASONS = {
    "script": "scripts never run on the site",
    "style": STYLE_REASON,
    "img": PHOTO_REASON,
    "figure": PHOTO_REASON,
    **dict.fromkeys(
        ["iframe", "frame", "object", "embed", "applet"],
        "embedded pages and plugins never run on the site",
    ),
    **dict.fromkeys(
        ["form", "input", "button", "select", "textarea"], "forms never run on the site"
    ),
}
CANNOT_MAKE_TAG = "the body editor cannot make it (its text is kept)"
EVENT_HANDLER_REASON = "event handlers never run on the site"
LINK_REASON = "links go to http, https or mailto addresses only"
CANNOT_MAKE_ATTRIBUTE = "the body editor cannot make it"


class _Inventory(HTMLParser):
    """How often each element and attribute occurs in a fragment, in order of appearance.

    What a figure holds besides its caption is counted apart (`inside_figure`): the
    sanitiser drops it with its text. A figure that names no library photo goes whole,
    so its attributes and what it holds are not counted, only the figure.
    """

    def __init__(self, fragment):
        super().__init__(convert_charrefs=True)
        self.counts = Counter()
        self.figure_depth = 0
        self.figure_names_a_photo = False
        self.caption_read = False
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        if self.figure_depth == 0 and tag == "figure":
            self.figure_depth = 1
            self.figure_names_a_photo = names_a_photo(dict(attrs).get("data-photo"))
            self.caption_read = False
            self._count(tag, attrs if self.figure_names_a_photo else [])
        elif self.figure_depth == 0:
            self._count(tag, attrs)
        elif not self.figure_names_a_photo:
            self.figure_depth += tag == "figure"
        elif tag == "figcaption" and self.figure_depth == 1 and not self.caption_read:
            self.caption_read = True
            self._count(tag, attrs)
        else:
            self.figure_depth += tag == "figure"
            self.counts[(tag, None, None, True)] += 1

    def handle_endtag(self, tag):
        if tag == "figure" and self.figure_depth:
            self.figure_depth -= 1

    def _count(self, tag, attrs):
        self.counts[(tag, None, None, False)] += 1
        for name, value in attrs:
            scheme = _link_scheme(value) if name == "href" else None
            self.counts[(tag, name, scheme, False)] += 1


def _link_scheme(address):
    scheme, colon, _ = (address or "").partition(":")
    return scheme.strip().lower() + ":" if colon and "/" not in scheme else None


def _describe(tag, attribute, scheme, inside_figure):
    if inside_figure:
        return f"Removed <{tag}> from a figure: {TAG_REASONS.get(tag, FIGURE_CONTENT_REASON)}"
    if attribute is None:
        return f"Removed <{tag}>: {TAG_REASONS.get(tag, CANNOT_MAKE_TAG)}"
    if attribute.startswith("on"):
        return f"Removed the {attribute} attribute: {EVENT_HANDLER_REASON}"
    if attribute == "style":
        return f"Removed the style attribute: {STYLE_REASON}"
    if attribute == "href":
        address = f"a {scheme} link address" if scheme else "a link address"
        return f"Removed {address}: {LINK_REASON}"
    return f"Removed the {attribute} attribute: {CANNOT_MAKE_ATTRIBUTE}"


def describe_removals(original, cleaned):
    """What sanitising `original` into `cleaned` took out, and why, once each."""
    before, after = _Inventory(original).counts, _Inventory(cleaned).counts
    kept_tags = {tag for tag, attribute, _, _ in after if attribute is None}
    descriptions = [
        _describe(tag, attribute, scheme, inside_figure)
        for (tag, attribute, scheme, inside_figure), count in before.items()
        if count > after[(tag, attribute, scheme, inside_figure)]
        # An attribute of a removed element goes with it: the element is named instead.
        and (attribute is None or tag in kept_tags)
    ]
    return list(dict.fromkeys(descriptions))


def has_text(fragment):
    return bool(html.unescape(strip_tags(fragment)).strip())


def refuse_without_text(original, cleaned):
    if not has_text(cleaned):
        raise ValidationError([NOTHING_LEFT, *describe_removals(original, cleaned)])


class SanitizedHTMLFormField(ProseEditorFormField):
    """The body box: refuses a body that cleaning would leave without any text."""

    def clean(self, value):
        cleaned = super().clean(value)
        refuse_without_text(value, cleaned)
        return cleaned


class SanitizedHTMLField(ProseEditorField):
    """Rich text edited with ProseMirror and cleaned with nh3 on every save.

    The editor's own form cleaning only runs for forms; cleaning in pre_save also
    covers the shell, fixtures and management commands, so no script, event
    handler or javascript: link is ever stored.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS)
        # nh3 first, then the photo figures' own form (applied last to first).
        kwargs.setdefault("sanitize", [keep_photo_figures, create_sanitizer])
        super().__init__(*args, **kwargs)

    def clean(self, value, model_instance):
        cleaned = super().clean(value, model_instance)
        if not self.blank:
            refuse_without_text(value, cleaned)
        return cleaned

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": SanitizedHTMLFormField, "sanitize": self.sanitize, **kwargs}
        )

    def pre_save(self, model_instance, add):
        value = self.sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
