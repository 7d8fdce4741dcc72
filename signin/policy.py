"""Who must sign in with a second factor, and what a signed-in user still has to do."""

from django.conf import settings
from django_otp import user_has_device

# Whoever holds one of these can put a story on the front page or hand out logins.
PUBLISHING_PERMISSIONS = ("articles.publish_article", "auth.add_user", "auth.change_user")

VERIFY = "verify"
SET_UP = "set-up"


def must_use_two_factor(user):
    """True when TWO_FACTOR_REQUIRED covers this user."""
    required = settings.TWO_FACTOR_REQUIRED
    if not user.is_active or not user.is_staff or required == "none":
        return False
    if required == "staff":
        return True
    return user.is_superuser or any(user.has_perm(code) for code in PUBLISHING_PERMISSIONS)


def pending_step(user):
    """VERIFY, SET_UP, or None when the signed-in user may go on.

    Anyone who has a second factor uses it, required or not; someone who must
    have one and has none sets one up before doing anything else.
    """
    if not user.is_authenticated or user.is_verified():
        return None
    # Asked several times a request (middleware, admin site): look the devices up once.
    if not hasattr(user, "_pending_step"):
        if user_has_device(user):
            user._pending_step = VERIFY
        elif must_use_two_factor(user):
            user._pending_step = SET_UP
        else:
            user._pending_step = None
    return user._pending_step
