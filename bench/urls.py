import functools

from django.conf import settings
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST


@csrf_exempt
@require_POST
def bare(request):
    """The least a Django view can do for a POST: the floor the beacon is compared with."""
    return HttpResponse(status=204)


@functools.cache
def page_body():
    size = settings.BENCH_PAGE_BYTES
    paragraph = "<p>Lorem ipsum dolor sit amet — 東京 · café ☕.</p>\n".encode()
    head = b"<!doctype html><html><body>\n"
    return (head + paragraph * ((size - len(head)) // len(paragraph))).ljust(size)


@require_GET
def page(request):
    """A page the size of an article page, made once: the floor for the GET pages."""
    return HttpResponse(page_body())


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/page/", page),
    path("", include("newsroom.urls")),
]
