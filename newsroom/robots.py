"""/robots.txt: where crawlers may not go, and where the sitemaps are.

Kept out: the desk (/admin/, and /webauthn/, its passkey sign-in), staff previews
(/preview/: never for readers, and `noindex` anyway), and search results (/search/):
endless addresses of thin pages made from whatever was typed, which search engines ask
sites to keep out of their index. The sitemap lines must be absolute addresses: they are
made from the request's host, like every absolute address the site writes.
"""

from django.shortcuts import render
from django.urls import reverse

DISALLOWED = ["/admin/", "/preview/", "/search/", "/webauthn/"]


def robots_txt(request):
    sitemaps = [request.build_absolute_uri(reverse(name)) for name in ("sitemap", "sitemap_news")]
    return render(
        request,
        "robots.txt",
        {"disallowed": DISALLOWED, "sitemaps": sitemaps},
        content_type="text/plain; charset=utf-8",
    )
