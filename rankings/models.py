from django.db import models

from articles.models import Article, Section

from .queries import DailyViewsQuerySet, HourlyViewsQuerySet


class Bucket(models.Model):
    """What every bucket holds: an article's reads in one span, with its section."""

    # Both keys lead an index of each bucket's Meta already: an index of their own
    # would only make each increment slower.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", db_index=False)
    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        help_text="The article's section, copied so a section's ranking reads only its rows.",
    )
    views = models.PositiveBigIntegerField(default=0)

    class Meta:
        abstract = True


class HourlyViews(Bucket):
    """Counted reads of one article in one clock hour (UTC)."""

    hour = models.DateTimeField(help_text="The start of the hour, in UTC.")

    objects = HourlyViewsQuerySet.as_manager()

    class Meta:
        verbose_name = "hourly views"
        verbose_name_plural = "hourly views"
        permissions = [("view_rankings", "Can view access rankings and their dashboard")]
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="hourlyviews_article_hour"),
        ]
        # A ranking reads a window of hours, site-wide or in a section: all of each hour's
        # buckets, or (queries.py) only each hour's most-read ones first.
        indexes = [
            models.Index(fields=["hour", "-views", "article"], name="hourlyviews_hour_views_idx"),
            models.Index(
                fields=["section", "hour", "-views", "article"],
                name="hourlyviews_section_hour_idx",
            ),
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}:00 = {self.views}"


class DailyViews(Bucket):
    """Reads of one article on one finished UTC day, rolled up from its hourly buckets."""

    day = models.DateField(help_text="The UTC day.")

    objects = DailyViewsQuerySet.as_manager()

    class Meta:
        verbose_name = "daily views"
        verbose_name_plural = "daily views"
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="dailyviews_article_day"),
        ]
        indexes = [
            models.Index(fields=["day", "-views", "article"], name="dailyviews_day_views_idx"),
            models.Index(
                fields=["section", "day", "-views", "article"], name="dailyviews_section_day_idx"
            ),
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.day} = {self.views}"


class RolledUpDay(models.Model):
    """A UTC day whose daily rows are complete: rankings read them instead of its hours.

    Written in the transaction that writes the day's rows, so a day is either rolled
    up whole or not at all, and a second roll-up of the same day finds it and stops.
    """

    day = models.DateField(unique=True)
    rolled_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.day)


class RankingSnapshot(models.Model):
    """One line of a day's top ten, kept after the buckets behind it are rolled up.

    The line keeps its own copy of the headline and section name, so deleting the
    article (a legal takedown) empties only the link to it and the history still reads.
    """

    day = models.DateField(help_text="The newsroom-zone day the ranking describes.")
    section = models.ForeignKey(
        Section,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty for the site-wide ranking.",
    )
    rank = models.PositiveSmallIntegerField()
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty once the article is deleted.",
    )
    headline = models.CharField(max_length=300, help_text="As it was when the snapshot was taken.")
    article_section = models.CharField(
        max_length=100, help_text="The article's section name when the snapshot was taken."
    )
    views = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["-day", "section", "rank"]
        get_latest_by = "day"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "section", "rank"], name="snapshot_day_section_rank"
            ),
            models.UniqueConstraint(
                fields=["day", "rank"],
                condition=models.Q(section__isnull=True),
                name="snapshot_day_sitewide_rank",
            ),
        ]

    def __str__(self):
        return f"{self.day} #{self.rank}"


class ReaderMarker(models.Model):
    """Reads of an article counted for one reader, or one address, in the repeat window.

    Used when there is no Redis. `key` is "reader:<article id>:<hash>" or
    "address:<article id>:<hash>"; a hash cannot be turned back into an address
    or a user agent.
    """

    key = models.CharField(max_length=80, unique=True)
    reads = models.PositiveIntegerField(default=1)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return self.key


class FlushedBatch(models.Model):
    """A batch of Redis counts already added to the database, so a rerun skips it."""

    batch = models.CharField(max_length=100, unique=True)
    flushed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.batch
