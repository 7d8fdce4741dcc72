"""Renditions: the photo at a fixed set of widths and shapes, in WebP and JPEG.

Each rendition has a deterministic name built from the photo's content hash, the
shape, the crop's position in pixels (for cropped shapes) and the width, so it is
made once, found again by name, and a new image or a focal point that moves the
crop gives new names. Making a photo's renditions also deletes the ones its old
image or focal point had. Renditions are converted to sRGB and carry no metadata.

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
from PIL import Image, ImageCms

from .limits import MAX_SIDE


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
STRIP_BYTES = 16 * 1024 * 1024  # of decoded picture converted at a time
SMOOTH_MODES = {"L", "RGB", "CMYK"}  # resized as they are, smoothly and without a copy


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
    """The rendition widths of a shape: never wider than the photo's own crop, nor taller
    than twice the widest rendition. No screen shows more of a tall photo, and a 1:20
    one would otherwise make 20-megapixel files (or, before the upload limits, files
    taller than WebP allows)."""
    left, top, right, bottom = crop_box(
        photo.width, photo.height, shape.ratio, photo.focal_x, photo.focal_y
    )
    tallest = min(MAX_SIDE, 2 * max(settings.PHOTO_RENDITION_WIDTHS))
    available = min(right - left, max(1, (right - left) * tallest // (bottom - top)))
    wanted = shape.widths or settings.PHOTO_RENDITION_WIDTHS
    chosen = [width for width in wanted if width <= available]
    return chosen or [available]


def height_for(photo, shape, width):
    left, top, right, bottom = crop_box(
        photo.width, photo.height, shape.ratio, photo.focal_x, photo.focal_y
    )
    return round(width * (bottom - top) / (right - left))


def name(photo, shape, width, extension):
    left, top, _, _ = crop_box(photo.width, photo.height, shape.ratio, photo.focal_x, photo.focal_y)
    position = "" if shape.ratio is None else f"-{left}-{top}"
    return f"{folder(photo)}/{shape.name}{position}-{width}.{extension}"


def thumbnail_url(photo):
    """The smallest square rendition, for the admin's lists."""
    return url(photo, "square", widths(photo, SHAPES["square"])[0], "jpg")


def url(photo, shape_name, width, extension):
    return default_storage.url(name(photo, SHAPES[shape_name], width, extension))


def largest_jpeg(photo, shape_name):
    """The widest JPEG rendition of a shape, `(url, width, height)`: for link previews,
    feeds and structured data, which take one picture, in a format every reader reads.
    Its real size: a small photo has smaller renditions than the shape's widest."""
    shape = SHAPES[shape_name]
    width = max(widths(photo, shape))
    return url(photo, shape_name, width, "jpg"), width, height_for(photo, shape, width)


def all_names(photo):
    return [
        name(photo, shape, width, extension)
        for shape in SHAPES.values()
        for width in widths(photo, shape)
        for extension in FORMATS
    ]


def make_renditions(photo):
    """Write every missing rendition of the photo and delete stale ones; return the count made.

    The photo is read again first: when two saves overlap, both runs then work for
    the focal point that was saved last, and neither deletes the other's files.
    """
    photo = type(photo).objects.filter(pk=photo.pk).first() or photo
    wanted = all_names(photo)
    missing = [n for n in wanted if not default_storage.exists(n)]
    if missing:
        _render(photo, set(missing))
    _delete_stale(photo, set(wanted))
    return len(missing)


def _render(photo, missing):
    with photo.image.open("rb") as file, Image.open(file) as opened:
        # A JPEG decodes straight to the size the most demanding crop needs (up to 1/8).
        scale_needed = max(
            max(widths(photo, shape)) / _crop_width(photo, shape) for shape in SHAPES.values()
        )
        needed = (
            max(1, round(photo.width * scale_needed)),
            max(1, round(photo.height * scale_needed)),
        )
        opened.draft("RGB", needed)
        opened.load()
        source = _reduced(opened, min(opened.width // needed[0], opened.height // needed[1]))
        if source is not opened:
            opened.close()  # frees the decoded pixels now, not when the file closes
        to_srgb = _srgb_transform(opened.info.get("icc_profile"), opened.mode)
        scale = source.width / photo.width
        for shape in SHAPES.values():
            box = crop_box(photo.width, photo.height, shape.ratio, photo.focal_x, photo.focal_y)
            for width in sorted(widths(photo, shape), reverse=True):
                names = {ext: name(photo, shape, width, ext) for ext in FORMATS}
                if not missing & set(names.values()):
                    continue
                # Cut and shrunk in one step, without a full-size copy of the crop.
                resized = source.resize(
                    (width, height_for(photo, shape, width)),
                    Image.Resampling.LANCZOS,
                    box=tuple(edge * scale for edge in box),
                    reducing_gap=3.0,
                )
                rendition = to_srgb(_flatten(resized))
                del resized  # a tall rendition is large: one copy at a time while encoding
                for extension, (format, options) in FORMATS.items():
                    if names[extension] in missing:
                        _save(rendition, names[extension], format, options)


def _crop_width(photo, shape):
    left, _, right, _ = crop_box(
        photo.width, photo.height, shape.ratio, photo.focal_x, photo.focal_y
    )
    return right - left


def _reduced(image, factor):
    """The picture shrunk `factor` times, in a mode that resizes smoothly, made strip by
    strip: converting a 50-megapixel palette picture whole would take 200 MB beside it.
    """
    if factor < 2 and image.mode in SMOOTH_MODES and "transparency" not in image.info:
        return image
    factor = max(factor, 1)
    rows = factor * max(1, STRIP_BYTES // (4 * image.width * factor))
    reduced = None
    for top in range(0, image.height, rows):
        piece = _resizable(image.crop((0, top, image.width, min(top + rows, image.height))))
        if factor > 1:
            piece = piece.reduce(factor)
        if reduced is None:
            size = (-(-image.width // factor), -(-image.height // factor))  # as reduce() rounds
            reduced = Image.new(piece.mode, size)
        reduced.paste(piece, (0, top // factor))
    return reduced


def _resizable(image):
    """Pixels Pillow shrinks smoothly and without a copy of its own.

    Palettes and one-bit pictures would only be sampled, 16-bit grey would be clipped
    to white, and transparent pixels are premultiplied here once, where Pillow would
    otherwise copy the whole picture again for every rendition.
    """
    if "transparency" in image.info or image.mode in ("RGBA", "LA", "PA"):
        return image.convert("RGBA").convert("RGBa")
    if image.mode == "P":
        return image.convert("RGB")
    if image.mode == "1":
        return image.convert("L")
    if image.mode.startswith("I") or image.mode == "F":
        return image.point(lambda value: value / 256).convert("L")
    return image


def _flatten(image):
    """RGB pixels: transparency on white, since JPEG has none."""
    if image.mode == "RGBa":
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image)  # an RGBa mask blends premultiplied pixels
        return background
    return image if image.mode == "RGB" else image.convert("RGB")


def _srgb_transform(icc_profile, original_mode):
    """What turns RGB pixels into sRGB, what browsers assume of an image without a profile."""
    if not icc_profile or original_mode not in ("RGB", "RGBA"):
        return lambda image: image  # CMYK's profile does not describe the converted RGB pixels
    try:
        transform = ImageCms.buildTransform(
            io.BytesIO(icc_profile), ImageCms.createProfile("sRGB"), "RGB", "RGB"
        )
    except (OSError, ImageCms.PyCMSError):
        return lambda image: image
    return lambda image: ImageCms.applyTransform(image, transform)


def _save(image, target, format, options):
    """Encode without any metadata."""
    buffer = io.BytesIO()
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
