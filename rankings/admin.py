from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone

from .dashboard import DashboardForm, dashboard
from .exports import dashboard_csv
from .models import RankingDashboard, RankingSnapshot


class RankingsPermissionMixin:
    """Read-only, for holders of rankings.view_rankings (Analysts and Editors)."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("rankings.view_rankings")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RankingDashboard)
class RankingDashboardAdmin(RankingsPermissionMixin, admin.ModelAdmin):
    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.copy()
        if not query.get("window") and not query.get("start"):
            query["window"] = settings.RANKINGS_DEFAULT_WINDOW
        form = DashboardForm(query)
        context = {
            **self.admin_site.each_context(request),
            "title": "Access ranking",
            "opts": self.model._meta,
            "form": form,
        }
        if form.is_valid():
            start, end, period = form.period(timezone.now())
            section = form.cleaned_data["section"]
            data = dashboard(start, end, section=section)
            if request.GET.get("format") == "csv":
                return dashboard_csv(data, period=period, section=section)
            context.update(data, period=period, section=section, csv_query=self.csv_query(request))
        return TemplateResponse(request, "admin/rankings/dashboard.html", context)

    @staticmethod
    def csv_query(request):
        query = request.GET.copy()
        query["format"] = "csv"
        return query.urlencode()


@admin.register(RankingSnapshot)
class RankingSnapshotAdmin(RankingsPermissionMixin, admin.ModelAdmin):
    """Past days' top tens, kept after their buckets are rolled up."""

    list_display = ["day", "scope", "rank", "article_headline", "article_section", "views"]
    list_filter = ["day", "section"]
    date_hierarchy = "day"
    list_select_related = ["section"]
    ordering = ["-day", "section__position", "rank"]
    list_per_page = 100

    @admin.display(description="Ranking", ordering="section")
    def scope(self, snapshot):
        return snapshot.section.name if snapshot.section else "Site-wide"

    @admin.display(description="Article")
    def article_headline(self, snapshot):
        if snapshot.article_id is None:
            return f"{snapshot.headline} (deleted)"
        return snapshot.headline
