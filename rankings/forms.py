from django import forms

from articles.models import Section

from .windows import WINDOWS


class RankingFilterForm(forms.Form):
    """The public ranking page's query string: ?window=24h&section=politics."""

    window = forms.ChoiceField(
        choices=[(key, window.label) for key, window in WINDOWS.items()], required=False
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(), to_field_name="slug", required=False
    )
