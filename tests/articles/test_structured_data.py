"""The JSON-LD of the public pages, parsed from the page and checked against the article."""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from PIL import Image

from articles import structured_data
from articles.corrections import add_correction
from articles.models import Author, Correction
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, staff_writer
from tests.images import image_bytes

from .page_head import read_page

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
SITE = "http://testserver"
PUBLISHED = datetime.datetime(2025, 4, 4, 17, 25, tzinfo=TOKYO)
# Quotes, an ampersand, a script end tag and an HTML comment opener, in two scripts.
HOSTILE_HEADLINE = 'Mayor says "no" </script><script>alert(1)</script> & <!-- 東京 🎉'


@pytest.fixture
def bylines(zoe):
    """A person in Latin letters, one in Japanese, an agency and the desk."""
    yamada = AuthorFactory(name="山田 太郎", slug="yamada-taro")
    kyodo = AuthorFactory(name="Kyodo", slug="kyodo", kind=Author.Kind.AGENCY)
    return [zoe, yamada, kyodo, staff_writer()]


@pytest.fixture
def article(bylines):
    return ArticleFactory(
        headline=HOSTILE_HEADLINE,
        summary="Café owners in 東京 object to the plan 🎉",
        dateline="Brussels",
        published_at=PUBLISHED,
        lead_photo=PhotoFactory(image__data=image_bytes(size=(1600, 1000))),
        authors=bylines,
        tag_names=["東京", "Café", "Zoë’s column"],
    )


def stored_image_size(url):
    """The pixel size of the media file an absolute address names (it must exist)."""
    name = url.removeprefix(SITE + settings.MEDIA_URL)
    assert default_storage.exists(name), url
    with default_storage.open(name) as file, Image.open(file) as image:
        return image.size


def test_the_news_article_says_what_the_page_shows(client, article):
    page = read_page(client.get(article.get_absolute_url()))
    data = page.of_type("NewsArticle")
    url = SITE + article.get_absolute_url()

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == HOSTILE_HEADLINE  # whole, every character intact
    assert data["description"] == "Café owners in 東京 object to the plan 🎉"
    assert data["url"] == url == page.canonical
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["datePublished"] == "2025-04-04T17:25:00+09:00"
    assert data["dateModified"] == "2025-04-04T17:25:00+09:00"
    assert data["author"] == [
        {"@type": "Person", "name": "Zoë Riley", "url": f"{SITE}/authors/zoe-riley/"},
        {"@type": "Person", "name": "山田 太郎", "url": f"{SITE}/authors/yamada-taro/"},
        {"@type": "Organization", "name": "Kyodo", "url": f"{SITE}/authors/kyodo/"},
        {"@type": "Organization", "name": "Staff writer", "url": f"{SITE}/authors/staff-writer/"},
    ]
    assert data["articleSection"] == "Politics"
    assert data["keywords"] == ["東京", "Café", "Zoë’s column"]
    assert data["dateline"] == "Brussels"
    assert data["isAccessibleForFree"] is True
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "The Daily Newsroom"
    assert publisher["url"] == SITE + "/"
    assert publisher["logo"] == {
        "@type": "ImageObject",
        "url": f"{SITE}/static/logo.png",
        "width": 600,
        "height": 60,
    }


def test_the_images_are_the_social_and_card_renditions_at_their_real_sizes(client, article):
    data = read_page(client.get(article.get_absolute_url())).of_type("NewsArticle")

    social, card = data["image"]
    assert "/social-" in social["url"] and "/card-" in card["url"]
    assert (social["width"], social["height"]) == (1200, 630)
    for image in (social, card):
        assert image["@type"] == "ImageObject"
        assert stored_image_size(image["url"]) == (image["width"], image["height"])
    assert card["width"] * 9 == card["height"] * 16


def test_the_script_end_tag_in_a_headline_stays_inside_the_data(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    head = html[: html.index("</head>")]
    # The only scripts in the head are the two data blocks, and the headline's
    # markup is written as \u003C...\u003E escapes, never as a tag.
    assert head.count("<script") == 2 and head.count("</script>") == 2
    assert "alert(1)" in head and "<script>alert" not in head and "<!--" not in head


def test_the_breadcrumb_list_is_home_section_article(client, article):
    page = read_page(client.get(article.get_absolute_url()))
    items = page.of_type("BreadcrumbList")["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in items] == [
        (1, "Home", SITE + "/"),
        (2, "Politics", SITE + "/politics/"),
        (3, HOSTILE_HEADLINE, SITE + article.get_absolute_url()),
    ]
    assert all(item["@type"] == "ListItem" for item in items)


def test_date_modified_is_the_latest_change_readers_see(client, article, editor, committed):
    url = article.get_absolute_url()
    with committed():
        article.updated_at = PUBLISHED + datetime.timedelta(hours=2)
        article.save()
    assert read_page(client.get(url)).of_type("NewsArticle")["dateModified"] == (
        "2025-04-04T19:25:00+09:00"
    )

    with committed():
        add_correction(
            article,
            kind=Correction.Kind.CORRECTION,
            text="An earlier version misspelt 山田’s name.",
            by=editor,
            made_at=PUBLISHED + datetime.timedelta(days=1, minutes=5),
        )
    page = read_page(client.get(url))
    assert page.of_type("NewsArticle")["dateModified"] == "2025-04-05T17:30:00+09:00"
    assert page.one("article:modified_time") == "2025-04-05T17:30:00+09:00"
    assert page.one("article:published_time") == "2025-04-04T17:25:00+09:00"

    # A save readers cannot see (a new owner) moves modified_at, not dateModified.
    article.refresh_from_db()
    modified_before = article.modified_at
    with committed():
        article.owner = editor
        article.save()
    assert article.modified_at > modified_before
    page = read_page(client.get(url))
    assert page.of_type("NewsArticle")["dateModified"] == "2025-04-05T17:30:00+09:00"


def test_an_article_without_photo_or_dateline_claims_neither(client):
    article = ArticleFactory(headline="Quiet day at the Diet")
    data = read_page(client.get(article.get_absolute_url())).of_type("NewsArticle")
    assert "image" not in data and "dateline" not in data
    assert data["author"] == [
        {"@type": "Organization", "name": "Staff writer", "url": f"{SITE}/authors/staff-writer/"}
    ]
    assert data["keywords"] == []


def test_the_home_page_describes_the_site(client):
    for _ in range(settings.ARTICLES_PER_PAGE + 1):
        ArticleFactory()
    page = read_page(client.get("/"))
    site = page.of_type("WebSite")
    assert site["name"] == "The Daily Newsroom"
    assert site["url"] == SITE + "/" == page.canonical
    assert site["inLanguage"] == "en-US"
    assert site["publisher"]["logo"]["url"] == f"{SITE}/static/logo.png"
    # Only the front page itself: its later pages are lists of older articles.
    assert read_page(client.get("/?page=2")).json_ld == []


def test_the_home_page_offers_the_site_search(client):
    action = read_page(client.get("/")).of_type("WebSite")["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == {
        "@type": "EntryPoint",
        "urlTemplate": f"{SITE}/search/?q={{search_term_string}}",
    }
    assert action["query-input"] == "required name=search_term_string"


def test_tag_and_author_pages_carry_their_breadcrumb_list(client, bylines):
    ArticleFactory(authors=bylines, tag_names=["東京"])
    tag = read_page(client.get("/tags/東京/")).of_type("BreadcrumbList")["itemListElement"]
    assert [(item["name"], item["item"]) for item in tag] == [
        ("Home", SITE + "/"),
        ("東京", SITE + "/tags/%E6%9D%B1%E4%BA%AC/"),
    ]
    author = read_page(client.get("/authors/yamada-taro/"))
    assert [
        (item["name"], item["item"]) for item in author.of_type("BreadcrumbList")["itemListElement"]
    ] == [("Home", SITE + "/"), ("山田 太郎", SITE + "/authors/yamada-taro/")]


def test_a_preview_names_no_address_for_what_is_not_out(editor_client, bylines):
    scheduled = ArticleFactory(
        headline="Cabinet reshuffle 東京",
        slug="cabinet-reshuffle-secret",
        published_at=PUBLISHED.replace(year=2999),
        authors=bylines,
    )
    response = editor_client.get(f"/preview/{scheduled.pk}/")
    html = response.content.decode()
    head = html[: html.index("</head>")]
    page = read_page(response)

    assert page.canonical_links == [] and page.all("og:url") == [] and page.json_ld == []
    assert "cabinet-reshuffle-secret" not in head
    assert '<meta name="robots" content="noindex, nofollow">' in head
    # The trail is still shown, as readers will see it; the story itself is no link.
    assert [(crumb.text, crumb.href) for crumb in page.breadcrumbs] == [
        ("Home", "/"),
        ("Politics", "/politics/"),
        ("Cabinet reshuffle 東京", None),
    ]


def test_the_logo_file_has_the_size_the_data_gives():
    path = finders.find(structured_data.LOGO_PATH)
    assert path, "static/logo.png is missing"
    with Image.open(path) as logo:
        assert logo.format == "PNG"
        assert logo.size == (structured_data.LOGO_WIDTH, structured_data.LOGO_HEIGHT)
