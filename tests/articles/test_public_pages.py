"""The public site as a reader sees it: what shows, what is hidden, and at what SQL cost."""

import datetime
import re
import zoneinfo

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory
from tests.images import image_bytes

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def test_article_page_follows_the_reference_layout(client):
    author = AuthorFactory(name="Mina Okafor", slug="mina-okafor")
    desk = AuthorFactory(name="Staff writer", slug="staff-writer")
    article = ArticleFactory(
        headline="EU leaders agree on energy plan; smaller members win guarantees",
        dateline="Brussels",
        body="<p>European leaders agreed on Thursday.</p><p>“It is a start,” one said.</p>",
        published_at=datetime.datetime(2025, 4, 4, 17, 25, tzinfo=TOKYO),
        lead_photo=PhotoFactory(),
        authors=[author, desk],
        tag_names=["European Union", "Energy"],
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert article.get_absolute_url() == ("/politics/2025/04/04/" + article.slug + "/")
    assert '<li><a href="/politics/">Politics</a></li>' in html  # the breadcrumb
    assert '<h1 class="article__headline">EU leaders agree on energy plan; smaller' in html
    assert '<figure class="photo">' in html
    assert "Ana Costa, left, and Bo Lind arrive" in html
    assert "Kim Sato / Newsroom" in html
    assert 'alt="Two officials walking into a building"' in html
    assert "17:25 JST, April 4, 2025" in html
    assert '<a href="/authors/mina-okafor/">Mina Okafor</a> and' in html
    assert '<p><span class="dateline">BRUSSELS —</span> European leaders' in html
    assert 'href="/tags/european-union/">European Union</a>' in html
    assert '<link rel="canonical" href="http://testserver' + article.get_absolute_url() in html
    assert '<meta name="description" content="What happened, in a sentence.">' in html
    assert "Updated" not in html


def test_a_substantive_update_shows_its_own_line(client):
    article = ArticleFactory(
        published_at=datetime.datetime(2025, 4, 4, 17, 25, tzinfo=TOKYO),
        updated_at=datetime.datetime(2025, 4, 5, 9, 5, tzinfo=TOKYO),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Updated <time" in html
    assert "09:05 JST, April 5, 2025" in html


@pytest.mark.parametrize(
    "status, hours_ago",
    [
        (Article.Status.DRAFT, None),
        (Article.Status.REVIEW, None),
        (Article.Status.UNPUBLISHED, 5),
        (Article.Status.PUBLISHED, -2),  # scheduled two hours ahead
    ],
)
def test_readers_never_see_unpublished_or_future_articles(client, status, hours_ago):
    published_at = None
    if hours_ago is not None:
        published_at = timezone.now() - datetime.timedelta(hours=hours_ago)
    hidden = ArticleFactory(
        headline="Hidden story", status=status, published_at=published_at, tag_names=["secret"]
    )
    author = AuthorFactory(slug="hidden-author")
    hidden.bylines.create(author=author)
    visible = ArticleFactory(headline="Visible story", tag_names=["secret"])
    visible.bylines.create(author=author)

    published_url = hidden.get_absolute_url()
    assert client.get(published_url).status_code == 404
    for url in ["/", "/politics/", "/tags/secret/", "/authors/hidden-author/"]:
        html = client.get(url).content.decode()
        assert "Visible story" in html, url
        assert "Hidden story" not in html, url


def test_a_scheduled_article_goes_out_by_itself_when_its_time_comes(client):
    soon = timezone.now() + datetime.timedelta(minutes=5)
    article = ArticleFactory(published_at=soon)
    assert client.get(article.get_absolute_url()).status_code == 404

    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    article.refresh_from_db()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_an_old_address_redirects_to_the_current_one(client):
    article = ArticleFactory(published_at=datetime.datetime(2025, 4, 4, 12, tzinfo=TOKYO))
    old = f"/world/2025/04/03/{article.slug}/"
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


def test_home_page_shows_a_lead_story_and_each_section(client):
    business = SectionFactory(name="Business", slug="business")
    ArticleFactory(
        headline="Older politics story", published_at=timezone.now() - datetime.timedelta(days=2)
    )
    ArticleFactory(headline="Markets rally", section=business)
    lead = ArticleFactory(headline="The newest story", lead_photo=PhotoFactory())

    html = client.get("/").content.decode()

    assert html.index("The newest story") < html.index("Markets rally")
    assert 'aria-labelledby="section-business"' in html
    assert 'aria-labelledby="section-politics"' in html
    assert lead.lead_photo.alt_text in html


def test_an_empty_site_says_so(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No articles have been published yet." in response.content.decode()


def test_a_site_with_one_article_shows_it_as_the_lead_and_no_empty_list(client):
    ArticleFactory(headline="The only story")
    html = client.get("/").content.decode()
    assert "The only story" in html
    assert 'class="empty"' not in html


def test_lists_are_paginated_with_a_canonical_per_page(client, settings):
    for n in range(settings.ARTICLES_PER_PAGE + 3):
        ArticleFactory(published_at=timezone.now() - datetime.timedelta(minutes=n + 1))
    first = client.get("/politics/").content.decode()
    second = client.get("/politics/?page=2").content.decode()
    assert 'rel="next" href="?page=2"' in first
    assert "Page 2 of 2" in second
    assert '<link rel="canonical" href="http://testserver/politics/?page=2">' in second
    assert client.get("/politics/?page=9").status_code == 404
    assert client.get("/politics/?page=abc").status_code == 404


@pytest.mark.parametrize(
    "url, title, heading",
    [
        (
            "/",
            "Latest news, page 2 · The Daily Newsroom",
            "The Daily Newsroom: latest news, page 2",
        ),
        ("/politics/", "Politics, page 2 · The Daily Newsroom", "Politics"),
        ("/tags/東京/", "東京, page 2 · The Daily Newsroom", "東京"),
        ("/authors/mina-okafor/", "Mina Okafor, page 2 · The Daily Newsroom", "Mina Okafor"),
    ],
)
def test_a_lists_later_pages_say_their_number_in_the_title(client, settings, url, title, heading):
    author = AuthorFactory(name="Mina Okafor", slug="mina-okafor")
    for n in range(settings.ARTICLES_PER_PAGE + 2):
        ArticleFactory(
            authors=[author],
            tag_names=["東京"],
            published_at=timezone.now() - datetime.timedelta(minutes=n + 1),
        )
    first = client.get(url).content.decode()
    assert "page 1" not in first and ", page" not in first
    second = client.get(url + "?page=2").content.decode()
    assert f"<title>{title}</title>" in second
    assert re.search(rf"<h1[^>]*>{heading}</h1>", second)


def test_the_home_page_credits_every_photo_and_captions_the_lead(client):
    ArticleFactory(
        headline="Older story",
        lead_photo=PhotoFactory(caption="Harbour at dawn", credit="Rin Abe"),
        published_at=timezone.now() - datetime.timedelta(hours=3),
    )
    ArticleFactory(
        headline="Lead story",
        lead_photo=PhotoFactory(caption="Émile & Zoë at the café 🎉", credit="Kim Sato"),
    )
    html = client.get("/").content.decode()
    lead = html.split('<section class="lead-story"')[1].split("</section>")[0]
    assert '<figure class="lead-story__photo photo">' in lead
    assert '<span class="photo__caption">Émile &amp; Zoë at the café 🎉</span>' in lead
    assert '<span class="photo__credit">Kim Sato</span>' in lead
    card = html.split('<figure class="card__photo">')[1].split("</figure>")[0]
    assert '<span class="photo__credit">Rin Abe</span>' in card
    assert "Harbour at dawn" not in html  # a card is too small for a caption


@pytest.mark.parametrize(
    "query, canonical",
    [
        ("", "/rankings/?window=24h"),
        ("?section=business&window=7d&utm_source=x", "/rankings/?window=7d&amp;section=business"),
        ("?window=30d&page=3", "/rankings/?window=30d"),
    ],
)
def test_the_ranking_pages_canonical_names_its_window_and_section(client, query, canonical):
    ArticleFactory(section=SectionFactory(name="Business", slug="business"))
    html = client.get("/rankings/" + query).content.decode()
    assert f'<link rel="canonical" href="http://testserver{canonical}">' in html


def test_a_tag_only_drafts_carry_is_not_public(client):
    ArticleFactory(status=Article.Status.DRAFT, published_at=None, tag_names=["Secret merger"])
    response = client.get("/tags/secret-merger/")
    assert response.status_code == 404
    assert "Secret merger" not in response.content.decode()


def test_the_not_found_page_is_a_page_of_the_site(client):
    html = client.get("/nowhere/at/all/").content.decode()
    assert "<title>Page not found · The Daily Newsroom</title>" in html
    assert '<meta name="description"' in html
    # An address with nothing at it is no page to prefer or share.
    assert '<link rel="canonical"' not in html and 'property="og:url"' not in html


def test_the_server_error_page_uses_the_collected_stylesheet_in_production(settings, tmp_path):
    """Django renders 500.html without context; {% static %} still names the file that
    production's manifest storage collected, and the site serves it."""
    settings.ROOT_URLCONF = "tests.broken_urls"
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    policy = dict(part.split(" ", 1) for part in response["Content-Security-Policy"].split("; "))
    assert policy["style-src"] == "'self'"
    html = response.content.decode()
    assert " style=" not in html and "<style" not in html
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)">', html)[1]
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", stylesheet)
    css = client.get(stylesheet)
    assert css.status_code == 200
    assert css["Content-Type"].startswith("text/css")
    assert b".error-page" in b"".join(css.streaming_content)


def test_the_current_section_is_marked_in_the_navigation(client):
    article = ArticleFactory()
    for url in ["/politics/", article.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert '<a href="/politics/" aria-current="page">Politics</a>' in html


def test_unknown_section_tag_and_author_are_404(client):
    for url in ["/nowhere/", "/tags/nothing/", "/authors/nobody/"]:
        assert client.get(url).status_code == 404


def _fill(n_articles):
    """n articles across two sections, each with two bylines, two tags and a photo."""
    sections = [SectionFactory(name="Politics"), SectionFactory(name="Business")]
    for n in range(n_articles):
        ArticleFactory(
            section=sections[n % 2],
            lead_photo=PhotoFactory(),
            authors=[AuthorFactory(), AuthorFactory()],
            tag_names=[f"tag-{n}", "common"],
            published_at=timezone.now() - datetime.timedelta(minutes=n + 1),
        )
    return Article.objects.published().first()


# nav sections + paginator count + articles + bylines + tags (+ the list's own object),
# and, on a cold cache, two per ranking widget (the ranking, then its articles or the
# latest articles as a fallback).
EXPECTED_QUERIES = {
    "/": (6, 2),  # + section blocks with their sections; the site ranking
    "/politics/": (6, 0),
    "/tags/common/": (6, 0),
    "/authors/{author}/": (6, 0),
    # nav + article with section and photo + bylines + tags + corrections + the two
    # queries of "Related" (articles sharing a tag; the latest of the section); 2 widgets,
    # each its ranking and the latest articles that fill it
    "{article}": (7, 4),
}
# Once per content version, not per page: when the next scheduled article goes live.
VERSION_QUERIES = 1


@pytest.mark.parametrize("url_pattern", EXPECTED_QUERIES)
def test_every_page_costs_the_same_queries_whatever_it_shows(
    client, django_assert_num_queries, settings, url_pattern
):
    page_queries, widget_queries = EXPECTED_QUERIES[url_pattern]
    for n_articles in (2, 12):
        settings.PAGE_CACHE_SECONDS = 60
        Article.objects.all().delete()
        caches["default"].clear()
        article = _fill(n_articles)
        url = url_pattern.format(
            author=article.bylines.first().author.slug, article=article.get_absolute_url()
        )
        with django_assert_num_queries(VERSION_QUERIES + page_queries + widget_queries):
            response = client.get(url)
        assert response.status_code == 200
        # The next reader gets the whole page from the cache.
        with django_assert_num_queries(0):
            assert client.get(url).content == response.content
        # Built again, the page finds its ranking widgets cached.
        settings.PAGE_CACHE_SECONDS = 0
        with django_assert_num_queries(page_queries):
            client.get(url)


def test_an_article_can_override_the_caption_and_credit(client):
    photo = PhotoFactory(caption="The library's caption", credit="Library credit")
    article = ArticleFactory(
        lead_photo=photo, lead_photo_caption="This story's caption", lead_photo_credit=""
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "This story&#x27;s caption" in html
    assert "Library credit" in html
    assert "The library&#x27;s caption" not in html
    assert article.lead_credit == "Library credit"


def test_the_social_image_is_the_1200_by_630_crop(client):
    article = ArticleFactory(lead_photo=PhotoFactory(image__data=image_bytes(size=(1600, 900))))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "social-0-30-1200.jpg" in html
    assert '<meta property="og:image:width" content="1200">' in html
