"""The body is sanitised when saved, whatever path the HTML came in by."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory, staff_writer
from tests.page_forms import form_data

from .admin_forms import ADD_URL, add_data, change_url, pick_bylines

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
        add_data(editor_client, section=SectionFactory(), bylines=[staff_writer()], body=HOSTILE),
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


def _open_and_save(client, url, *, body, **changes):
    page = client.get(url)
    if url == ADD_URL:
        changes.setdefault("summary", "Café owners in Zürich and 東京 watched the vote.")
    data = form_data(page, form_id="article_form", body=body, **changes)
    if "section" not in changes and not data.get("section"):
        data["section"] = SectionFactory().pk  # what the autocomplete box adds
    if url == ADD_URL:
        pick_bylines(data, staff_writer())
    return client.post(url, data, follow=True)


def warnings(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


@pytest.mark.parametrize(
    "body, removed",
    [
        ("<script>alert('東京')</script>", ["Removed <script>: scripts never run on the site"]),
        (
            '<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>',
            [
                "Removed <img>: photos come from the library, with the editor's Photo button",
                "Removed <iframe>: embedded pages and plugins never run on the site",
            ],
        ),
        (
            "<style>p { color: red }</style><p> </p>",
            ["Removed <style>: the site's styles set the look"],
        ),
    ],
)
def test_a_body_cleaning_would_empty_is_refused_naming_what_went(editor_client, body, removed):
    response = _open_and_save(
        editor_client, ADD_URL, body=body, headline="Café in Zürich", slug="cafe-zurich"
    )
    assert response.status_code == 200
    errors = list(response.context["adminform"].form.errors["body"])
    assert errors[0] == "Nothing readable is left of the body once it is cleaned."
    assert errors[1:] == removed
    assert not Article.objects.exists()


def test_a_cleaned_body_with_text_left_is_saved_with_a_warning(editor_client):
    response = _open_and_save(
        editor_client,
        ADD_URL,
        body=(
            '<p onclick="steal()">東京 assembly <b>votes</b> 🗳️</p><script>x()</script>'
            '<p style="color:red"><a href="javascript:alert(1)">Café</a> <span>Zürich</span></p>'
        ),
        headline="Tokyo assembly votes",
        slug="tokyo-assembly-votes",
    )
    assert response.status_code == 200
    article = Article.objects.get()
    assert article.body == "<p>東京 assembly votes 🗳️</p><p><a>Café</a> Zürich</p>"
    assert warnings(response) == [
        "The body was cleaned before saving. "
        "Removed the onclick attribute: event handlers never run on the site. "
        "Removed <b>: the body editor cannot make it (its text is kept). "
        "Removed <script>: scripts never run on the site. "
        "Removed the style attribute: the site's styles set the look. "
        "Removed a javascript: link address: links go to http, https or mailto addresses only. "
        "Removed <span>: the body editor cannot make it (its text is kept)."
    ]


def test_a_body_with_nothing_to_remove_saves_without_a_warning(editor_client):
    article = ArticleFactory(body="<p>東京 — the assembly voted.</p>", status=Article.Status.DRAFT)
    response = _open_and_save(
        editor_client, change_url(article), body="<p>東京 — the assembly voted again.</p>"
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.body == "<p>東京 — the assembly voted again.</p>"
    assert warnings(response) == []


def test_a_body_cleaning_would_empty_is_refused_from_code_too():
    article = ArticleFactory(body="<p>Café</p>")
    article.body = "<script>alert('東京')</script>"
    with pytest.raises(ValidationError) as refused:
        article.full_clean()
    assert refused.value.message_dict["body"] == [
        "Nothing readable is left of the body once it is cleaned.",
        "Removed <script>: scripts never run on the site",
    ]


def test_a_body_saved_empty_before_can_be_filled_in_again(editor_client):
    article = ArticleFactory(status=Article.Status.DRAFT)
    Article.objects.filter(pk=article.pk).update(body="")
    response = _open_and_save(editor_client, change_url(article), body="<p>Café reopens.</p>")
    article.refresh_from_db()
    assert article.body == "<p>Café reopens.</p>"
    assert response.redirect_chain
