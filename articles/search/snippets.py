"""Highlighted text for the results page: the words a query matched, in <mark>.

Made in Python from the article's own text rather than by either database (FTS5's
snippet() or ts_headline()), so both engines show the same excerpt, and its HTML is
ours alone: every piece of the article's text is escaped, and only our <mark> tags
are not, so a headline or body can never inject markup.

A word is marked when its normalised form (tokens.py) is a word of the query, or
begins with the query's last word when that may be a prefix; in Japanese and Chinese
text, the characters of a query word are marked where they occur.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..body_text import plain_text
from . import tokens

SNIPPET_CHARS = 240
CONTEXT_BEFORE = 60
# Words as written, to mark them whole: letters and digits with their accents.
_WRITTEN_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


class Highlighter:
    def __init__(self, parsed):
        self.words = set()
        self.prefixes = set()
        for term in parsed.terms:
            for token in term.tokens:
                (self.prefixes if term.prefix else self.words).add(token)
        # Japanese and Chinese words as typed (東京湾), marked wherever they occur.
        self.cjk_words = {word for word in tokens.words(parsed.text) if tokens.is_cjk(word)}

    def spans(self, text):
        """(start, end) of every match in `text`, in order, not overlapping."""
        found = []
        for match in _WRITTEN_WORD.finditer(text):
            for start, end in self._matches_in(match.group(), match.start()):
                found.append((start, end))
        return found

    def _matches_in(self, written, offset):
        normalised = tokens.normalise(written)
        if tokens.is_cjk(normalised) or any(tokens.is_cjk(c) for c in normalised):
            yield from self._cjk_matches(written, normalised, offset)
            return
        for word in tokens.words(normalised):
            if word in self.words or any(word.startswith(p) for p in self.prefixes):
                yield offset, offset + len(written)
                return

    def _cjk_matches(self, written, normalised, offset):
        if len(normalised) != len(written):  # width forms changed: mark the whole run
            if any(w in normalised for w in self.cjk_words | self.prefixes | self.words):
                yield offset, offset + len(written)
            return
        marked = [False] * len(written)
        for word in self.cjk_words | {p for p in self.prefixes if tokens.is_cjk(p)}:
            for found in re.finditer(re.escape(word), normalised):
                marked[found.start() : found.end()] = [True] * len(word)
        for word in self.words | self.prefixes:
            if not tokens.is_cjk(word) and word in tokens.words(normalised):
                marked = [True] * len(written)
        start = None
        for index, on in enumerate([*marked, False]):
            if on and start is None:
                start = index
            elif not on and start is not None:
                yield offset + start, offset + index
                start = None

    def mark(self, text, spans=None):
        """`text` escaped, its matches in <mark>."""
        spans = self.spans(text) if spans is None else spans
        pieces, position = [], 0
        for start, end in spans:
            pieces.append(escape(text[position:start]))
            pieces.append(f"<mark>{escape(text[start:end])}</mark>")
            position = end
        pieces.append(escape(text[position:]))
        return mark_safe("".join(pieces))

    def excerpt(self, text):
        """SNIPPET_CHARS of `text` around its first match (its start if none), marked."""
        spans = self.spans(text)
        begin = 0
        if spans and spans[0][0] > CONTEXT_BEFORE:
            # At a space before the context; Japanese has none: then at the context.
            context = spans[0][0] - CONTEXT_BEFORE
            space = text.rfind(" ", 0, context)
            begin = space + 1 if space >= 0 else context
        finish = min(len(text), begin + SNIPPET_CHARS)
        if finish < len(text):
            cut = text.rfind(" ", begin, finish)
            finish = cut if cut > begin else finish
        inside = [(s - begin, e - begin) for s, e in spans if s >= begin and e <= finish]
        marked = self.mark(text[begin:finish], inside)
        before = "… " if begin > 0 else ""
        after = " …" if finish < len(text) else ""
        return mark_safe(f"{before}{marked}{after}")


def highlight(articles, parsed):
    """Give each article `marked_headline`, `snippet` (from its body, else summary) and
    `marked_tags`, the tags that match: an article found by a tag alone says why."""
    highlighter = Highlighter(parsed)
    for article in articles:
        article.marked_headline = highlighter.mark(article.headline)
        body = plain_text(article.body)
        source = body if highlighter.spans(body) else article.summary
        article.snippet = highlighter.excerpt(source)
        article.marked_tags = [
            highlighter.mark(tag.name) for tag in article.tags.all() if highlighter.spans(tag.name)
        ]
    return articles
