from django.conf import settings
from django.db import models
from django.utils import timezone

from ..formatting import newsroom_time
from .article import Article


class Revision(models.Model):
    """One saved state of an article, recorded after every committed change: who, when,
    and what (a save that changed nothing adds none; articles/revisions/recording.py).

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


class CorrectionQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: the corrections of articles they can see, newest first."""
        return (
            self.filter(article__in=Article.objects.published())
            .select_related("article__section")
            .order_by("-made_at", "-pk")
        )


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

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["made_at", "pk"]
        get_latest_by = "made_at"
        indexes = [models.Index(fields=["-made_at"], name="correction_made_idx")]

    def __str__(self):
        # Shown over its row in the article's form, where the headline is already said.
        return f"{self.get_kind_display()}, {newsroom_time(self.made_at)}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        """Its id on the article page, for links to this one correction."""
        return f"correction-{self.pk}"
