import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import ArticleFactory

from .browser import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_login(page, live_server, editor):
    log_in(page, live_server, editor)
    expect(page.get_by_role("heading", name="Desk")).to_be_visible()
    return editor


def test_editor_logs_in_and_publishes_a_draft(page, live_server, editor_login):
    draft = ArticleFactory(
        headline="Harbour bridge vote set for Friday",
        status=Article.Status.DRAFT,
        published_at=None,
    )
    page.goto(live_server.url + "/admin/articles/article/")
    row = page.get_by_role("row").filter(has_text=draft.headline)
    row.get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option(label="Publish selected articles")
    page.get_by_role("button", name="Run").click()
    expect(page.get_by_text("Published 1 article(s).")).to_be_visible()

    draft.refresh_from_db()
    assert draft.is_live
    page.goto(live_server.url + draft.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(draft.headline)


def test_the_body_is_written_in_a_rich_text_editor(page, live_server, editor_login):
    page.goto(live_server.url + "/admin/articles/article/add/")
    editor = page.get_by_role("textbox").and_(page.locator(".ProseMirror"))
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.type("The council voted on Tuesday.")
    expect(editor).to_contain_text("The council voted on Tuesday.")
