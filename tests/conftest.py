import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command

from .factories import AuthorFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches: cached rankings and reader markers must not leak."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def roles(db):
    """The role groups. Migrations make them, but a transactional test's flush removes them."""
    if not Group.objects.filter(name="Editor").exists():
        call_command("sync_roles", stdout=io.StringIO())


# Staff, one fixture per role, each signing in with tests.factories.PASSWORD. These are
# the only role fixtures: a test needing another user of a role adds it here. Usernames
# outside ASCII on purpose; the superuser is pytest-django's admin_user.


def _member_of(group_name, username, **names):
    user = UserFactory(username=username, **names)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def reporter(roles):
    user = _member_of("Reporter", "zoë-riley")
    AuthorFactory(name="Riley Reporter", slug="riley-reporter", user=user)
    return user


@pytest.fixture
def other_reporter(roles):
    user = _member_of("Reporter", "other-reporter")
    AuthorFactory(name="Olu Other", slug="olu-other", user=user)
    return user


@pytest.fixture
def editor(roles):
    return _member_of("Editor", "東京デスク")


@pytest.fixture
def other_editor(roles):
    """A second editor, for two people at work on one article."""
    return _member_of("Editor", "alice", first_name="Alice", last_name="Ng")


@pytest.fixture
def photo_editor(roles):
    return _member_of("Photo editor", "photo-editor")


@pytest.fixture
def analyst(roles):
    return _member_of("Analyst", "analyst")


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def photo_editor_client(client, photo_editor):
    client.force_login(photo_editor)
    return client


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def production_two_factor(settings):
    """Two-factor sign-in as production has it: for whoever can publish or manage users."""
    settings.TWO_FACTOR_REQUIRED = "publishers"
