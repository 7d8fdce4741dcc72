"""Password guessing on the admin's login page meets a lockout, per username and per address."""

import io

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from .helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.AXES_FAILURE_LIMIT = 5


def guess(client, username, times, *, address="203.0.113.7"):
    client.defaults["REMOTE_ADDR"] = address
    return [sign_in(client, username, "wrong-password").status_code for _ in range(times)]


def test_guessing_one_users_password_locks_that_username(client, reporter):
    assert guess(client, reporter.username, 4) == [200] * 4
    locked = sign_in(client, reporter.username, "wrong-password")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    # From another address too, and with the right password: the username is locked.
    client.defaults["REMOTE_ADDR"] = "198.51.100.20"
    response = sign_in(client, reporter.username)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_guessing_many_usernames_from_one_address_locks_the_address(client, reporter):
    for n in range(5):
        guess(client, f"someone-{n}", 1)
    client.defaults["REMOTE_ADDR"] = "203.0.113.7"
    assert sign_in(client, reporter.username).status_code == 429
    # Another address is not affected.
    client.defaults["REMOTE_ADDR"] = "198.51.100.20"
    assert sign_in(client, reporter.username).redirect_chain[-1][0] == "/admin/"


def test_a_command_lifts_a_lockout(client, reporter):
    guess(client, reporter.username, 5)
    assert AccessAttempt.objects.filter(username=reporter.username).exists()
    call_command("axes_reset_username", reporter.username, stdout=io.StringIO())
    client.defaults["REMOTE_ADDR"] = "198.51.100.20"
    assert sign_in(client, reporter.username).redirect_chain[-1][0] == "/admin/"


def test_lockouts_are_listed_in_the_admin(client, admin_user, reporter, settings):
    settings.TWO_FACTOR_REQUIRED = "none"
    guess(client, reporter.username, 5)
    client.force_login(admin_user)
    page = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert page.status_code == 200
    assert reporter.username in page.content.decode()


def test_an_unsafe_next_lands_on_the_desk_not_a_404(client, reporter):
    for unsafe in ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]:
        client.logout()
        response = sign_in(client, reporter.username, next_url=unsafe)
        assert response.redirect_chain[-1][0] == "/admin/", unsafe
        assert response.status_code == 200


def test_an_ipv6_attacker_cannot_escape_by_moving_inside_its_64(client, reporter):
    for n in range(5):
        guess(client, f"someone-{n}", 1, address=f"2001:db8:1:2::{n + 1:x}")
    client.defaults["REMOTE_ADDR"] = "2001:db8:1:2:ffff::9"
    assert sign_in(client, reporter.username).status_code == 429
    # The neighbouring /64 is someone else.
    client.defaults["REMOTE_ADDR"] = "2001:db8:1:3::1"
    assert sign_in(client, reporter.username).redirect_chain[-1][0] == "/admin/"
