"""The search index follows every way an article's words change: the admin, code, the
bulk actions, renamed authors, sections and tags; once per transaction, at its commit."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from taggit.models import Tag

from articles.models import Author, Byline, Section
from articles.search import indexing
from tests.factories import ArticleFactory, AuthorFactory
from tests.page_forms import form_data

from .admin_forms import CHANGELIST_URL, article_action_data, change_data, change_url
from .search_pages import headlines

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def article(committed, zoe):
    with committed():
        return ArticleFactory(
            headline="Council approves the bridge",
            body="<p>The vote was close.</p>",
            tag_names=["Café"],
            authors=[zoe],
        )


def found(reader, q):
    # A signed-out reader; the page cache is per content version, which every edit moves.
    return headlines(reader, q=q)


def test_an_admin_save_reindexes_headline_body_tags_and_bylines(
    article, reader, editor_client, committed
):
    kenji = AuthorFactory(name="佐藤 健", slug="sato-ken")
    data = change_data(
        editor_client,
        article,
        headline="Zürich harbour reopens",
        body="<p>Ferries return on Monday.</p>",
        tags="東京, Energy",
    )
    data["bylines-0-author"] = kenji.pk
    with committed():
        assert editor_client.post(change_url(article), data).status_code == 302
    assert found(reader, "zurich ferries") == ["Zürich harbour reopens"]
    assert found(reader, "東京 energy 佐藤") == ["Zürich harbour reopens"]
    for old in ("council", "close", "café", "zoe"):
        assert found(reader, old) == [], old


def test_a_save_from_code_reindexes(article, reader, committed):
    with committed():
        article.summary = "Montréal sends observers."
        article.save()
    assert found(reader, "montreal") == ["Council approves the bridge"]


def test_byline_added_changed_and_removed(article, reader, committed, zoe):
    kenji = AuthorFactory(name="Kenji Ito", slug="kenji-ito")
    with committed():
        byline = Byline.objects.create(article=article, author=kenji, position=1)
    assert found(reader, "kenji") == ["Council approves the bridge"]
    with committed():
        byline.author = AuthorFactory(name="Łukasz Nowak", slug="lukasz")
        byline.save()
    assert found(reader, "kenji") == [] and found(reader, "łukasz") == [article.headline]
    with committed():
        byline.delete()
    assert found(reader, "nowak") == []


def test_tags_added_removed_set_and_cleared(article, reader, committed):
    with committed():
        article.tags.add("台風")
    assert found(reader, "台風") == [article.headline]
    with committed():
        article.tags.remove("台風")
    assert found(reader, "台風") == []
    with committed():
        article.tags.set(["Kraków"])
    assert found(reader, "krakow") == [article.headline] and found(reader, "cafe") == []
    with committed():
        article.tags.clear()
    assert found(reader, "krakow") == []


def test_renaming_an_author_in_the_admin_reindexes_their_articles(
    article, reader, editor_client, committed, zoe
):
    url = reverse("admin:articles_author_change", args=[zoe.pk])
    data = form_data(editor_client.get(url), form_id="author_form", name="Chloé Dubois")
    with committed():
        assert editor_client.post(url, data).status_code == 302
    assert found(reader, "chloe") == [article.headline]
    assert found(reader, "zoe") == []


def test_renaming_a_section_in_the_admin_reindexes_its_articles(
    article, reader, editor_client, committed
):
    section = Section.objects.get(slug="politics")
    url = reverse("admin:articles_section_change", args=[section.pk])
    data = form_data(editor_client.get(url), form_id="section_form", name="政治 Politique")
    with committed():
        assert editor_client.post(url, data).status_code == 302
    assert found(reader, "politique 政治") == [article.headline]


def test_renaming_and_deleting_a_tag_reindex_its_articles(article, reader, committed):
    tag = Tag.objects.get(name="Café")
    with committed():
        tag.name = "Économie"
        tag.save()
    assert found(reader, "economie") == [article.headline] and found(reader, "cafe") == []
    with committed():
        tag.delete()
    assert found(reader, "economie") == []


def test_a_save_that_renames_nothing_reindexes_nothing(article, committed, zoe, monkeypatch):
    calls = []
    monkeypatch.setattr(indexing, "index_articles", lambda ids, **kw: calls.append(set(ids)))
    with committed():
        Author.objects.get(pk=zoe.pk).save()  # the same name: no article to index
        Section.objects.get(slug="politics").save()
    assert calls == []


def test_bulk_publish_and_unpublish_from_the_admin_list(reader, editor_client, committed):
    with committed():
        draft = ArticleFactory(headline="Typhoon warning", status="draft", published_at=None)
    assert found(reader, "typhoon") == []
    with committed():
        response = editor_client.post(
            CHANGELIST_URL, article_action_data(editor_client, "publish", draft)
        )
    assert response.status_code == 302
    assert found(reader, "typhoon") == ["Typhoon warning"]
    with committed():
        editor_client.post(CHANGELIST_URL, article_action_data(editor_client, "unpublish", draft))
    assert found(reader, "typhoon") == []


def test_a_deleted_article_leaves_the_index(article, reader, committed):
    article_id = article.pk
    with committed():
        article.delete()
    assert found(reader, "bridge") == []
    assert article_id not in indexed_ids()


def test_one_transaction_indexes_each_article_once(committed, monkeypatch):
    calls = []
    real = indexing.index_articles
    monkeypatch.setattr(
        indexing, "index_articles", lambda ids, **kw: (calls.append(set(ids)), real(ids, **kw))
    )
    with committed():
        article = ArticleFactory(headline="Once", tag_names=["a", "b"])
        article.save()
    assert calls == [{article.pk}]


def test_indexing_runs_a_fixed_number_of_queries(committed, django_assert_num_queries):
    with committed():
        few = [ArticleFactory(tag_names=["東京"]).pk for _ in range(2)]
        many = [ArticleFactory(tag_names=["東京", "Café"]).pk for _ in range(8)]
    # article fields, bylines, tags (their content type in a subquery), then the write
    with django_assert_num_queries(3 + writes()):
        indexing.index_articles(few)
    with django_assert_num_queries(3 + writes()):
        indexing.index_articles(many)


def writes():
    # PostgreSQL: one upsert statement; SQLite: delete the old rows, insert the new.
    return 1 if connection.vendor == "postgresql" else 2


def test_rebuild_command_indexes_articles_saved_without_it(reader, committed):
    # Without committed(), the on-commit indexing never runs: as in a restored dump.
    ArticleFactory(headline="Restored from a dump")
    assert found(reader, "restored") == []
    out = io.StringIO()
    with committed():  # its commit makes cached search pages stale
        call_command("rebuild_search_index", stdout=out)
    assert out.getvalue() == "Indexed 1 article for search.\n"
    assert found(reader, "restored") == ["Restored from a dump"]


def test_the_data_migration_indexes_with_the_historical_models(reader, committed, zoe):
    ArticleFactory(headline="Before search came", authors=[zoe], tag_names=["選挙"])
    state = MigrationExecutor(connection).loader.project_state(("articles", "0012_search_index"))
    assert indexing.rebuild(apps=state.apps) == 1
    assert found(reader, "before zoe 選挙") == ["Before search came"]


def indexed_ids():
    table = (
        "articles_searchdocument" if connection.vendor == "postgresql" else "articles_search_fts"
    )
    column = "article_id" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")
        return {row[0] for row in cursor.fetchall()}
