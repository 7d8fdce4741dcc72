"""The body is sanitised when saved, whatever path the HTML came in by."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">Hello <strong>world</strong></p>'
    "<script>alert(1)</script>"
    '<p><a href="javascript:alert(1)">bad link</a> '
    '<a href="https://example.org/report" onmouseover="x()">good link</a></p>'
    '<img src="x" onerror="alert(1)">'
    '<iframe src="https://evil.example"></iframe>'
    '<blockquote style="color:red">“A quote,” she said.</blockquote>'
)


def assert_clean(body):
    for bad in [
        "<script",
        "onclick",
        "onmouseover",
        "onerror",
        "javascript:",
        "<iframe",
        "<img",
        "style=",
    ]:
        assert bad not in body, bad
    assert "<p>Hello <strong>world</strong></p>" in body
    assert '<a href="https://example.org/report">good link</a>' in body
    assert "<blockquote>“A quote,” she said.</blockquote>" in body


def test_hostile_html_from_the_admin_is_cleaned(editor_client):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form_data(category=CategoryFactory(), body=HOSTILE),
    )
    assert response.status_code == 302
    assert_clean(Article.objects.get().body)


def test_hostile_html_saved_from_code_is_cleaned_too():
    article = ArticleFactory(body=HOSTILE)
    article.refresh_from_db()
    assert_clean(article.body)


def test_the_public_page_never_carries_the_hostile_parts(client):
    article = ArticleFactory(body=HOSTILE, dateline="Tokyo")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "alert(1)" not in html
    assert '<p><span class="dateline">TOKYO —</span> Hello <strong>world</strong></p>' in html
