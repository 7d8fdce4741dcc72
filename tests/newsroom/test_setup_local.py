"""`make run`'s setup_local: on an empty database the demo newsroom and a login per
role, printed; again and again without duplicating anything; and what production's
daily timer would have left: snapshots."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Sum
from django.utils import timezone

from articles.models import Article, Author, Section
from media.models import Photo
from rankings.buckets import add_views
from rankings.models import HourlyViews, RankingSnapshot
from rankings.windows import day_start
from tests.factories import ArticleFactory, SectionFactory
from tests.signin.helpers import sign_in

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def local(settings, tmp_path, roles):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path / "var"  # not there yet, as in a fresh clone


def reads_on(article, day, views, hour=9):
    add_views(
        article.pk, article.section_id, day_start(day) + datetime.timedelta(hours=hour), views
    )


def setup_local(*args):
    out = io.StringIO()
    call_command("setup_local", *args, stdout=out)
    return out.getvalue()


def printed_logins(output, address):
    """{username: password} from the lines under "Local logins for <address>/admin/"."""
    block = output.split(f"Local logins for {address}/admin/\n", 1)[1]
    return dict(re.findall(r"^  (\S+) +(\S+)$", block, flags=re.MULTILINE))


def everything():
    """How many of each thing the demo and the logins make."""
    return {
        model.__name__: model.objects.count()
        for model in [Section, Author, Article, Photo, HourlyViews, RankingSnapshot]
    } | {"memberships": get_user_model().groups.through.objects.count()}


def test_an_empty_database_gets_the_demo_and_a_login_per_role_once(local, client, settings):
    address = "http://127.0.0.1:8123"
    output = setup_local("--address", address)

    made = re.search(
        r"created (\d+) sections, (\d+) authors, (\d+) articles and (\d+) photos", output
    )
    sections, authors, articles, photos = map(int, made.groups())
    assert (sections, articles, photos) == (
        Section.objects.count(),
        Article.objects.count(),
        Photo.objects.count(),
    )
    # The demo's writers, and the bylines of the editor's and the reporter's logins.
    assert Author.objects.exclude(user__username__in=["editor", "reporter"]).count() == authors
    assert Article.objects.published().count() >= 60
    views, buckets = map(
        int, re.search(r"Demo reads: (\d+) views in (\d+) hourly", output).groups()
    )
    assert (views, buckets) == (
        HourlyViews.objects.aggregate(n=Sum("views"))["n"],
        HourlyViews.objects.count(),
    )
    days = int(re.search(r"Ranking snapshots for (\d+) past day", output)[1])
    assert days == RankingSnapshot.objects.values("day").distinct().count() >= 28

    logins = printed_logins(output, address)
    assert set(logins) == {"admin", "editor", "reporter", "photo", "analyst"}
    for username, password in logins.items():
        client.logout()
        response = sign_in(client, username, password)
        assert response.redirect_chain[-1][0] == "/admin/", username
        assert response.status_code == 200
    users = get_user_model().objects.filter(username__in=logins)
    assert {user.username: set(user.groups.values_list("name", flat=True)) for user in users} == {
        "admin": set(),
        "editor": {"Editor"},
        "reporter": {"Reporter"},
        "photo": {"Photo editor"},
        "analyst": {"Analyst"},
    }
    assert [user.username for user in users if user.is_superuser] == ["admin"]
    assert Author.objects.get(user__username="reporter").name == "Riley Reporter"
    assert Author.objects.get(user__username="editor").name == "Dana Editor"
    # Named, so History and the stale-save warning show a person, not a login.
    assert {user.username: user.get_full_name() for user in users} == {
        "admin": "Sam Admin",
        "editor": "Dana Editor",
        "reporter": "Riley Reporter",
        "photo": "Pia Photo",
        "analyst": "Ana Lyst",
    }
    assert (settings.VAR_DIR / "local-logins.json").stat().st_mode & 0o777 == 0o600

    before = everything()
    again = setup_local("--address", address)
    assert "Demo content" not in again and "Ranking snapshots" not in again
    assert printed_logins(again, address) == logins
    assert everything() == before


def test_it_refuses_to_run_without_debug(settings, tmp_path, roles):
    settings.DEBUG = False
    settings.VAR_DIR = tmp_path
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        setup_local()
    assert not get_user_model().objects.exists()
    assert list(tmp_path.iterdir()) == []


def test_each_past_day_with_reads_gets_its_snapshot(local):
    politics = SectionFactory(name="Politics", slug="politics")
    week_ago = TODAY - datetime.timedelta(days=7)
    first = ArticleFactory(
        headline="東京の選挙 — Café ☕", section=politics, published_at=day_start(week_ago)
    )
    second = ArticleFactory(headline="Économie", section=politics, published_at=first.published_at)
    for days_back in [7, 5, 1]:
        reads_on(first, TODAY - datetime.timedelta(days=days_back), 30)
        reads_on(second, TODAY - datetime.timedelta(days=days_back), 10 * days_back)
    # 02:00 in the newsroom's zone (Tokyo: the day before, in UTC) belongs to its own day.
    reads_on(second, TODAY - datetime.timedelta(days=1), 100, hour=2)
    reads_on(first, TODAY, 999)

    output = setup_local()

    days = sorted(set(RankingSnapshot.objects.values_list("day", flat=True)))
    assert days == [TODAY - datetime.timedelta(days=n) for n in (7, 5, 1)]
    assert "Ranking snapshots for 3 past day(s)" in output
    number_one = {
        line.day: (line.headline, line.views)
        for line in RankingSnapshot.objects.filter(section=None, rank=1)
    }
    assert number_one == {
        TODAY - datetime.timedelta(days=7): ("Économie", 70),
        TODAY - datetime.timedelta(days=5): ("Économie", 50),
        TODAY - datetime.timedelta(days=1): ("Économie", 110),
    }
    assert RankingSnapshot.objects.filter(section=politics).count() == 6


def test_a_later_start_fills_in_only_the_missing_days(local):
    article = ArticleFactory(headline="東京 ☕")
    reads_on(article, TODAY - datetime.timedelta(days=3), 5)
    setup_local()
    first_lines = list(RankingSnapshot.objects.values_list("pk", flat=True))

    reads_on(article, TODAY - datetime.timedelta(days=2), 7)
    output = setup_local()

    assert "Ranking snapshots for 1 past day(s)" in output
    assert set(first_lines) < set(RankingSnapshot.objects.values_list("pk", flat=True))
    assert RankingSnapshot.objects.filter(day=TODAY - datetime.timedelta(days=2)).exists()
    assert "Ranking snapshots" not in setup_local()
