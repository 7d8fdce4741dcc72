"""Renditions: made once, named deterministically, cropped around the focal point."""

import io

import pytest
from django.core.files.storage import default_storage
from django.template import Context, Template
from PIL import Image

from media import renditions
from media.renditions import SHAPES, crop_box, make_renditions
from tests.factories import PhotoFactory
from tests.images import image_bytes

from .files import GPS_IFD, exif_of, phone_jpeg, upload

pytestmark = pytest.mark.django_db


def stored_files(photo):
    try:
        return sorted(default_storage.listdir(renditions.folder(photo))[1])
    except FileNotFoundError:
        return []


def big_photo(**kwargs):
    return PhotoFactory(
        image__data=image_bytes(size=(1600, 900)), image__filename="big.jpg", **kwargs
    )


@pytest.mark.parametrize(
    "focal, box",
    [
        ((0.0, 0.5), (0, 0, 900, 900)),
        ((0.5, 0.5), (350, 0, 1250, 900)),
        ((1.0, 0.5), (700, 0, 1600, 900)),
    ],
)
def test_a_square_crop_follows_the_focal_point_like_css(focal, box):
    assert crop_box(1600, 900, (1, 1), *focal) == box


def test_every_shape_width_and_format_is_made_once_and_reused():
    photo = big_photo()
    files = stored_files(photo)
    assert "original-1280.webp" in files and "original-1280.jpg" in files
    assert "original-1920.jpg" not in files  # never wider than the photo itself
    assert "card-0-0-960.webp" in files
    assert "square-350-0-640.jpg" in files
    assert "social-0-30-1200.jpg" in files
    assert len(files) == len(renditions.all_names(photo))

    assert make_renditions(photo) == 0  # all there: nothing made again
    with default_storage.open(f"{renditions.folder(photo)}/social-0-30-1200.jpg") as file:
        assert Image.open(file).size == (1200, 630)
    with default_storage.open(f"{renditions.folder(photo)}/card-0-0-320.webp") as file:
        image = Image.open(file)
        assert (image.format, image.size) == ("WEBP", (320, 180))


def test_a_new_focal_point_replaces_the_cropped_renditions():
    photo = big_photo()
    photo.focal_x = 0.2
    photo.save()
    make_renditions(photo)
    files = stored_files(photo)
    assert "square-140-0-640.jpg" in files
    assert not any(name.startswith("square-350-0") for name in files)
    assert "card-0-0-640.jpg" in files  # a 16:9 crop of a 16:9 photo does not move
    assert "original-640.jpg" in files  # uncropped: the same as before


def test_renditions_carry_no_location_either():
    from media.services import add_photo

    photo = add_photo(upload("IMG_1.jpg", phone_jpeg(size=(800, 600))), alt_text="Protest")
    make_renditions(photo)
    for name in stored_files(photo):
        with default_storage.open(f"{renditions.folder(photo)}/{name}") as file:
            data = file.read()
        exif, _ = exif_of(data)
        assert not exif.get_ifd(GPS_IFD), name
        assert b"SN-0042-SECRET" not in data


def test_the_picture_element_has_srcsets_sizes_and_dimensions():
    photo = big_photo()
    html = Template(
        '{% load media %}{% picture photo "card" sizes="50vw" loading="lazy" %}'
    ).render(Context({"photo": photo}))
    assert html.startswith('<picture><source type="image/webp" srcset="')
    assert "card-0-0-320.webp 320w" in html
    assert "card-0-0-1280.jpg 1280w" in html
    assert 'sizes="50vw"' in html
    assert 'width="640" height="360"' in html
    assert 'loading="lazy"' in html
    assert f'alt="{photo.alt_text}"' in html


def test_a_small_photo_gets_one_rendition_its_own_size():
    photo = PhotoFactory(image__data=image_bytes(size=(200, 100)))
    assert renditions.widths(photo, SHAPES["original"]) == [200]
    assert renditions.widths(photo, SHAPES["square"]) == [100]


def test_transparent_png_renditions_are_flattened_on_white():
    buffer = io.BytesIO()
    Image.new("RGBA", (400, 300), (255, 0, 0, 0)).save(buffer, format="PNG")
    photo = PhotoFactory(image__data=buffer.getvalue(), image__filename="clear.png")
    with default_storage.open(renditions.name(photo, SHAPES["original"], 320, "jpg")) as file:
        assert Image.open(file).getpixel((10, 10)) == (255, 255, 255)


def test_the_command_makes_what_is_missing(settings):
    import io

    from django.core.management import call_command

    photo = big_photo()
    settings.PHOTO_RENDITION_WIDTHS = (480,)
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert "for 1 photo(s)" in out.getvalue()
    files = stored_files(photo)
    assert "original-480.webp" in files
    assert "original-1280.jpg" not in files  # stale widths are deleted


def photo_stored_without_checks(data, filename):
    """A photo as an older version of the site let in, before the upload limits existed."""
    from django.core.files.base import ContentFile

    from media.models import Photo

    return Photo.objects.create(
        image=ContentFile(data, name=filename),
        content_hash=f"{abs(hash(data)):064x}"[:64],
        alt_text="Torre in Zürich",
        credit="東京 / Newsroom",
    )


def test_a_photo_taller_than_webp_allows_still_gets_renditions():
    from .files import png

    photo = photo_stored_without_checks(png((1000, 20_000)), "tower.png")
    make_renditions(photo)
    assert stored_files(photo) == sorted(n.rsplit("/", 1)[1] for n in renditions.all_names(photo))
    original = SHAPES["original"]
    tallest = renditions.name(photo, original, max(renditions.widths(photo, original)), "webp")
    with default_storage.open(tallest) as file:
        assert Image.open(file).height <= 16_383


def test_the_command_carries_on_past_a_broken_photo_and_names_it(settings):
    from django.core.management import CommandError, call_command

    first, broken, last = big_photo(), big_photo(), big_photo()
    with default_storage.open(broken.image.name, "wb") as file:
        file.write(b"not a picture any more")
    for photo in (first, broken, last):
        renditions.delete_renditions(photo)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("make_renditions", stdout=out, stderr=err)
    assert "1 photo(s) failed" in str(raised.value)
    assert f"photo {broken.pk}" in err.getvalue()
    assert len(stored_files(first)) == len(stored_files(last)) == len(renditions.all_names(first))
    assert stored_files(broken) == []
