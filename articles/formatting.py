from django.conf import settings
from django.template.defaultfilters import date as format_date
from django.utils import timezone


def newsroom_time(value):
    """Write a time in the newsroom's zone as "17:25 JST, April 4, 2025"."""
    if not value:
        return ""
    return format_date(timezone.localtime(value), settings.NEWSROOM_TIME_FORMAT)
