"""The desk's sign-in pages after the password: a second factor, and managing one's own."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import logout, user_login_failed
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from . import factors
from .forms import CodeForm
from .policy import must_use_two_factor

staff_page = login_required(login_url="admin:login")


def _page(request, template, **context):
    context = {**admin.site.each_context(request), **context}
    return TemplateResponse(request, template, context)


def _next_url(request):
    """Where to go once signed in: the `next` asked for, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def locked_out(request, original_response, credentials):
    """What django-axes answers a locked-out sign-in (AXES_LOCKOUT_CALLABLE): a clear page."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = _page(
        request,
        "signin/locked_out.html",
        title="Signing in is locked",
        minutes=minutes,
    )
    response.status_code = 429
    # Rendered here: axes returns it from its middleware, after views are rendered.
    return response.render()


def _verified(request, device):
    otp_login(request, device)
    # The session now carries more trust: give it a new key, as a password sign-in does.
    request.session.cycle_key()


@never_cache
@staff_page
def verify(request):
    """The second step of signing in: a code from the app, a recovery code, or a passkey."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    credentials = {"username": user.get_username()}
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = factors.verify_code(user, form.cleaned_data["code"])
        if device is not None:
            _verified(request, device)
            return redirect(_next_url(request))
        # Wrong codes count towards the same lockout as wrong passwords.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if AxesProxyHandler.is_locked(request, credentials):
            logout(request)
            return locked_out(request, None, credentials)
        form.add_error("code", "That code is not right, or it has expired. Try the next one.")
    return _page(
        request,
        "signin/verify.html",
        title="Confirm it is you",
        form=form,
        next=_next_url(request),
        has_passkey=WebAuthnCredential.objects.filter(user=user, confirmed=True).exists(),
        has_app=TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
    )


@never_cache
@staff_page
def set_up(request):
    """Add an authenticator app: scan the code, type what the app shows to confirm."""
    device = factors.pending_app(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if factors.confirm_app(device, form.cleaned_data["code"]):
            _verified(request, device)
            codes = factors.new_recovery_codes(request.user)
            messages.success(request, "Two-factor sign-in is on.")
            return _show_recovery_codes(request, codes)
        form.add_error("code", "That code is not right. Check the phone's clock, and try again.")
    return _page(
        request,
        "signin/set_up.html",
        title="Set up an authenticator app",
        form=form,
        qr_code=factors.qr_code(device),
        secret=factors.secret_for_typing(device),
        required=must_use_two_factor(request.user),
        next=_next_url(request),
    )


def _show_recovery_codes(request, codes):
    return _page(
        request,
        "signin/recovery_codes.html",
        title="Your recovery codes",
        codes=codes,
        next=_next_url(request),
    )


@never_cache
@staff_page
def home(request):
    """One's own second factors: the app, recovery codes and passkeys."""
    user = request.user
    devices = list(devices_for_user(user))
    return _page(
        request,
        "signin/home.html",
        title="Two-factor sign-in",
        app=next((d for d in devices if isinstance(d, TOTPDevice)), None),
        recovery_codes_left=factors.recovery_codes_left(user),
        passkeys=[d for d in devices if isinstance(d, WebAuthnCredential)],
        required=must_use_two_factor(user),
        verified=user.is_verified(),
    )


@require_POST
@staff_page
def new_recovery_codes(request):
    if not request.user.is_verified():
        return redirect("signin:home")
    return _show_recovery_codes(request, factors.new_recovery_codes(request.user))


@require_POST
@staff_page
@transaction.atomic
def remove(request, kind, pk):
    """Remove one's own app or passkey, unless it is the last second factor one must have."""
    model = {"app": TOTPDevice, "passkey": WebAuthnCredential}[kind]
    device = get_object_or_404(model, pk=pk, user=request.user)
    others = [
        d for d in devices_for_user(request.user) if d != device and not factors.is_recovery(d)
    ]
    if must_use_two_factor(request.user) and not others:
        messages.error(
            request,
            "This is your only way to confirm it is you, and your role needs one: "
            "add another (a passkey or an app) before removing it.",
        )
    else:
        device.delete()
        if not others:
            factors.delete_recovery_codes(request.user)
        messages.success(request, f"Removed “{device.name}”.")
    return redirect("signin:home")
