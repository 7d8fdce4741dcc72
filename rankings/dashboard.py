"""The staff ranking dashboard: a page of the admin site, /admin/rankings/dashboard/
(added in NewsroomAdminSite.get_urls), for holders of rankings.view_rankings:
Analysts and Editors. The figures it shows come from stats.py."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from articles.models import Section

from .exports import dashboard_csv
from .forms import DashboardForm
from .stats import dashboard_table

PERMISSION = "rankings.view_rankings"


def dashboard_view(request, *, admin_site):
    """A window or a range of days, and a section; ?format=csv downloads what is shown."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    query = request.GET.copy()
    if not query.get("window") and not query.get("start"):
        query["window"] = settings.RANKINGS_DEFAULT_WINDOW
    form = DashboardForm(query)
    context = {**admin_site.each_context(request), "title": "Access ranking", "form": form}
    if form.is_valid():
        start, end, period = form.period(timezone.now())
        section = form.cleaned_data["section"]
        data = dashboard_table(start, end, section=section)
        if request.GET.get("format") == "csv":
            return dashboard_csv(data, period=period, section=section)
        context.update(data, period=period, section=section, csv_query=_csv_query(request))
    return TemplateResponse(request, "admin/rankings/dashboard.html", context)


def _csv_query(request):
    query = request.GET.copy()
    query["format"] = "csv"
    return query.urlencode()


def old_address_redirect(request, *, admin_site):
    """The dashboard's address while it was a model's admin page, kept for bookmarks and
    shared links: those named the section by its id, the dashboard now by its slug."""
    query = request.GET.copy()
    section = query.get("section", "")
    if section.isdigit():
        slug = Section.objects.filter(pk=section).values_list("slug", flat=True).first()
        query["section"] = slug or section  # an id that is gone gets the form's message
    url = reverse(f"{admin_site.name}:rankings_dashboard")
    return HttpResponsePermanentRedirect(f"{url}?{query.urlencode()}" if query else url)
