"""Choosing a lead photo in the article form: search, thumbnails, and the "+" popup."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from media import renditions
from media.models import Photo
from tests.factories import ArticleFactory, PhotoFactory
from tests.images import image_bytes

from .browser import log_in, watch_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STATION_CAPTION = (
    "東京駅の丸の内駅舎、朝の通勤ラッシュ。Commuters cross the square outside Tokyo "
    "Station on Monday, the first working day after the Golden Week holidays."
)


@pytest.fixture
def desk(page, live_server, editor):
    log_in(page, live_server, editor)
    expect(page.get_by_role("heading", name="Desk")).to_be_visible()
    return page


def lead_photo_box(page):
    return page.locator(".field-lead_photo .select2-selection")


def test_an_editor_finds_a_photo_by_its_caption_and_readers_see_it(desk, live_server):
    refused = watch_csp(desk)
    station = PhotoFactory(caption=STATION_CAPTION, credit="Zoë Riley / Newsroom")
    PhotoFactory(caption="Café owners watch the new bridge open 🌉", credit="Aiko / 共同通信")
    article = ArticleFactory(
        headline="東京駅、開業110年 🚉", status=Article.Status.DRAFT, published_at=None
    )
    desk.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))

    lead_photo_box(desk).click()
    desk.locator(".select2-search__field").fill("東京駅")
    result = desk.locator(".select2-results__option .photo-choice")
    expect(result).to_have_count(1)
    # The whole caption, not cut at 80 characters, beside the thumbnail and the credit.
    expect(result).to_contain_text("after the Golden Week holidays.")
    expect(result).to_contain_text("Zoë Riley / Newsroom")
    thumbnail = result.locator("img")
    expect(thumbnail).to_have_attribute("src", renditions.thumbnail_url(station))
    assert thumbnail.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    result.click()

    chosen = lead_photo_box(desk).locator(".photo-choice")
    expect(chosen.locator("img")).to_have_attribute("src", renditions.thumbnail_url(station))
    desk.get_by_role("button", name="Save and continue editing").click()
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.lead_photo == station
    # The page as saved shows the chosen photo with its thumbnail at once.
    expect(chosen.locator("img")).to_have_attribute("src", renditions.thumbnail_url(station))
    assert refused == []

    desk.goto(live_server.url + reverse("articles:preview", args=[article.pk]))
    lead = desk.locator("figure.photo img")
    expect(lead).to_have_attribute("alt", station.alt_text)
    assert renditions.folder(station) in lead.evaluate("img => img.currentSrc")


def test_a_photo_uploaded_in_the_popup_comes_back_chosen_with_its_thumbnail(
    desk, live_server, tmp_path
):
    image = tmp_path / "ferry.jpg"
    image.write_bytes(image_bytes(size=(320, 200), color=(20, 90, 160)))
    desk.goto(live_server.url + reverse("admin:articles_article_add"))

    with desk.expect_popup() as popup_info:
        desk.locator("#add_id_lead_photo").click()
    popup = popup_info.value
    popup.locator("#id_image").set_input_files(image)
    popup.locator("#id_alt_text").fill("A ferry crossing Tokyo Bay")
    popup.locator("#id_caption").fill("東京湾を渡るフェリー、Zoë Riley撮影 ⛴️")
    popup.locator("#id_credit").fill("Zoë Riley / Newsroom")
    popup.get_by_role("button", name="Save", exact=True).click()
    popup.wait_for_event("close")

    photo = Photo.objects.get()
    expect(desk.locator("#id_lead_photo")).to_have_value(str(photo.pk))
    assert desk.url.endswith(reverse("admin:articles_article_add"))  # never left the form
    chosen = lead_photo_box(desk).locator(".photo-choice")
    expect(chosen).to_contain_text("東京湾を渡るフェリー")
    expect(chosen).to_contain_text("Zoë Riley / Newsroom")
    expect(chosen.locator("img")).to_have_attribute("src", renditions.thumbnail_url(photo))


def test_a_photo_changed_in_the_pencil_popup_keeps_its_thumbnail(desk, live_server):
    photo = PhotoFactory(caption="Harbour at dawn", credit="Kim Sato / Newsroom")
    article = ArticleFactory(headline="港の朝 🌅", lead_photo=photo)
    desk.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))

    with desk.expect_popup() as popup_info:
        desk.locator("#change_id_lead_photo").click()
    popup = popup_info.value
    popup.locator("#id_caption").fill("横浜港の夜明け、Café の屋上から")
    popup.get_by_role("button", name="Save", exact=True).click()
    popup.wait_for_event("close")

    chosen = lead_photo_box(desk).locator(".photo-choice")
    expect(chosen).to_contain_text("横浜港の夜明け、Café の屋上から")
    expect(chosen.locator("img")).to_have_attribute("src", renditions.thumbnail_url(photo))
