"""The search index: PostgreSQL's table and GIN index, or SQLite's FTS5 table, then every
existing article indexed (articles/search/). One history for both databases: each
step looks at the database it runs on."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from articles.search import backends, indexing


def create_engine_tables(apps, schema_editor):
    backends.create_tables(schema_editor.connection)


def drop_engine_tables(apps, schema_editor):
    backends.drop_tables(schema_editor.connection)


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
