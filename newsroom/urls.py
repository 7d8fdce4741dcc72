import re

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from articles.sitemaps import sitemaps
from newsroom.health import healthz

from .pagecache import public_page

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/signin/", include("signin.urls")),
    path("admin/", admin.site.urls),
    path("webauthn/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("sitemap.xml", public_page(sitemap, query=("p",)), {"sitemaps": sitemaps}, name="sitemap"),
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
