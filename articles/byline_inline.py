"""The bylines box of the article form: in print order, near the headline.

Rows are put in order by dragging or with their up/down buttons
(static/articles/byline-box.js), which number the hidden positions from the row order
when the form is sent. A save without any byline is refused with the choices named,
and quick picks above the rows fill one in: "Me", the desks and the agencies.

Who changes bylines: whoever may edit the article (`can_edit`), reporters included on
their own drafts, and anyone who may add articles on a new one.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.models import BaseInlineFormSet
from django.utils.text import get_text_list

from .models import Author, Byline
from .permissions import can_edit

CREDIT_SUGGESTIONS_ID = "byline-credit-suggestions"
AUTHOR_TWICE = "An author has one byline per article: remove the second one."


def credit_suggestions():
    return [
        f"Special to {settings.NEWSROOM_NAME}",
        "With additional reporting by",
        "Photos by",
    ]


@dataclass(frozen=True)
class QuickPick:
    label: str
    author: Author
    own: bool = False


def quick_picks(user):
    """The bylines offered above the rows: the user's own, then the desks, then the agencies."""
    own = getattr(user, "author", None)
    picks = [QuickPick(f"Me ({own.name})", own, own=True)] if own is not None else []
    shared = Author.objects.filter(kind__in=[Author.Kind.DESK, Author.Kind.AGENCY])
    for author in sorted(shared, key=lambda a: (a.kind != Author.Kind.DESK, a.name)):
        if author != own:
            picks.append(QuickPick(author.name, author))
    return picks


def no_byline_message(picks):
    """What a save without a byline is told: the bylines there are to choose from."""
    # A desk may be called "Staff writer": the names are quoted so none reads as a choice.
    choices = ["a reporter or other person (type their name in the Author box)"]
    for kind, noun in [(Author.Kind.DESK, "a desk"), (Author.Kind.AGENCY, "an agency")]:
        names = [
            f"“{pick.author.name}”" for pick in picks if not pick.own and pick.author.kind == kind
        ]
        if names:
            choices.append(f"{noun} ({get_text_list(names, 'or')})")
    choices += [f"yourself ({pick.author.name})" for pick in picks if pick.own]
    message = (
        f"Every article needs a byline. Choose who this one is by: {get_text_list(choices, 'or')}."
    )
    if picks:
        message += " The quick picks above the bylines fill one in."
    return message


class BylineForm(forms.ModelForm):
    class Meta:
        model = Byline
        fields = ["author", "credit", "position"]
        widgets = {"position": forms.HiddenInput(attrs={"class": "byline-position"})}
        # The same author as a byline saved before (the byline_author_once constraint).
        error_messages = {NON_FIELD_ERRORS: {"unique_together": AUTHOR_TWICE}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        self.fields["credit"].widget.attrs.update(
            # A table row labels its inputs by the column header only; a screen reader
            # needs a name of the input's own.
            {"list": CREDIT_SUGGESTIONS_ID, "autocomplete": "off", "aria-label": "Credit line"}
        )

    def has_changed(self):
        # The script numbers every row's position, the empty one too: a new row with
        # only a number is still an empty row, not a byline without an author.
        if self.instance.pk is None:
            return bool(set(self.changed_data) - {"position"})
        return super().has_changed()

    def clean_position(self):
        return self.cleaned_data["position"] or 0


class BylineFormSet(BaseInlineFormSet):
    """At least one byline stays: the editor chooses it, nobody's name is added silently."""

    no_byline_message = ""

    def get_unique_error_message(self, unique_check):
        # The same author in two rows of this form.
        return AUTHOR_TWICE

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("author") and not self._should_delete_form(form)
        ]
        if not kept:
            raise forms.ValidationError(self.no_byline_message, code="no_byline")


class BylineInline(admin.TabularInline):
    """Bylines in print order, with quick picks and credit suggestions."""

    model = Byline
    form = BylineForm
    formset = BylineFormSet
    template = "admin/articles/article/byline_inline.html"
    autocomplete_fields = ["author"]

    class Media:
        js = ["articles/byline-box.js"]

    def get_extra(self, request, obj=None, **kwargs):
        # One empty row to fill in while the article has no byline at all.
        return 0 if obj is not None and obj.bylines.exists() else 1

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        picks = quick_picks(request.user)
        formset.quick_picks = picks
        formset.no_byline_message = no_byline_message(picks)
        formset.credit_suggestions = credit_suggestions()
        formset.credit_suggestions_id = CREDIT_SUGGESTIONS_ID
        return formset

    def _may_edit(self, request, obj):
        if obj is None:
            return request.user.has_perm("articles.add_article")
        return can_edit(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or request.user.has_perm(
            "articles.change_article"
        )
