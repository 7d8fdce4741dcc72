"""An article's address when the headline gives none: the slug left empty is made on saving."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from articles import slugs
from articles.models import Article
from tests.factories import ArticleFactory

from .admin_forms import ADD_URL, add_data, change_data, change_url

pytestmark = pytest.mark.django_db

JAPANESE_HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"


def add_japanese_story(client, section, author, **typed):
    """The add form as the admin's script leaves it for a Japanese headline: no slug."""
    fields = {
        "headline": JAPANESE_HEADLINE,
        "slug": "",
        "status": "published",
        "published_at_0": "2026-12-01",
        "published_at_1": "23:10",  # the newsroom's zone: 14:10 UTC
        **typed,
    }
    return client.post(ADD_URL, add_data(client, section=section, bylines=[author], **fields))


def test_a_japanese_headline_with_no_slug_gets_the_section_and_time(
    editor_client, client, politics, zoe
):
    response = add_japanese_story(editor_client, politics, zoe)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.slug == "politics-20261201-2310"
    assert article.published_at == datetime(2026, 12, 1, 14, 10, tzinfo=UTC)
    assert article.get_absolute_url() == "/politics/2026/12/01/politics-20261201-2310/"
    assert client.get(article.get_absolute_url()).status_code == 200


def test_a_second_one_at_the_same_minute_is_numbered(editor_client, politics, zoe):
    add_japanese_story(editor_client, politics, zoe)
    add_japanese_story(editor_client, politics, zoe, headline="同じ時刻のもう一つの記事 ✨")
    add_japanese_story(editor_client, politics, zoe, headline="三つ目 🗾")

    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "politics-20261201-2310",
        "politics-20261201-2310-2",
        "politics-20261201-2310-3",
    ]


def test_a_typed_japanese_slug_is_refused_and_nothing_is_saved(editor_client, politics, zoe):
    response = add_japanese_story(editor_client, politics, zoe, slug="東京湾の新しい橋")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"] == [slugs.INVALID_MESSAGE]
    assert escape(slugs.INVALID_MESSAGE) in response.content.decode()
    assert not Article.objects.exists()


def test_an_english_headline_gives_the_slug(editor_client, politics, zoe):
    response = add_japanese_story(
        editor_client, politics, zoe, headline="Café owners object to the Tokyo Bay bridge 🌉"
    )

    assert response.status_code == 302
    assert Article.objects.get().slug == "cafe-owners-object-to-the-tokyo-bay-bridge"


def test_a_typed_slug_is_kept(editor_client, politics, zoe):
    add_japanese_story(editor_client, politics, zoe, slug="tokyo-bay-bridge")

    assert Article.objects.get().slug == "tokyo-bay-bridge"


def test_emptying_the_box_of_a_saved_article_keeps_its_address(editor_client, zoe):
    article = ArticleFactory(headline=JAPANESE_HEADLINE, slug="tokyo-bay-bridge", authors=[zoe])

    response = editor_client.post(change_url(article), change_data(editor_client, article, slug=""))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.slug == "tokyo-bay-bridge"


def test_a_draft_from_code_with_no_slug_is_named_after_its_creation(politics):
    moment = datetime(2026, 12, 1, 14, 10, tzinfo=UTC)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: moment)
        article = ArticleFactory(
            headline=JAPANESE_HEADLINE, slug="", section=politics, status="draft", published_at=None
        )

    assert article.slug == "politics-20261201-2310"
    article.headline = "An English headline later"
    article.save()
    article.refresh_from_db()
    assert article.slug == "politics-20261201-2310"  # made once, then kept


def test_a_long_headline_gives_a_slug_that_fits_even_when_numbered(politics):
    headline = "Council approves the bridge " * 10  # within the 300 letters
    first = ArticleFactory(headline=headline, slug="", section=politics)
    second = ArticleFactory(headline=headline, slug="", section=politics)

    limit = Article._meta.get_field("slug").max_length
    assert len(first.slug) <= limit and len(second.slug) <= limit
    assert second.slug == f"{first.slug}-2"
    assert not first.slug.endswith("-")


def test_a_slug_lost_to_a_concurrent_save_takes_the_next_number(politics, monkeypatch):
    ArticleFactory(headline="Tokyo Bay bridge", slug="tokyo-bay-bridge")
    # The other save took the slug after this one looked for a free one.
    looked = iter(["tokyo-bay-bridge", "tokyo-bay-bridge-2"])
    monkeypatch.setattr(slugs, "first_free_slug", lambda article: next(looked))

    article = ArticleFactory(headline="Tokyo Bay bridge", slug="", section=politics)

    assert article.slug == "tokyo-bay-bridge-2"
