"""Uploads that cannot hurt us: every hostile file refused or made harmless."""

import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from media.processing import clean_image
from tests.images import image_bytes

from .files import (
    BODY_SERIAL_NUMBER,
    EXIF_IFD,
    GPS_IFD,
    SVG,
    bomb_png,
    exif_of,
    phone_jpeg,
    png_with_html,
    truncated_jpeg,
    upload,
)

PROJECT = Path(__file__).resolve().parents[2]


def refusal(file):
    with pytest.raises(ValidationError) as raised:
        clean_image(file)
    return raised.value.messages[0]


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("notes.jpg", b"just text", "This file is not an image"),
        ("cut.jpg", truncated_jpeg(), "damaged or incomplete"),
        ("photo.jpg", image_bytes(format="PNG"), "a PNG image but its name ends in “.jpg”"),
        ("photo.png", image_bytes(format="JPEG"), "a JPEG image but its name ends in “.png”"),
        ("photo", image_bytes(format="JPEG"), "its name ends in “(nothing)”"),
        ("drawing.svg", SVG, "This file is not an image"),
        ("drawing.png", SVG, "This file is not an image"),
        ("scan.tiff", image_bytes(format="TIFF"), "This file is a TIFF image"),
        ("scan.bmp", image_bytes(format="BMP"), "This file is a BMP image"),
    ],
)
def test_hostile_and_broken_files_are_refused_with_the_reason(name, data, message):
    assert message in refusal(upload(name, data))


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    data = bomb_png((12_000, 5_000))  # 60 megapixels in a few kilobytes
    assert len(data) < 100_000
    assert "12000×5000 pixels, more than the limit of 50 megapixels" in refusal(
        upload("bomb.png", data)
    )


def test_a_bomb_costs_little_memory():
    """Measured in a fresh process: refusing a 60-megapixel bomb must not decode it."""
    script = textwrap.dedent(
        """
        import io, os, django
        os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
        django.setup()
        from PIL import Image
        from django.core.exceptions import ValidationError
        from django.core.files.uploadedfile import SimpleUploadedFile
        from media.processing import clean_image
        png = io.BytesIO()
        Image.new("1", (12_000, 5_000)).save(png, format="PNG")  # 180 MB as RGB
        data = png.getvalue()

        def peak_kb():  # VmHWM starts afresh in this process, unlike ru_maxrss
            with open("/proc/self/status") as status:
                return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))

        before = peak_kb()
        try:
            clean_image(SimpleUploadedFile("bomb.png", data))
        except ValidationError as error:
            print(error.code)
        print((peak_kb() - before) // 1024)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    code, megabytes = result.stdout.split()
    assert code == "too_many_pixels"
    assert int(megabytes) < 20  # MB more than before the upload


def test_an_image_just_under_the_pixel_limit_is_accepted(settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    assert clean_image(upload("under.png", bomb_png((1000, 1000)))).width == 1000
    assert "1001×1000 pixels" in refusal(upload("over.png", bomb_png((1001, 1000))))


def test_an_oversized_file_is_refused_before_it_is_opened(settings):
    settings.PHOTO_MAX_BYTES = 10_000
    data = image_bytes(size=(400, 300), format="PNG") + b"\0" * 20_000
    assert refusal(upload("big.png", data)).endswith("; the limit is 9.8\xa0KB.")


def test_a_phone_photo_is_turned_upright_and_loses_gps_and_serials():
    cleaned = clean_image(upload("IMG_0042.jpg", phone_jpeg(size=(400, 300))))

    assert (cleaned.width, cleaned.height) == (300, 400)
    stored = cleaned.file.read()
    exif, info = exif_of(stored)
    assert not exif.get_ifd(GPS_IFD)
    assert BODY_SERIAL_NUMBER not in exif.get_ifd(EXIF_IFD)
    assert b"SN-0042-SECRET" not in stored
    assert b"Mei Tanaka" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        # Orientation 6 turns the picture clockwise: the red left half is now on top.
        assert image.getpixel((150, 20))[0] > 200
        assert image.getpixel((150, 380))[2] > 200
    assert cleaned.credit == "Mei Tanaka / Newsroom"
    assert cleaned.caption == "Protesters gather outside parliament on Friday."


def test_html_appended_to_a_png_does_not_survive():
    data = png_with_html()
    cleaned = clean_image(upload("innocent.png", data))
    assert b"<script" not in cleaned.file.read()


def test_the_colour_profile_is_kept():
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "green").save(buffer, format="JPEG", icc_profile=profile)
    cleaned = clean_image(upload("profiled.jpg", buffer.getvalue()))
    _, info = exif_of(cleaned.file.read())
    assert info.get("icc_profile") == profile


def test_the_same_bytes_have_the_same_hash():
    data = image_bytes()
    first = clean_image(upload("a.jpg", data)).content_hash
    assert clean_image(upload("b.jpg", data)).content_hash == first
    assert clean_image(upload("c.jpg", image_bytes(color=(0, 0, 0)))).content_hash != first


@pytest.mark.parametrize("name, format", [("a.webp", "WEBP"), ("a.gif", "GIF"), ("a.jpeg", "JPEG")])
def test_every_accepted_format_goes_through(name, format):
    cleaned = clean_image(upload(name, image_bytes(format=format)))
    with Image.open(cleaned.file) as image:
        assert image.format == format


def test_a_bomb_beyond_pillows_own_limit_is_named_as_one():
    data = bomb_png((20_000, 20_000))  # 400 megapixels: Pillow refuses to open it at all
    with pytest.raises(ValidationError) as raised:
        clean_image(upload("huge.png", data))
    assert raised.value.code == "too_many_pixels"
    assert "more pixels than the limit of 50 megapixels" in raised.value.messages[0]


def test_only_the_first_frame_of_an_animation_is_kept():
    frames = [Image.new("RGB", (300, 200), color) for color in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    cleaned = clean_image(upload("anim.gif", buffer.getvalue()))
    with Image.open(cleaned.file) as image:
        assert getattr(image, "n_frames", 1) == 1
        assert image.convert("RGB").getpixel((10, 10)) == (255, 0, 0)


def test_comments_xmp_and_text_chunks_do_not_survive():
    from PIL import PngImagePlugin

    jpeg = io.BytesIO()
    Image.new("RGB", (64, 48)).save(
        jpeg,
        format="JPEG",
        comment=b"shot at 12 Secret Street",
        xmp=b"<x:xmpmeta><GPSLatitude>35.6</GPSLatitude></x:xmpmeta>",
    )
    stored = clean_image(upload("a.jpg", jpeg.getvalue())).file.read()
    assert b"Secret Street" not in stored
    assert b"GPSLatitude" not in stored

    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "home address: 12 Secret Street")
    png = io.BytesIO()
    Image.new("RGB", (64, 48)).save(png, format="PNG", pnginfo=text)
    assert b"Secret Street" not in clean_image(upload("a.png", png.getvalue())).file.read()


def test_a_junk_colour_profile_is_dropped():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48)).save(buffer, format="JPEG", icc_profile=b"\0" * 300_000)
    cleaned = clean_image(upload("junk.jpg", buffer.getvalue()))
    _, info = exif_of(cleaned.file.read())
    assert "icc_profile" not in info
