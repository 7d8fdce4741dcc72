"""Where the search index lives; what goes in it is articles/search/.

One table per database engine, each written only by articles/search/backends.py:

- PostgreSQL: SearchDocument, a tsvector per article under a GIN index (the index is
  made by migration 0012 on PostgreSQL only: SQLite has no GIN). The table exists on
  SQLite too, empty, so both databases share one migration history.
- SQLite: an FTS5 virtual table, made by the same migration on SQLite only.
  SqliteSearchRow maps it (unmanaged) so the ORM can join it to articles; `rowid` is
  the article's id.

Rows of drafts exist: what readers may find is decided at query time by
Article.objects.published(), as for every public list.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

SQLITE_FTS_TABLE = "articles_search_fts"


class SearchDocument(models.Model):
    """An article's words on PostgreSQL: weight A headline, B summary, subheadline,
    bylines, tags and section, C body."""

    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    vector = SearchVectorField()

    class Meta:
        verbose_name = "search document"

    def __str__(self):
        return f"Search document of article {self.article_id}"


class FullTextMatch(models.Lookup):
    """`fts_table_column__matches=query`: FTS5's MATCH, on the column named after its table."""

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class FullTextColumn(models.TextField):
    """FTS5's hidden column named after its table, which takes a MATCH."""


FullTextColumn.register_lookup(FullTextMatch)


class SqliteSearchRow(models.Model):
    """An article's words on SQLite: a row of the FTS5 table (columns headline, meta,
    body), whose `rank` is bm25() with the columns' weights."""

    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="sqlite_search_row",
    )
    document = FullTextColumn(db_column=SQLITE_FTS_TABLE)
    rank = models.FloatField()

    class Meta:
        managed = False
        db_table = SQLITE_FTS_TABLE

    def __str__(self):
        return f"Search row of article {self.article_id}"
