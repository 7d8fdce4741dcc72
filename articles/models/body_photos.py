from django.db import models

from media.models import Photo


class BodyPhoto(models.Model):
    """A library photo placed in an article's body, derived from the body on every save.

    The body itself stores the photo by id (articles/photo_figures.py); these rows let
    the photo library see where a photo is used, and PROTECT refuses to delete a photo
    an article's body still shows, as it does for a lead photo.
    """

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    photo = models.ForeignKey(Photo, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "photo"], name="body_photo_once_per_article")
        ]

    def __str__(self):
        return f"Photo {self.photo_id} in the body of article {self.article_id}"
