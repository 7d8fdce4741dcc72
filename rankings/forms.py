"""The query strings of the ranking page and the staff dashboard: one form, extended.

Both name a section by its slug, as the site's own addresses do:
/rankings/?window=24h&section=politics, /admin/rankings/dashboard/?section=politics.
"""

import datetime

from django import forms
from django.conf import settings

from articles.models import Section

from .windows import WINDOWS, day_start

MAX_RANGE_DAYS = 366
# Days the dashboard accepts: no site counted reads before the first, and the
# previous period, zone shifts and the day after the range stay far inside Python's
# calendar (years 1 to 9999), where the arithmetic would overflow.
FIRST_DAY = datetime.date(1970, 1, 1)
LAST_DAY = datetime.date(2999, 12, 31)


class RankingFilterForm(forms.Form):
    """A rolling window and a section: ?window=24h&section=politics."""

    window = forms.ChoiceField(
        choices=[(key, window.label) for key, window in WINDOWS.items()], required=False
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All sections",
    )


class DayInput(forms.DateInput):
    """A date picker that offers only the days the dashboard accepts."""

    input_type = "date"

    def __init__(self):
        super().__init__(attrs={"min": FIRST_DAY.isoformat(), "max": LAST_DAY.isoformat()})


class DashboardForm(RankingFilterForm):
    """The ranking page's filter, or instead of the window a range of whole days in the
    newsroom's zone."""

    start = forms.DateField(required=False, widget=DayInput(), label="From")
    end = forms.DateField(required=False, widget=DayInput(), label="To")

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if bool(start) != bool(end):
            raise forms.ValidationError("Give both dates of the range, or neither.")
        if start and end:
            if not FIRST_DAY <= start <= LAST_DAY or not FIRST_DAY <= end <= LAST_DAY:
                raise forms.ValidationError(
                    f"Pick days between {FIRST_DAY:%B %-d, %Y} and {LAST_DAY:%B %-d, %Y}."
                )
            if start > end:
                raise forms.ValidationError("The range must start before it ends.")
            if (end - start).days >= MAX_RANGE_DAYS:
                raise forms.ValidationError(f"A range may cover at most {MAX_RANGE_DAYS} days.")
        return data

    def period(self, now):
        """(start, end, title) in UTC for the chosen window or range."""
        data = self.cleaned_data
        if data.get("start"):
            start = day_start(data["start"])
            end = day_start(data["end"] + datetime.timedelta(days=1))
            return start, end, f"{data['start']:%B %-d, %Y} to {data['end']:%B %-d, %Y}"
        window = WINDOWS[data.get("window") or settings.RANKINGS_DEFAULT_WINDOW]
        start, end = window.span(now)
        return start, end, window.label
