from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt
@require_POST
def bare(request):
    """The least a Django view can do for a POST: the floor the beacon is compared with."""
    return HttpResponse(status=204)


urlpatterns = [path("bench/bare/", bare), path("", include("newsroom.urls"))]
