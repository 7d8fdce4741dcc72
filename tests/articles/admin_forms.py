"""POST data for the article forms: typed for the add form, read from the page for a change."""

from django.urls import reverse

from tests.page_forms import form_data

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def article_form_data(*, section, bylines=(), **fields):
    data = {
        "headline": "Council approves the new harbour bridge",
        "subheadline": "",
        "slug": "council-approves-harbour-bridge",
        "section": section.pk,
        "dateline": "OSAKA",
        "summary": "The city council voted 31 to 9 for the bridge.",
        "body": "<p>The city council voted on Tuesday.</p>",
        "tags": "infrastructure, osaka",
        "lead_photo": "",
        "status": "draft",
        "owner": "",
        "bylines-TOTAL_FORMS": str(len(bylines)),
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
    }
    for index, author in enumerate(bylines):
        data[f"bylines-{index}-author"] = author.pk
        data[f"bylines-{index}-position"] = index
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def change_data(client, article, *, tick=(), **changes):
    """The article's change form as `client` gets it, with `changes` typed in.

    Read back from the page, hidden inputs and all; `tick` names checkboxes to tick.
    """
    page = client.get(change_url(article))
    assert page.status_code == 200, page.status_code
    data = form_data(page, form_id="article_form", **changes)
    for name in tick:
        assert f'name="{name}"' in page.content.decode(), f"no {name} box on the page"
        data[name] = "on"
    return data
