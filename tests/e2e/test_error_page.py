"""The server error page as a reader's browser gets it: styled, within the site's CSP."""

import re

import pytest
from playwright.sync_api import expect

from .browser import watch_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_server_error_page_is_styled_by_the_sites_css_within_its_csp(
    page, live_server, settings
):
    settings.ROOT_URLCONF = "tests.broken_urls"
    settings.DEBUG = False
    refused = watch_csp(page)
    page.add_init_script(
        "window.violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " event => window.violations.push(event.violatedDirective));"
    )

    response = page.goto(live_server.url + "/broken/")

    assert response.status == 500
    assert "style-src 'self'" in response.headers["content-security-policy"]
    expect(page.get_by_role("heading", level=1)).to_have_text("Something went wrong")
    body = page.locator("body")
    expect(body).to_have_css("max-width", "576px")  # 36rem
    expect(body).to_have_css("font-family", re.compile(r"^Georgia"))
    expect(body).to_have_css("background-color", "rgb(255, 253, 248)")  # the site's paper
    assert page.evaluate("window.violations") == []
    assert refused == []
