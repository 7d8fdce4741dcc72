"""Words as the search index sees them: the one tokeniser for documents and queries.

Both databases are given these tokens, already made, so both match the same things:
PostgreSQL stores them as a tsvector built token by token (no parser, no stemming,
the 'simple' behaviour), SQLite hands them, space-separated, to FTS5's unicode61
tokenizer, which then only splits on the spaces. Decisions:

- Letters and digits make words; everything else (punctuation, operators, emoji,
  symbols, control characters) separates them.
- NFKC, then casefold, then accents removed: "Café", "CAFE" and "café" are one word,
  as are full-width "ＴＯＫＹＯ" and "tokyo". No stemming: "votes" does not find "vote".
- Japanese and Chinese have no spaces between words, so a run of kanji and kana becomes
  its overlapping pairs of characters ("東京湾" -> 東京, 京湾) plus its last character
  alone, and a query word of two or more such characters is the phrase of its pairs:
  "東京" finds "東京湾の新しい橋". A one-character query finds any pair it starts.
- A word is cut at MAX_TOKEN_CHARS characters (PostgreSQL refuses lexemes over 2 KB).
"""

import re
import unicodedata

MAX_TOKEN_CHARS = 64

# Han, Hiragana, Katakana (and their extensions, half-width Katakana): no spaces between words.
_CJK = (
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0002fa1f"
)
_WORD = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_IS_CJK = re.compile(rf"[{_CJK}]")


def normalise(text):
    """Casefolded, accents removed, compatibility forms unified (NFKC)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    # Accents (combining marks) and invisible format characters (soft hyphens,
    # zero-width joiners, direction marks) go: "Zoë" is "zoe", "co\u00adop" is "coop".
    stripped = "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char) and unicodedata.category(char) != "Cf"
    )
    return unicodedata.normalize("NFC", stripped)


def is_cjk(word):
    return bool(_IS_CJK.match(word))


def cjk_pieces(run):
    """A run of kanji/kana as indexed: its overlapping pairs and its last character."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def words(text):
    """The words of `text`, normalised, in order: CJK runs whole, others as they are."""
    return [match[:MAX_TOKEN_CHARS] for match in _WORD.findall(normalise(text or ""))]


def document_tokens(text):
    """The tokens a document is indexed by, in order (positions matter for phrases)."""
    tokens = []
    for word in words(text):
        if is_cjk(word):
            tokens.extend(cjk_pieces(word))
        else:
            tokens.append(word)
    return tokens


def query_pieces(word):
    """The tokens a query word must match, as a phrase: one for most words, the pairs
    of a CJK word (without its last character, which only ends a run)."""
    if is_cjk(word) and len(word) > 1:
        return [word[i : i + 2] for i in range(len(word) - 1)]
    return [word]


def phrase_pieces(words):
    """The tokens of words that must stand side by side ("東京 port", a pasted
    headline): a CJK run followed by another word ended its run in the document, so it
    is matched as indexed, its last character included; only the last word may be the
    start of a longer run."""
    pieces = []
    for word in words[:-1]:
        pieces.extend(cjk_pieces(word) if is_cjk(word) else [word])
    if words:
        pieces.extend(query_pieces(words[-1]))
    return pieces
