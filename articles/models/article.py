from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from media.models import Photo

from .. import slugs
from ..fields import SanitizedHTMLField
from .authors import Byline
from .sections import Section


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, and not scheduled for later.

        The one rule for "live"; Article.is_live is the same rule for one loaded article.
        """
        now = timezone.now()
        return self.published_or_scheduled().filter(
            Q(embargoed_until__isnull=True) | Q(embargoed_until__lte=now), published_at__lte=now
        )

    def published_or_scheduled(self):
        """What readers see now or will see at its time, with nothing more done."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__isnull=False)

    def in_section(self, section):
        """Articles of one section; of every section when `section` is None."""
        return self if section is None else self.filter(section=section)

    def next_scheduled_time(self):
        """When the next scheduled article goes live by itself, or None if none is waiting."""
        return (
            self.published_or_scheduled()
            .filter(published_at__gt=timezone.now())
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def for_listing(self):
        """Everything a list or page shows, in a fixed number of queries."""
        return self.select_related("section", "lead_photo").prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author")),
            "tags",
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    headline = models.CharField(max_length=300)
    subheadline = models.CharField(max_length=300, blank=True)
    # ASCII, and made on saving when left empty: the reasons are in articles/slugs.py.
    slug = models.SlugField(max_length=200, unique=True, blank=True, help_text=slugs.HELP_TEXT)
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="articles", verbose_name="section"
    )
    dateline = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where the story was reported, e.g. BRUSSELS. It opens the first paragraph.",
    )
    summary = models.CharField(
        max_length=300,
        help_text="One or two sentences for lists, search results and search engines.",
    )
    body = SanitizedHTMLField()
    lead_photo = models.ForeignKey(
        Photo,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lead_articles",
        help_text="Pick a photo from the library, or add one with the + button.",
    )
    lead_photo_caption = models.TextField(
        "caption for this article",
        blank=True,
        help_text="Leave empty to use the photo's own caption.",
    )
    lead_photo_credit = models.CharField(
        "credit for this article",
        max_length=200,
        blank=True,
        help_text="Leave empty to use the photo's own credit.",
    )
    tags = TaggableManager(blank=True, help_text="Separate tags with commas.")
    body_photos = models.ManyToManyField(
        Photo,
        through="BodyPhoto",
        related_name="body_articles",
        blank=True,
        editable=False,
        help_text="The library photos the body shows, kept in step with the body on every save.",
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text=(
            "When readers first see the article. A future time schedules it: it goes out "
            "by itself. Left empty, publishing sets it to now. Kept through later updates."
        ),
    )
    # "Updated" is what readers see: a time the desk chose to show ("Substantive
    # update"). "Modified" is any save at all, for the desk, feeds and sitemaps.
    embargoed_until = models.DateTimeField(
        "embargoed until",
        null=True,
        blank=True,
        help_text=(
            "Readers see nothing of the article before this time, whatever its status: "
            "an agreed embargo. Only editors set or lift it."
        ),
    )
    updated_at = models.DateTimeField(
        "updated",
        null=True,
        blank=True,
        editable=False,
        help_text="Time of the last substantive update shown to readers.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text="Who is responsible for the article in the desk.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField("last saved", auto_now=True)
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="Who saved the article last.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        # Undated drafts first on every database (PostgreSQL and SQLite differ otherwise).
        ordering = [F("published_at").desc(nulls_first=True), "-pk"]
        get_latest_by = "published_at"
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("edit_any_article", "Can edit any article at any status"),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub_idx"),
            models.Index(fields=["section", "-published_at"], name="article_section_pub_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
            models.CheckConstraint(
                condition=Q(embargoed_until__isnull=True)
                | Q(published_at__isnull=True)
                | Q(published_at__gte=F("embargoed_until")),
                name="article_published_after_embargo",
                violation_error_message="The publication time cannot be before the embargo ends.",
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, **kwargs):
        """Save, moving the version of an existing article on in the same UPDATE.

        Every save writes `version = version + 1` (a save of some `update_fields` too),
        and reads the new number back from that statement, as the bulk publish and
        unpublish in articles/services.py bump it in theirs. A change form opened before
        any of these writes is then refused as stale (articles/forms.py, the one check,
        which the admin runs under a row lock). A save from code is not checked itself:
        like any Django save, it replaces what is saved with this copy; an article deleted
        meanwhile raises Django's DatabaseError ("did not affect any rows") rather than
        coming back as a new row.
        """
        self.fill_publication_time()
        if not self.slug:
            slugs.save_with_derived_slug(self, lambda: self.save(**kwargs))
            return
        update_fields = kwargs.get("update_fields")
        if self._state.adding or (update_fields is not None and not update_fields):
            super().save(**kwargs)
            return
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        kwargs.setdefault("force_update", True)
        loaded_version = self.version
        self.version = F("version") + 1
        try:
            super().save(**kwargs)
        except BaseException:
            self.version = loaded_version  # a failed save leaves the copy as it was
            raise

    def get_absolute_url(self):
        published = timezone.localtime(self.published_at or timezone.now())
        return reverse(
            "articles:detail",
            kwargs={
                "section": self.section.slug,
                "year": published.year,
                "month": f"{published.month:02d}",
                "day": f"{published.day:02d}",
                "slug": self.slug,
            },
        )

    @property
    def is_live(self):
        """True when readers can see the article now: ArticleQuerySet.published() would
        list it. That QuerySet is the rule; this says it for an article already loaded,
        without a query, and a test keeps the two in agreement."""
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and not self.is_embargoed_at(now)
        )

    def is_embargoed_at(self, moment):
        return self.embargoed_until is not None and moment < self.embargoed_until

    @property
    def is_embargoed(self):
        return self.is_embargoed_at(timezone.now())

    @property
    def lead_caption(self):
        """The lead photo's caption here: this article's own, or the photo's."""
        return self.lead_photo_caption or (self.lead_photo.caption if self.lead_photo else "")

    @property
    def lead_credit(self):
        return self.lead_photo_credit or (self.lead_photo.credit if self.lead_photo else "")

    @property
    def last_told_at(self):
        """The latest change readers were told of: the publication, the "Updated" time
        or a correction. Not `modified_at`, which any save moves (a tag, the owner, a
        typo). For feeds and structured data; reads `self.corrections.all()`, which a
        list should prefetch."""
        moments = [self.published_at, self.updated_at]
        moments += [correction.made_at for correction in self.corrections.all()]
        moments = [moment for moment in moments if moment is not None]
        return max(moments) if moments else None

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and not self.is_live

    def fill_publication_time(self):
        """Publishing without a time means publishing now, or when the embargo ends."""
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            now = timezone.now()
            self.published_at = max(now, self.embargoed_until) if self.embargoed_until else now

    def clean(self):
        # Before the constraint check, which requires a published article to have a time.
        self.fill_publication_time()
