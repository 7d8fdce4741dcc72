"""POST data for the article forms, read back from the page the user gets, then typed in."""

from django.urls import reverse

from tests.page_forms import form_data

ADD_URL = reverse("admin:articles_article_add")
CHANGELIST_URL = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


# What an editor types into an empty add form before saving.
TYPED = {
    "headline": "大阪市議会、新しい港の橋を承認 🌉",
    "slug": "council-approves-harbour-bridge",
    "dateline": "OSAKA",
    "summary": "The city council voted 31 to 9 for the bridge; the Café Zürich owners object.",
    "body": "<p>市議会は火曜日に可決した. The city council voted on Tuesday.</p>",
    "tags": "infrastructure, 大阪",
}


def pick_bylines(data, *authors):
    """The empty byline rows of an add form filled with `authors`, in order, as the quick
    picks or the author box do (a row added per author beyond the rows shown)."""
    for index, author in enumerate(authors):
        data[f"bylines-{index}-author"] = author.pk
        data[f"bylines-{index}-position"] = index
    data["bylines-TOTAL_FORMS"] = max(int(data["bylines-TOTAL_FORMS"]), len(authors))
    return data


def add_data(client, *, section, bylines=(), forged=None, **typed):
    """The add form as `client` gets it, filled in as an editor would: TYPED, then `typed`,
    and the `bylines` authors picked.

    Read back from the page, so a field the page does not offer this user cannot be
    typed by mistake; `forged` adds fields by hand, for tests of posts made on purpose.
    """
    page = client.get(ADD_URL)
    assert page.status_code == 200, page.status_code
    data = form_data(page, form_id="article_form", **{**TYPED, **typed})
    data["section"] = section.pk  # what the autocomplete box adds when a section is picked
    pick_bylines(data, *bylines)
    data.update(forged or {})
    return data


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


def article_action_data(client, action, article):
    """The article list's form with `action` chosen and the article's box ticked."""
    data = form_data(client.get(CHANGELIST_URL), form_id="changelist-form", action=action)
    data["_selected_action"] = [article.pk]
    return data
