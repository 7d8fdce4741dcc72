"""What the browser tests do the same way: sign in through the admin's login page, and
listen for Content-Security-Policy refusals."""

from tests.factories import PASSWORD


def log_in(page, live_server, user, next_path="/admin/"):
    """Sign `user` in on the admin's own login page, as a person types it."""
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def watch_csp(page):
    """Every Content-Security-Policy refusal the page reports, as the console gives them."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused
