from django.urls import path

from newsroom.pagecache import public_page

from . import views

app_name = "rankings"

urlpatterns = [
    path(
        "rankings/",
        public_page(views.ranking_page, query=("window", "section")),
        name="page",
    ),
    path("rankings/view/", views.record_view, name="record_view"),
]
