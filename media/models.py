import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from taggit.managers import TaggableManager


def photo_upload_to(photo, filename):
    """Store under the upload month with a random name, so names never collide or leak."""
    suffix = PurePath(filename).suffix.lower() or ".jpg"
    return f"photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def focal_field(axis):
    return models.FloatField(
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=(
            f"Where the picture's subject is, {axis}, from 0 to 1. Click the preview to set it."
        ),
    )


class Photo(models.Model):
    """A picture in the library, stored as a clean original with its renditions beside it."""

    image = models.ImageField(
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        help_text="A JPEG, PNG, WebP or GIF. Location and camera details are removed.",
    )
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 of the uploaded file: the same file is one photo.",
    )
    focal_x = focal_field("across")
    focal_y = focal_field("down")
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
    tags = TaggableManager(blank=True, help_text="Separate tags with commas.")
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
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="photo_focal_point_inside",
            ),
        ]

    def __str__(self):
        return self.caption[:80] or self.alt_text[:80]
