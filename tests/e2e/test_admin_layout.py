"""The article list and form at 1280 px, the width the desk's laptops have, with the
admin's sidebar open: nothing cut off, nothing wrapped away from what it belongs to."""

import pytest

from tests.factories import ArticleFactory, AuthorFactory

from .browser import log_in, watch_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉 Zoë Riley reports from the Café Zürich"


@pytest.fixture
def desk_at_1280(page, live_server, editor):
    page.set_viewport_size({"width": 1280, "height": 900})
    refused = watch_csp(page)
    log_in(page, live_server, editor)
    yield page
    assert refused == []


def test_the_article_list_shows_every_column_and_a_readable_headline(desk_at_1280, live_server):
    ArticleFactory(headline=HEADLINE, authors=[AuthorFactory(name="Zoë Riley")])
    desk_at_1280.goto(live_server.url + "/admin/articles/article/")
    widths = desk_at_1280.evaluate(
        """() => ({
          results: document.querySelector('#changelist .results').clientWidth,
          table: document.querySelector('#result_list').scrollWidth,
          headline: document.querySelector('#result_list td.field-headline').clientWidth,
        })"""
    )
    assert widths["table"] <= widths["results"]
    assert widths["headline"] >= 176  # 11rem


def test_a_byline_keeps_its_icons_on_the_author_box_line(desk_at_1280, live_server):
    article = ArticleFactory(headline=HEADLINE, authors=[AuthorFactory(name="Zoë Riley")])
    desk_at_1280.goto(live_server.url + f"/admin/articles/article/{article.pk}/change/")
    box = desk_at_1280.locator("#bylines-0 .field-author .select2-container").bounding_box()
    view = desk_at_1280.locator("#bylines-0 .field-author .view-related").bounding_box()
    assert view["y"] < box["y"] + box["height"]
