from django.conf import settings
from django.contrib.admin import AdminSite
from django.views.decorators.csp import csp_override

from signin.policy import pending_step


class NewsroomAdminSite(AdminSite):
    """The editorial desk: Django's admin under the paper's name and its own CSP.

    The public site allows no inline script or style; the admin's rich text editor
    needs an inline import map, so admin pages get ADMIN_CSP instead, which allows
    what carries the response's nonce.

    Only a user who has also given any second factor they owe gets in (the
    SecondStepMiddleware sends them to do so first).
    """

    site_header = f"{settings.NEWSROOM_NAME}: editorial desk"
    site_title = settings.NEWSROOM_NAME
    index_title = "Desk"

    def has_permission(self, request):
        return super().has_permission(request) and pending_step(request.user) is None

    def admin_view(self, view, cacheable=False):
        return csp_override(settings.ADMIN_CSP)(super().admin_view(view, cacheable))
