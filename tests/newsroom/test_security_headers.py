"""The public site runs no inline script or style; the admin only what carries its nonce."""

import re

import pytest
from django.conf import settings
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


def test_admin_pages_allow_inline_code_only_with_the_responses_nonce(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))
    policy = directives(response)
    nonce = policy["script-src"][1]
    assert re.fullmatch(r"'nonce-[\w+/=-]+'", nonce)
    assert policy["script-src"] == ["'self'", nonce]
    assert policy["style-src"] == ["'self'", nonce, settings.TIPTAP_BASE_STYLE]
    assert policy["style-src-attr"] == ["'unsafe-inline'"]  # attributes only: no code
    assert policy["object-src"] == ["'none'"]
    # The editor's import map is the one inline script, and it carries the nonce.
    html = response.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts, "the editor's import map is missing"
    for attributes in inline_scripts:
        if 'type="application/json"' not in attributes:
            assert f'nonce="{nonce[7:-1]}"' in attributes, attributes


def test_a_fresh_nonce_for_every_admin_response(editor_client):
    url = reverse("admin:articles_article_add")
    first, second = (directives(editor_client.get(url))["script-src"][1] for _ in range(2))
    assert first != second


def test_the_article_page_has_no_inline_script_or_style(client):
    html = client.get(ArticleFactory().get_absolute_url()).content.decode()
    assert "<script>" not in html and " style=" not in html and "<style" not in html
