import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory

from .helpers import PASSWORD


@pytest.fixture(autouse=True)
def _production_rule(settings):
    """Two-factor sign-in as production has it: for whoever can publish or manage users."""
    settings.TWO_FACTOR_REQUIRED = "publishers"


@pytest.fixture
def desk_editor(roles):
    user = UserFactory(username="東京デスク", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def desk_reporter(roles):
    user = UserFactory(username="zoë-reporter", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Reporter"))
    return user
