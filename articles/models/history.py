from django.conf import settings
from django.db import models
from django.utils import timezone


class Revision(models.Model):
    """One saved state of an article, recorded on every save: who, when, and what.

    `data` holds every editorial field as the save left it (bylines, tags and the
    corrections included), photos by id only.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="revisions"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data = models.JSONField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        indexes = [
            models.Index(fields=["article", "-created_at"], name="revision_article_time_idx")
        ]

    def __str__(self):
        return f"{self.article_id} at {self.created_at:%Y-%m-%d %H:%M:%S}"


class Correction(models.Model):
    """A correction, clarification or editor's note, printed with the article."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        EDITORS_NOTE = "editors_note", "Editor's note"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(help_text="What was wrong and what is right, in plain sentences.")
    made_at = models.DateTimeField(
        "made at", default=timezone.now, help_text="When the correction was made."
    )
    serious = models.BooleanField(
        default=False, help_text="Show it at the top of the article instead of at its foot."
    )

    class Meta:
        ordering = ["made_at", "pk"]
        get_latest_by = "made_at"
        indexes = [models.Index(fields=["-made_at"], name="correction_made_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}, {self.article}"
