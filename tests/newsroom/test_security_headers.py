"""The public site runs no inline script or style; the admin may (its editor needs it)."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_public_pages_allow_only_their_own_scripts_and_styles(client):
    article = ArticleFactory()
    for url in ["/", "/politics/", article.get_absolute_url(), "/rankings/"]:
        policy = directives(client.get(url))
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url


def test_admin_pages_have_their_own_policy(editor_client):
    policy = directives(editor_client.get(reverse("admin:articles_article_add")))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]


def test_the_article_page_has_no_inline_script_or_style(client):
    html = client.get(ArticleFactory().get_absolute_url()).content.decode()
    assert "<script>" not in html and " style=" not in html and "<style" not in html
