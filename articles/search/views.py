"""The /search/ page. A public page: cached for anonymous readers like the lists, by
its query and filters (articles/urls.py), and never counted as a read, since only
article pages carry the counting beacon."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.views.generic import TemplateView

from . import query
from .finder import find
from .forms import SearchForm
from .snippets import highlight

# What a search page is made from, besides its page number: its cache key, its links.
QUERY = ("q", "section", "from", "to")


class SearchView(TemplateView):
    template_name = "articles/search.html"

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET if request.GET else None)
        # The words searched for, cleaned, to show back even beside a wrong filter (the
        # query field refuses nothing, so this is what the form would give).
        parsed = query.parse(request.GET.get("q"))
        context = {"form": form, "searched": False, "parsed": parsed}
        status = 200
        if form.is_bound and not form.is_valid():
            status = 400
        elif form.is_bound and parsed.text:
            context.update(self.results(form, parsed))
        # Filters without words: the form, no results.
        return self.render_to_response(self.get_context_data(**context), status=status)

    def results(self, form, parsed):
        start, end = form.time_range()
        found = find(parsed, section=form.cleaned_data["section"], start=start, end=end)
        paginator = Paginator(found.for_listing(), settings.ARTICLES_PER_PAGE)
        page = paginator.get_page(self.request.GET.get("page"))
        page.object_list = highlight(list(page.object_list), parsed)
        return {
            # What page links keep: the search, not the reader's own extras (utm_source),
            # which a cached page would hand to every reader.
            "page_query": urlencode(
                {name: self.request.GET[name] for name in QUERY if self.request.GET.get(name)}
            ),
            "searched": True,
            "parsed": parsed,
            "page_obj": page,
            "paginator": paginator,
            "max_query_chars": query.MAX_QUERY_CHARS,
            "max_terms": query.MAX_TERMS,
        }
