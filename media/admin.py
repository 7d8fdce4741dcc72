from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from . import renditions
from .forms import PhotoForm
from .models import Photo
from .photo_files import discard_files, photo_saved, store_new_image
from .photo_picker import picker_data, popup_response_with_picker_data
from .services import find_duplicate


class AddedMeanwhile(Exception):
    """The same image was saved by someone else between the form's check and this save."""

    def __init__(self, duplicate):
        super().__init__(duplicate.pk)
        self.duplicate = duplicate


class UsageFilter(admin.SimpleListFilter):
    """Used or unused anywhere: whatever models point at photos, without naming them."""

    title = "use"
    parameter_name = "use"

    def lookups(self, request, model_admin):
        return [("unused", "Unused"), ("used", "Used")]

    def queryset(self, request, queryset):
        unused = Q()
        for relation in Photo._meta.related_objects:
            unused &= Q(**{f"{relation.name}__isnull": True})
        if self.value() == "unused":
            return queryset.filter(unused).distinct()
        if self.value() == "used":
            return queryset.exclude(unused).distinct()
        return queryset


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    form = PhotoForm
    list_display = ["thumbnail", "description", "credit", "dimensions", "uploaded_by", "created_at"]
    list_display_links = ["thumbnail", "description"]
    list_filter = [UsageFilter, "uploaded_by", "created_at"]
    list_select_related = ["uploaded_by"]
    search_fields = ["caption", "credit", "alt_text", "tags__name"]
    date_hierarchy = "created_at"
    readonly_fields = ["focal_point", "dimensions", "uploaded_by", "created_at"]
    list_per_page = 48

    class Media:
        css = {"all": ["media/photo-admin.css"]}
        js = ["media/focal-point.js"]

    def get_fieldsets(self, request, obj=None):
        about = ["alt_text", "caption", "credit", "tags"]
        if obj is None:
            return [(None, {"fields": ["image", *about]})]
        return [
            (None, {"fields": ["image", *about]}),
            ("Focal point and crops", {"fields": ["focal_point", "focal_x", "focal_y"]}),
            (
                "Library",
                {"fields": ["dimensions", "uploaded_by", "created_at", self._used_in(request)]},
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), self._used_in(request)]

    def _used_in(self, request):
        """The "Used in" line of this request, naming only what this user may open.

        Made once per request, so that the fieldsets and the read-only fields hold the
        same one (the admin matches them by identity).
        """
        if not hasattr(request, "photo_used_in"):

            @admin.display(description="Used in")
            def used_in(photo):
                return self._usage(photo, request)

            request.photo_used_in = used_in
        return request.photo_used_in

    @admin.display(description="Photo")
    def thumbnail(self, photo):
        return format_html(
            '<img src="{}" alt="{}" width="80" height="80" loading="lazy" class="photo-thumbnail">',
            renditions.thumbnail_url(photo),
            photo.alt_text,
        )

    @admin.display(description="Caption")
    def description(self, photo):
        return Truncator(photo.caption or photo.alt_text).chars(90)

    @admin.display(description="Click the subject of the picture")
    def focal_point(self, photo):
        """The preview to click, and the crops readers get, updated as the point moves."""
        widths = renditions.widths(photo, renditions.SHAPES["original"])
        preview = renditions.url(photo, "original", widths[min(1, len(widths) - 1)], "jpg")
        crops = format_html_join(
            "",
            '<figure class="focal-crop"><div class="focal-crop__frame" style="aspect-ratio: {}"'
            ' data-focal-crop><img src="{}" alt=""></div><figcaption>{}</figcaption></figure>',
            [
                ("16 / 9", preview, "Card 16:9"),
                ("1 / 1", preview, "Square"),
                ("1200 / 630", preview, "Social 1200×630"),
            ],
        )
        return format_html(
            '<div class="focal-picker" data-focal-picker>'
            '<div class="focal-picker__image"><img src="{}" alt="{}">'
            '<span class="focal-picker__marker" aria-hidden="true"></span></div>'
            '<div class="focal-crops">{}</div></div>',
            preview,
            photo.alt_text,
            crops,
        )

    @admin.display(description="Size")
    def dimensions(self, photo):
        return f"{photo.width}×{photo.height}" if photo.pk else "—"

    def _used_by(self, photo, request):
        """Everything that uses the photo, whatever app it belongs to, as (what this user
        may see, how many more they may not).

        What a user may see of another model is what its admin lists for them: an
        article under embargo, for one, stays hidden from staff not on it.
        """
        shown, hidden = [], 0
        for relation in Photo._meta.related_objects:
            users = list(getattr(photo, relation.get_accessor_name()).all())
            model_admin = self.admin_site._registry.get(relation.related_model)
            if model_admin is not None and users:
                visible = model_admin.get_queryset(request).filter(pk__in=[u.pk for u in users])
                allowed = set(visible.values_list("pk", flat=True))
                hidden += sum(user.pk not in allowed for user in users)
                users = [user for user in users if user.pk in allowed]
            shown += users
        return shown, hidden

    def _usage(self, photo, request):
        users, hidden = self._used_by(photo, request)
        if not users and not hidden:
            return "Not used yet."
        lines = [(self._link(obj),) for obj in users]
        if hidden:
            lines.append((f"{hidden} more you cannot open",))
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", lines))

    @staticmethod
    def _link(obj):
        opts = obj._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        except NoReverseMatch:
            return f"{opts.verbose_name.capitalize()}: {obj}"
        return format_html('{}: <a href="{}">{}</a>', opts.verbose_name.capitalize(), url, obj)

    def autocomplete_extras(self, photo):
        """A photo's thumbnail, caption and credit in the admin's autocomplete answers
        (the contract is in media/photo_picker.py)."""
        return picker_data(photo)

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        if IS_POPUP_VAR in request.POST:
            return popup_response_with_picker_data(response, obj)
        return response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        if IS_POPUP_VAR in request.POST:
            return popup_response_with_picker_data(response, obj)
        return response

    def get_deleted_objects(self, objs, request):
        """A photo in use cannot go: the delete page names what uses it, with links.

        Django's own page would tell a photo editor, who may not delete articles,
        only that deleting needs that permission, without naming the articles.
        """
        used = []
        for photo in objs:
            users, hidden = self._used_by(photo, request)
            used += [self._link(obj) for obj in users]
            used += [f"{hidden} more you cannot open"] if hidden else []
        if used:
            return [], {}, set(), used
        return super().get_deleted_objects(objs, request)

    def changeform_view(self, request, *args, **kwargs):
        """The admin's own save, but a new image stored for a save that fails is deleted.

        Whatever fails after the file is stored (the row, the tags, the log entry)
        rolls the database back; the file would stay behind without this.
        """
        request.new_photo_files = []
        try:
            return super().changeform_view(request, *args, **kwargs)
        except AddedMeanwhile as race:
            discard_files(request.new_photo_files)
            messages.error(request, "This image was added to the library a moment ago: here it is.")
            return HttpResponseRedirect(
                reverse("admin:media_photo_change", args=[race.duplicate.pk])
            )
        except BaseException:
            discard_files(request.new_photo_files)
            raise

    def save_model(self, request, obj, form, change):
        previous = Photo.objects.get(pk=obj.pk) if change else None
        if not change:
            obj.uploaded_by = request.user
        if form.cleaned_upload is not None:
            request.new_photo_files.append(store_new_image(obj))
        try:
            with transaction.atomic():
                super().save_model(request, obj, form, change)
        except IntegrityError:
            duplicate = find_duplicate(obj.content_hash, exclude_pk=obj.pk)
            if duplicate is None:
                raise
            raise AddedMeanwhile(duplicate) from None
        photo_saved(
            obj,
            previous=previous,
            on_rendition_failure=lambda photo: messages.warning(
                request,
                f"“{photo}” was saved, but its renditions could not be made, so readers "
                "will not see it yet. The error is in the server log; ask a developer to "
                "run manage.py make_renditions once it is fixed.",
            ),
        )
