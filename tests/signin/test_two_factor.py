"""Two-factor sign-in through the admin's own pages, with real TOTP codes."""

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken

from tests.page_forms import form_data

from .helpers import app_code, app_device, sign_in

pytestmark = pytest.mark.django_db
SET_UP_URL = reverse("signin:set_up")
VERIFY_URL = reverse("signin:verify")


def set_up_app(client):
    """Scan the page's key into an 'app', confirm with its code; the recovery codes page."""
    page = client.get(SET_UP_URL)
    assert page.status_code == 200
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(confirmed=False)
    shown_key = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.content.decode())[1]
    assert shown_key.replace(" ", "") in device.config_url
    return client.post(SET_UP_URL, form_data(page, code=app_code(device)))


def test_an_editor_without_a_second_factor_must_set_one_up_before_the_admin(client, editor):
    response = sign_in(client, editor.username)
    assert response.redirect_chain[-1][0].startswith(SET_UP_URL)
    assert "needs two-factor sign-in" in response.content.decode()
    # Nothing else opens meanwhile: not the admin, not a preview.
    for url in ["/admin/", "/admin/articles/article/", "/preview/1/"]:
        assert client.get(url).url.startswith(SET_UP_URL), url

    codes_page = set_up_app(client)
    assert codes_page.status_code == 200
    codes = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", codes_page.content.decode())
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_a_reporter_is_not_made_to_set_one_up(client, reporter):
    response = sign_in(client, reporter.username)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert response.status_code == 200


def test_next_time_the_code_is_asked_after_the_password(client, editor):
    sign_in(client, editor.username)
    set_up_app(client)
    client.logout()

    response = sign_in(client, editor.username, next_url="/admin/articles/article/")
    assert response.redirect_chain[-1][0].startswith(VERIFY_URL)
    assert client.get("/admin/").url.startswith(VERIFY_URL)

    page = client.get(response.redirect_chain[-1][0])
    wrong = client.post(response.redirect_chain[-1][0], form_data(page, code="000000"))
    assert "That code is not right" in wrong.content.decode()
    assert client.get("/admin/").url.startswith(VERIFY_URL)

    # The app's next code (the current one was spent on setting up), once the throttle
    # that follows a wrong code has passed: reset here so the test does not wait.
    device = app_device(editor)
    device.throttle_reset()
    done = client.post(
        VERIFY_URL + "?next=/admin/articles/article/",
        form_data(page, code=app_code(device, step_offset=1)),
    )
    assert done.url == "/admin/articles/article/"
    assert client.get("/admin/articles/article/").status_code == 200


def test_a_code_is_good_only_once(client, editor):
    sign_in(client, editor.username)
    set_up_app(client)
    used = app_code(app_device(editor))
    client.logout()
    sign_in(client, editor.username)
    page = client.get(VERIFY_URL)
    again = client.post(VERIFY_URL, form_data(page, code=used))
    assert again.status_code == 200
    assert "That code is not right" in again.content.decode()


def test_a_recovery_code_lets_one_in_once(client, editor):
    sign_in(client, editor.username)
    codes_page = set_up_app(client)
    code = re.findall(r"<code>([a-z2-7-]{9})</code>", codes_page.content.decode())[0]
    client.logout()

    sign_in(client, editor.username)
    page = client.get(VERIFY_URL)
    # Typed as shown, in capitals and with spaces: still the code.
    typed = f" {code.upper().replace('-', ' ')} "
    assert client.post(VERIFY_URL, form_data(page, code=typed)).url == "/admin/"
    assert StaticToken.objects.filter(device__user=editor).count() == 9
    client.logout()

    sign_in(client, editor.username)
    page = client.get(VERIFY_URL)
    assert (
        "That code is not right"
        in client.post(VERIFY_URL, form_data(page, code=code)).content.decode()
    )


def test_the_session_gets_a_new_key_once_verified(client, editor):
    sign_in(client, editor.username)
    before = client.session.session_key
    set_up_app(client)
    assert client.session.session_key != before


def test_wrong_codes_lock_the_user_out_like_wrong_passwords(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    sign_in(client, editor.username)
    set_up_app(client)
    client.logout()
    sign_in(client, editor.username)
    for _ in range(2):
        page = client.get(VERIFY_URL)
        assert client.post(VERIFY_URL, form_data(page, code="123456")).status_code == 200
    page = client.get(VERIFY_URL)
    locked = client.post(VERIFY_URL, form_data(page, code="123456"))
    assert locked.status_code == 429
    assert "Signing in is locked" in locked.content.decode()
    # Signed out, and the password alone no longer opens the door.
    assert client.get("/admin/").url.startswith(reverse("admin:login"))
    assert sign_in(client, editor.username).status_code == 429


def test_an_admin_can_see_the_desk_needs_no_second_factor_when_switched_off(
    client, editor, settings
):
    settings.TWO_FACTOR_REQUIRED = "none"
    assert sign_in(client, editor.username).redirect_chain[-1][0] == "/admin/"


def test_staff_setting_extends_it_to_every_role(client, reporter, settings):
    settings.TWO_FACTOR_REQUIRED = "staff"
    assert sign_in(client, reporter.username).redirect_chain[-1][0].startswith(SET_UP_URL)


def test_the_only_second_factor_of_a_publisher_cannot_be_removed(client, editor):
    sign_in(client, editor.username)
    set_up_app(client)
    device = app_device(editor)
    page = client.get(reverse("signin:home"))
    response = client.post(
        reverse("signin:remove_app", args=[device.pk]),
        form_data(page),
        follow=True,
    )
    assert "your only way to confirm it is you" in response.content.decode()
    assert app_device(editor)
