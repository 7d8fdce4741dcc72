"""The two search engines behind one interface, chosen by the database in use.

`engine()` gives the one for `connection.vendor`: PostgresEngine (full-text search of
django.contrib.postgres) or SqliteEngine (FTS5). Each does three things:

- `write(documents, connection)`, `delete(article_ids, connection)` and
  `clear(connection)`: keep the index, in plain SQL on the connection given, so the
  data migration can run them too;
- `matching(queryset, parsed)`: the articles of `queryset` that match, annotated with
  `search_rank` (higher is more relevant); no ordering, so the admin keeps its own.

Both engines receive the same tokens (articles/search/tokens.py), so they find the same
articles. Relevance weighs where a word is found the same way on both: the headline
ten times the body, the summary, bylines, tags and section four times; PostgreSQL
computes ts_rank, SQLite bm25(), so among articles that match equally well in every
part's kind of place the scores differ in detail; ties go to the more recent.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection as default_connection
from django.db.models import F

from ..models.search import SQLITE_FTS_TABLE

# ts_rank's weights for D, C (body), B (meta), A (headline); bm25's per FTS5 column.
POSTGRES_WEIGHTS = [0.0, 0.1, 0.4, 1.0]
SQLITE_WEIGHTS = (10.0, 4.0, 1.0)
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


class RawTsQuery(SearchQuery):
    """A tsquery written by us token by token (no parser, no stop words, no stemming):
    the text is cast as it is, as the stored vectors are."""

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql})::tsquery", params


def _quote(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


class PostgresEngine:
    vendor = "postgresql"

    def vector_text(self, document):
        """The tsvector's text form: each token with its positions and weight."""
        positions = {}
        position = 1
        for weight, part in (("A", document.headline), ("B", document.meta), ("C", document.body)):
            for token in part:
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
        rows = [(document.article_id, self.vector_text(document)) for document in documents]
        with connection.cursor() as cursor:
            for start in range(0, len(rows), BATCH):
                cursor.executemany(
                    "INSERT INTO articles_searchdocument (article_id, vector)"
                    " VALUES (%s, %s::tsvector)"
                    " ON CONFLICT (article_id) DO UPDATE SET vector = EXCLUDED.vector",
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

    def query_text(self, parsed):
        terms = []
        for term in parsed.terms:
            quoted = [_quote(token) for token in term.tokens]
            if term.prefix:
                quoted[-1] += ":*"
            terms.append("(" + " <-> ".join(quoted) + ")")
        return " & ".join(terms)

    def matching(self, queryset, parsed):
        query = RawTsQuery(self.query_text(parsed))
        return queryset.filter(search_document__vector=query).annotate(
            search_rank=SearchRank(F("search_document__vector"), query, weights=POSTGRES_WEIGHTS)
        )


class SqliteEngine:
    vendor = "sqlite"

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

    def query_text(self, parsed):
        # Every token is quoted: inside quotes FTS5 reads no operator, and our tokens
        # hold letters and digits only.
        terms = []
        for term in parsed.terms:
            phrase = '"' + " ".join(term.tokens) + '"'
            terms.append(phrase + ("*" if term.prefix else ""))
        return " AND ".join(terms)

    def matching(self, queryset, parsed):
        # bm25() is lower for better matches; `rank` is bm25 with the columns' weights,
        # configured on the table by the migration.
        return queryset.filter(
            sqlite_search_row__document__matches=self.query_text(parsed)
        ).annotate(search_rank=-F("sqlite_search_row__rank"))


def create_tables(connection):
    """The engine's own index objects (migration 0012): a GIN index or the FTS5 table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE INDEX articles_search_vector_gin"
                " ON articles_searchdocument USING gin (vector)"
            )
        elif connection.vendor == "sqlite":
            # remove_diacritics 0: the words arrive normalised (tokens.py); FTS5 only
            # splits them on spaces.
            cursor.execute(
                f"CREATE VIRTUAL TABLE {SQLITE_FTS_TABLE} USING fts5("
                "headline, meta, body, tokenize = 'unicode61 remove_diacritics 0')"
            )
            weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
            cursor.execute(
                f"INSERT INTO {SQLITE_FTS_TABLE} ({SQLITE_FTS_TABLE}, rank)"
                f" VALUES ('rank', 'bm25({weights})')"
            )


def drop_tables(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS articles_search_vector_gin")
        elif connection.vendor == "sqlite":
            cursor.execute(f"DROP TABLE IF EXISTS {SQLITE_FTS_TABLE}")
