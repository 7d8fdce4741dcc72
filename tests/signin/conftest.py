import pytest


@pytest.fixture(autouse=True)
def _production_rule(settings):
    """Two-factor sign-in as production has it: for whoever can publish or manage users."""
    settings.TWO_FACTOR_REQUIRED = "publishers"
