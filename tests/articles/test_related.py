""" "Related" under an article, as a reader gets it: the order, what never shows, its
SQL cost, and the page cache keeping it fresh."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory
from tests.page_forms import form_data
from tests.page_lists import related_lines

pytestmark = pytest.mark.django_db

TAGS = ["東京", "Café", "選挙 🗳️"]


def ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.fixture
def business():
    return SectionFactory(name="Business", slug="business")


@pytest.fixture
def reading(politics):
    """The article being read: Politics, three tags."""
    return ArticleFactory(headline="Tokyo votes", section=politics, tag_names=TAGS)


def headlines(client, article):
    lines = related_lines(client.get(article.get_absolute_url()))
    return None if lines is None else [line.headline for line in lines]


def test_most_shared_tags_first_then_the_section_then_the_newest(
    client, settings, reading, politics, business
):
    settings.ARTICLES_RELATED_SIZE = 7
    ArticleFactory(
        headline="Three tags, Business", section=business, tag_names=TAGS, published_at=ago(50)
    )
    ArticleFactory(headline="Two tags, Politics, older", tag_names=TAGS[:2], published_at=ago(40))
    ArticleFactory(headline="Two tags, Politics, newer", tag_names=TAGS[1:], published_at=ago(30))
    ArticleFactory(
        headline="Two tags, Business, newest",
        section=business,
        tag_names=TAGS[:2],
        published_at=ago(2),
    )
    ArticleFactory(
        headline="One tag, Business", section=business, tag_names=["café"], published_at=ago(20)
    )
    ArticleFactory(headline="No tag, Politics, newest", published_at=ago(1), tag_names=["Other"])
    ArticleFactory(headline="No tag, Politics, older", published_at=ago(60))
    ArticleFactory(headline="No tag, Business", section=business, published_at=ago(1))

    assert headlines(client, reading) == [
        "Three tags, Business",
        "Two tags, Politics, newer",
        "Two tags, Politics, older",
        "Two tags, Business, newest",
        "One tag, Business",  # "café": tags are matched whatever their case
        "No tag, Politics, newest",
        "No tag, Politics, older",
    ]  # never "No tag, Business": another section sharing nothing is unrelated


def test_the_list_is_cut_to_the_setting_and_each_card_shows_time_and_photo(
    client, settings, reading
):
    settings.ARTICLES_RELATED_SIZE = 2
    ArticleFactory(headline="Harbour 🌉 photo", tag_names=TAGS, lead_photo=PhotoFactory())
    ArticleFactory(headline="Zoë's analysis", tag_names=TAGS[:2], published_at=ago(3))
    ArticleFactory(headline="Third in line", tag_names=TAGS[:1])

    lines = related_lines(client.get(reading.get_absolute_url()))

    assert [line.headline for line in lines] == ["Harbour 🌉 photo", "Zoë's analysis"]
    assert [line.has_picture for line in lines] == [True, False]
    analysis = Article.objects.get(headline="Zoë's analysis")
    assert lines[1].url == analysis.get_absolute_url()
    local = timezone.localtime(analysis.published_at)
    assert lines[1].text.endswith(f"{local:%H:%M} JST, {local:%B} {local.day}, {local.year}")


def test_never_the_article_itself_nor_what_readers_cannot_see(client, reading):
    hidden = {
        "Draft": {"status": Article.Status.DRAFT, "published_at": None},
        "Scheduled": {"published_at": timezone.now() + datetime.timedelta(hours=2)},
        "Embargoed": {
            "published_at": ago(1),
            "embargoed_until": ago(2),  # set below to the future, past the constraint
        },
        "Unpublished": {"status": Article.Status.UNPUBLISHED},
    }
    for headline, fields in hidden.items():
        ArticleFactory(headline=f"{headline} 東京 story", tag_names=TAGS, **fields)
    Article.objects.filter(headline="Embargoed 東京 story").update(
        embargoed_until=timezone.now() + datetime.timedelta(hours=1),
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )
    ArticleFactory(headline="Visible 東京 story", tag_names=TAGS[:1])

    assert headlines(client, reading) == ["Visible 東京 story"]


def test_an_article_without_tags_gets_the_latest_of_its_section(client, politics, business):
    untagged = ArticleFactory(headline="Untagged", published_at=ago(5))
    ArticleFactory(headline="Politics, older", published_at=ago(10))
    ArticleFactory(headline="Politics, newer", published_at=ago(1))
    ArticleFactory(headline="Business story", section=business, published_at=ago(1))

    assert headlines(client, untagged) == ["Politics, newer", "Politics, older"]


def test_nothing_related_shows_no_related_section(client, reading, business):
    ArticleFactory(headline="Elsewhere", section=business, tag_names=["Markets"])
    assert headlines(client, reading) is None


def test_japanese_tags_match_across_sections(client, politics, business):
    reading = ArticleFactory(headline="知事選", tag_names=["東京", "選挙"])
    ArticleFactory(headline="大阪の選挙", section=business, tag_names=["大阪", "選挙"])
    ArticleFactory(headline="東京の選挙", section=business, tag_names=["選挙", "東京"])
    assert headlines(client, reading) == ["東京の選挙", "大阪の選挙"]


@pytest.mark.parametrize("n_tags", [2, 12])
def test_related_costs_two_queries_whatever_the_tags_and_articles(
    client, django_assert_num_queries, settings, politics, business, n_tags
):
    """The page's queries with "Related" (tests/articles/test_public_pages.py counts the
    page); here, what "Related" itself costs, with 2 or 12 tags and 3 or 30 candidates."""
    from articles.related import related_articles

    tags = [f"タグ{n}" for n in range(n_tags)]
    reading = ArticleFactory(tag_names=tags)
    for n in range(3 if n_tags == 2 else 30):
        ArticleFactory(
            section=(politics, business)[n % 2],
            tag_names=tags[n % n_tags :][:3],
            lead_photo=PhotoFactory() if n < 3 else None,
            published_at=ago(n + 2),
        )
    article = Article.objects.for_listing().get(pk=reading.pk)
    list(article.tags.all())  # prefetched, as the article page has them
    with django_assert_num_queries(2):
        related = related_articles(article)
        for item in related:  # what the cards show costs nothing more
            str(item.section), item.lead_photo and item.lead_photo.alt_text
    assert len(related) == min(settings.ARTICLES_RELATED_SIZE, 3 if n_tags == 2 else 30)


def test_the_cached_page_shows_an_edited_related_headline_at_the_next_request(
    editor_client, reading, django_capture_on_commit_callbacks
):
    reader = Client()  # editor_client is the test's `client`, signed in
    related = ArticleFactory(headline="Before: 東京 bridge", tag_names=TAGS[:1])
    url = reading.get_absolute_url()
    assert headlines(reader, reading) == ["Before: 東京 bridge"]
    assert reader.get(url).templates == []  # now served from the page cache

    change = reverse("admin:articles_article_change", args=[related.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            change,
            form_data(
                editor_client.get(change), form_id="article_form", headline="After: Zoë's bridge"
            ),
        )
    assert response.status_code == 302

    assert headlines(reader, reading) == ["After: Zoë's bridge"]
