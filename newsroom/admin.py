from django.conf import settings
from django.contrib.admin import AdminSite
from django.urls import path, reverse
from django.views.decorators.csp import csp_override

from rankings.dashboard import PERMISSION as RANKINGS_PERMISSION
from rankings.dashboard import dashboard_view, old_address_redirect
from signin.policy import pending_step

from .autocomplete import NewsroomAutocompleteJsonView


class NewsroomAdminSite(AdminSite):
    """The editorial desk: Django's admin under the paper's name and its own CSP.

    The public site allows no inline script or style; the admin's rich text editor
    needs an inline import map, so admin pages get ADMIN_CSP instead, which allows
    what carries the response's nonce.

    Only a user who has also given any second factor they owe gets in (the
    SecondStepMiddleware sends them to do so first).

    Besides the models' pages, the site has the ranking dashboard
    (rankings/dashboard.py), listed with the rankings' models for whoever may read it.

    Its autocomplete answers carry what a model's admin adds (newsroom/autocomplete.py).
    """

    site_header = f"{settings.NEWSROOM_NAME}: editorial desk"
    site_title = settings.NEWSROOM_NAME
    index_title = "Desk"

    def has_permission(self, request):
        return super().has_permission(request) and pending_step(request.user) is None

    def admin_view(self, view, cacheable=False):
        return csp_override(settings.ADMIN_CSP)(super().admin_view(view, cacheable))

    def autocomplete_view(self, request):
        return NewsroomAutocompleteJsonView.as_view(admin_site=self)(request)

    def get_urls(self):
        return [
            path(
                "rankings/dashboard/",
                self.admin_view(dashboard_view),
                {"admin_site": self},
                name="rankings_dashboard",
            ),
            path(
                "rankings/rankingdashboard/",
                old_address_redirect,
                {"admin_site": self},
            ),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        if request.user.has_perm(RANKINGS_PERMISSION):
            for app in app_list:
                if app["app_label"] == "rankings":
                    app["models"].insert(0, self._dashboard_entry())
        return app_list

    def _dashboard_entry(self):
        """The ranking dashboard as the index and the navigation list a model."""
        return {
            "name": "Ranking dashboard",
            "object_name": "Dashboard",
            "perms": {"view": True},
            "admin_url": reverse("admin:rankings_dashboard", current_app=self.name),
            "add_url": None,
            "view_only": True,
        }
