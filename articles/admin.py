from functools import partial

from django.contrib import admin, messages
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from taggit.models import Tag

from media import renditions
from media.photo_picker import PhotoPickerSelect

from . import body_photos, embargo
from .byline_inline import BylineInline
from .bylines import byline_text
from .corrections import saved_with_article
from .corrections_admin import CorrectionInline
from .formatting import newsroom_time
from .forms import ArticleAdminForm
from .models import Article, Author, Section
from .owner_field import OwnerByNameMixin
from .permissions import allowed_statuses, can_edit, can_edit_any, can_publish
from .revision_admin import RevisionAdminMixin
from .search import query as search_query
from .search.backends import engine as search_engine
from .services import publish_articles, unpublish_articles
from .widgets import HeadlineWidget, TagAutocompleteWidget

TAG_SUGGESTIONS = 10
NOT_YOUR_STATUS = "Only an editor can give an article this status."


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "role", "user"]
    list_filter = ["kind"]
    list_select_related = ["user"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "role"]
    autocomplete_fields = ["user"]


class StatusFilter(admin.SimpleListFilter):
    """Status, with scheduled articles told apart from those already out."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Article.Status.choices, ("scheduled", "Scheduled"), ("embargoed", "Embargoed")]

    def queryset(self, request, queryset):
        if self.value() == "scheduled":
            return queryset.filter(status=Article.Status.PUBLISHED).exclude(
                pk__in=Article.objects.published()
            )
        if self.value() == "embargoed":
            return embargo.embargoed(queryset)
        if self.value() in Article.Status.values:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(Article)
class ArticleAdmin(OwnerByNameMixin, RevisionAdminMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [BylineInline, CorrectionInline]
    list_display = [
        "thumbnail",
        "headline",
        "section",
        "byline_names",
        "status_label",
        "publication_time",
    ]
    list_display_links = ["thumbnail", "headline"]
    list_filter = [StatusFilter, "section", "bylines__author", "published_at"]
    list_select_related = ["section", "lead_photo"]
    # Shown as the search box; get_search_results() searches the site's index instead.
    # No search_help_text: Django ties it to the box by aria-describedby alone, next to
    # a label that is only an icon, which screen readers and axe take for no label.
    search_fields = ["headline"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["section", "lead_photo", "owner"]
    prepopulated_fields = {"slug": ["headline"]}
    actions = ["publish", "unpublish"]
    readonly_fields = ["updated_at", "created_at", "modified_at"]
    fieldsets = [
        (None, {"fields": ["headline", "subheadline", "slug", "section", "dateline"]}),
        ("Story", {"fields": ["summary", "body", "tags"]}),
        ("Lead photo", {"fields": ["lead_photo", "lead_photo_caption", "lead_photo_credit"]}),
        (
            "Publication",
            {
                "fields": [
                    "status",
                    "published_at",
                    "embargoed_until",
                    "mark_updated",
                    "updated_at",
                    "owner",
                    "created_at",
                    "modified_at",
                ]
            },
        ),
    ]

    class Media:
        css = {"all": ["articles/admin-article.css", "articles/body-photo.css"]}

    def get_queryset(self, request):
        articles = super().get_queryset(request).prefetch_related("bylines__author")
        return embargo.visible_to(articles, request.user)

    def get_search_results(self, request, queryset, search_term):
        """The site's search index (articles/search/), so the list stays fast with many
        articles and finds what readers' search finds, with the same words and rules.
        Unlike readers, staff find drafts, scheduled and embargoed articles too (those
        they may see), and the list keeps its own order rather than relevance."""
        parsed = search_query.parse(search_term)
        if not parsed.text:
            return queryset, False
        if not parsed:
            return queryset.none(), False
        return search_engine().matching(queryset, parsed), False

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # The first publication time is kept once readers have seen the article.
        went_out = obj is not None and obj.published_at and obj.published_at <= timezone.now()
        if not can_publish(request.user) or went_out:
            readonly.append("published_at")
        if not embargo.can_set_embargo(request.user):
            readonly.append("embargoed_until")
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The form's fields are made for this request; tell them the article too.
        kwargs["formfield_callback"] = partial(
            self.formfield_for_dbfield, request=request, article=obj
        )
        return super().get_form(request, obj, change=change, **kwargs)

    def formfield_for_dbfield(self, db_field, request, article=None, **kwargs):
        if db_field.name == "status":
            # Only what this user may give this article: any other status, posted by
            # hand, is refused as an invalid choice.
            allowed = allowed_statuses(request.user, article)
            kwargs["choices"] = [(status.value, status.label) for status in allowed]
            if not can_publish(request.user):
                kwargs["error_messages"] = {"invalid_choice": NOT_YOUR_STATUS}
        if db_field.name == "headline":
            kwargs["widget"] = HeadlineWidget()
        if db_field.name == "summary":
            kwargs["widget"] = HeadlineWidget(attrs={"rows": 3})
        if db_field.name == "tags":
            source = reverse("admin:articles_article_tag_suggestions")
            kwargs["widget"] = TagAutocompleteWidget(source_url=source)
        if db_field.name == "lead_photo":
            kwargs["widget"] = PhotoPickerSelect(db_field, self.admin_site)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return can_edit_any(request.user) and super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.owner = obj.owner or request.user
        obj.modified_by = request.user
        # Only an article readers can already see has something to update.
        if form.cleaned_data.get("mark_updated") and obj.is_live:
            obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)
        if form.body_removals:
            removals = ". ".join(form.body_removals)
            self.message_user(
                request, f"The body was cleaned before saving. {removals}.", messages.WARNING
            )

    def save_related(self, request, form, formsets, change):
        with saved_with_article():  # save_model has just saved the article
            super().save_related(request, form, formsets, change)

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_live else None

    def get_urls(self):
        suggestions = path(
            "tag-suggestions/",
            self.admin_site.admin_view(self.tag_suggestions),
            name="articles_article_tag_suggestions",
        )
        photos = path(
            "body-photos/",
            self.admin_site.admin_view(body_photos.photo_details),
            name="articles_article_body_photos",
        )
        return [suggestions, photos, *super().get_urls()]

    def tag_suggestions(self, request):
        """Existing tags starting with what the editor typed, for the tag box."""
        if not self.has_view_or_change_permission(request):
            return JsonResponse({"tags": []}, status=403)
        term = request.GET.get("q", "").strip()[:100]
        names = (
            embargo.tags_visible_to(Tag.objects.filter(name__istartswith=term), request.user)
            .order_by("name")
            .values_list("name", flat=True)[:TAG_SUGGESTIONS]
            if term
            else []
        )
        return JsonResponse({"tags": list(names)})

    @admin.action(description="Publish selected articles", permissions=["publish"])
    def publish(self, request, queryset):
        held = embargo.embargoed(queryset.filter(published_at__isnull=True)).count()
        count = publish_articles(queryset, by=request.user)
        message = f"Published {count} article(s)."
        if held:
            message += f" {held} under embargo: scheduled for the embargo's end."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = unpublish_articles(queryset, by=request.user)
        self.message_user(request, f"Unpublished {count} article(s).", messages.SUCCESS)

    @admin.display(description="Photo")
    def thumbnail(self, article):
        photo = article.lead_photo
        if photo is None:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" width="64" height="64" loading="lazy" class="photo-thumbnail">',
            renditions.thumbnail_url(photo),
            photo.alt_text,
        )

    @admin.display(description="Bylines")
    def byline_names(self, article):
        return byline_text(article.bylines.all())

    @admin.display(description="Status", ordering="status")
    def status_label(self, article):
        if article.is_embargoed:
            return embargo.status_label(article)
        if article.is_scheduled:
            return "Scheduled"
        return article.get_status_display()

    @admin.display(description="Publication time", ordering="published_at")
    def publication_time(self, article):
        return newsroom_time(article.published_at) or "—"
