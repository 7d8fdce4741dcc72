"""Real image files made in memory for tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(*, size=(64, 48), format="JPEG", color=(200, 40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=format)
    return buffer.getvalue()


def image_upload(name="photo.jpg", **kwargs):
    kwargs.setdefault("format", "PNG" if name.endswith(".png") else "JPEG")
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/jpeg")
