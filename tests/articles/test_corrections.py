"""Corrections: written by editors in the article form, printed dated with the article,
listed on /corrections/ and its feed, and each one a change to its article."""

import datetime
import xml.etree.ElementTree as ET
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from articles.corrections import add_correction
from articles.models import Article, Correction
from tests.factories import ArticleFactory, client_of

from .admin_forms import change_data, change_url
from .test_feeds import as_a_feed_reader_sees_it
from .test_sitemaps import SITE, sitemap

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
CORRECTION = "An earlier version of this article misspelt the name of Zoë Riley’s café in 東京."
BRIDGE = "東京湾の新しい橋、市議会が承認 🌉"


@pytest.fixture
def bridge():
    return ArticleFactory(headline=BRIDGE, slug="tokyo-bay-bridge")


def typed_correction(*, serious=False, **typed):
    """The empty correction row of the change form, filled in as an editor does."""
    fields = {
        "corrections-0-kind": "correction",
        "corrections-0-text": CORRECTION,
        "corrections-0-made_at_0": "2025-04-05",
        "corrections-0-made_at_1": "10:02:00",
        **typed,
    }
    return fields, ("corrections-0-serious",) if serious else ()


def save_in_admin(client, url, data, capture):
    with capture(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_an_editor_adds_a_correction_and_readers_see_it_dated_at_the_foot(
    editor_client, editor, bridge, django_capture_on_commit_callbacks
):
    version = bridge.version
    typed, tick = typed_correction()
    data = change_data(editor_client, bridge, tick=tick, **typed)
    save_in_admin(editor_client, change_url(bridge), data, django_capture_on_commit_callbacks)

    correction = Correction.objects.get(article=bridge)
    assert correction.made_at == datetime.datetime(2025, 4, 5, 10, 2, tzinfo=TOKYO)
    bridge.refresh_from_db()
    assert bridge.version == version + 1, "one save of the article, not one per correction"
    assert bridge.modified_by == editor

    html = Client().get(bridge.get_absolute_url()).content.decode()
    printed = (
        f'<li class="correction" id="correction-{correction.pk}">'
        '<strong class="correction__kind">Correction</strong>, '
        '<time datetime="2025-04-05T10:02:00+09:00">10:02 JST, April 5, 2025</time>: '
        f"{escape(CORRECTION)}</li>"
    )
    assert printed in html
    assert html.index('class="article__body"') < html.index(printed) < html.index("</article>")
    assert '<aside class="corrections corrections--foot"' in html


def test_a_serious_correction_is_printed_above_the_story(
    editor_client, bridge, django_capture_on_commit_callbacks
):
    typed, tick = typed_correction(serious=True, **{"corrections-0-kind": "editors_note"})
    data = change_data(editor_client, bridge, tick=tick, **typed)
    save_in_admin(editor_client, change_url(bridge), data, django_capture_on_commit_callbacks)

    html = Client().get(bridge.get_absolute_url()).content.decode()
    note = html.index('<strong class="correction__kind">Editor&#x27;s note</strong>, <time')
    assert html.index('class="article__meta"') < note < html.index('class="article__body"')
    assert '<aside class="corrections corrections--top"' in html
    assert "corrections--foot" not in html


def test_the_new_correction_is_made_now_in_newsroom_time(editor_client, bridge):
    page = editor_client.get(change_url(bridge)).content.decode()
    data = change_data(editor_client, bridge)
    shown = datetime.datetime.fromisoformat(
        f"{data['corrections-0-made_at_0']}T{data['corrections-0-made_at_1']}"
    ).replace(tzinfo=TOKYO)
    assert abs(timezone.now() - shown) < datetime.timedelta(minutes=1)
    assert "Made at (JST)" in page


def test_a_draft_offers_no_empty_correction_but_an_editor_may_add_one(editor_client):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    data = change_data(editor_client, draft)
    assert data["corrections-TOTAL_FORMS"] == "0"
    assert "corrections-__prefix__-text" in data  # the row "Add another" copies


def test_a_reporter_reads_corrections_but_cannot_add_change_or_delete_one(
    reporter_client, reporter, django_capture_on_commit_callbacks
):
    own = ArticleFactory(owner=reporter, status=Article.Status.REVIEW, published_at=None)
    earlier = Correction.objects.create(
        article=own,
        kind="clarification",
        text="市議会の採決は31対9でした。",
        made_at=datetime.datetime(2025, 4, 5, 10, 2, tzinfo=TOKYO),
    )
    page = reporter_client.get(change_url(own)).content.decode()
    assert "市議会の採決は31対9でした。" in page
    assert "10:02 JST, April 5, 2025" in page
    assert 'name="corrections-0-text"' not in page

    data = change_data(reporter_client, own, headline="Bridge vote: 31 to 9")
    forged = {
        "corrections-TOTAL_FORMS": "2",
        "corrections-0-id": str(earlier.pk),
        "corrections-0-text": "Forged",
        "corrections-0-DELETE": "on",
        "corrections-1-kind": "correction",
        "corrections-1-text": "A forged correction <script>alert(1)</script>",
    }
    save_in_admin(
        reporter_client, change_url(own), {**data, **forged}, django_capture_on_commit_callbacks
    )

    assert list(Correction.objects.values_list("pk", "text")) == [
        (earlier.pk, "市議会の採決は31対9でした。")
    ]
    own.refresh_from_db()
    assert own.headline == "Bridge vote: 31 to 9"


def test_a_reporter_cannot_post_to_a_live_articles_form(reporter_client, bridge):
    # Forged: the page a reporter gets of a live article is read-only, with no form to send.
    assert reporter_client.post(change_url(bridge), {"corrections-0-text": "x"}).status_code == 403
    assert not Correction.objects.exists()


def test_an_editor_changes_and_deletes_a_correction_in_the_form(
    editor_client, bridge, django_capture_on_commit_callbacks
):
    correction = add_correction(bridge, kind="correction", text="Wrong date.", by=None)
    data = change_data(editor_client, bridge, **{"corrections-0-text": "The vote was on Tuesday."})
    save_in_admin(editor_client, change_url(bridge), data, django_capture_on_commit_callbacks)
    correction.refresh_from_db()
    assert correction.text == "The vote was on Tuesday."

    data = change_data(editor_client, bridge, tick=["corrections-0-DELETE"])
    save_in_admin(editor_client, change_url(bridge), data, django_capture_on_commit_callbacks)
    assert not Correction.objects.exists()


# The corrections page


def correction_on(article, minutes_ago, text=CORRECTION, **fields):
    made_at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    return Correction.objects.create(article=article, text=text, made_at=made_at, **fields)


def test_the_corrections_page_lists_those_readers_may_see_newest_first(client):
    later = timezone.now() + datetime.timedelta(days=1)
    hidden = [
        ArticleFactory(headline="Draft ✍️", status=Article.Status.DRAFT, published_at=None),
        ArticleFactory(headline="Taken down", status=Article.Status.UNPUBLISHED),
        ArticleFactory(headline="Scheduled ⏰", published_at=later),
        ArticleFactory(headline="Embargoed 🔒", published_at=later, embargoed_until=later),
    ]
    for article in hidden:
        correction_on(article, 1, text=f"Hidden: {article.headline}")
    older = correction_on(ArticleFactory(headline="Café Zürich closes"), 60, text="Older one.")
    newer = correction_on(
        ArticleFactory(headline=BRIDGE), 5, text="Newer: 31対9.", kind="clarification"
    )

    html = client.get("/corrections/").content.decode()

    assert "Hidden" not in html
    assert html.index("Newer: 31対9.") < html.index("Older one.")
    assert f'<a href="{newer.get_absolute_url()}">{BRIDGE}</a>' in html
    assert f"#correction-{older.pk}" in html
    assert '<strong class="correction__kind">Clarification</strong>, <time' in html
    assert "<title>Corrections · The Daily Newsroom</title>" in html
    assert '<a href="/corrections/">Corrections</a>' in client.get("/").content.decode()


def test_the_corrections_page_is_paginated_like_every_list(client, settings):
    article = ArticleFactory()
    for n in range(settings.ARTICLES_PER_PAGE + 2):
        correction_on(article, n + 1, text=f"Correction number {n}.")
    first = client.get("/corrections/").content.decode()
    second = client.get("/corrections/?page=2").content.decode()
    assert "Correction number 0." in first and "Correction number 21." not in first
    assert "Correction number 21." in second and "Page 2 of 2" in second
    assert '<link rel="canonical" href="http://testserver/corrections/?page=2">' in second
    assert client.get("/corrections/?page=999").status_code == 404
    assert client.get("/corrections/?page=abc").status_code == 404


def test_an_empty_corrections_page_says_so(client):
    assert "No corrections have been published." in client.get("/corrections/").content.decode()


@pytest.mark.parametrize("url", ["/corrections/", "/corrections/feed/"])
def test_the_corrections_page_and_feed_cost_the_same_queries_whatever_they_show(
    client, django_assert_num_queries, settings, url
):
    settings.PAGE_CACHE_SECONDS = 0
    # The page: nav sections + paginator count + corrections with articles and sections;
    # the feed: the corrections alone.
    queries = 3 if url == "/corrections/" else 1
    for count in (2, 12):
        Article.objects.all().delete()
        for n in range(count):
            correction_on(ArticleFactory(), n + 1)
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def test_the_corrections_feed_reaches_readers_as_text(client):
    hostile = "<script>alert(1)</script> 市議会の採決は31対9でした & Zoë"
    article = ArticleFactory(headline="<img src=x onerror=alert(2)> 東京湾の橋 🌉")
    first = correction_on(article, 30, text=hostile)
    second = correction_on(article, 10, text="Second.", kind="editors_note")
    correction_on(ArticleFactory(status=Article.Status.DRAFT, published_at=None), 1, text="Draft")

    response = client.get("/corrections/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")

    assert len(items) == 2
    newest, oldest = items
    assert as_a_feed_reader_sees_it(oldest.findtext("title")) == (
        [],
        "Correction: <img src=x onerror=alert(2)> 東京湾の橋 🌉",
    )
    assert as_a_feed_reader_sees_it(oldest.findtext("description")) == ([], hostile)
    assert as_a_feed_reader_sees_it(newest.findtext("title"))[1].startswith("Editor's note: ")
    assert oldest.findtext("link") == f"{SITE}{article.get_absolute_url()}#correction-{first.pk}"
    assert newest.findtext("link") == f"{SITE}{article.get_absolute_url()}#correction-{second.pk}"
    assert len({item.findtext("guid") for item in items}) == 2


# A correction is a change to its article


def test_a_correction_made_in_code_saves_its_article(editor):
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(
        modified_at=timezone.now() - datetime.timedelta(days=3)
    )
    article.refresh_from_db()
    version, before = article.version, article.modified_at

    correction = add_correction(article, kind="correction", text=CORRECTION, by=editor)
    article.refresh_from_db()
    assert article.modified_at > before
    assert article.modified_by == editor
    assert article.version == version + 1

    correction.text = "Changed in a shell."
    correction.save()
    correction.delete()
    Correction.objects.create(article=article, text="Made with the ORM alone.")
    article.refresh_from_db()
    assert article.version == version + 4
    assert article.modified_by is None, "not the editor: nobody said who made these"


def test_deleting_an_article_takes_its_corrections_with_it(editor):
    article = ArticleFactory()
    add_correction(article, kind="correction", text=CORRECTION, by=editor)
    article.delete()
    assert not Correction.objects.exists()


def test_a_correction_moves_the_sitemap_lastmod_on(editor, django_capture_on_commit_callbacks):
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(
        modified_at=datetime.datetime(2025, 4, 5, 9, 0, tzinfo=TOKYO)
    )
    assert sitemap(Client())[SITE + article.get_absolute_url()] == "2025-04-05"

    with django_capture_on_commit_callbacks(execute=True):
        add_correction(article, kind="clarification", text="市議会の採決は31対9でした。", by=editor)

    lastmod = sitemap(Client())[SITE + article.get_absolute_url()]
    assert lastmod == f"{timezone.localdate():%Y-%m-%d}"


def test_a_cached_article_page_shows_a_new_correction_at_the_next_request(
    editor, bridge, django_capture_on_commit_callbacks
):
    reader = Client()
    url = bridge.get_absolute_url()
    reader.get(url)
    assert reader.get(url).templates == [], "the page now comes from the cache"

    with django_capture_on_commit_callbacks(execute=True):
        add_correction(bridge, kind="correction", text=CORRECTION, by=editor)

    assert "misspelt the name of Zoë Riley" in reader.get(url).content.decode()
    assert "misspelt the name" in reader.get("/corrections/").content.decode()


def test_a_form_opened_before_a_correction_was_added_is_stale(
    editor_client, other_editor, bridge, django_capture_on_commit_callbacks
):
    opened_before = change_data(editor_client, bridge, headline="東京湾の橋: vote delayed")
    alice = client_of(other_editor)
    typed, tick = typed_correction()
    data = change_data(alice, bridge, tick=tick, **typed)
    save_in_admin(alice, change_url(bridge), data, django_capture_on_commit_callbacks)

    response = editor_client.post(change_url(bridge), opened_before)

    assert response.status_code == 200
    assert "Alice Ng saved this article at " in response.content.decode()
    bridge.refresh_from_db()
    assert bridge.headline == BRIDGE
