from itertools import groupby

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from . import embargo, structured_data
from .models import Article, Author, Correction, Section
from .related import related_articles
from .tags import public_tags

SECTION_BLOCK_SIZE = 4


class PublishedArticlesMixin:
    """What every public list starts from: published articles with all they show."""

    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_listing()


class HomeView(PublishedArticlesMixin, ListView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["page_obj"].number == 1:
            articles = list(context["object_list"])
            context["lead"] = articles[0] if articles else None
            context["latest"] = articles[1:]
            context["section_blocks"] = self.section_blocks()
        else:
            context["latest"] = context["object_list"]
        return context

    def section_blocks(self):
        """The newest few articles of every section, in one query."""
        newest_per_section = (
            Article.objects.published()
            .select_related("section")
            .annotate(
                rank_in_section=Window(
                    RowNumber(), partition_by=F("section"), order_by=F("published_at").desc()
                )
            )
            .filter(rank_in_section__lte=SECTION_BLOCK_SIZE)
            .order_by("section__position", "section__name", "rank_in_section")
        )
        return [
            (section, list(articles))
            for section, articles in groupby(newest_per_section, key=lambda a: a.section)
        ]


class SectionView(PublishedArticlesMixin, ListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section, current_section_slug=self.section.slug, **kwargs
        )


class TagView(PublishedArticlesMixin, ListView):
    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(public_tags(), slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tag=self.tag, breadcrumbs=structured_data.tag_trail(self.tag), **kwargs
        )


class AuthorView(PublishedArticlesMixin, ListView):
    template_name = "articles/author.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return super().get_queryset().filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author, breadcrumbs=structured_data.author_trail(self.author), **kwargs
        )


class RelatedReadingMixin:
    """The article page's "Related" list: part of the page, so the page cache keeps it
    and an edit anywhere (the content version) rebuilds it with the page."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(related=related_articles(self.object), **kwargs)


class ArticleDetailView(RelatedReadingMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().for_listing().prefetch_related("corrections")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # The slug alone identifies the article; an old section or a mistyped
        # date in the address redirects to the one true address.
        if request.path != self.object.get_absolute_url():
            return redirect(self.object, permanent=True)
        return self.render_to_response(
            self.get_context_data(object=self.object, current_section_slug=self.object.section.slug)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            breadcrumbs=structured_data.article_trail(self.object), **kwargs
        )


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(PermissionRequiredMixin, RelatedReadingMixin, DetailView):
    """Any article, at any status, on the public template, for staff only (embargoed
    ones for editors and the staff on them: articles/embargo.py)."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"
    permission_required = "articles.view_article"

    def get_queryset(self):
        # An embargoed story is a 404 to staff not on it, as if it did not exist.
        articles = Article.objects.for_listing().prefetch_related("corrections")
        return embargo.visible_to(articles, self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            is_preview=True, breadcrumbs=structured_data.article_trail(self.object), **kwargs
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class CorrectionsView(ListView):
    """Every correction readers can see, newest first: /corrections/."""

    template_name = "articles/corrections.html"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return Correction.objects.published()
