"""One's second factors, on django-otp's devices: an authenticator app and recovery codes.

(Passkeys are django-otp-webauthn's credentials; its own views register and check them.)
"""

import base64

import segno
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


def verify_code(user, code):
    """The device that accepts `code`, or None. Each device throttles its own failures.

    A used recovery code is spent; an app's code cannot be used twice.
    """
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            if isinstance(device, TOTPDevice | StaticDevice) and device.verify_token(code):
                return device
    return None


def pending_app(user):
    """The app being set up: a secret made once and kept until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


@transaction.atomic
def confirm_app(device, code):
    """True when the app shows the right code; it then replaces any app set up before."""
    if not device.verify_token(code):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def qr_code(device):
    """The app's set-up address as a QR code, an SVG data URI for an <img>."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def secret_for_typing(device):
    """The secret as an app asks for it when typed: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def new_recovery_codes(user):
    """Ten fresh one-time codes, replacing any left; shown to the user once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def is_recovery(device):
    return isinstance(device, StaticDevice)


def delete_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
