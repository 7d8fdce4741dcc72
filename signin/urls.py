from django.urls import path

from . import views

app_name = "signin"

urlpatterns = [
    path("", views.home, name="home"),
    path("verify/", views.verify, name="verify"),
    path("set-up/", views.set_up, name="set_up"),
    path("recovery-codes/", views.new_recovery_codes, name="new_recovery_codes"),
    path("app/<int:pk>/remove/", views.remove, {"kind": "app"}, name="remove_app"),
    path("passkeys/<int:pk>/remove/", views.remove, {"kind": "passkey"}, name="remove_passkey"),
]
