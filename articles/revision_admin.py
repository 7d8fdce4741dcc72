"""The article's History in the admin: its revisions, a comparison of two, and restoring one.

The admin's own History (its LogEntry list) is replaced: `history_view` lists the
revisions. The logic is in articles/revisions/; these views check who may do what and
lay it out.
"""

import re

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from . import stale_edits
from .formatting import newsroom_time
from .forms import ArticleAdminForm
from .models import Revision
from .people import person_name
from .permissions import can_edit
from .revisions import restore
from .revisions.diff import compare
from .revisions.snapshot import current_snapshot

REVISIONS_PER_PAGE = 30
NOT_RESTORED = (
    "Nothing was restored. What restoring changes now is shown below: restore again to "
    "put this revision over their save."
)


class RevisionAdminMixin:
    """For ArticleAdmin: the History button leads to the article's revisions."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_revisions_view),
                name="articles_article_compare_revisions",
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/restore/",
                view(self.restore_revision_view),
                name="articles_article_restore_revision",
            ),
            *super().get_urls(),
        ]

    def _article_for(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No article with this id.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def _context(self, request, article, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": article.headline,
            "opts": self.opts,
            "original": article,
            "history_url": reverse("admin:articles_article_history", args=[article.pk]),
            "change_url": reverse("admin:articles_article_change", args=[article.pk]),
            "may_restore": can_edit(request.user, article),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        article = self._article_for(request, object_id)
        revisions = article.revisions.select_related("created_by").defer("data")
        paginator = self.get_paginator(request, revisions, REVISIONS_PER_PAGE)
        page = paginator.get_page(request.GET.get("p"))
        rows = [(revision, _who(revision), newsroom_time(revision.created_at)) for revision in page]
        context = self._context(
            request,
            article,
            "History",
            page=page,
            rows=rows,
            page_range=paginator.get_elided_page_range(page.number),
            compare_url=reverse("admin:articles_article_compare_revisions", args=[article.pk]),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/revision_list.html", context)

    def compare_revisions_view(self, request, object_id):
        article = self._article_for(request, object_id)
        pair = _revision_pair(article, request.GET.get("old"), request.GET.get("new"))
        if pair is None:
            self.message_user(
                request, "Choose two revisions of this article to compare.", messages.ERROR
            )
            return HttpResponseRedirect(
                reverse("admin:articles_article_history", args=[article.pk])
            )
        old, new = pair
        context = self._context(
            request,
            article,
            "Compare revisions",
            old=old,
            new=new,
            old_label=_label(old),
            new_label=_label(new),
            changes=compare(old.data, new.data),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/revision_compare.html", context)

    def restore_revision_view(self, request, object_id, revision_id):
        article = self._article_for(request, object_id)
        if not can_edit(request.user, article):
            raise PermissionDenied
        revision = get_object_or_404(Revision, pk=revision_id, article=article)
        # Whoever may edit the article may change its bylines (articles/byline_inline.py);
        # a revision without any keeps the current ones: an article always has a byline.
        with_bylines = bool(revision.data.get("bylines"))
        errors = []
        if request.method == "POST":
            guard = {name: request.POST.get(name, "") for name in ArticleAdminForm.GUARD_FIELDS}
            errors = self._restore(request, article, revision, guard, with_bylines)
            if not errors:
                self.message_user(
                    request,
                    f"Restored the revision of {_label(revision)}.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[article.pk])
                )
            article.refresh_from_db()
        context = self._context(
            request,
            article,
            "Restore a revision",
            revision=revision,
            revision_label=_label(revision),
            with_bylines=with_bylines,
            changes=restore.changes_made(
                current_snapshot(article.pk), revision.data, with_bylines=with_bylines
            ),
            errors=errors,
            loaded_version=article.version,
            loaded_fingerprint=stale_edits.fingerprint(article, ArticleAdminForm.Meta.fields),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/revision_restore.html", context)

    def _restore(self, request, article, revision, guard, with_bylines):
        """Save the revision's content over the article; the reasons it was not, if not."""
        if with_bylines and (missing := restore.missing_authors(revision.data)):
            return [f"Its bylines name authors deleted since: {', '.join(missing)}."]
        form_class = self.get_form(request, article, change=True)
        with transaction.atomic():
            form = restore.bound_form(form_class, article, revision.data, guard)
            if not form.is_valid():
                return _form_errors(form)
            article = self.save_form(request, form, change=True)
            self.save_model(request, article, form, change=True)
            self.save_related(request, form, formsets=[], change=True)
            if with_bylines:
                restore.restore_bylines(article, revision.data)
            self.log_change(request, article, f"Restored the revision of {_label(revision)}.")
        return []


def _who(revision):
    user = revision.created_by
    if user is None:
        return "(not recorded)"
    return person_name(user)


def _label(revision):
    return f"{newsroom_time(revision.created_at)} by {_who(revision)}"


def _revision_pair(article, old_id, new_id):
    if not all(re.fullmatch(r"[1-9][0-9]{0,17}", str(value or "")) for value in (old_id, new_id)):
        return None  # not an id any database could hold
    ids = [int(old_id), int(new_id)]
    found = article.revisions.select_related("created_by").in_bulk(ids)
    if len(found) != len(set(ids)):
        return None
    # Older first, whichever way round they were picked.
    return tuple(sorted((found[pk] for pk in ids), key=lambda r: (r.created_at, r.pk)))


def _form_errors(form):
    errors = []
    for error in form.non_field_errors().as_data():
        if error.code == "stale":
            # The guard's account of what changed, with what it means here.
            errors.append(f"{error.params['changes']} {NOT_RESTORED}")
        else:
            errors.extend(error.messages)
    for name, field_errors in form.errors.items():
        if name != "__all__":
            label = form.fields[name].label if name in form.fields else name
            errors.extend(f"{label}: {error}" for error in field_errors)
    return errors
