"""Library photos inside the body: the one stored form, what readers get, and a photo a
body uses staying in the library."""

import re

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from articles.models import Article
from media.models import Photo
from tests.factories import ArticleFactory, PhotoFactory, client_of

from .admin_forms import change_data, change_url

pytestmark = pytest.mark.django_db

OWN_CAPTION = "東京駅で握手する二人の首相"
OWN_CREDIT = "Zoë Riley / Newsroom"


def figure(photo_id, caption="", credit=""):
    """A photo figure in the form the body stores it."""
    credit_attribute = f' data-credit="{credit}"' if credit else ""
    caption_element = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure data-photo="{photo_id}"{credit_attribute}>{caption_element}</figure>'


def around(middle):
    return f"<p>東京湾の新しい橋、市議会が承認 🌉</p>{middle}<p>Café owners in Zürich cheered.</p>"


@pytest.fixture
def photo():
    return PhotoFactory(caption=OWN_CAPTION, credit=OWN_CREDIT, alt_text="Two prime ministers")


def save_body(client, article, body):
    response = client.post(change_url(article), change_data(client, article, body=body))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    return client.get(response.url)


def warnings(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


def test_the_stored_form_is_kept_as_it_is(editor_client, photo):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    body = around(figure(photo.pk, "首相が握手 🤝 at Tōkyō Station", "Zoë Riley &amp; 東京支局"))
    page = save_body(editor_client, article, body)
    assert article.body == body
    assert warnings(page) == []
    assert list(article.body_photos.all()) == [photo]


REMOVED_IMG = (
    "Removed <img> from a figure: photos come from the library, with the editor's Photo button"
)


@pytest.mark.parametrize(
    "posted, stored, removed",
    [
        (
            '<figure data-photo="{id}" onerror="alert(1)" style="float:left">'
            "<figcaption>首相</figcaption></figure>",
            figure("{id}", "首相"),
            [
                "Removed the onerror attribute: event handlers never run on the site",
                "Removed the style attribute: the site's styles set the look",
            ],
        ),
        (
            '<figure data-photo="{id}"><img src="https://evil.example/x.jpg" onerror="alert(1)">'
            "<figcaption>首相</figcaption></figure>",
            figure("{id}", "首相"),
            [REMOVED_IMG],
        ),
        (
            '<figure data-photo="{id}"><script>alert("東京")</script><p>Zürich</p></figure>',
            figure("{id}"),
            [
                "Removed <script> from a figure: scripts never run on the site",
                "Removed <p> from a figure: a photo in the body holds only its caption and credit",
            ],
        ),
        (
            '<figure data-photo="{id}x"><figcaption>Café</figcaption></figure>',
            "",
            ["Removed <figure>: photos come from the library, with the editor's Photo button"],
        ),
        (
            '<figure data-photo="javascript:alert(1)"><img src="x"></figure>',
            "",
            ["Removed <figure>: photos come from the library, with the editor's Photo button"],
        ),
    ],
)
def test_anything_else_in_a_figure_is_removed_and_explained(
    editor_client, photo, posted, stored, removed
):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    page = save_body(editor_client, article, around(posted.replace("{id}", str(photo.pk))))
    assert article.body == around(stored.replace("{id}", str(photo.pk)))
    assert warnings(page) == [f"The body was cleaned before saving. {'. '.join(removed)}."]


def test_cleaning_twice_changes_nothing_more(photo):
    article = ArticleFactory(
        body=around(f'<figure data-photo="{photo.pk}" data-credit=" A &amp; B "><p>x</p></figure>')
    )
    once = article.body
    article.save()
    assert article.body == once == around(figure(photo.pk, credit="A &amp; B"))


def test_readers_get_the_photo_with_the_articles_caption_and_credit(client, photo):
    article = ArticleFactory(
        body=around(figure(photo.pk, "首相が握手 🤝", "Zoë Riley / 東京支局")), dateline="Tokyo"
    )
    html = client.get(article.get_absolute_url()).content.decode()
    body = html[html.index('<div class="article__body">') :]
    first, rest = body.split('<figure class="photo">', 1)
    assert "東京湾の新しい橋" in first and "Zürich" not in first  # between the paragraphs
    assert "Café owners in Zürich" in rest.split("</figure>", 1)[1]
    assert '<picture><source type="image/webp" srcset="' in rest
    assert re.search(r'<img src="[^"]+\.jpg" srcset="[^"]+ 160w"', rest)
    assert 'loading="lazy"' in rest and 'alt="Two prime ministers"' in rest
    assert '<span class="photo__caption">首相が握手 🤝</span>' in rest
    assert '<span class="photo__credit">Zoë Riley / 東京支局</span>' in rest
    assert "data-photo" not in html


def test_without_overrides_readers_get_the_photos_own_caption_and_credit(client, photo):
    article = ArticleFactory(body=around(figure(photo.pk)))
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<span class="photo__caption">{OWN_CAPTION}</span>' in html
    assert f'<span class="photo__credit">{OWN_CREDIT}</span>' in html


def test_a_photo_missing_from_the_library_renders_nothing(client, photo):
    article = ArticleFactory(body=around(figure(photo.pk + 1000, "Gone")) + figure(photo.pk))
    assert list(article.body_photos.all()) == [photo]
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gone" not in html and html.count('<figure class="photo">') == 1


@pytest.mark.parametrize("n_photos, queries", [(0, 6), (1, 7), (5, 7)])
def test_the_article_page_loads_all_body_photos_in_one_query(
    client, settings, django_assert_num_queries, n_photos, queries
):
    """nav + article with section and lead photo + bylines + tags + corrections + "Related"
    (one query: the article has no tags), and the body's photos."""
    photos = [PhotoFactory() for _ in range(n_photos)]
    article = ArticleFactory(body=around("".join(figure(p.pk, f"写真 {p.pk}") for p in photos)))
    settings.PAGE_CACHE_SECONDS = 0
    client.get(article.get_absolute_url())  # the ranking widgets are cached from now on
    with django_assert_num_queries(queries):
        html = client.get(article.get_absolute_url()).content.decode()
    assert html.count("<picture>") == n_photos


def test_a_photo_a_body_shows_stays_in_the_library(photo_editor_client, photo):
    article = ArticleFactory(body=around(figure(photo.pk)), headline="Harbour bridge 🌉 opens")
    with pytest.raises(ProtectedError):
        photo.delete()
    url = reverse("admin:media_photo_delete", args=[photo.pk])
    page = photo_editor_client.get(url).content.decode()
    assert "Harbour bridge 🌉 opens" in page and "protected" in page
    photo_editor_client.post(url, {"post": "yes"})  # forged: the page offers no button
    assert Photo.objects.filter(pk=photo.pk).exists()

    article.body = around("")
    article.save()
    assert not article.body_photos.exists()
    photo.delete()


def test_the_editor_reads_a_figures_photo_by_id(editor_client, analyst, photo):
    url = reverse("admin:articles_article_body_photos")
    photos = editor_client.get(url, {"id": [photo.pk, "x", "99999999999999999999"]}).json()
    [shown] = photos["photos"]
    assert shown["id"] == str(photo.pk)
    assert shown["caption"] == OWN_CAPTION and shown["credit"] == OWN_CREDIT
    assert shown["thumbnail"].endswith(".jpg")
    assert client_of(analyst).get(url, {"id": photo.pk}).status_code == 403
