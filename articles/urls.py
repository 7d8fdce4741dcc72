from django.urls import path, re_path

from newsroom.pagecache import public_page

from . import views
from .feeds import CorrectionsFeed, LatestArticlesFeed, SectionFeed
from .search.views import SearchView

PAGINATED = ("page",)

app_name = "articles"

urlpatterns = [
    path("", public_page(views.HomeView.as_view(), query=PAGINATED), name="home"),
    path("feed/", public_page(LatestArticlesFeed()), name="feed"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path(
        "authors/<slug:slug>/",
        public_page(views.AuthorView.as_view(), query=PAGINATED),
        name="author",
    ),
    # Tag slugs keep the letters of any script (/tags/東京/), which <slug:> refuses.
    re_path(
        r"^tags/(?P<slug>[-\w]+)/$",
        public_page(views.TagView.as_view(), query=PAGINATED),
        name="tag",
    ),
    # Before the sections: "search" and "corrections" are reserved section slugs.
    path(
        "search/",
        public_page(SearchView.as_view(), query=("q", "section", "from", "to", "page")),
        name="search",
    ),
    path(
        "corrections/",
        public_page(views.CorrectionsView.as_view(), query=PAGINATED),
        name="corrections",
    ),
    path("corrections/feed/", public_page(CorrectionsFeed()), name="corrections_feed"),
    path("<slug:slug>/", public_page(views.SectionView.as_view(), query=PAGINATED), name="section"),
    path("<slug:slug>/feed/", public_page(SectionFeed()), name="section_feed"),
    path(
        "<slug:section>/<int:year>/<str:month>/<str:day>/<slug:slug>/",
        public_page(views.ArticleDetailView.as_view()),
        name="detail",
    ),
]
