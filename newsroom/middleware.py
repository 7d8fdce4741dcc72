"""One guard for admin query strings that would otherwise reach a view and answer 500.

A NUL character cannot be stored or compared in PostgreSQL text (the query raises
DataError), and admin parameters end up in queries: list search, autocomplete, tag
suggestions, filters. POSTed form fields already refuse NUL through Django's
validator, and the public views validate their few parameters themselves (the
ranking page with a form, the lists only read `page`).

A changelist's date drill-down (`<date_hierarchy>__year`, `__month`, `__day`) is turned
by the admin into a range from that day, month or year to the next one. Values that
make a date before or after what Python and the database can hold raise an
OverflowError or ValueError the admin does not catch; they are refused here, for
every ModelAdmin with a date_hierarchy.
"""

import datetime

from django.http import HttpResponseBadRequest

NUL_MESSAGE = "The address contains a NUL character."
DATE_MESSAGE = "The date in the address (year, month, day) is not a date the list can show."


def plain_bad_request(message):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def has_nul(query):
    return any("\x00" in text for key, values in query.lists() for text in [key, *values])


def check_drilldown_date(query, field):
    """Raise ValueError or OverflowError if the drill-down asks for a date the list cannot show."""
    year = query.get(f"{field}__year")
    if year is None:
        return
    month, day = query.get(f"{field}__month"), query.get(f"{field}__day")
    start = datetime.date(int(year), int(month or 1), int(day or 1))
    # The admin's range ends a year after the start at the latest, and the first and
    # last years cannot be shifted to UTC from the newsroom's zone.
    if not datetime.MINYEAR < start.year < datetime.MAXYEAR:
        raise ValueError(f"year {start.year} is out of range")


class AdminQueryStringGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.app_name != "admin":
            return None
        if has_nul(request.GET):
            return plain_bad_request(NUL_MESSAGE)
        # The admin marks each of its model views with the ModelAdmin that serves it.
        field = getattr(getattr(view_func, "model_admin", None), "date_hierarchy", None)
        if not field:
            return None
        try:
            check_drilldown_date(request.GET, field)
        except (ValueError, OverflowError):
            return plain_bad_request(DATE_MESSAGE)
        return None
