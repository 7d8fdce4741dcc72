"""An editor turns on two-factor sign-in and signs in with real codes, in Chromium."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.factories import ArticleFactory
from tests.signin.helpers import app_code

from .browser import log_in, watch_csp

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("production_two_factor"),
]


def test_an_editor_sets_up_an_app_and_signs_in_with_its_codes(page, live_server, editor):
    refused = watch_csp(page)
    log_in(page, live_server, editor)
    expect(page.get_by_text("needs two-factor sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code to scan")).to_be_visible()
    key = page.locator("#totp-secret").inner_text().replace(" ", "")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert key in device.config_url

    page.get_by_label("Code from the app").fill(app_code(device))
    page.get_by_role("button", name="Turn on").click()
    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    page.get_by_role("link", name="I have kept them").click()
    expect(page.get_by_role("heading", name="Desk")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    article = ArticleFactory(headline="東京 harbour bridge opens")
    log_in(page, live_server, editor, next_path="/admin/articles/article/")
    expect(page).to_have_url(re.compile(r"/admin/signin/verify/"))
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("That code is not right")).to_be_visible()

    device.refresh_from_db()
    device.throttle_reset()  # the wait after a wrong code, skipped
    page.get_by_label("Code").fill(app_code(device, step_offset=1))
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/$"))
    expect(page.get_by_role("link", name=article.headline)).to_be_visible()
    assert refused == [], refused


def test_admin_pages_run_only_code_that_carries_the_nonce(page, live_server, editor, settings):
    settings.TWO_FACTOR_REQUIRED = "none"
    refused = watch_csp(page)
    article = ArticleFactory(tag_names=["東京"])
    log_in(page, live_server, editor)
    expect(page.get_by_role("heading", name="Desk")).to_be_visible()
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editor_box = page.get_by_role("textbox").and_(page.locator(".ProseMirror"))
    expect(editor_box).to_be_visible()
    editor_box.click()
    page.keyboard.type(" Typed in the editor.")
    for path in ["/admin/articles/article/", "/admin/media/photo/add/", "/admin/signin/"]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    assert refused == [], refused


def test_a_passkey_is_registered_and_then_confirms_the_sign_in(page, live_server, editor, settings):
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    # Chromium's virtual authenticator stands in for a phone or a security key.
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    refused = watch_csp(page)
    log_in(page, live_server, editor)
    expect(page.get_by_text("needs two-factor sign-in")).to_be_visible()
    # The passkey scripts (a module and a translation catalogue) load after the page.
    page.wait_for_load_state("networkidle")
    with page.expect_response(lambda r: "/webauthn/registration/complete/" in r.url) as done:
        page.get_by_role("button", name="Add a passkey").click()
    assert done.value.status == 200, done.value.text()
    expect(page).to_have_url(re.compile(r"/admin/signin/$"))
    expect(page.get_by_role("heading", name="Passkeys")).to_be_visible()
    expect(page.get_by_role("button", name="Remove")).to_have_count(1)
    page.goto(live_server.url + "/admin/")
    expect(page.get_by_role("heading", name="Desk")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server, editor, next_path="/admin/articles/article/")
    expect(page).to_have_url(re.compile(r"/admin/signin/verify/"))
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/$"))
    assert refused == [], refused
