"""Past days' top tens in the admin. The ranking dashboard is a page of the admin site
itself (rankings/dashboard.py, added in NewsroomAdminSite.get_urls)."""

from django.contrib import admin

from .dashboard import PERMISSION
from .models import RankingSnapshot


@admin.register(RankingSnapshot)
class RankingSnapshotAdmin(admin.ModelAdmin):
    """Read-only, for holders of rankings.view_rankings (Analysts and Editors)."""

    list_display = ["day", "scope", "rank", "article_headline", "article_section", "views"]
    list_filter = ["day", "section"]
    date_hierarchy = "day"
    list_select_related = ["section"]
    ordering = ["-day", "section__position", "rank"]
    list_per_page = 100

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PERMISSION)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Ranking", ordering="section")
    def scope(self, snapshot):
        return snapshot.section.name if snapshot.section else "Site-wide"

    @admin.display(description="Article")
    def article_headline(self, snapshot):
        if snapshot.article_id is None:
            return f"{snapshot.headline} (deleted)"
        return snapshot.headline
