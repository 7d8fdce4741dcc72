from django.template.defaultfilters import date as format_date
from django.utils import timezone


def newsroom_time(value):
    """Write a time in the newsroom's zone as "17:25 JST, April 4, 2025".

    The format is the locale's DATETIME_FORMAT (newsroom/formats), the one the admin
    uses too, so a time reads the same on the site and at the desk.
    """
    if not value:
        return ""
    return format_date(timezone.localtime(value), "DATETIME_FORMAT")
