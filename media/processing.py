"""Turning an uploaded file into a safe original for the library.

Everything here works on an already opened upload: it checks the format by
content, refuses decompression bombs and pictures too large or too oddly shaped
to handle before decoding (see limits.py), decodes the whole picture
(a truncated file fails here, not on a reader's page), applies the EXIF
orientation, and re-encodes without private metadata (EXIF with GPS and camera
serials, XMP, comments, text chunks). A valid, reasonably small colour profile
is kept; the photographer's copyright and caption fields are read out, to
prefill the form (cleaned of control characters, see text.py), and then dropped.

Only the first frame of an animated GIF, WebP or PNG is kept: a news photo is one
picture, and later frames are where animation bombs hide (each frame may be as
large as the limit, and may even be larger than the canvas the header declares).
"""

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

from .limits import check_size_and_shape, check_working_memory
from .text import clean_file_text

# Pillow's format name: the file name endings that may carry it, the usual one first.
ACCEPTED_FORMATS = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
    "GIF": (".gif",),
}
# Real profiles (sRGB, Display P3, Adobe RGB, camera profiles) are a few kB; a
# larger one is padding at best, and would be copied into every rendition.
MAX_ICC_PROFILE_BYTES = 256 * 1024
# Phones write JPEGs with extra preview frames that Pillow calls MPO: a JPEG all the same.
FORMAT_ALIASES = {"MPO": "JPEG"}
SAVE_OPTIONS = {
    # No `optimize`: it holds every DCT coefficient of the picture (160 MB more for 50
    # megapixels) to save a few per cent of a file readers never download.
    "JPEG": {"quality": 90},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
    "GIF": {},
}


@dataclass(frozen=True)
class CleanImage:
    file: ContentFile  # the re-encoded original, named with its true extension
    width: int
    height: int
    content_hash: str  # of the uploaded bytes: the same file uploaded twice is the same photo
    caption: str  # from the file's own description field, if any
    credit: str  # from its artist or copyright field, if any


def content_hash(file):
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1 << 20), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def clean_image(file):
    """A CleanImage from an upload, or a ValidationError saying what is wrong with it."""
    if file.size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            "This file is %(size)s; the limit is %(limit)s.",
            code="too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.PHOTO_MAX_BYTES),
            },
        )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; ours is checked below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file)
        with image:
            _check_format(image, file.name)
            check_size_and_shape(image, format=image_format(image))
            image.load()
            check_working_memory(image, format=image_format(image), decoded=True)
            metadata = _metadata(image)
            cleaned = _reencode(image)
    except UnidentifiedImageError:
        raise ValidationError(
            "This file is not an image; upload a JPEG, PNG, WebP or GIF.", code="not_an_image"
        ) from None
    except Image.DecompressionBombError:
        # Pillow refuses outright beyond twice its own limit, before we see the size.
        raise ValidationError(
            "This image has more pixels than the limit of %(limit)s megapixels.",
            code="too_many_pixels",
            params={"limit": settings.PHOTO_MAX_PIXELS // 1_000_000},
        ) from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(
            "This image is damaged or incomplete and cannot be read.", code="broken_image"
        ) from None
    finally:
        file.seek(0)
    data, width, height, format = cleaned
    suffix = ACCEPTED_FORMATS[format][0]
    return CleanImage(
        file=ContentFile(data, name=f"{PurePath(file.name or 'photo').stem}{suffix}"),
        width=width,
        height=height,
        content_hash=content_hash(file),
        **metadata,
    )


def image_format(image):
    return FORMAT_ALIASES.get(image.format, image.format)


def _check_format(image, name):
    if image_format(image) not in ACCEPTED_FORMATS:
        raise ValidationError(
            "This file is a %(format)s image; upload a JPEG, PNG, WebP or GIF.",
            code="unsupported_format",
            params={"format": image.format or "unknown"},
        )
    suffix = PurePath(name or "").suffix.lower()
    if suffix not in ACCEPTED_FORMATS[image_format(image)]:
        raise ValidationError(
            "This file is a %(format)s image but its name ends in “%(suffix)s”; "
            "rename it to %(expected)s.",
            code="extension_mismatch",
            params={
                "format": image_format(image),
                "suffix": suffix or "(nothing)",
                "expected": " or ".join(ACCEPTED_FORMATS[image_format(image)]),
            },
        )


def _metadata(image):
    exif = image.getexif()
    text = {
        tag: clean_file_text(exif.get(tag, ""), max_length=max_length)
        for tag, max_length in [
            (ExifTags.Base.ImageDescription, 1000),
            (ExifTags.Base.Artist, 200),
            (ExifTags.Base.Copyright, 200),
        ]
    }
    return {
        "caption": text[ExifTags.Base.ImageDescription],
        "credit": text[ExifTags.Base.Artist] or text[ExifTags.Base.Copyright],
    }


def _reencode(image):
    """The first frame, upright, in the same format, with a checked colour profile only."""
    format = image_format(image)
    icc_profile = _usable_icc_profile(image.info.get("icc_profile"))
    image.seek(0)
    # In place: a 24-megapixel photo is 72 MB decoded; a copy would double that.
    upright = ImageOps.exif_transpose(image, in_place=True) or image
    # Nothing of the file's own metadata may be copied by the encoder.
    upright.info = {key: upright.info[key] for key in ("transparency",) if key in upright.info}
    if format == "JPEG" and upright.mode not in ("RGB", "L", "CMYK"):
        upright = upright.convert("RGB")
    options = dict(SAVE_OPTIONS[format])
    if icc_profile and format != "GIF":
        options["icc_profile"] = icc_profile
    buffer = io.BytesIO()
    upright.save(buffer, format=format, **options)
    return buffer.getvalue(), upright.width, upright.height, format


def _usable_icc_profile(data):
    """The colour profile if it is a real one of a sensible size; otherwise none."""
    if not data or len(data) > MAX_ICC_PROFILE_BYTES:
        return None
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError):
        return None
    return data
