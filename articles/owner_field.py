"""The Owner field for whoever may not change it: the owner's name, not their login, and a
link to the user's admin page only for those who may open it (a reporter gets a 403)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import format_html

from .people import person_name
from .permissions import can_edit_any


class OwnerByNameMixin:
    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "owner_name", "owner_link"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if can_edit_any(request.user):
            return fieldsets
        shown = "owner_link" if self._may_open_owner(request, obj) else "owner_name"
        return [
            (name, {**options, "fields": [shown if f == "owner" else f for f in options["fields"]]})
            for name, options in fieldsets
        ]

    def _may_open_owner(self, request, obj):
        owner = obj.owner if obj is not None else None
        if owner is None or not self.admin_site.is_registered(get_user_model()):
            return False
        return self.admin_site.get_model_admin(get_user_model()).has_view_permission(request, owner)

    @admin.display(description="Owner")
    def owner_name(self, article):
        return person_name(article.owner) if article.owner else "—"

    @admin.display(description="Owner")
    def owner_link(self, article):
        url = reverse(f"{self.admin_site.name}:auth_user_change", args=[article.owner.pk])
        return format_html('<a href="{}">{}</a>', url, person_name(article.owner))
