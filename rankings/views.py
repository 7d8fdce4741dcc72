from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article

from .filters import reason_not_to_count
from .forms import RankingFilterForm
from .readers import count_if_first_read
from .recorders import get_recorder
from .selectors import latest_articles, top_articles
from .tokens import InvalidToken, read_view_token
from .windows import WINDOWS


@csrf_exempt  # a cached page carries no CSRF token; the signed view token proves the page
@require_POST
def record_view(request):
    """Count one read of the article named by the token, if it is a reader's first.

    Answers 204 whether or not the read counted, so a bot learns nothing; a forged,
    altered or expired token gets 400. Nothing in the request sets the amount: it
    is always one.
    """
    try:
        article_id = read_view_token(request.POST.get("token", ""))
    except InvalidToken:
        return HttpResponseBadRequest("Invalid or expired view token.", content_type="text/plain")
    if reason_not_to_count(request) is None and (
        Article.objects.published().filter(pk=article_id).exists()
    ):
        # One transaction for the reader's marker and the increment: one commit to
        # wait for, and (with both in the database) never a marker without its view.
        with transaction.atomic():
            if count_if_first_read(request, article_id):
                get_recorder().record(article_id)
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
            "ranking": ranking,
            "fallback": [] if ranking else latest_articles(section=section, limit=10),
        },
    )
