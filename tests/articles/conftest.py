"""Fixtures of the article tests."""

import pytest

from articles.models import Byline
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

from . import sitemap_schemas
from .revision_pages import HEADLINE


@pytest.fixture(scope="session")
def index_schema():
    """The sitemaps.org schema of a sitemap index (loading one takes a few seconds)."""
    return sitemap_schemas.index_schema()


@pytest.fixture(scope="session")
def urlset_schema():
    """The sitemaps.org schema of a sitemap, with Google's news extension."""
    return sitemap_schemas.urlset_schema()


@pytest.fixture
def politics():
    return SectionFactory(name="Politics", slug="politics")


@pytest.fixture
def zoe():
    return AuthorFactory(name="Zoë Riley", slug="zoe-riley")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what follows as a committed request: on_commit work (the revision) happens."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def story(committed, editor, zoe):
    with committed():
        article = ArticleFactory(
            headline=HEADLINE,
            body="<p>TOKYO — The council voted on Tuesday.</p><p>Café owners object.</p>",
            tag_names=["東京", "Café"],
            authors=[zoe],
        )
        Byline.objects.filter(article=article).update(credit="Special to The Daily Newsroom")
        article.modified_by = editor
        article.save()
    return article
