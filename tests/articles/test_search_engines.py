"""Both engines, one behaviour: the same articles, in the same order, for the same words,
whichever database the suite runs on (the suite runs on SQLite and on PostgreSQL, and
these expectations are the same lists for both)."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from articles.search import query
from articles.search.backends import PostgresEngine, SqliteEngine, engine
from articles.search.finder import find
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

CORPUS = [
    # key, headline, summary, body, tags, hours ago
    ("bay", "Tokyo Bay bridge approved", "The council voted.", "Work starts in May.", [], 9),
    ("budget", "Budget passes", "Money for the Tokyo Bay bridge.", "Roads too.", [], 8),
    ("traffic", "Traffic", "Delays.", "Avoid the old bridge by the bay.", [], 7),
    ("kanji", "東京湾の新しい橋、承認", "十年越し。", "東京都は火曜日に発表した。", ["東京"], 6),
    (
        "cafe",
        "Café owners object",
        "Zoë Riley on the bridge.",
        "The café is near the bridge.",
        [],
        5,
    ),
    ("osaka", "大阪の港", "Osaka port grows.", "Exports rose 5%.", ["Trade"], 4),
    ("twin", "Storm warning", "Stay indoors.", "Heavy rain.", [], 3),
    ("twin2", "Storm warning", "Stay indoors.", "Heavy rain.", [], 2),
]

EXPECTED = {
    "bridge": ["bay", "cafe", "budget", "traffic"],  # headline; summary+body; summary; body
    "bay bridge": ["bay", "budget", "traffic"],
    '"bay bridge"': ["bay", "budget"],
    "東京": ["kanji"],
    "橋": ["kanji"],
    "東京湾": ["kanji"],
    "東京湾の新しい橋、承認": ["kanji"],  # a headline pasted whole
    '"新しい橋 承認"': ["kanji"],  # a phrase across runs: punctuation is no word, as in English
    '"承認 新しい橋"': [],
    "cafe": ["cafe"],
    "CAFÉ zoë": ["cafe"],
    "storm": ["twin2", "twin"],  # equal text: the more recent first
    "stor": ["twin2", "twin"],
    "trade osaka": ["osaka"],
    "5": ["osaka"],
    "bridge OR storm": [],
    "(bridge) -bay": ["bay", "budget", "traffic"],
    "🎉": [],
}


@pytest.fixture
def corpus(committed):
    ids = {}
    world = SectionFactory(name="World", slug="world")
    with committed():
        for key, headline, summary, body, tags, hours in CORPUS:
            article = ArticleFactory(
                headline=headline,
                summary=summary,
                body=f"<p>{body}</p>",
                tag_names=tags,
                section=world,
                authors=[AuthorFactory(name="Desk")],
                published_at=timezone.now() - datetime.timedelta(hours=hours),
            )
            ids[article.pk] = key
    return ids


@pytest.mark.parametrize("q", EXPECTED)
def test_the_same_words_find_the_same_articles_in_the_same_order(corpus, q):
    found = [corpus[article.pk] for article in find(query.parse(q))]
    assert found == EXPECTED[q]


def test_the_engine_is_the_databases():
    expected = PostgresEngine if connection.vendor == "postgresql" else SqliteEngine
    assert isinstance(engine(), expected)


def test_queries_reach_each_engine_quoted_as_plain_words():
    parsed = query.parse('bridge "new bay" NOT (x) 東京湾 o\'brien parl')
    sqlite_text = SqliteEngine().query_text(parsed)
    postgres_text = PostgresEngine().query_text(parsed)
    assert sqlite_text == (
        '"bridge" AND "new bay" AND "not" AND "x" AND "東京 京湾" AND "o brien" AND "parl"*'
    )
    assert postgres_text == (
        "('bridge') & ('new' <-> 'bay') & ('not') & ('x') & ('東京' <-> '京湾')"
        " & ('o' <-> 'brien') & ('parl':*)"
    )
    phrase, prefix = parsed.terms[1], parsed.terms[-1]
    assert PostgresEngine().term_text(phrase, "A") == "('new':A <-> 'bay':A)"
    assert PostgresEngine().term_text(prefix, "B") == "('parl':*B)"
    assert SqliteEngine().term_text(prefix) == '"parl"*'


def test_a_document_keeps_its_parts_weighted_and_apart_on_postgresql():
    """The full vector matches; the headline and meta parts alone rank (see backends.py)."""
    from articles.search.documents import Document

    document = Document(article_id=1, headline=["tokyo", "bay"], meta=["bay"], body=["it's"])
    assert PostgresEngine().vector_text(document) == "'tokyo':1A 'bay':2A 'bay':11B 'it''s':20C"
    assert PostgresEngine().vector_text(document, ("headline", "meta")) == (
        "'tokyo':1A 'bay':2A 'bay':11B"
    )
