import re

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from articles.sitemaps import SITEMAP_PARTS
from newsroom.health import healthz
from newsroom.robots import robots_txt

from .pagecache import public_page

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/signin/", include("signin.urls")),
    path("admin/", admin.site.urls),
    path("webauthn/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("robots.txt", public_page(robots_txt), name="robots_txt"),
    path(
        "sitemap.xml",
        public_page(index),
        {"sitemaps": SITEMAP_PARTS, "sitemap_url_name": "sitemap_part"},
        name="sitemap",
    ),
    # Before the other parts, which "sitemap-<section>.xml" would match too: the index
    # names it as a part ("sitemap_part", section "news"), its own template says the rest.
    path(
        "sitemap-news.xml",
        public_page(sitemap, query=("p",)),
        {"sitemaps": SITEMAP_PARTS, "section": "news", "template_name": "sitemaps/news.xml"},
        name="sitemap_news",
    ),
    path(
        "sitemap-<str:section>.xml",
        public_page(sitemap, query=("p",)),
        {"sitemaps": SITEMAP_PARTS},
        name="sitemap_part",
    ),
    path("", include("rankings.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.insert(
        0,
        re_path(
            rf"^{re.escape(media_prefix)}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    )
