"""The excerpt under a search result: where it starts, and what it marks."""

from articles.search import query
from articles.search.snippets import Highlighter


def excerpt(text, q):
    return Highlighter(query.parse(q)).excerpt(text)


def test_a_match_deep_in_japanese_text_is_in_the_excerpt():
    # No spaces to start the excerpt at: it starts a little before the match.
    text = "あ" * 600 + "東京湾" + "い" * 300
    shown = excerpt(text, "東京湾")
    assert "<mark>東京湾</mark>" in shown
    assert shown.startswith("… ") and shown.endswith(" …")


def test_a_match_deep_in_english_text_starts_at_a_word():
    text = "word " * 120 + "bridge " + "more " * 60
    shown = excerpt(text, "bridge")
    assert "<mark>bridge</mark>" in shown
    assert shown.startswith("… word ")


def test_text_without_a_match_shows_its_start():
    assert excerpt("Nothing to see here.", "bridge") == "Nothing to see here."
