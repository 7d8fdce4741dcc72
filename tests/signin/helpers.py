"""Signing in as a person does: the admin's login page, then the second step."""

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD
from tests.page_forms import form_data

LOGIN_URL = reverse("admin:login")


def sign_in(client, username, password=PASSWORD, *, next_url="/admin/"):
    """Post the login form the page rendered; the response, redirects followed."""
    page = client.get(LOGIN_URL, {"next": next_url})
    data = form_data(page, form_id="login-form", username=username, password=password)
    return client.post(f"{LOGIN_URL}?next={next_url}", data, follow=True)


def app_code(device, *, step_offset=0):
    """What the user's authenticator app shows now (or `step_offset` steps from now)."""
    device.refresh_from_db()
    drift = device.drift + step_offset
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def app_device(user):
    return TOTPDevice.objects.get(user=user, confirmed=True)
