"""Requests that are not a person reading: bots, prefetches and the desk itself."""

from crawleruseragents import is_crawler

PREFETCH_HEADERS = {
    "HTTP_SEC_PURPOSE": ("prefetch", "prerender"),
    "HTTP_PURPOSE": ("prefetch", "preview"),
    "HTTP_X_PURPOSE": ("prefetch", "preview"),
    "HTTP_X_MOZ": ("prefetch",),
}


def reason_not_to_count(request):
    """Why this request is not a reader's read, or None when it is one."""
    if is_cross_site(request):
        return "cross-site"
    user_agent = request.META.get("HTTP_USER_AGENT", "").strip()
    if not user_agent:
        return "no user agent"
    if is_crawler(user_agent):
        return "bot"
    for header, words in PREFETCH_HEADERS.items():
        value = request.META.get(header, "").lower()
        if any(word in value for word in words):
            return "prefetch"
    if request.user.is_staff:
        return "staff"
    return None


def is_cross_site(request):
    """True when another site's page sent the request through its visitor's browser.

    Browsers say where a request comes from (Sec-Fetch-Site, else Origin); our own
    beacon is same-origin. A request that says nothing (not a browser) passes here
    and meets the other checks.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin != f"{request.scheme}://{request.get_host()}"
    return False
