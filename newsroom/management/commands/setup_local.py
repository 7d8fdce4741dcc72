import json
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.functions import TruncDate
from django.utils import timezone

from articles.models import Article, Author
from rankings.models import HourlyViews, RankingSnapshot
from rankings.rollups import take_daily_snapshots
from rankings.windows import day_start

# One login per role, so each can be tried: (username, group, name, writes as an author).
# A name, so that History and the stale-save warning show people as the desk knows them.
LOCAL_LOGINS = [
    ("admin", None, "Sam Admin", False),
    ("editor", "Editor", "Dana Editor", True),
    ("reporter", "Reporter", "Riley Reporter", True),
    ("photo", "Photo editor", "Pia Photo", False),
    ("analyst", "Analyst", "Ana Lyst", False),
]


class Command(BaseCommand):
    help = (
        "Local development only: load the demo content and a month of reads into an "
        "empty database, and create one login per role, printing their passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address", default="http://127.0.0.1:8000", help="Where the site will be served."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("setup_local creates known logins; it only runs with DEBUG on.")
        if not Article.objects.exists():
            call_command("seed_demo", stdout=self.stdout)
            call_command("seed_demo_views", stdout=self.stdout)
        self.take_missing_snapshots()
        passwords = self.ensure_logins()
        self.stdout.write(self.style.SUCCESS(f"\nLocal logins for {options['address']}/admin/"))
        for username, password in passwords.items():
            self.stdout.write(f"  {username:10} {password}")
        if settings.TWO_FACTOR_REQUIRED == "none":
            self.stdout.write(
                "Two-factor sign-in is not required locally; start with "
                "TWO_FACTOR_REQUIRED=publishers to try it (an authenticator app or a "
                "passkey on http://localhost)."
            )
        self.stdout.write("")

    def take_missing_snapshots(self):
        """Snapshot every past day that has reads and no snapshot yet, as the daily
        timer would have in production: staff can look up "what was #1 on a date" at
        once, and again after the site was not run for a few days."""
        local_day = TruncDate("hour", tzinfo=timezone.get_current_timezone())
        days_with_views = (
            HourlyViews.objects.filter(hour__lt=day_start(timezone.localdate()))
            .annotate(day=local_day)
            .values_list("day", flat=True)
            .distinct()
        )
        kept = set(RankingSnapshot.objects.values_list("day", flat=True).distinct())
        missing = sorted(set(days_with_views) - kept)
        for day in missing:
            take_daily_snapshots(day)
        if missing:
            self.stdout.write(
                f"Ranking snapshots for {len(missing)} past day(s), "
                f"{missing[0]:%Y-%m-%d} to {missing[-1]:%Y-%m-%d}."
            )

    @transaction.atomic
    def ensure_logins(self):
        """Create missing logins; a password is made once and kept in var/ for later runs."""
        store = settings.VAR_DIR / "local-logins.json"
        store.parent.mkdir(parents=True, exist_ok=True)
        passwords = json.loads(store.read_text()) if store.exists() else {}
        User = get_user_model()
        for username, group_name, name, writes in LOCAL_LOGINS:
            user = User.objects.filter(username=username).first()
            if user is None or username not in passwords:
                passwords[username] = secrets.token_urlsafe(9)
                user = user or User(username=username)
                user.set_password(passwords[username])
                user.first_name, user.last_name = name.split(" ", 1)
                user.is_staff = True
                user.is_superuser = group_name is None
                user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            if writes:
                Author.objects.get_or_create(
                    user=user, defaults={"name": name, "slug": username, "role": group_name}
                )
        store.write_text(json.dumps(passwords, indent=2))
        store.chmod(0o600)
        return passwords
