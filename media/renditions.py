"""Renditions: the photo at a fixed set of widths and shapes, in WebP and JPEG.

Each rendition has a deterministic name built from the photo's content hash, the
shape, the focal point (for cropped shapes) and the width, so it is made once,
found again by name, and a new image or focal point gives new names. Making a
photo's renditions also deletes the ones its old image or focal point had.

Cropped shapes keep the focal point where CSS `object-position` would put it (the
crop's left edge is focal_x of the spare width), so the admin's live preview of a
crop is exactly the rendition readers get.
"""

import io
import posixpath
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image


@dataclass(frozen=True)
class Shape:
    name: str
    ratio: tuple[int, int] | None  # width, height; None keeps the photo's own
    widths: tuple[int, ...] | None = None  # None: the PHOTO_RENDITION_WIDTHS setting


SHAPES = {
    shape.name: shape
    for shape in [
        Shape("original", None),
        Shape("card", (16, 9)),
        Shape("square", (1, 1), widths=(160, 320, 640)),
        Shape("social", (1200, 630), widths=(1200,)),
    ]
}
FORMATS = {"webp": ("WEBP", {"quality": 80, "method": 2}), "jpg": ("JPEG", {"quality": 82})}
FOLDER = "renditions"


def folder(photo):
    return f"{FOLDER}/{photo.content_hash[:2]}/{photo.content_hash}"


def crop_box(width, height, ratio, focal_x, focal_y):
    """The largest box of `ratio` inside width×height, placed like CSS object-position."""
    if ratio is None:
        return 0, 0, width, height
    ratio_w, ratio_h = ratio
    crop_w = min(width, round(height * ratio_w / ratio_h))
    crop_h = min(height, round(width * ratio_h / ratio_w))
    left = round(focal_x * (width - crop_w))
    top = round(focal_y * (height - crop_h))
    return left, top, left + crop_w, top + crop_h


def widths(photo, shape):
    """The rendition widths of a shape, never wider than the photo's own crop."""
    left, top, right, bottom = crop_box(
        photo.width, photo.height, shape.ratio, photo.focal_x, photo.focal_y
    )
    available = right - left
    wanted = shape.widths or settings.PHOTO_RENDITION_WIDTHS
    chosen = [width for width in wanted if width <= available]
    return chosen or [available]


def height_for(photo, shape, width):
    left, top, right, bottom = crop_box(
        photo.width, photo.height, shape.ratio, photo.focal_x, photo.focal_y
    )
    return round(width * (bottom - top) / (right - left))


def name(photo, shape, width, extension):
    focus = "" if shape.ratio is None else f"-{photo.focal_x:.3f}-{photo.focal_y:.3f}"
    return f"{folder(photo)}/{shape.name}{focus}-{width}.{extension}"


def url(photo, shape_name, width, extension):
    return default_storage.url(name(photo, SHAPES[shape_name], width, extension))


def all_names(photo):
    return [
        name(photo, shape, width, extension)
        for shape in SHAPES.values()
        for width in widths(photo, shape)
        for extension in FORMATS
    ]


def make_renditions(photo):
    """Write every missing rendition of the photo and delete stale ones; return the count made."""
    wanted = all_names(photo)
    missing = [n for n in wanted if not default_storage.exists(n)]
    if missing:
        _render(photo, set(missing))
    _delete_stale(photo, set(wanted))
    return len(missing)


def _render(photo, missing):
    with photo.image.open("rb") as file, Image.open(file) as image:
        # A big JPEG decodes faster, and in less memory, straight to the size we need.
        largest = max(max(widths(photo, shape)) for shape in SHAPES.values())
        image.draft("RGB", (largest, largest * image.height // image.width))
        scale = image.width / photo.width
        # A CMYK profile would mislabel the RGB renditions.
        icc_profile = image.info.get("icc_profile") if image.mode != "CMYK" else None
        source = _flatten(image)
        for shape in SHAPES.values():
            box = crop_box(photo.width, photo.height, shape.ratio, photo.focal_x, photo.focal_y)
            cropped = source.crop(tuple(round(edge * scale) for edge in box))
            for width in sorted(widths(photo, shape), reverse=True):
                height = height_for(photo, shape, width)
                names = {ext: name(photo, shape, width, ext) for ext in FORMATS}
                if not missing & set(names.values()):
                    continue
                resized = cropped.resize(
                    (width, height), Image.Resampling.LANCZOS, reducing_gap=3.0
                )
                for extension, (format, options) in FORMATS.items():
                    if names[extension] in missing:
                        _save(resized, names[extension], format, options, icc_profile)


def _flatten(image):
    """RGB pixels: transparency on white, since JPEG has none; the first frame of a GIF."""
    image.seek(0)
    if image.mode in ("RGBA", "LA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _save(image, target, format, options, icc_profile):
    """Encode without any metadata but the colour profile."""
    buffer = io.BytesIO()
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    image.save(buffer, format=format, **options)
    default_storage.save(target, ContentFile(buffer.getvalue()))


def _delete_stale(photo, wanted):
    try:
        _, files = default_storage.listdir(folder(photo))
    except FileNotFoundError:
        return
    for file in files:
        path = posixpath.join(folder(photo), file)
        if path not in wanted:
            default_storage.delete(path)


def delete_renditions(photo):
    _delete_stale(photo, set())
