"""Tags in any script, or with no letters at all, work on every page that shows them."""

import importlib
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote, unquote

import pytest
from django.apps import apps
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory, staff_writer
from tests.page_forms import form_data

from .admin_forms import ADD_URL, pick_bylines

pytestmark = pytest.mark.django_db

NAMES = ["東京", "Café", "Zürich", ":", "!!!", "🎉"]


class _TagLinks(HTMLParser):
    """(href, text) of the links in the article's tag list, as a browser reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self._inside_tags, self._href = [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul" and attrs.get("class") == "tags":
            self._inside_tags = True
        elif tag == "a" and self._inside_tags:
            self._href = attrs["href"]

    def handle_data(self, data):
        if self._href is not None:
            self.links.append((self._href, data))
            self._href = None

    def handle_endtag(self, tag):
        if tag == "ul":
            self._inside_tags = False


def tag_links(response):
    parser = _TagLinks()
    parser.feed(response.content.decode())
    return parser.links


def publish_through_the_admin(client, *, tags):
    section = SectionFactory(name="Politics", slug="politics")
    page = client.get(ADD_URL)
    data = form_data(
        page,
        form_id="article_form",
        headline="Tokyo votes on the new harbour bridge",
        slug="tokyo-harbour-bridge",
        summary="Café owners in Zürich and 東京 watched.",
        body="<p>The assembly voted on Tuesday.</p>",
        tags=tags,
        status="published",
    )
    data["section"] = section.pk  # what the autocomplete box adds when a section is picked
    pick_bylines(data, staff_writer())
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(slug="tokyo-harbour-bridge")


def test_tags_in_any_script_link_from_the_article_to_their_page(editor_client):
    article = publish_through_the_admin(editor_client, tags=", ".join(f'"{n}"' for n in NAMES))
    assert sorted(article.tags.names()) == sorted(NAMES)

    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    links = tag_links(response)
    assert sorted(name for _, name in links) == sorted(NAMES)
    for href, name in links:
        tag_page = editor_client.get(href)
        assert tag_page.status_code == 200, (href, name)
        assert f"<h1>{name}</h1>" in tag_page.content.decode()
        assert article.headline in tag_page.content.decode()

    preview = editor_client.get(reverse("articles:preview", args=[article.pk]))
    assert preview.status_code == 200
    assert len(tag_links(preview)) == len(NAMES)


def test_a_tag_address_is_percent_encoded_and_reached_either_way(client):
    ArticleFactory(headline="Election night", tag_names=["東京"])
    assert reverse("articles:tag", args=["東京"]) == "/tags/%E6%9D%B1%E4%BA%AC/"
    for url in ["/tags/東京/", "/tags/%E6%9D%B1%E4%BA%AC/", "/tags/" + quote("東京") + "/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<h1>東京</h1>" in response.content.decode()
    assert client.get("/tags/café/").status_code == 404  # no article carries it


def test_a_name_without_letters_gets_a_slug_of_its_own():
    slugs = {name: Tag.objects.create(name=name).slug for name in [":", "!!!", "🎉", "-_-"]}
    assert all(slugs.values())
    assert len(set(slugs.values())) == len(slugs)
    for slug in slugs.values():
        assert unquote(reverse("articles:tag", args=[slug])) == f"/tags/{slug}/"


def test_tags_taken_before_the_fix_get_a_usable_slug():
    empty = Tag.objects.create(name="!!!")
    Tag.objects.filter(pk=empty.pk).update(slug="")
    numbered = Tag.objects.create(name="???")
    Tag.objects.filter(pk=numbered.pk).update(slug="_1")
    tokyo = Tag.objects.create(name="東京")

    migration = importlib.import_module("articles.migrations.0005_usable_tag_slugs")
    migration.give_every_tag_a_usable_slug(apps, schema_editor=None)

    empty.refresh_from_db(), numbered.refresh_from_db(), tokyo.refresh_from_db()
    assert empty.slug.startswith("tag-") and numbered.slug.startswith("tag-")
    assert empty.slug != numbered.slug
    assert tokyo.slug == "東京"


def test_every_list_feed_and_sitemap_works_with_such_tags(client):
    article = ArticleFactory(headline="Election night", tag_names=NAMES)
    for url in ["/", "/politics/", "/politics/?page=1", "/sitemap.xml", article.get_absolute_url()]:
        assert client.get(url).status_code == 200, url
    feed = ET.fromstring(client.get("/feed/").content)
    categories = [c.text for c in feed.iter("category")]
    assert set(NAMES) <= set(categories)


def test_a_photo_tagged_in_japanese_breaks_nothing(client, editor_client):
    photo = PhotoFactory()
    photo.tags.add("東京", "🎉")
    article = ArticleFactory(headline="Harbour at dusk", lead_photo=photo, tag_names=["東京"])

    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get("/tags/東京/").status_code == 200
    # A tag only the photo library uses is not a public page, and not an error either.
    photo_only = Tag.objects.get(name="🎉")
    assert client.get(reverse("articles:tag", args=[photo_only.slug])).status_code == 404
    photo_admin = editor_client.get(reverse("admin:media_photo_change", args=[photo.pk]))
    assert photo_admin.status_code == 200
