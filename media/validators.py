"""Checks an uploaded image must pass before it enters the photo library."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

# Pillow's format name: the file name endings that may carry it.
ACCEPTED_FORMATS = {
    "JPEG": {".jpg", ".jpeg"},
    "PNG": {".png"},
    "WEBP": {".webp"},
    "GIF": {".gif"},
}


def validate_image_file(file):
    """Refuse anything that is not a complete JPEG, PNG, WebP or GIF within the size limit.

    Judged by content, not by name. The whole image is decoded, so a truncated
    file is refused here rather than breaking a page later.
    """
    file.seek(0)
    try:
        with Image.open(file) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    "This file is a %(format)s image; upload a JPEG, PNG, WebP or GIF.",
                    code="unsupported_format",
                    params={"format": image.format or "unknown"},
                )
            suffix = PurePath(file.name or "").suffix.lower()
            if suffix not in ACCEPTED_FORMATS[image.format]:
                raise ValidationError(
                    "This file is a %(format)s image but its name ends in “%(suffix)s”; "
                    "rename it to %(expected)s.",
                    code="extension_mismatch",
                    params={
                        "format": image.format,
                        "suffix": suffix or "(nothing)",
                        "expected": " or ".join(sorted(ACCEPTED_FORMATS[image.format])),
                    },
                )
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
            image.load()
    except UnidentifiedImageError:
        raise ValidationError(
            "This file is not an image; upload a JPEG, PNG, WebP or GIF.", code="not_an_image"
        ) from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "This image is damaged or incomplete and cannot be read.", code="broken_image"
        ) from None
    finally:
        file.seek(0)
