"""Index every article again: for a database that had articles before search came, after
restoring a dump (the FTS5 table or the tsvector rows may be missing or stale), or after
changing articles with QuerySet.update(), which sends no signal."""

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, transaction

from articles.models import Article
from articles.search import indexing
from articles.signals import articles_changed


class Command(BaseCommand):
    help = "Rebuild the search index of every article (the site's search and the admin's)."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, **options):
        # One transaction: searches meanwhile see the old index or the new, never half.
        with transaction.atomic(using=database):
            count = indexing.rebuild(using=database, clear=True)
            # No article changed, but what the search page finds may have: cached pages
            # go stale as after a bulk action (newsroom/content_version.py).
            articles_changed.send(sender=Article, article_ids=[])
        self.stdout.write(f"Indexed {count} article{'s' if count != 1 else ''} for search.")
