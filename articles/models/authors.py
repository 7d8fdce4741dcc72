from django.conf import settings
from django.db import models
from django.urls import reverse


class Author(models.Model):
    """A person, a desk ("Staff writer") or an agency (Kyodo, Reuters) that can carry a byline."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        DESK = "desk", "Desk"
        AGENCY = "agency", "Agency"

    name = models.CharField(max_length=150)
    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.PERSON,
        help_text="An agency (Kyodo, Reuters) is credited as the source: “From Kyodo”.",
    )
    slug = models.SlugField(max_length=150, unique=True)
    role = models.CharField(
        max_length=150, blank=True, help_text="Shown under the name, e.g. “Brussels correspondent”."
    )
    bio = models.TextField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
        help_text="This author's login, if any: their article form offers this byline as “Me”.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})


class Byline(models.Model):
    """One author of one article, in the order the bylines are printed."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)
    credit = models.CharField(
        "credit line",
        max_length=150,
        blank=True,
        help_text=(
            "Optional: “Special to The Daily Newsroom” follows the name; a credit ending in "
            "“by”, such as “With additional reporting by” or “Photos by”, goes before it."
        ),
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_author_once"),
        ]

    def __str__(self):
        return str(self.author)
