"""How large and what shape an upload may be, judged from its header before it is decoded.

Pixels (`PHOTO_MAX_PIXELS`) are only one bound. A picture one pixel wide and forty
million high is under it, yet no rendition of it can be encoded (WebP stops at
16383 pixels a side) and Pillow spends gigabytes on its rows. So each side is
bounded by WebP's limit, since every rendition is also a WebP, and the shape by
MAX_ASPECT_RATIO: a news photo, a panorama at most.

The last bound is memory. Decoding, turning upright and re-encoding hold the pixels
in memory a few times over, more for some formats than others (see
WORKING_BYTES_PER_PIXEL); an upload whose estimate exceeds MAX_WORKING_MEMORY is
refused with the size it could have, so one upload never takes the server's
memory, whatever the file. These are constants, not settings: they follow from the
formats and from the memory a web process has, not from a newsroom's taste.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import ExifTags

MAX_SIDE = 16_383  # WebP's own limit, in pixels
MAX_ASPECT_RATIO = 20
MAX_WORKING_MEMORY = 250 * 1024 * 1024  # keeps a whole upload's peak under 300 MB
# Peak bytes a pixel costs while a photo is cleaned and its renditions made, measured by
# tests/media/test_memory.py. Pillow keeps colour as four bytes a pixel. A JPEG's
# renditions decode it shrunk; a PNG or GIF may need a converted full-size copy
# (transparency, palettes, 16 bits); libwebp's decoder keeps whole canvases of its own.
WORKING_BYTES_PER_PIXEL = {"JPEG": 4, "PNG": 10, "GIF": 10, "WEBP": 20}
# Turning a picture upright makes a turned copy beside it.
TURNED_BYTES_PER_PIXEL = {"JPEG": 8, "PNG": 10, "GIF": 10, "WEBP": 20}


def check_size_and_shape(image, *, format):
    """Refuse, from its header alone, an image too large or too oddly shaped to handle."""
    width, height = image.size
    if width * height > settings.PHOTO_MAX_PIXELS:
        raise ValidationError(
            "This image is %(width)d×%(height)d pixels, more than the limit of "
            "%(limit)s megapixels.",
            code="too_many_pixels",
            params={
                "width": width,
                "height": height,
                "limit": settings.PHOTO_MAX_PIXELS // 1_000_000,
            },
        )
    for side, length in (("wide", width), ("high", height)):
        if length > MAX_SIDE:
            raise ValidationError(
                "This image is %(length)d pixels %(side)s; the limit is %(limit)d.",
                code="too_long_a_side",
                params={"length": length, "side": side, "limit": MAX_SIDE},
            )
    if min(width, height) == 0 or max(width, height) / min(width, height) > MAX_ASPECT_RATIO:
        raise ValidationError(
            "This image is %(width)d×%(height)d pixels, more than %(ratio)d times as "
            "%(long)s as it is %(short)s; crop it to a news photo or a panorama.",
            code="extreme_shape",
            params={
                "width": width,
                "height": height,
                "ratio": MAX_ASPECT_RATIO,
                "long": "wide" if width > height else "high",
                "short": "high" if width > height else "wide",
            },
        )
    check_working_memory(image, format=format)


def check_working_memory(image, *, format, decoded=False):
    """Refuse an image whose clean-up and renditions would take more memory than one upload may.

    Called on the header, and again once decoded, when a PNG's orientation (which may
    follow the pixels) is known.
    """
    turned = _needs_turning(image, decoded=decoded)
    costs = TURNED_BYTES_PER_PIXEL if turned else WORKING_BYTES_PER_PIXEL
    per_pixel = costs[format]
    pixels = image.width * image.height
    if pixels * per_pixel <= MAX_WORKING_MEMORY:
        return
    raise ValidationError(
        "This %(format)s image is too large to process: at %(width)d×%(height)d pixels it "
        "would take about %(needed)s of memory, more than the %(limit)s one upload may use. "
        "Save it at %(megapixels)s megapixels or fewer%(advice)s.",
        code="too_much_memory",
        params={
            "format": format,
            "width": image.width,
            "height": image.height,
            "needed": filesizeformat(pixels * per_pixel),
            "limit": filesizeformat(MAX_WORKING_MEMORY),
            "megapixels": round(MAX_WORKING_MEMORY / per_pixel / 1_000_000, 1),
            "advice": ", or as a JPEG" if format == "WEBP" else "",
        },
    )


def _needs_turning(image, *, decoded):
    if image.format == "PNG" and "exif" not in image.info and not decoded:
        return False  # Pillow would decode the picture to look for it; asked again after
    return image.getexif().get(ExifTags.Base.Orientation, 1) in range(2, 9)
