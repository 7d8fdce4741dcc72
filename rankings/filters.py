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
