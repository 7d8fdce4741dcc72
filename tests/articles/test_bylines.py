"""Bylines: how they read, and how the desk chooses and orders them in the article form."""

import io

import feedparser
import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.byline_inline import AUTHOR_TWICE
from articles.bylines import byline_text, credit_goes_before
from articles.models import Article, Author, Byline
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.page_forms import form_data

from .admin_forms import ADD_URL, CHANGELIST_URL, add_data, change_data, change_url

pytestmark = pytest.mark.django_db

SPECIAL_TO = "Special to The Daily Newsroom"
ADDITIONAL = "With additional reporting by"


def person(name):
    return Author(name=name, kind=Author.Kind.PERSON)


def agency(name):
    return Author(name=name, kind=Author.Kind.AGENCY)


def reads(*bylines):
    """The plain text of bylines given as authors or (author, credit) pairs."""
    pairs = [item if isinstance(item, tuple) else (item, "") for item in bylines]
    return byline_text([Byline(author=author, credit=credit) for author, credit in pairs])


# How bylines read.


def test_one_two_and_three_names():
    assert reads(person("Zoë Riley")) == "By Zoë Riley"
    assert reads(person("Zoë Riley"), person("佐藤 健")) == "By Zoë Riley and 佐藤 健"
    assert (
        reads(person("Zoë Riley"), person("佐藤 健"), person("Kim Sato"))
        == "By Zoë Riley, 佐藤 健 and Kim Sato"
    )


def test_agencies_alone_are_the_source_from_which_the_story_comes():
    assert reads(agency("Kyodo")) == "From Kyodo"
    assert reads(agency("Kyodo"), agency("Reuters")) == "From Kyodo and Reuters"
    assert reads(agency("共同通信")) == "From 共同通信"


def test_an_agency_beside_a_person_is_a_byline_like_any_other():
    assert reads(person("Zoë Riley"), agency("Kyodo")) == "By Zoë Riley and Kyodo"


def test_a_credit_ending_in_by_opens_a_line_of_its_own_before_the_name():
    assert reads(agency("Kyodo"), (agency("Reuters"), ADDITIONAL)) == (
        "From Kyodo; With additional reporting by Reuters"
    )
    assert reads(person("山田 花子"), (person("Zoë Riley"), "Photos by")) == (
        "By 山田 花子; Photos by Zoë Riley"
    )
    both = reads(person("Ana"), (person("Bo"), ADDITIONAL), (person("佐藤 健"), ADDITIONAL))
    assert both == "By Ana; With additional reporting by Bo and 佐藤 健"


def test_any_other_credit_follows_the_name():
    assert reads((person("Zoë Riley"), SPECIAL_TO)) == f"By Zoë Riley, {SPECIAL_TO}"
    assert reads((person("Zoë Riley"), SPECIAL_TO), person("佐藤 健")) == (
        f"By Zoë Riley, {SPECIAL_TO} and 佐藤 健"
    )


def test_only_a_last_word_by_puts_a_credit_first():
    assert credit_goes_before("Photos by")
    assert credit_goes_before("  photos BY: ")
    assert not credit_goes_before("Photos nearby")
    assert not credit_goes_before("")
    assert reads((person("Zoë Riley"), "Photos by")) == "Photos by Zoë Riley"


# Choosing bylines in the article form.


@pytest.fixture
def desks_and_agencies(db):
    return {
        "desk": AuthorFactory(name="Staff writer", slug="staff-writer", kind=Author.Kind.DESK),
        "kyodo": AuthorFactory(name="Kyodo", slug="kyodo", kind=Author.Kind.AGENCY),
        "reuters": AuthorFactory(name="Reuters", slug="reuters", kind=Author.Kind.AGENCY),
    }


def non_form_errors(response):
    formset = response.context["inline_admin_formsets"][0].formset
    return list(formset.non_form_errors())


def test_an_editors_save_without_a_byline_names_the_choices_and_saves_nothing(
    editor_client, desks_and_agencies
):
    data = add_data(editor_client, section=SectionFactory(), headline="東京湾の新しい橋 🌉")
    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert non_form_errors(response) == [
        "Every article needs a byline. Choose who this one is by: a reporter or other person "
        "(type their name in the Author box), a desk (“Staff writer”) or an agency (“Kyodo” "
        "or “Reuters”). The quick picks above the bylines fill one in."
    ]
    assert not Article.objects.exists()
    # What the editor typed is still in the form, to pick a byline and save again.
    again = form_data(response, form_id="article_form")
    assert again["headline"] == "東京湾の新しい橋 🌉"
    assert again["summary"] == data["summary"]
    again["section"] = data["section"]
    again["bylines-0-author"] = desks_and_agencies["kyodo"].pk
    assert editor_client.post(ADD_URL, again).status_code == 302
    assert [b.author.name for b in Article.objects.get().bylines.all()] == ["Kyodo"]


def test_the_quick_picks_offer_me_the_desks_and_the_agencies(
    reporter_client, reporter, desks_and_agencies
):
    html = reporter_client.get(ADD_URL).content.decode()
    picks = html[html.index('class="byline-picks"') :]
    labels = ["Me (Riley Reporter)", "Staff writer", "Kyodo", "Reuters"]
    positions = [picks.index(f">{label}</button>") for label in labels]
    assert positions == sorted(positions)
    assert f'data-author-id="{reporter.author.pk}"' in picks
    assert '<option value="Special to The Daily Newsroom">' in html


def test_removing_the_last_byline_is_refused_and_keeps_it(editor_client):
    kyodo = AuthorFactory(name="Kyodo", kind=Author.Kind.AGENCY)
    article = ArticleFactory(authors=[kyodo])
    response = editor_client.post(
        change_url(article), change_data(editor_client, article, tick=["bylines-0-DELETE"])
    )
    assert response.status_code == 200
    assert non_form_errors(response)[0].startswith("Every article needs a byline.")
    assert [b.author for b in article.bylines.all()] == [kyodo]


def test_reordered_bylines_keep_their_order_and_credits(editor_client):
    first, second = AuthorFactory(name="Zoë Riley"), AuthorFactory(name="佐藤 健")
    article = ArticleFactory(authors=[first, second])
    data = change_data(editor_client, article)
    # What the page's script sends once the second row is moved up: positions by row.
    data["bylines-0-position"], data["bylines-1-position"] = "1", "0"
    data["bylines-0-credit"] = SPECIAL_TO
    assert editor_client.post(change_url(article), data).status_code == 302

    assert [(b.author.name, b.credit) for b in article.bylines.all()] == [
        ("佐藤 健", ""),
        ("Zoë Riley", SPECIAL_TO),
    ]
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "佐藤 健</a> and <a" in page
    assert f"Zoë Riley</a>, {SPECIAL_TO}</p>" in page


def test_the_same_author_twice_is_refused_with_a_message(editor_client):
    zoe = AuthorFactory(name="Zoë Riley")
    article = ArticleFactory(authors=[zoe])
    data = change_data(editor_client, article)
    data.update({"bylines-TOTAL_FORMS": "2", "bylines-1-author": zoe.pk})
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    assert AUTHOR_TWICE in response.content.decode()
    assert article.bylines.count() == 1


def test_the_same_new_author_in_two_rows_is_refused_with_a_message(editor_client):
    zoe = AuthorFactory(name="Zoë Riley")
    response = editor_client.post(
        ADD_URL, add_data(editor_client, section=SectionFactory(), bylines=[zoe, zoe])
    )
    assert response.status_code == 200
    assert AUTHOR_TWICE in response.content.decode()
    assert not Article.objects.exists()


# Reporters choose the bylines of the articles they may edit.


def test_a_reporter_chooses_the_bylines_of_their_new_article(reporter_client, reporter):
    kyodo = AuthorFactory(name="Kyodo", kind=Author.Kind.AGENCY)
    data = add_data(reporter_client, section=SectionFactory(), bylines=[reporter.author, kyodo])
    data["bylines-1-credit"] = ADDITIONAL
    assert reporter_client.post(ADD_URL, data).status_code == 302
    article = Article.objects.get()
    assert byline_text(article.bylines.all()) == f"By Riley Reporter; {ADDITIONAL} Kyodo"


def test_a_reporter_without_a_byline_is_offered_their_own(reporter_client):
    response = reporter_client.post(ADD_URL, add_data(reporter_client, section=SectionFactory()))
    assert "yourself (Riley Reporter)" in non_form_errors(response)[0]
    assert not Article.objects.exists()


def test_a_reporter_changes_the_bylines_of_their_draft_only(reporter_client, reporter):
    olu = AuthorFactory(name="Olu Other")
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, owner=reporter)
    data = change_data(reporter_client, draft)
    data.update({"bylines-TOTAL_FORMS": "2", "bylines-1-author": olu.pk, "bylines-1-position": 1})
    assert reporter_client.post(change_url(draft), data).status_code == 302
    assert [b.author for b in draft.bylines.all()][-1] == olu

    live = ArticleFactory(owner=reporter)
    assert reporter_client.get(change_url(live)).status_code == 200  # to read
    html = reporter_client.get(change_url(live)).content.decode()
    assert 'name="bylines-0-author"' not in html
    assert "data-byline-pick" not in html


# Where bylines are read.


@pytest.fixture
def agency_story(db):
    kyodo = AuthorFactory(name="Kyodo", slug="kyodo", kind=Author.Kind.AGENCY)
    reuters = AuthorFactory(name="Reuters", slug="reuters", kind=Author.Kind.AGENCY)
    article = ArticleFactory(headline="東京湾の新しい橋、市議会が承認 🌉", authors=[kyodo])
    Byline.objects.create(article=article, author=reuters, position=1, credit=ADDITIONAL)
    return article


def test_the_article_page_reads_from_kyodo_with_the_credit_line(client, agency_story):
    html = client.get(agency_story.get_absolute_url()).content.decode()
    assert '<p class="byline">From <a href="/authors/kyodo/">Kyodo</a></p>' in html
    assert f'<p class="byline">{ADDITIONAL} <a href="/authors/reuters/">Reuters</a></p>' in html
    section_page = client.get(agency_story.section.get_absolute_url()).content.decode()
    assert f"From Kyodo; {ADDITIONAL} Reuters" in section_page


@pytest.mark.parametrize("url_name", ["articles:feed", "articles:feed_atom"])
def test_the_feed_names_every_author_in_byline_order(client, agency_story, url_name):
    # A feed has a field per author and none for the wording: the names, credited or not.
    entry = feedparser.parse(client.get(reverse(url_name)).content).entries[0]
    assert [author.name for author in entry.authors] == ["Kyodo", "Reuters"]


def test_the_admin_list_reads_bylines_the_same_way(editor_client, agency_story):
    html = editor_client.get(CHANGELIST_URL).content.decode()
    assert f'<td class="field-byline_names">From Kyodo; {ADDITIONAL} Reuters</td>' in html


def test_an_agency_has_a_public_page(client, agency_story):
    response = client.get("/authors/kyodo/")
    assert response.status_code == 200
    assert "東京湾の新しい橋、市議会が承認 🌉" in response.content.decode()


def test_authors_are_listed_and_filtered_by_kind(editor_client, agency_story):
    AuthorFactory(name="Zoë Riley")
    url = reverse("admin:articles_author_changelist")
    html = editor_client.get(f"{url}?kind__exact=agency").content.decode()
    assert "Kyodo" in html and "Reuters" in html and "Zoë Riley" not in html
    assert '<td class="field-kind">Agency</td>' in html


# The headline box.


def test_a_line_break_in_the_headline_becomes_a_space(editor_client):
    article = ArticleFactory()
    data = change_data(editor_client, article, headline="東京湾の新しい橋、\r\n市議会が承認 🌉")
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.headline == "東京湾の新しい橋、 市議会が承認 🌉"


def test_the_headline_box_counts_characters_as_the_limit_does(editor_client):
    article = ArticleFactory(headline="東京湾の新しい橋 🌉")
    html = editor_client.get(change_url(article)).content.decode()
    assert '<textarea name="headline" cols="40" rows="2"' in html
    assert ">10 / 300</div>" in html
    assert " maxlength=" not in html[html.index('name="headline"') : html.index("/ 300")]

    fits = "🌉" * 300
    data = change_data(editor_client, article, headline=fits)
    assert editor_client.post(change_url(article), data).status_code == 302
    data = change_data(editor_client, article, headline=fits + "橋")
    response = editor_client.post(change_url(article), data)
    assert "headline" in response.context["adminform"].form.errors


# The demo newsroom.


def test_the_demo_has_agencies_a_story_from_kyodo_and_both_kinds_of_credit(client):
    call_command("seed_demo", articles=4, stdout=io.StringIO())
    kinds = dict(Author.objects.values_list("slug", "kind"))
    assert (kinds["kyodo"], kinds["reuters"], kinds["staff-writer"]) == ("agency", "agency", "desk")

    agency = Article.objects.get(bylines__author__slug="kyodo")
    assert byline_text(agency.bylines.all()) == f"From Kyodo; {ADDITIONAL} Reuters"
    html = client.get(agency.get_absolute_url()).content.decode()
    assert '<p class="byline">From <a href="/authors/kyodo/">Kyodo</a></p>' in html

    guest = Article.objects.get(bylines__credit=SPECIAL_TO)
    assert byline_text(guest.bylines.all()) == f"By Camille Dumont, {SPECIAL_TO}"
    assert Article.objects.published().count() == 4


def test_without_quick_picks_the_message_names_what_is_left(editor_client):
    response = editor_client.post(ADD_URL, add_data(editor_client, section=SectionFactory()))
    assert non_form_errors(response) == [
        "Every article needs a byline. Choose who this one is by: a reporter or other person "
        "(type their name in the Author box)."
    ]
