"""The search index: PostgreSQL's table and GIN index, or SQLite's FTS5 table, then every
existing article indexed (articles/search/). One history for both databases: each
step looks at the database it runs on."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from articles.search import indexing


# The engines' own objects, written out here so that this migration stays what it was
# whatever the search code becomes (the FTS5 table is SQLITE_FTS_TABLE of
# articles/models/search.py).
FTS_TABLE = "articles_search_fts"


def create_engine_tables(apps, schema_editor):
    """A GIN index on PostgreSQL, or the FTS5 table on SQLite."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE INDEX articles_search_vector_gin"
                " ON articles_searchdocument USING gin (vector)"
            )
            # Keep the vectors in the table's own pages (compressed), not in its TOAST
            # table: a word found in most articles is then matched in a fourth of the
            # time (no TOAST lookup per row), measured at 50,000 articles.
            cursor.execute(
                "ALTER TABLE articles_searchdocument"
                " ALTER COLUMN vector SET STORAGE MAIN, ALTER COLUMN rank_vector SET STORAGE MAIN"
            )
        elif connection.vendor == "sqlite":
            # remove_diacritics 0: the words arrive normalised (tokens.py); FTS5 only
            # splits them on spaces.
            cursor.execute(
                f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
                "headline, meta, body, tokenize = 'unicode61 remove_diacritics 0')"
            )


def drop_engine_tables(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS articles_search_vector_gin")
        elif connection.vendor == "sqlite":
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def index_existing_articles(apps, schema_editor):
    indexing.rebuild(using=schema_editor.connection.alias, apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_article_slug_made_when_empty"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
                ("rank_vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "verbose_name": "search document",
            },
        ),
        migrations.RunPython(create_engine_tables, drop_engine_tables),
        migrations.RunPython(index_existing_articles, migrations.RunPython.noop),
    ]
