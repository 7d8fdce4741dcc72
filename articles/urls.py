from django.urls import path, re_path

from . import views
from .feeds import LatestArticlesFeed, SectionFeed

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    # Tag slugs keep the letters of any script (/tags/東京/), which <slug:> refuses.
    re_path(r"^tags/(?P<slug>[-\w]+)/$", views.TagView.as_view(), name="tag"),
    path("<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("<slug:slug>/feed/", SectionFeed(), name="section_feed"),
    path(
        "<slug:section>/<int:year>/<str:month>/<str:day>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
]
