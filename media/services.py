"""Adding a photo to the library from code (demo content, imports): checked, stored, rendered."""

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Photo
from .photo_files import discard_files, make_renditions_or_report, store_new_image
from .processing import clean_image


def find_duplicate(content_hash, *, exclude_pk=None):
    """The photo already in the library with these exact bytes, if any."""
    return Photo.objects.filter(content_hash=content_hash).exclude(pk=exclude_pk).first()


def add_photo(upload, *, alt_text, caption="", credit="", uploaded_by=None, focal=(0.5, 0.5)):
    """Check and clean an upload, store it and make its renditions. Raises ValidationError."""
    cleaned = clean_image(upload)
    duplicate = find_duplicate(cleaned.content_hash)
    if duplicate is not None:
        raise ValidationError(
            "This image is already in the library (photo %(pk)s).",
            code="duplicate",
            params={"pk": duplicate.pk},
        )
    photo = Photo(
        image=cleaned.file,
        content_hash=cleaned.content_hash,
        alt_text=alt_text,
        caption=caption or cleaned.caption,
        credit=credit or cleaned.credit,
        uploaded_by=uploaded_by,
        focal_x=focal[0],
        focal_y=focal[1],
    )
    photo.full_clean(exclude=["image"])
    stored = store_new_image(photo)
    try:
        with transaction.atomic():
            photo.save()
    except BaseException:
        discard_files([stored])
        raise
    transaction.on_commit(lambda: make_renditions_or_report(photo))
    return photo
