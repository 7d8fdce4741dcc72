"""Hostile and unusual files uploaded through the admin: never a 500, never a half-stored photo."""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image, ImageCms

from media import renditions
from media.models import Photo
from tests.images import image_bytes

from .admin_uploads import admin_upload, form_errors, media_files
from .files import SVG, encoded, gif_with_a_giant_later_frame, png, truncated_jpeg, upload

pytestmark = pytest.mark.django_db(transaction=True)  # renditions are made on commit


def huge_icc_jpeg():
    """A real sRGB profile padded to 2 MB: far more than any real profile."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return encoded((300, 200), "JPEG", icc_profile=profile + b"\0" * 2_000_000)


def palette_with_transparency(size=(300, 200)):
    image = Image.new("P", size)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", transparency=0)
    return buffer.getvalue()


REFUSED = [
    ("empty.jpg", b"", "The submitted file is empty."),
    ("notes.jpg", b"just some text, not a picture", "This file is not an image"),
    ("drawing.svg", SVG, "This file is not an image"),
    ("cut.jpg", truncated_jpeg(), "damaged or incomplete"),
    ("photo.jpg", image_bytes(format="PNG"), "a PNG image but its name ends in “.jpg”"),
    ("photo.png", encoded((300, 200), "JPEG"), "a JPEG image but its name ends in “.png”"),
    ("tall.png", png((1000, 20_000)), "20000 pixels high"),
    ("thread.png", png((1, 40_000_000), mode="1"), "40000000 pixels high"),
    ("line.png", png((40_000_000, 1), mode="1"), "40000000 pixels wide"),
    ("banner.png", png((16_000, 700)), "more than 20 times as wide as it is high"),
    ("ribbon.gif", encoded((12_000, 500), "GIF", mode="P"), "more than 20 times as wide"),
    ("strip.jpg", encoded((300, 9_000), "JPEG", mode="L"), "more than 20 times as high"),
    ("strip.webp", encoded((16_000, 600), "WEBP"), "more than 20 times as wide"),
]


@pytest.mark.parametrize("name, data, message", REFUSED, ids=[case[0] for case in REFUSED])
def test_a_hostile_file_is_refused_with_the_reason_and_leaves_nothing(
    photo_editor_client, settings, name, data, message
):
    before = media_files(settings)
    response = admin_upload(photo_editor_client, upload(name, data))
    assert response.status_code == 200
    assert message in " ".join(form_errors(response)["image"])
    assert not Photo.objects.exists()
    assert media_files(settings) == before


ACCEPTED = [
    ("profiled.jpg", huge_icc_jpeg()),
    ("cmyk.jpg", encoded((600, 400), "JPEG", mode="CMYK")),
    ("deep-grey.png", encoded((600, 400), "PNG", mode="I;16")),
    ("deep-colour.png", encoded((600, 400), "PNG", mode="RGBA")),
    ("palette.png", palette_with_transparency()),
    ("big-palette.png", palette_with_transparency((4000, 3000))),
    ("big-one-bit.png", png((4000, 3000), mode="1")),
    ("big-palette.gif", encoded((4000, 3000), "GIF", mode="P")),
    ("anim.gif", gif_with_a_giant_later_frame()),
    ("panorama.jpg", encoded((8_000, 400), "JPEG")),
    ("portrait.png", png((500, 10_000))),
]


@pytest.mark.parametrize("name, data", ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_an_unusual_but_real_photo_is_accepted_with_every_rendition(
    photo_editor_client, name, data
):
    response = admin_upload(photo_editor_client, upload(name, data))
    assert response.status_code == 302, form_errors(response)
    photo = Photo.objects.get()
    for rendition in renditions.all_names(photo):
        assert default_storage.exists(rendition), rendition
    card = renditions.SHAPES["card"]
    smallest = renditions.name(photo, card, renditions.widths(photo, card)[0], "jpg")
    with default_storage.open(smallest) as file:
        assert Image.open(file).mode == "RGB"


def test_a_16_bit_grey_scan_keeps_its_greys_in_the_renditions(photo_editor_client):
    mid_grey = encoded((3000, 2000), "PNG", mode="I;16", color=32768)
    assert admin_upload(photo_editor_client, upload("scan.png", mid_grey)).status_code == 302
    photo = Photo.objects.get()
    with default_storage.open(renditions.name(photo, renditions.SHAPES["card"], 640, "jpg")) as f:
        assert Image.open(f).getpixel((10, 10)) == pytest.approx((128, 128, 128), abs=2)
