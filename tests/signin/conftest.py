import pytest


@pytest.fixture(autouse=True)
def _production_rule(production_two_factor):
    """Every sign-in test runs under production's two-factor rule."""
