from django.urls import path, re_path

from newsroom.pagecache import public_page

from . import views
from .feeds import AuthorFeed, CorrectionsFeed, LatestArticlesFeed, SectionFeed, TagFeed
from .search.views import QUERY as SEARCH_QUERY
from .search.views import SearchView

PAGINATED = ("page",)

app_name = "articles"

urlpatterns = [
    path("", public_page(views.HomeView.as_view(), query=PAGINATED), name="home"),
    # Every feed in RSS 2.0 at <page>feed/ and in Atom at <page>feed/atom/.
    path("feed/", public_page(LatestArticlesFeed("rss")), name="feed"),
    path("feed/atom/", public_page(LatestArticlesFeed("atom")), name="feed_atom"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path(
        "authors/<slug:slug>/",
        public_page(views.AuthorView.as_view(), query=PAGINATED),
        name="author",
    ),
    path("authors/<slug:slug>/feed/", public_page(AuthorFeed("rss")), name="author_feed"),
    path(
        "authors/<slug:slug>/feed/atom/", public_page(AuthorFeed("atom")), name="author_feed_atom"
    ),
    # Tag slugs keep the letters of any script (/tags/東京/), which <slug:> refuses.
    re_path(
        r"^tags/(?P<slug>[-\w]+)/$",
        public_page(views.TagView.as_view(), query=PAGINATED),
        name="tag",
    ),
    re_path(r"^tags/(?P<slug>[-\w]+)/feed/$", public_page(TagFeed("rss")), name="tag_feed"),
    re_path(
        r"^tags/(?P<slug>[-\w]+)/feed/atom/$", public_page(TagFeed("atom")), name="tag_feed_atom"
    ),
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
    path("corrections/feed/", public_page(CorrectionsFeed("rss")), name="corrections_feed"),
    path(
        "corrections/feed/atom/",
        public_page(CorrectionsFeed("atom")),
        name="corrections_feed_atom",
    ),
    path("<slug:slug>/", public_page(views.SectionView.as_view(), query=PAGINATED), name="section"),
    path("<slug:slug>/feed/", public_page(SectionFeed("rss")), name="section_feed"),
    path("<slug:slug>/feed/atom/", public_page(SectionFeed("atom")), name="section_feed_atom"),
    path(
        "<slug:section>/<int:year>/<str:month>/<str:day>/<slug:slug>/",
        public_page(views.ArticleDetailView.as_view()),
        name="detail",
    ),
]
