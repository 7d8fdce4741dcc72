"""A URL conf for the server error page's tests: the site's own addresses and one that fails."""

from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("a bug, on purpose")


urlpatterns = [path("broken/", broken_view, name="broken"), *site_urlpatterns]
