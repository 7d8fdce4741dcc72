"""Writes to the photo library that touch files as well as rows."""

from django.db import transaction

from . import renditions
from .models import Photo
from .processing import clean_image


def add_photo(upload, *, alt_text, caption="", credit="", uploaded_by=None, focal=(0.5, 0.5)):
    """Check and clean an upload, store it and make its renditions. Raises ValidationError."""
    cleaned = clean_image(upload)
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
    with transaction.atomic():
        photo.save()
        transaction.on_commit(lambda: renditions.make_renditions(photo))
    return photo


def photo_saved(photo, *, previous=None):
    """After a photo is saved: renditions for its image and focal point, and none for old ones.

    `previous` is the photo as it was before the save, when its image may have
    changed. Files are touched only once the save is committed, so a rolled-back
    save never loses the old image.
    """

    def update_files():
        if previous is not None and previous.content_hash != photo.content_hash:
            delete_photo_files(previous)
        renditions.make_renditions(photo)

    transaction.on_commit(update_files)


def photo_deleted(photo):
    """After a photo is deleted: its original and renditions go too, once committed."""
    transaction.on_commit(lambda: delete_photo_files(photo))


def delete_photo_files(photo):
    renditions.delete_renditions(photo)
    photo.image.delete(save=False)
