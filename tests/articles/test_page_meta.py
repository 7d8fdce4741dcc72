"""Open Graph and Twitter cards, canonical addresses and the visible breadcrumbs, as the
public pages write them."""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image

from articles.models import Author
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory
from tests.images import image_bytes

from .page_head import read_page

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
SITE = "http://testserver"
HEADLINE = 'Zoë\'s "last" word on 東京 🎉 </script>'


@pytest.fixture
def article(zoe):
    kyodo = AuthorFactory(name="共同通信", slug="kyodo", kind=Author.Kind.AGENCY)
    return ArticleFactory(
        headline=HEADLINE,
        summary="Café society & the 東京 council",
        published_at=datetime.datetime(2025, 4, 4, 17, 25, tzinfo=TOKYO),
        updated_at=datetime.datetime(2025, 4, 5, 9, 5, tzinfo=TOKYO),
        lead_photo=PhotoFactory(
            image__data=image_bytes(size=(1600, 1000)), alt_text="Lanterns over 浅草 at dusk"
        ),
        authors=[zoe, kyodo],
        tag_names=["東京", "Café", "🎉"],
    )


def test_the_article_page_has_complete_open_graph_and_twitter_cards(client, article):
    page = read_page(client.get(article.get_absolute_url()))
    url = SITE + article.get_absolute_url()

    assert page.canonical == url == page.one("og:url")
    assert page.one("og:type") == "article"
    assert page.one("og:site_name") == "The Daily Newsroom"
    assert page.one("og:locale") == "en_US"
    assert page.one("og:title") == HEADLINE == page.one("twitter:title")
    assert page.one("og:description") == "Café society & the 東京 council"
    assert page.one("twitter:description") == page.one("og:description")
    assert page.one("article:published_time") == "2025-04-04T17:25:00+09:00"
    assert page.one("article:modified_time") == "2025-04-05T09:05:00+09:00"
    assert page.one("article:section") == "Politics"
    assert page.all("article:tag") == ["東京", "Café", "🎉"]
    assert page.one("twitter:card") == "summary_large_image"

    image = page.one("og:image")
    assert image == page.one("twitter:image")
    assert image.startswith(SITE + settings.MEDIA_URL) and "/social-" in image
    name = image.removeprefix(SITE + settings.MEDIA_URL)
    with default_storage.open(name) as file, Image.open(file) as social:
        assert social.size == (int(page.one("og:image:width")), int(page.one("og:image:height")))
    assert social.size == (1200, 630)
    assert page.one("og:image:alt") == "Lanterns over 浅草 at dusk"
    assert page.one("twitter:image:alt") == "Lanterns over 浅草 at dusk"


def test_a_small_photo_gives_its_real_size_and_no_photo_a_small_card(client):
    small = ArticleFactory(lead_photo=PhotoFactory(image__data=image_bytes(size=(400, 300))))
    page = read_page(client.get(small.get_absolute_url()))
    assert (page.one("og:image:width"), page.one("og:image:height")) == ("400", "210")

    plain = read_page(client.get(ArticleFactory().get_absolute_url()))
    assert plain.all("og:image") == [] and plain.all("twitter:image") == []
    assert plain.one("twitter:card") == "summary"


def _pages(article, zoe):
    """(address, og:title, canonical) of every kind of public page."""
    return [
        ("/", "The Daily Newsroom", "/"),
        ("/?page=2&utm_source=x", "The Daily Newsroom", "/?page=2"),
        ("/politics/", "Politics", "/politics/"),
        ("/tags/東京/", "東京", "/tags/%E6%9D%B1%E4%BA%AC/"),
        ("/authors/zoe-riley/", "Zoë Riley", "/authors/zoe-riley/"),
        ("/corrections/", "Corrections and clarifications", "/corrections/"),
        ("/rankings/", "Most read, 24 hours", "/rankings/?window=24h"),
        (
            "/rankings/?section=politics&window=7d",
            "Politics: most read, 7 days",
            "/rankings/?window=7d&section=politics",
        ),
        (
            "/search/?q=東京+port&section=politics&from=2025-04-01&to=&utm_source=x",
            "Search",
            "/search/?q=%E6%9D%B1%E4%BA%AC+port&section=politics&from=2025-04-01",
        ),
    ]


def test_every_page_has_one_canonical_address_shared_by_og_url(client, article, zoe):
    for _ in range(settings.ARTICLES_PER_PAGE):
        ArticleFactory(authors=[zoe], tag_names=["東京"])
    for address, title, canonical in _pages(article, zoe):
        page = read_page(client.get(address))
        assert page.canonical == SITE + canonical, address
        assert page.one("og:url") == page.canonical, address
        assert page.one("og:type") == "website", address
        assert page.one("og:title") == title, address
        assert page.one("og:site_name") == "The Daily Newsroom", address
        assert page.one("og:locale") == "en_US", address
        assert page.all("twitter:card") == [], address  # only articles have a card


def test_a_missing_page_claims_no_address(client):
    page = read_page(client.get("/politics/2025/04/04/no-such-story/"))
    assert page.canonical_links == [] and page.all("og:url") == []
    assert page.one("og:title") == "Page not found"


def test_the_article_trail_is_home_and_section_with_the_story_read_out(client, article):
    page = read_page(client.get(article.get_absolute_url()))
    assert page.breadcrumb_navs == 1
    assert [(c.text, c.href, c.current, c.hidden) for c in page.breadcrumbs] == [
        ("Home", "/", False, False),
        ("Politics", "/politics/", False, False),
        (HEADLINE, None, True, True),  # the <h1> right below shows it
    ]
    # One trail: the visible one is the BreadcrumbList search engines get.
    listed = page.of_type("BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in listed] == [c.text for c in page.breadcrumbs]
    assert [item["item"] for item in listed[:-1]] == [SITE + c.href for c in page.breadcrumbs[:-1]]


def test_tag_and_author_pages_show_their_trail(client, zoe):
    yamada = AuthorFactory(name="山田 太郎", slug="yamada-taro")
    ArticleFactory(
        section=SectionFactory(name="経済", slug="keizai"),
        authors=[zoe, yamada],
        tag_names=["Café"],
    )
    for address, name in [
        ("/tags/café/", "Café"),
        ("/authors/zoe-riley/", "Zoë Riley"),
        ("/authors/yamada-taro/", "山田 太郎"),
    ]:
        page = read_page(client.get(address))
        assert [(c.text, c.href, c.current, c.hidden) for c in page.breadcrumbs] == [
            ("Home", "/", False, False),
            (name, None, True, False),
        ], address
        listed = page.of_type("BreadcrumbList")["itemListElement"]
        assert [item["name"] for item in listed] == ["Home", name], address


def test_section_home_and_list_pages_have_no_trail(client, article):
    for address in ["/", "/politics/", "/corrections/", "/rankings/"]:
        page = read_page(client.get(address))
        assert page.breadcrumb_navs == 0 and page.breadcrumbs == [], address
