import pytest

from tests.factories import ArticleFactory, PhotoFactory
from tests.images import image_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_phone_downloads_a_rendition_narrower_than_the_original(page, live_server):
    photo = PhotoFactory(image__data=image_bytes(size=(1920, 1080)), image__filename="wide.jpg")
    article = ArticleFactory(lead_photo=photo)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + article.get_absolute_url())

    lead = page.locator("figure.photo img")
    lead.evaluate("img => img.decode()")
    chosen = lead.evaluate("img => img.currentSrc")
    natural_width = lead.evaluate("img => img.naturalWidth")

    assert "/renditions/" in chosen
    assert chosen.endswith(".webp")  # Chromium takes the WebP source
    assert natural_width < photo.width
    box = lead.bounding_box()
    assert box["height"] == pytest.approx(box["width"] * 1080 / 1920, abs=2)


def test_the_lead_photo_loads_at_once_and_list_photos_lazily(page, live_server):
    for _ in range(3):
        ArticleFactory(lead_photo=PhotoFactory())
    page.goto(live_server.url + "/")
    lead = page.locator(".lead-story__photo img").evaluate("img => img.loading")
    cards = page.locator(".card__photo img").evaluate_all("imgs => imgs.map(i => i.loading)")
    assert (lead, cards) == ("eager", ["lazy", "lazy"])
