"""The search page's form: the query and its filters, read from the address.

Decisions: dates are days in the newsroom's zone (JST), both ends included; a date
that is not one, a date outside 1900–2999 (beyond what every database and the zone
shift hold), an unknown section, or a start after the end is a message on the page
(answered 400, so no cache keeps it), never a 500. The query itself is never
refused: any text is made searchable by query.parse(), NUL bytes included.
"""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from ..models import Section

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2999, 12, 31)


class QueryField(forms.CharField):
    """Any text at all: query.parse() cleans it, so no validator may refuse it (Django's
    CharField refuses NUL characters)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = []


class DayField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {"invalid": "Enter a date as YYYY-MM-DD, e.g. 2025-04-04."}

    def __init__(self, **kwargs):
        message = f"Choose a date between {EARLIEST:%Y-%m-%d} and {LATEST:%Y-%m-%d}."
        super().__init__(
            required=False,
            input_formats=["%Y-%m-%d"],
            validators=[
                MinValueValidator(EARLIEST, message=message),
                MaxValueValidator(LATEST, message=message),
            ],
            **kwargs,
        )


class SearchForm(forms.Form):
    q = QueryField(label="Search for", required=False, strip=False)
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All sections",
        error_messages={"invalid_choice": "There is no such section; choose one from the list."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so these two are added here rather than declared.
        self.fields["from"] = DayField(label="From (JST)")
        self.fields["to"] = DayField(label="To (JST)")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            raise forms.ValidationError(
                "The “From” date is after the “To” date; swap them to search that range."
            )
        return cleaned

    def time_range(self):
        """(start, end) as aware datetimes for the filter: end excluded, None when open."""
        start, end = self.cleaned_data.get("from"), self.cleaned_data.get("to")
        return (
            _midnight(start) if start else None,
            _midnight(end + datetime.timedelta(days=1)) if end else None,
        )


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
