from django.conf import settings
from django.contrib.admin import AdminSite
from django.views.decorators.csp import csp_override


class NewsroomAdminSite(AdminSite):
    """The editorial desk: Django's admin under the paper's name and its own CSP.

    The public site allows no inline script or style; the admin's rich text editor
    needs an inline import map, so admin pages get ADMIN_CSP instead.
    """

    site_header = f"{settings.NEWSROOM_NAME}: editorial desk"
    site_title = settings.NEWSROOM_NAME
    index_title = "Desk"

    def admin_view(self, view, cacheable=False):
        return csp_override(settings.ADMIN_CSP)(super().admin_view(view, cacheable))
