from django.urls import path

from . import views

app_name = "rankings"

urlpatterns = [
    path("rankings/", views.ranking_page, name="page"),
    path("rankings/view/", views.record_view, name="record_view"),
]
