"""Any string made into words and phrases: what the reader's query becomes."""

import pytest

from articles.search import query, tokens
from articles.search.query import Term


def terms(q):
    return [(" ".join(term.tokens), term.prefix) for term in query.parse(q).terms]


def test_words_phrases_and_a_last_word_that_may_be_a_beginning():
    assert terms('Café "Tokyo Bay" bridg') == [
        ("cafe", False),
        ("tokyo bay", False),
        ("bridg", True),
    ]
    assert terms("“curly quotes” 「東京湾」") == [("curly quotes", False), ("東京 京湾", False)]


def test_operators_and_punctuation_are_plain_text():
    assert terms("a) OR (b AND NOT c*") == [
        ("a", False),
        ("or", False),
        ("b", False),
        ("and", False),
        ("not", False),
        ("c", False),
    ]
    assert terms('"unbalanced quote') == [("unbalanced", False), ("quote", True)]
    assert terms("o'brien e-mail") == [("o brien", False), ("e mail", True)]


def test_control_characters_separate_words_and_nothing_left_is_an_empty_query():
    assert terms("tokyo\x00bay") == [("tokyo", False), ("bay", True)]
    assert not query.parse("\x00\x01\x7f")
    assert query.parse("\x00\x01\x7f").text == ""
    assert not query.parse("🎉 !!") and query.parse("🎉 !!").text == "🎉 !!"


@pytest.mark.parametrize(
    ("q", "shortened"),
    [("a" * 200, False), ("a" * 201, True), (" ".join(["w"] * 16), False)],
)
def test_long_queries_are_cut_and_say_so(q, shortened):
    assert query.parse(q).shortened is shortened


def test_more_than_sixteen_terms_are_cut():
    parsed = query.parse(" ".join(f"w{n}" for n in range(20)))
    assert parsed.shortened and len(parsed.terms) == query.MAX_TERMS
    assert parsed.terms[0] == Term(("w0",))


def test_japanese_is_indexed_in_pairs_with_its_last_character():
    assert tokens.document_tokens("東京湾の橋 Zoë ＴＯＫＹＯ") == [
        "東京", "京湾", "湾の", "の橋", "橋", "zoe", "tokyo",
    ]  # fmt: skip
    assert terms("橋") == [("橋", True)]
    assert terms("新しい橋") == [("新し しい い橋", False)]


def test_words_are_cut_at_a_length_postgresql_accepts():
    assert len(tokens.document_tokens("x" * 5000)[0]) == tokens.MAX_TOKEN_CHARS


def test_the_shortening_names_the_limit_it_applied():
    long_word = query.parse("a" * 201)
    assert (long_word.cut_chars, long_word.cut_terms) == (True, False)
    many = query.parse(" ".join(f"w{n}" for n in range(20)))
    assert (many.cut_chars, many.cut_terms) == (False, True)


def test_the_query_is_shown_in_quotation_marks_once():
    assert query.parse("tokyo bay").quoted == "“tokyo bay”"
    assert query.parse('"joint energy"').quoted == '"joint energy"'
    assert query.parse("「東京 port」").quoted == "「東京 port」"
    assert query.parse('"joint" energy').quoted == '“"joint" energy”'


def test_a_japanese_run_followed_by_another_word_matches_as_indexed():
    # "東京 port" is indexed 東京, 京, port: the run's last character sits between.
    phrase = tokens.document_tokens("東京 port")
    assert query.parse('"東京 port"').terms == [Term(tuple(phrase))]
    headline = "東北の研究チーム、新型電池を発表"
    (term,) = query.parse(headline).terms
    indexed = tokens.document_tokens(headline)
    assert list(term.tokens) == indexed[: len(term.tokens)]
