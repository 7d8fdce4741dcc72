"""Two editors in two browsers save one article: the later save is stopped, then made on purpose."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import ArticleFactory

from .browser import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADLINE = "東京湾の新しい橋、市議会が承認"
BODY_ADDITION = "市議会は火曜日に31対9で可決した。"


def desk_browser(new_context, live_server, user):
    """A browser of its own, with `user` logged in to the admin."""
    page = new_context(base_url=live_server.url).new_page()
    log_in(page, live_server, user)
    expect(page.get_by_role("heading", name="Desk")).to_be_visible()
    return page


def body_editor(page):
    return page.get_by_role("textbox").and_(page.locator(".ProseMirror"))


def save(page):
    page.get_by_role("button", name="Save and continue editing").click()


def test_the_later_save_names_only_what_the_other_editor_changed(
    new_context, live_server, other_editor, editor
):
    article = ArticleFactory(
        headline="Harbour bridge vote set for Friday",
        status=Article.Status.REVIEW,
        published_at=None,
    )
    change_url = f"/admin/articles/article/{article.pk}/change/"
    alice = desk_browser(new_context, live_server, other_editor)
    desk = desk_browser(new_context, live_server, editor)
    alice.goto(change_url)
    desk.goto(change_url)

    alice.get_by_role("textbox", name="Headline:", exact=True).fill(HEADLINE)
    save(alice)
    expect(alice.locator(".messagelist")).to_contain_text("was changed successfully")

    body = body_editor(desk)
    body.click()
    desk.keyboard.press("Control+End")
    desk.keyboard.insert_text(BODY_ADDITION)
    save(desk)

    refusal = desk.locator(".errorlist.nonfield")
    expect(refusal).to_contain_text("Alice Ng saved this article at ")
    expect(refusal).to_contain_text(f"after you opened it, changing: Headline (now “{HEADLINE}”).")
    expect(refusal).to_contain_text("Your changes have not been saved; they are still in this")
    expect(body_editor(desk)).to_contain_text(BODY_ADDITION)
    article.refresh_from_db()
    assert article.headline == HEADLINE
    assert BODY_ADDITION not in article.body

    # Saving again, with Alice's change in view, replaces her version with the desk's.
    save(desk)
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(desk.locator(".errorlist.nonfield")).to_have_count(0)
    article.refresh_from_db()
    assert BODY_ADDITION in article.body
    assert article.headline == "Harbour bridge vote set for Friday"
