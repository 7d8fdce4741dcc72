import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone

from .validators import validate_image_file


def photo_upload_to(photo, filename):
    """Store under the upload month with a random name, so names never collide or leak."""
    suffix = PurePath(filename).suffix.lower() or ".jpg"
    return f"photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Photo(models.Model):
    image = models.ImageField(
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        validators=[validate_image_file],
        help_text="A JPEG, PNG, WebP or GIF.",
    )
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    caption = models.TextField(
        blank=True,
        help_text=(
            "Who and what is in the picture, where and when: "
            "“X, left, and Y arrive for a meeting in Brussels on Thursday.”"
        ),
    )
    credit = models.CharField(
        max_length=200, help_text="Photographer and agency, for example “Jane Doe / Newsroom”."
    )
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        help_text="What the picture shows, for readers who cannot see it.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        indexes = [models.Index(fields=["-created_at"], name="photo_created_idx")]

    def __str__(self):
        return self.caption[:80] or self.alt_text[:80]
