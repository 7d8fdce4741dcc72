"""Corrections in the article's change form: editors write them, reporters read them.

Editors may also change and delete a correction readers have already seen: the change
is saved with the article, whose revision keeps the corrections as they were before.
"""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import format_lazy

from .formatting import newsroom_time
from .models import Correction
from .permissions import can_edit_any


def zone_name():
    return timezone.localtime().tzname()


class CorrectionInline(admin.StackedInline):
    """Stacked, one field a line: a table column was too narrow for the date, the time
    and the line naming their zone."""

    model = Correction
    template = "admin/articles/article/correction_inline.html"
    verbose_name = "correction or note"
    verbose_name_plural = "Corrections, clarifications and editor’s notes"
    readonly_fields = ["made_in_newsroom_time"]

    def get_extra(self, request, obj=None, **kwargs):
        # One empty row where corrections are due: on articles readers can see.
        return 1 if obj is not None and obj.is_live else 0

    def get_fields(self, request, obj=None):
        if can_edit_any(request.user):
            return ["kind", "text", "made_at", "serious"]
        return ["kind", "text", "made_in_newsroom_time", "serious"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "text":
            field.widget = forms.Textarea(attrs={"rows": 3, "cols": 60})
        if db_field.name == "made_at":
            field.label = f"Made at ({zone_name()})"
            field.help_text = "Newsroom time. Readers see it with the correction."
        return field

    @admin.display(description=format_lazy("Made at ({})", lazy(zone_name, str)()))
    def made_in_newsroom_time(self, correction):
        return newsroom_time(correction.made_at) or "—"

    def has_add_permission(self, request, obj=None):
        return can_edit_any(request.user)

    def has_change_permission(self, request, obj=None):
        return can_edit_any(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_edit_any(request.user)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or request.user.has_perm(
            "articles.change_article"
        )
