"""The bylines box and the headline box of the article form, in Chromium."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Author
from tests.factories import ArticleFactory, AuthorFactory

from .browser import log_in, watch_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SPECIAL_TO = "Special to The Daily Newsroom"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def draft(**kwargs):
    return ArticleFactory(status=Article.Status.DRAFT, published_at=None, **kwargs)


def pick_author(page, row, name):
    """Type a name into a row's author box (a select2 autocomplete) and take the match."""
    page.locator(f"#bylines-{row} .field-author .select2-selection").click()
    page.locator(".select2-search__field").fill(name)
    page.locator(".select2-results__option", has_text=name).click()


def save(page):
    page.get_by_role("button", name="Save and continue editing").click()


@pytest.fixture
def desk(page, live_server, editor):
    refused = watch_csp(page)
    log_in(page, live_server, editor)
    expect(page.get_by_role("heading", name="Desk")).to_be_visible()
    yield page
    assert refused == []


def test_an_editor_orders_two_bylines_and_credits_one(desk, live_server):
    AuthorFactory(name="Zoë Riley")
    AuthorFactory(name="佐藤 健")
    article = draft(headline="東京湾の新しい橋、市議会が承認 🌉", authors=[])
    desk.goto(live_server.url + change_url(article))

    pick_author(desk, 0, "Zoë Riley")
    desk.get_by_role("button", name="Add another Byline").click()
    pick_author(desk, 1, "佐藤 健")
    desk.locator("#bylines-1").get_by_role("button", name="Move byline up").click()
    rows = desk.locator("#bylines-group tbody tr.form-row:not(.empty-form)")
    expect(rows.first.locator(".field-author")).to_contain_text("佐藤 健")

    credit = rows.nth(1).locator(".field-credit input")
    suggestions = desk.locator(f"datalist#{credit.get_attribute('list')} option")
    expect(suggestions.first).to_have_attribute("value", SPECIAL_TO)
    credit.fill(SPECIAL_TO)
    save(desk)
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")

    assert [(b.author.name, b.credit) for b in article.bylines.all()] == [
        ("佐藤 健", ""),
        ("Zoë Riley", SPECIAL_TO),
    ]
    desk.goto(f"{live_server.url}/preview/{article.pk}/")
    expect(desk.locator(".byline")).to_have_text(f"By 佐藤 健 and Zoë Riley, {SPECIAL_TO}")


def test_the_headline_box_is_two_lines_and_counts_what_the_limit_counts(desk, live_server):
    desk.goto(live_server.url + "/admin/articles/article/add/")
    headline = desk.get_by_role("textbox", name="Headline:", exact=True)
    expect(headline).to_have_attribute("rows", "2")
    headline.press_sequentially("東京湾の新しい橋 🌉")
    expect(desk.locator("#id_headline-count")).to_have_text("10 / 300")

    headline.fill("Harbour bridge\nvote 🌉")
    expect(headline).to_have_value("Harbour bridge vote 🌉")
    expect(desk.locator("#id_headline-count")).to_have_text("21 / 300")
    headline.press("End")
    headline.press_sequentially(" passes")
    expect(desk.locator("#id_slug")).to_have_value("harbour-bridge-vote-passes")


def test_saving_without_a_byline_offers_the_choice_and_me_fills_it(page, live_server, reporter):
    AuthorFactory(name="Kyodo", slug="kyodo", kind=Author.Kind.AGENCY)
    article = draft(owner=reporter, authors=[])
    refused = watch_csp(page)
    log_in(page, live_server, reporter)
    page.goto(live_server.url + change_url(article))
    save(page)

    choice = page.locator("#bylines-group .errorlist.nonform")
    expect(choice).to_contain_text("Choose who this one is by: a reporter or other person")
    expect(choice).to_contain_text("an agency (“Kyodo”) or yourself (Riley Reporter)")
    page.get_by_role("button", name="Me (Riley Reporter)").click()
    expect(page.locator("#bylines-0 .field-author")).to_contain_text("Riley Reporter")
    save(page)

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert [b.author.name for b in article.bylines.all()] == ["Riley Reporter"]
    assert refused == []


def test_a_byline_dragged_to_the_top_prints_first(desk, live_server):
    authors = [AuthorFactory(name=name) for name in ["Zoë Riley", "佐藤 健", "Kyōko Abe"]]
    article = draft(authors=authors)
    desk.goto(live_server.url + change_url(article))
    desk.locator("#bylines-2 .byline-drag").drag_to(
        desk.locator("#bylines-0 .field-credit"), target_position={"x": 5, "y": 2}
    )
    save(desk)
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    assert [b.author.name for b in article.bylines.all()] == ["Kyōko Abe", "Zoë Riley", "佐藤 健"]
