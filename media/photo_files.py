"""A photo's files on disk: the original and its renditions.

Files and rows must never part ways: a new image is stored before its row is saved and
deleted if the save fails; an image replaced or a photo deleted loses its files only
once the change is committed, so a rolled-back save never loses a file it still needs.
"""

import logging

from django.core.files.storage import default_storage
from django.db import transaction

from . import renditions

logger = logging.getLogger(__name__)


def store_new_image(photo):
    """Store the photo's new image before its row is saved, and return the stored name.

    Django would store it inside save(); done first, the caller knows which file to
    delete if the row is not saved after all.
    """
    photo.image.save(photo.image.name, photo.image.file, save=False)
    return photo.image.name


def discard_files(names):
    """Delete stored files whose row was never saved: no file is left without its photo."""
    for name in names:
        default_storage.delete(name)


def make_renditions_or_report(photo, *, on_failure=None):
    """Make the photo's renditions after it is saved; a failure is logged, never raised.

    The photo is committed by then: a failure must not turn the editor's save into an
    error page. `on_failure(photo)` tells whoever saved it; `make_renditions` can
    make the missing ones later.
    """
    try:
        renditions.make_renditions(photo)
    except Exception:
        logger.exception("Could not make the renditions of photo %s", photo.pk)
        if on_failure is not None:
            on_failure(photo)


def photo_saved(photo, *, previous=None, on_rendition_failure=None):
    """After a photo is saved: renditions for its image and focal point, and none for old ones.

    `previous` is the photo as it was before the save, when its image may have
    changed. Files are touched only once the save is committed, so a rolled-back
    save never loses the old image.
    """

    def update_files():
        if previous is not None and previous.image.name != photo.image.name:
            if previous.content_hash != photo.content_hash:
                renditions.delete_renditions(previous)
            previous.image.delete(save=False)
        make_renditions_or_report(photo, on_failure=on_rendition_failure)

    transaction.on_commit(update_files)


def delete_photo_files(photo):
    """A deleted photo's original and renditions, once the deletion is committed.

    Connected to post_delete, so every way of deleting a photo cleans up.
    """

    def delete_files():
        renditions.delete_renditions(photo)
        photo.image.delete(save=False)

    transaction.on_commit(delete_files)
