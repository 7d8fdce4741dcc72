"""Fixtures of the article tests."""

import pytest

from articles.models import Byline
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, hours_ago

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


@pytest.fixture
def searchable(committed):
    """Articles whose words are placed to rank clearly, indexed as a save commits."""
    sports = SectionFactory(name="Sports", slug="sports")
    with committed():
        ArticleFactory(
            headline="Council approves the Tokyo Bay bridge",
            summary="A vote after ten years of debate.",
            body="<p>The council voted 30 to 12.</p>",
            published_at=hours_ago(5),
        )
        ArticleFactory(
            headline="Harbour budget passes",
            summary="The bridge over Tokyo Bay gets its money.",
            body="<p>Money for roads as well.</p>",
            published_at=hours_ago(1),
        )
        ArticleFactory(
            headline="Weekend traffic",
            summary="Expect delays.",
            body="<p>Drivers should avoid the old bridge near the bay on Sunday.</p>",
            published_at=hours_ago(2),
        )
        ArticleFactory(
            headline="東京湾の新しい橋、市議会が承認 🌉",
            summary="十年越しの計画。",
            body="<p>市議会は火曜日に承認した。</p>",
            published_at=hours_ago(3),
        )
        ArticleFactory(
            headline="Café owners and Zoë's marathon",
            section=sports,
            summary="Runners cross the bridge at dawn.",
            body="<p>The course crosses the bridge twice.</p>",
            published_at=hours_ago(4),
        )
