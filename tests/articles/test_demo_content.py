import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.demo.stories import REFERENCE_SLUG
from articles.models import Article, Author, Correction, Section
from media.models import Photo

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_a_newsroom_and_is_idempotent(client):
    call_command("seed_demo", articles=6, stdout=io.StringIO())
    counts = [Section.objects.count(), Author.objects.count(), Article.objects.count()]
    call_command("seed_demo", articles=6, stdout=io.StringIO())

    assert [Section.objects.count(), Author.objects.count(), Article.objects.count()] == counts
    assert Article.objects.published().count() == 6
    assert Photo.objects.count() >= 5
    assert set(Article.objects.values_list("status", flat=True)) == set(Article.Status) - {
        Article.Status.UNPUBLISHED
    }

    [embargoed] = Article.objects.filter(embargoed_until__gt=timezone.now())
    assert embargoed.status == Article.Status.PUBLISHED
    assert embargoed.published_at == embargoed.embargoed_until
    assert "新型電池" in embargoed.headline

    reference = Article.objects.get(slug=REFERENCE_SLUG)
    assert reference.section.name == "Politics"
    assert reference.dateline == "BRUSSELS"
    assert ";" in reference.headline
    assert reference.bylines.count() == 2
    assert ", left, and " in reference.lead_photo.caption
    assert reference.body_photos.count() == 1
    html = client.get(reference.get_absolute_url()).content.decode()
    assert '<span class="dateline">BRUSSELS —</span>' in html
    # The photo in the body, with this article's own caption, between two paragraphs.
    assert '</blockquote><figure class="photo">' in html
    assert '<span class="photo__caption">Teodor Anghel, centre, leaves the summit' in html
    assert reference.corrections.get().kind == "correction"
    assert '<aside class="corrections corrections--foot"' in html
    clarification = Correction.objects.get(kind="clarification")
    assert "主催者発表" in clarification.text and clarification.article.is_live
    assert clarification.made_at <= timezone.now()
    assert Correction.objects.count() == 2, "a second run adds no corrections"


def test_the_default_demo_is_a_month_of_a_real_newsroom():
    call_command("seed_demo", stdout=io.StringIO())
    published = Article.objects.published()
    assert Section.objects.count() >= 8
    assert Author.objects.count() >= 12
    assert published.count() >= 60
    oldest = published.order_by("published_at").first().published_at
    assert timezone.now() - oldest <= datetime.timedelta(days=31)
    assert published.filter(lead_photo__isnull=False).count() >= 55
    assert all(article.tags.exists() for article in published[:10])
