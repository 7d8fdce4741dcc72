"""Real image files, good and hostile, made in memory for the photo desk's tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.images import image_bytes

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
BODY_SERIAL_NUMBER = 0xA431
ORIENTATION = 0x0112
ARTIST = 0x013B
IMAGE_DESCRIPTION = 0x010E


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def phone_jpeg(*, size=(400, 300)):
    """A phone photo lying on its side (EXIF orientation 6) with GPS and a camera serial.

    The left half is red and the right half blue, so the turn can be checked.
    """
    image = Image.new("RGB", size, "blue")
    image.paste((255, 0, 0), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[ARTIST] = "Mei Tanaka / Newsroom"
    exif[IMAGE_DESCRIPTION] = "Protesters gather outside parliament on Friday."
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (35.0, 41.0, 22.0), 3: "E", 4: (139.0, 41.0, 30.0)})
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL_NUMBER] = "SN-0042-SECRET"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=95)
    return buffer.getvalue()


def bomb_png(size):
    """A tiny file that would decode to a huge picture."""
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def truncated_jpeg():
    data = image_bytes(size=(400, 300))
    return data[: len(data) * 2 // 3]


def png_with_html():
    return image_bytes(format="PNG") + b"<html><script>alert(document.cookie)</script></html>"


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b'<rect width="10" height="10"/></svg>'
)


def exif_of(data):
    with Image.open(io.BytesIO(data)) as image:
        return image.getexif(), image.info


def png(size, *, mode="RGB", **options):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG", **options)
    return buffer.getvalue()


def encoded(size, format, *, mode="RGB", color=0, **options):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=format, **options)
    return buffer.getvalue()


def jpeg_with_exif_text(*, description, artist):
    """A JPEG whose EXIF description and artist are these bytes, as a camera or attacker wrote."""
    exif = Image.Exif()
    exif[IMAGE_DESCRIPTION] = description
    exif[ARTIST] = artist
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "teal").save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def gif_with_a_giant_later_frame():
    """A small GIF canvas whose second frame claims to be far larger than the canvas."""
    first, second = io.BytesIO(), io.BytesIO()
    Image.new("P", (200, 100)).save(first, format="GIF")
    Image.new("P", (12_000, 4_000)).save(second, format="GIF")
    header = first.getvalue()
    frame = second.getvalue()
    # The second file's image block (from its image separator) appended as a later frame.
    later = frame[frame.index(b",\x00\x00\x00\x00") :].rstrip(b";")
    return header.rstrip(b";") + later + b";"
