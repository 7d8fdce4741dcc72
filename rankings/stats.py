"""The figures staff see: the ranking dashboard's table (dashboard.py shows it) and
an article's readers panel on its admin page."""

import datetime
from dataclasses import asdict, dataclass

from django.utils import timezone

from .buckets import hour_of, hourly_retention_start
from .cached import top_articles
from .charts import bar_chart, sparkline
from .forms import MAX_RANGE_DAYS
from .models import DailyViews, HourlyViews
from .queries import RankedArticle, Span, publication_times, rank_totals, ranked_order
from .windows import WINDOWS, day_start

TABLE_SIZE = 100
PANEL_RANKS = 100
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class DashboardRow(RankedArticle):
    share: float  # of all views in the period, 0 to 1
    change: str
    chart: str

    @property
    def share_percent(self):
        return self.share * 100


def rank_positions(start, end, *, section=None):
    """{article_id: rank} of every article read in [start, end), ranked as a ranking is."""
    totals = Span.of(start, end).totals(section)
    order = ranked_order(totals, publication_times(totals))
    return {pk: position for position, pk in enumerate(order, start=1)}


def dashboard_table(start, end, *, section=None):
    """The ranked rows with shares, rank changes and charts, and the period's totals."""
    totals = Span.of(start, end).totals(section)
    rows = rank_totals(totals, limit=TABLE_SIZE)
    total_views = sum(totals.values())
    previous = rank_positions(start - (end - start), start, section=section)
    # Hour by hour up to a week, while hourly buckets are kept; by day otherwise.
    step = HOUR if end - start <= 7 * DAY and start >= hourly_retention_start() else DAY
    series = view_series([row.article_id for row in rows], start, end, step=step)
    return {
        "rows": [
            DashboardRow(
                **asdict(row),
                share=row.views / total_views if total_views else 0,
                change=_change(row.rank, previous.get(row.article_id)),
                chart=sparkline(series[row.article_id], label=f"Views of “{row.headline}”"),
            )
            for row in rows
        ],
        "total_views": total_views,
        "articles_read": len(totals),
    }


def _change(rank_now, rank_before):
    if rank_before is None:
        return "new"
    if rank_before == rank_now:
        return "="
    return (
        f"up {rank_before - rank_now}"
        if rank_before > rank_now
        else f"down {rank_now - rank_before}"
    )


def view_series(article_ids, start, end, *, step):
    """{article_id: [views per step]} over [start, end).

    Hourly buckets fall into the step they start in, while they are kept; before
    hourly retention, daily rows count only in day-sized steps, at their UTC midnight.
    """
    steps = max(int((end - start) / step), 1)
    series = {pk: [0] * steps for pk in article_ids}

    def add(pk, moment, views):
        index = int((moment - start) / step)
        if 0 <= index < steps:
            series[pk][index] += views

    cutoff = hourly_retention_start()
    hourly = HourlyViews.objects.between(max(start, cutoff), end).filter(article__in=article_ids)
    for pk, hour, views in hourly.values_list("article", "hour", "views"):
        add(pk, hour, views)
    if step >= DAY and start < cutoff:
        daily = DailyViews.objects.between(start.date(), min(end, cutoff).date())
        for pk, day, views in daily.filter(article__in=article_ids).values_list(
            "article", "day", "views"
        ):
            add(pk, datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC), views)
    return series


def article_panel(article, *, now=None):
    """An article's views per hour for 48 hours and per day since publication, and its ranks."""
    now = now or timezone.now()
    end = hour_of(now) + HOUR
    hours_start = end - 48 * HOUR
    hourly = view_series([article.pk], hours_start, end, step=HOUR)[article.pk]

    today = timezone.localdate(now)
    first_day = timezone.localdate(article.published_at) if article.published_at else today
    first_day = max(first_day, today - datetime.timedelta(days=MAX_RANGE_DAYS - 1))
    days_start = day_start(first_day)
    days = (today - first_day).days + 1
    daily = view_series([article.pk], days_start, days_start + days * DAY, step=DAY)[article.pk]

    # Ranks come from the cached rankings, so opening an article costs no ranking query
    # most of the time; an article below PANEL_RANKS shows no rank.
    ranks = [
        (
            window.label,
            _position(top_articles(key, limit=PANEL_RANKS), article.pk),
            _position(top_articles(key, section=article.section, limit=PANEL_RANKS), article.pk),
        )
        for key, window in WINDOWS.items()
    ]
    return {
        "hourly_chart": bar_chart(
            [
                (f"{timezone.localtime(hours_start + i * HOUR):%b %-d %H:00 %Z}", views)
                for i, views in enumerate(hourly)
            ],
            label="Views per hour, last 48 hours",
        ),
        "daily_chart": bar_chart(
            [
                (f"{first_day + datetime.timedelta(days=i):%b %-d}", views)
                for i, views in enumerate(daily)
            ],
            label="Views per day since publication",
        ),
        "total_48h": sum(hourly),
        "total": sum(daily),
        "ranks": ranks,
        "is_live": article.is_live,
    }


def _position(ranking, article_id):
    return next((item.rank for item in ranking if item.article_id == article_id), None)
