"""Where the search index lives; what goes in it is articles/search/.

One table per database engine, each written only by articles/search/backends.py:

- PostgreSQL: SearchDocument, a tsvector per article under a GIN index (the index is
  made by migration 0012 on PostgreSQL only: SQLite has no GIN). The table exists on
  SQLite too, empty, so both databases share one migration history.
- SQLite: an FTS5 virtual table (columns headline, meta, body; `rowid` is the
  article's id), made by the same migration on SQLite only, and queried through
  subqueries (articles/search/backends.py): it needs no model.

Rows of drafts exist: what readers may find is decided at query time by
Article.objects.published(), as for every public list.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

SQLITE_FTS_TABLE = "articles_search_fts"


class SearchDocument(models.Model):
    """An article's words on PostgreSQL: weight A headline, B summary, subheadline,
    bylines, tags and section, C body."""

    # No constraint and no cascade: the index follows deletions itself, after the commit
    # (articles/search/indexing.py), so deleting an article lists no index row to the
    # editor and a stale row is never shown (searches join the article).
    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="search_document",
    )
    # Every word, for matching (GIN-indexed); and the headline's and the meta part's
    # alone, small enough to stay in the row, for ranking every match cheaply.
    vector = SearchVectorField()
    rank_vector = SearchVectorField()

    class Meta:
        verbose_name = "search document"

    def __str__(self):
        return f"Search document of article {self.article_id}"
