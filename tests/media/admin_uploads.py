"""Uploading through the admin's own add page, as the photo desk does, and what it leaves."""

from django.urls import reverse

from tests.page_forms import form_data

ADD_URL = reverse("admin:media_photo_add")


def admin_upload(client, file, *, url=ADD_URL, **changes):
    """Post the add page's own form (at `url`: the "+" popup's too) back with `file`
    chosen and `changes` typed in."""
    page = client.get(url)
    assert page.status_code == 200
    fields = {"alt_text": "Café terrace in Zürich at dusk", "credit": "Aiko 東京 / Newsroom"}
    data = form_data(page, form_id="photo_form", **{**fields, **changes})
    data["image"] = file
    return client.post(url, data)


def form_errors(response):
    return response.context["adminform"].form.errors


def media_files(settings):
    """Every file in the media storage: photos and their renditions."""
    return sorted(p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())
