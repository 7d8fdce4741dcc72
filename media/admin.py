from django.contrib import admin
from django.utils.html import format_html

from .models import Photo


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "__str__", "credit", "dimensions", "uploaded_by", "created_at"]
    list_display_links = ["thumbnail", "__str__"]
    list_filter = ["created_at"]
    list_select_related = ["uploaded_by"]
    search_fields = ["caption", "credit", "alt_text"]
    readonly_fields = ["preview", "dimensions", "uploaded_by", "created_at"]
    fields = ["image", "preview", "alt_text", "caption", "credit", "dimensions", "uploaded_by"]

    @admin.display(description="Photo")
    def thumbnail(self, photo):
        return format_html(
            '<img src="{}" alt="{}" width="80" loading="lazy" class="photo-thumbnail">',
            photo.image.url,
            photo.alt_text,
        )

    @admin.display(description="Preview")
    def preview(self, photo):
        if not photo.pk:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" style="max-width: 480px; height: auto">',
            photo.image.url,
            photo.alt_text,
        )

    @admin.display(description="Size")
    def dimensions(self, photo):
        return f"{photo.width}×{photo.height}" if photo.pk else "—"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
