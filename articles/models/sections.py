from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

# First path segments the site uses itself; a section may not take them.
RESERVED_SECTION_SLUGS = {
    "admin",
    "authors",
    "corrections",
    "tags",
    "preview",
    "feed",
    "rankings",
    "search",
    "static",
    "media",
    "sitemap.xml",
    "webauthn",
}


class Section(models.Model):
    """A section of the paper: Politics, Business, Sports..."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100, unique=True, help_text="The section's address: /politics/."
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text="One sentence for the section page and search engines.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Sections are listed in the navigation from low to high."
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "section"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})

    def clean(self):
        if self.slug in RESERVED_SECTION_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is used by the site itself."})
