from django.apps import AppConfig
from django.core import checks


class SigninConfig(AppConfig):
    """Staff sign-in: two-factor steps, and sessions that end when access is taken away.

    Lockouts come from django-axes, second factors from django-otp (authenticator
    apps and recovery codes) and django-otp-webauthn (passkeys); this app is the
    glue the desk sees.
    """

    name = "signin"
    verbose_name = "Sign-in"

    def ready(self):
        from . import sessions
        from .checks import check_settings

        sessions.connect_signals()
        checks.register(check_settings)
