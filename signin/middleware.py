from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from .policy import VERIFY, pending_step


class SecondStepMiddleware:
    """Sends a signed-in user who owes a second factor to the page that takes it.

    Until then the user may only finish signing in or sign out: not the admin,
    not a preview, nothing else. (The admin site refuses such a user on its own
    too, see NewsroomAdminSite.has_permission.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # Nobody is signed in; looking would mark the response "Vary: Cookie" and
            # keep a reader's page out of shared caches.
            return self.get_response(request)
        step = pending_step(request.user)
        if step is None or request.path.startswith(self.open_paths(step)):
            return self.get_response(request)
        page = reverse("signin:verify" if step == VERIFY else "signin:set_up")
        return redirect(f"{page}?{urlencode({'next': request.get_full_path()})}")

    @staticmethod
    def open_paths(step):
        """What a user owing `step` may still reach: the step's pages, sign-out, files."""
        return (
            reverse("signin:verify") if step == VERIFY else reverse("signin:home"),
            reverse("admin:logout"),
            "/webauthn/",  # the passkey ceremonies, which check the user themselves
            "/" + settings.STATIC_URL.lstrip("/"),
        )
