"""Any string a reader types, made into a query both engines run safely.

Decisions (the issue asks for "words and quoted phrases at most"):

- Control characters (NUL included) separate words like spaces; the rest is cut to MAX_QUERY_CHARS
  characters and MAX_TERMS terms, and the reader is told when it was shortened.
- "Double quotes" (or “curly” ones, or 「かぎ括弧」) make a phrase; an unmatched quote
  is ignored. Everything else is words, all of which must match (AND).
- Operators mean nothing: AND, OR, NOT, NEAR are words like any other, and -, +, *,
  :, ^, parentheses and brackets separate words, as punctuation does in a document.
- A bare word that is several tokens ("e-mail", "東京湾") must match as a phrase.
- The last bare word, when it has at least PREFIX_MIN_CHARS characters (or is one
  kanji or kana), also finds the words it begins: "parliam" finds "parliament".
- A query with nothing to look for (only punctuation or emoji) is empty, with a
  message saying so.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from . import tokens

MAX_QUERY_CHARS = 200
MAX_TERMS = 16
PREFIX_MIN_CHARS = 3

_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」')
_QUOTE_CHARS = re.compile(r'["“”「」]')


@dataclass(frozen=True)
class Term:
    """Tokens that must appear in this order, side by side; the last may be a prefix."""

    tokens: tuple
    prefix: bool = False


@dataclass
class ParsedQuery:
    text: str  # what was searched for, cleaned, as the page shows it back
    terms: list = field(default_factory=list)
    cut_chars: bool = False  # longer than MAX_QUERY_CHARS
    cut_terms: bool = False  # more than MAX_TERMS terms

    def __bool__(self):
        return bool(self.terms)

    @property
    def shortened(self):
        return self.cut_chars or self.cut_terms

    @property
    def quoted(self):
        """The text in quotation marks for the page, unless it is one quoted phrase."""
        if _QUOTED.fullmatch(self.text):
            return self.text
        return f"“{self.text}”"


def clean(text):
    """Control characters (NUL included) as spaces, whitespace runs made one space."""
    kept = "".join(
        " " if char.isspace() or unicodedata.category(char) in ("Cc", "Cs") else char
        for char in text
    )
    return " ".join(kept.split())


def parse(raw):
    """A ParsedQuery from whatever arrived in ?q= (any length, any characters)."""
    text = clean(raw or "")
    cut_chars = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS].strip()
    terms = []
    position = 0
    for match in _QUOTED.finditer(text):
        terms.extend(_bare_terms(text[position : match.start()]))
        phrase = next(group for group in match.groups() if group is not None)
        pieces = tokens.phrase_pieces(tokens.words(phrase))
        if pieces:
            terms.append(Term(tuple(pieces)))
        position = match.end()
    terms.extend(_bare_terms(text[position:], last=True))
    unique = list(dict.fromkeys(terms))
    return ParsedQuery(
        text=text,
        terms=unique[:MAX_TERMS],
        cut_chars=cut_chars,
        cut_terms=len(unique) > MAX_TERMS,
    )


def _bare_terms(text, last=False):
    """One term per space-separated chunk: its words side by side ("o'brien", "e-mail")."""
    terms, words = [], []
    for chunk in _QUOTE_CHARS.sub(" ", text).split():
        words = tokens.words(chunk)
        pieces = tokens.phrase_pieces(words)
        if pieces:
            terms.append(Term(tuple(pieces)))
    if last and terms and words and _may_be_prefix(words[-1]):
        terms[-1] = Term(terms[-1].tokens, prefix=True)
    return terms


def _may_be_prefix(word):
    if tokens.is_cjk(word):
        return len(word) == 1
    return len(word) >= PREFIX_MIN_CHARS
