"""A staff session ends when idle, and when its user's access is taken away."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.page_forms import form_data

from .helpers import PASSWORD, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.TWO_FACTOR_REQUIRED = "none"


def signed_in(user):
    client = Client()
    sign_in(client, user.username)
    assert client.get("/admin/").status_code == 200
    return client


def test_each_request_renews_an_idle_timeout(client, reporter, settings):
    sign_in(client, reporter.username)
    session = Session.objects.get()
    idle = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert abs(session.expire_date - (timezone.now() + idle)) < datetime.timedelta(minutes=1)
    # Idle past the limit: the session is over.
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get("/admin/").url.startswith(reverse("admin:login"))


def test_changing_ones_password_ends_the_other_sessions(reporter):
    laptop, phone = signed_in(reporter), signed_in(reporter)
    page = laptop.get(reverse("admin:password_change"))
    new = "another horse battery 東京"
    laptop.post(
        reverse("admin:password_change"),
        form_data(page, old_password=PASSWORD, new_password1=new, new_password2=new),
    )
    assert laptop.get("/admin/").status_code == 200
    assert phone.get("/admin/").url.startswith(reverse("admin:login"))


def test_taking_a_role_away_ends_that_users_sessions(reporter, admin_user):
    reporters_browser = signed_in(reporter)
    boss = Client()
    boss.force_login(admin_user)
    url = reverse("admin:auth_user_change", args=[reporter.pk])
    page = boss.get(url)
    data = form_data(page, form_id="user_form")
    data.pop("groups", None)  # the multiple select, with the Reporter role unselected
    response = boss.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not reporter.groups.exists()
    assert reporters_browser.get("/admin/").url.startswith(reverse("admin:login"))
    assert boss.get("/admin/").status_code == 200


def test_removing_staff_status_in_code_ends_sessions(reporter):
    reporters_browser = signed_in(reporter)
    reporter.is_staff = False
    reporter.save()
    assert reporters_browser.get("/admin/").url.startswith(reverse("admin:login"))


def test_giving_a_role_keeps_the_session(reporter):
    reporters_browser = signed_in(reporter)
    reporter.groups.add(Group.objects.get(name="Photo editor"))
    assert reporters_browser.get("/admin/").status_code == 200
