"""One rule for "readers can see it": Article.is_live says what published() lists."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2025, 4, 4, 9, 30, tzinfo=datetime.UTC)
MOMENTS = {
    "past": NOW - datetime.timedelta(days=1),
    "now": NOW,
    "future": NOW + datetime.timedelta(minutes=1),
    "none": None,
}


EMBARGOES = {
    "embargo past": NOW - datetime.timedelta(days=2),
    "embargo future": NOW + datetime.timedelta(hours=2),
    "no embargo": None,
}


def test_is_live_agrees_with_published_for_every_status_time_and_embargo(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    grid = {}
    for status in Article.Status.values:
        for when, moment in MOMENTS.items():
            for embargo, until in EMBARGOES.items():
                # The constraint keeps a publication time at or after the embargo.
                if moment is not None and until is not None and moment < until:
                    continue
                article = ArticleFactory(
                    headline=f"禁輸 {status} {when} {embargo} 🔒",
                    status=status,
                    published_at=moment,
                    embargoed_until=until,
                )
                grid[status, when, embargo] = Article.objects.get(pk=article.pk)

    listed = set(Article.objects.published().values_list("pk", flat=True))
    assert {k: a.is_live for k, a in grid.items() if a.is_live != (a.pk in listed)} == {}
    live = {key for key, article in grid.items() if article.is_live}
    assert live == {
        ("published", "past", "embargo past"),
        ("published", "past", "no embargo"),
        ("published", "now", "embargo past"),
        ("published", "now", "no embargo"),
        ("published", "none", "embargo past"),
        ("published", "none", "no embargo"),
    }
    # Published with no time means published now; under a future embargo it goes out
    # at the embargo's end.
    waiting = grid["published", "none", "embargo future"]
    assert waiting.published_at == EMBARGOES["embargo future"] and waiting.is_embargoed
