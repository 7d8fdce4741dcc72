from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .cached import latest_articles, top_articles
from .counting import InvalidToken, count_read, read_view_token
from .forms import RankingFilterForm
from .windows import WINDOWS


@csrf_exempt  # a cached page carries no CSRF token; the signed view token proves the page
@require_POST
def record_view(request):
    """Count one read of the article named by the token, by the rules in counting.py.

    Answers 204 whether or not the read counted, so a bot learns nothing; a forged,
    altered or expired token gets 400. Nothing in the request sets the amount: it
    is always one.
    """
    try:
        article_id = read_view_token(request.POST.get("token", ""))
    except InvalidToken:
        return HttpResponseBadRequest("Invalid or expired view token.", content_type="text/plain")
    count_read(request, article_id)
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def ranking_page(request):
    form = RankingFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "rankings/bad_filter.html", {"form": form}, status=400)
    window_key = form.cleaned_data["window"] or settings.RANKINGS_DEFAULT_WINDOW
    section = form.cleaned_data["section"]
    ranking = top_articles(window_key, section=section, limit=settings.RANKINGS_PAGE_SIZE)
    return render(
        request,
        "rankings/ranking_page.html",
        {
            "windows": WINDOWS.values(),
            "window": WINDOWS[window_key],
            "section": section,
            "all_sections": section is None,  # each line then names its section
            "ranking": ranking,
            "fallback": [] if ranking else latest_articles(section=section, limit=10),
        },
    )
