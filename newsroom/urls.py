from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import sitemaps

admin.site.site_header = f"{settings.NEWSROOM_NAME}: editorial desk"
admin.site.site_title = settings.NEWSROOM_NAME
admin.site.index_title = "Desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    # Production serves uploads from the web server or object storage.
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
