from django.urls import path, re_path

from newsroom.pagecache import public_page

from . import views
from .feeds import AuthorFeed, CorrectionsFeed, LatestArticlesFeed, SectionFeed, TagFeed
from .search.views import QUERY as SEARCH_QUERY
from .search.views import SearchView

PAGINATED = ("page",)

app_name = "articles"


def feeds(page, feed, name, *, route=path):
    """A page's feeds: RSS 2.0 at `<page>feed/` as `name`, Atom at `<page>feed/atom/` as
    `name_atom` (`route=re_path` for a page given as a regular expression)."""
    end = "$" if route is re_path else ""
    return [
        route(f"{page}feed/{end}", public_page(feed("rss")), name=name),
        route(f"{page}feed/atom/{end}", public_page(feed("atom")), name=f"{name}_atom"),
    ]


urlpatterns = [
    path("", public_page(views.HomeView.as_view(), query=PAGINATED), name="home"),
    *feeds("", LatestArticlesFeed, "feed"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path(
        "authors/<slug:slug>/",
        public_page(views.AuthorView.as_view(), query=PAGINATED),
        name="author",
    ),
    *feeds("authors/<slug:slug>/", AuthorFeed, "author_feed"),
    # Tag slugs keep the letters of any script (/tags/東京/), which <slug:> refuses.
    re_path(
        r"^tags/(?P<slug>[-\w]+)/$",
        public_page(views.TagView.as_view(), query=PAGINATED),
        name="tag",
    ),
    *feeds(r"^tags/(?P<slug>[-\w]+)/", TagFeed, "tag_feed", route=re_path),
    # Before the sections: "search" and "corrections" are reserved section slugs.
    path(
        "search/",
        public_page(SearchView.as_view(), query=(*SEARCH_QUERY, "page")),
        name="search",
    ),
    path(
        "corrections/",
        public_page(views.CorrectionsView.as_view(), query=PAGINATED),
        name="corrections",
    ),
    *feeds("corrections/", CorrectionsFeed, "corrections_feed"),
    path("<slug:slug>/", public_page(views.SectionView.as_view(), query=PAGINATED), name="section"),
    *feeds("<slug:slug>/", SectionFeed, "section_feed"),
    path(
        "<slug:section>/<int:year>/<str:month>/<str:day>/<slug:slug>/",
        public_page(views.ArticleDetailView.as_view()),
        name="detail",
    ),
]
