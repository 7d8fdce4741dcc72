"""The two search engines behind one interface, chosen by the database in use.

`engine()` gives the one for `connection.vendor`: PostgresEngine (full-text search of
django.contrib.postgres) or SqliteEngine (FTS5). Each does three things:

- `write(documents, connection)`, `delete(article_ids, connection)` and
  `clear(connection)`: keep the index, in plain SQL on the connection given, so the
  data migration can run them too;
- `matching(queryset, parsed)`: the articles of `queryset` that match, annotated with
  `search_rank` (higher is more relevant); no ordering, so the admin keeps its own.

Both engines receive the same tokens (articles/search/tokens.py), so they find the same
articles. Relevance is defined here, not left to each engine's formula (ts_rank and
bm25() weigh lengths and repeats differently, so the same data would come back in a
different order): each term of the query scores where it is found, 3 in the headline,
2 in the subheadline, summary, bylines, tags or section, 1 in the body only, and an
article's relevance is the sum. A word repeated in the body does not count more, so
among articles that match alike the newer comes first, as readers of news expect; and
both databases give the same order. The scores are one small subquery (SQLite) or
weighted tsquery (PostgreSQL) per term and part, over the matches only.
"""

from functools import reduce
from operator import add

from django.contrib.postgres.search import SearchQuery
from django.db import connection as default_connection
from django.db.models import Case, Q, Value, When
from django.db.models.expressions import RawSQL

from ..models.search import SQLITE_FTS_TABLE

HEADLINE_SCORE, META_SCORE, BODY_SCORE = 3, 2, 1
# PostgreSQL keeps positions up to 16383 and 256 positions per word in a tsvector.
MAX_POSITION = 16383
MAX_POSITIONS_PER_WORD = 256
# Positions skipped between parts, so that a phrase never spans two of them.
PART_GAP = 8
BATCH = 500


def engine(connection=None):
    vendor = (connection or default_connection).vendor
    if vendor == "postgresql":
        return PostgresEngine()
    if vendor == "sqlite":
        return SqliteEngine()
    raise NotImplementedError(f"Search supports PostgreSQL and SQLite, not {vendor}.")


def _relevance(parsed, found_in):
    """The sum over terms of where each is found; `found_in(term, part)` is a condition."""
    scores = [
        Case(
            When(found_in(term, "headline"), then=Value(HEADLINE_SCORE)),
            When(found_in(term, "meta"), then=Value(META_SCORE)),
            default=Value(BODY_SCORE),
        )
        for term in parsed.terms
    ]
    return reduce(add, scores)


class RawTsQuery(SearchQuery):
    """A tsquery written by us token by token (no parser, no stop words, no stemming):
    the text is cast as it is, as the stored vectors are."""

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql})::tsquery", params


def _quote(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


class PostgresEngine:
    WEIGHTS = {"headline": "A", "meta": "B", "body": "C"}

    def vector_text(self, document, parts=("headline", "meta", "body")):
        """The tsvector's text form: each token with its positions and weight."""
        positions = {}
        position = 1
        for part in parts:
            weight = self.WEIGHTS[part]
            for token in getattr(document, part):
                kept = positions.setdefault((token, weight), [])
                spot = min(position, MAX_POSITION)
                if len(kept) < MAX_POSITIONS_PER_WORD and (not kept or kept[-1] != spot):
                    kept.append(spot)
                position += 1
            position += PART_GAP
        return " ".join(
            f"{_quote(token)}:{','.join(f'{spot}{weight}' for spot in spots)}"
            for (token, weight), spots in positions.items()
        )

    def write(self, documents, connection):
        rows = [
            (d.article_id, self.vector_text(d), self.vector_text(d, ("headline", "meta")))
            for d in documents
        ]
        with connection.cursor() as cursor:
            for start in range(0, len(rows), BATCH):
                cursor.executemany(
                    "INSERT INTO articles_searchdocument (article_id, vector, rank_vector)"
                    " VALUES (%s, %s::tsvector, %s::tsvector) ON CONFLICT (article_id)"
                    " DO UPDATE SET vector = EXCLUDED.vector, rank_vector = EXCLUDED.rank_vector",
                    rows[start : start + BATCH],
                )

    def delete(self, article_ids, connection):
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM articles_searchdocument WHERE article_id = ANY(%s)",
                [list(article_ids)],
            )

    def clear(self, connection):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM articles_searchdocument")

    def term_text(self, term, weight=""):
        quoted = [f"{_quote(token)}:{weight}" if weight else _quote(token) for token in term.tokens]
        if term.prefix:
            quoted[-1] = f"{_quote(term.tokens[-1])}:*{weight}"
        return "(" + " <-> ".join(quoted) + ")"

    def query_text(self, parsed):
        return " & ".join(self.term_text(term) for term in parsed.terms)

    def matching(self, queryset, parsed):
        def found_in(term, part):
            weighted = RawTsQuery(self.term_text(term, self.WEIGHTS[part]))
            return Q(search_document__rank_vector=weighted)

        return queryset.filter(
            search_document__vector=RawTsQuery(self.query_text(parsed))
        ).annotate(search_rank=_relevance(parsed, found_in))


class SqliteEngine:
    def write(self, documents, connection):
        self.delete([document.article_id for document in documents], connection)
        rows = [
            (d.article_id, " ".join(d.headline), " ".join(d.meta), " ".join(d.body))
            for d in documents
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {SQLITE_FTS_TABLE} (rowid, headline, meta, body)"
                " VALUES (%s, %s, %s, %s)",
                rows,
            )

    def delete(self, article_ids, connection):
        article_ids = list(article_ids)
        with connection.cursor() as cursor:
            for start in range(0, len(article_ids), BATCH):
                batch = article_ids[start : start + BATCH]
                marks = ", ".join(["%s"] * len(batch))
                cursor.execute(f"DELETE FROM {SQLITE_FTS_TABLE} WHERE rowid IN ({marks})", batch)

    def clear(self, connection):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {SQLITE_FTS_TABLE}")

    def term_text(self, term):
        # Every token is quoted: inside quotes FTS5 reads no operator, and our tokens
        # hold letters and digits only.
        return '"' + " ".join(term.tokens) + '"' + ("*" if term.prefix else "")

    def query_text(self, parsed):
        return " AND ".join(self.term_text(term) for term in parsed.terms)

    def _ids_matching(self, fts_query):
        # Not correlated: SQLite runs it once per statement, into a temporary index.
        return RawSQL(
            f"SELECT rowid FROM {SQLITE_FTS_TABLE} WHERE {SQLITE_FTS_TABLE} MATCH %s",
            [fts_query],
        )

    def matching(self, queryset, parsed):
        def found_in(term, part):
            return Q(pk__in=self._ids_matching(f"{part} : {self.term_text(term)}"))

        return queryset.filter(pk__in=self._ids_matching(self.query_text(parsed))).annotate(
            search_rank=_relevance(parsed, found_in)
        )
