from django import forms

from . import embargo, slugs, stale_edits
from .fields import describe_removals
from .models import Article


class ArticleAdminForm(forms.ModelForm):
    """The article form of the desk, with its guard against saving over someone else's save.

    The admin lays these fields out (`ArticleAdmin.fieldsets`) and offers each user only
    the statuses they may give the article (`ArticleAdmin.formfield_for_dbfield`).

    The guard: the page carries the version of the article it was loaded with
    (`loaded_version`). `clean()` locks the article's row and refuses the save when the
    saved version is another, naming what changed (from `loaded_fingerprint`, see
    articles/stale_edits.py); the lock holds until the admin's transaction ends, so two
    saves of one version cannot both pass. The save itself moves the version on in its
    one UPDATE (`Article.save()`). Validate a bound form inside a transaction.
    """

    # What cleaning took out of the body, for the admin to tell the editor after saving.
    body_removals = ()
    # The guard's own inputs, sent back with every save: never a change an editor made.
    GUARD_FIELDS = ("loaded_version", "loaded_fingerprint")

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    loaded_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)
    mark_updated = forms.BooleanField(
        label="Substantive update",
        required=False,
        help_text="Tick when this save changes the story: readers see “Updated” with this time.",
    )

    class Meta:
        model = Article
        # Also what the stale-save message compares, with the bylines of the same page.
        fields = [
            "headline",
            "subheadline",
            "slug",
            "section",
            "dateline",
            "summary",
            "body",
            "tags",
            "lead_photo",
            "lead_photo_caption",
            "lead_photo_credit",
            "status",
            "published_at",
            "embargoed_until",
            "owner",
        ]
        help_texts = {"embargoed_until": embargo.HELP_TEXT}
        error_messages = {"slug": {"invalid": slugs.INVALID_MESSAGE}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["loaded_version"] = self.instance.version
        self.initial["loaded_fingerprint"] = self._fingerprint(self.instance)
        self.fields["loaded_version"].required = self.instance.pk is not None

    @property
    def changed_data(self):
        # So the admin's change log, and has_changed(), name only what the editor changed.
        return [name for name in super().changed_data if name not in self.GUARD_FIELDS]

    @staticmethod
    def _fingerprint(article):
        # This class's own list: the admin's subclass of the form lists its layout instead.
        return stale_edits.fingerprint(article, ArticleAdminForm.Meta.fields)

    def clean_slug(self):
        # An emptied box keeps the saved address: links to the article must not break.
        # Only a new article's empty slug is made on saving (articles/slugs.py).
        return self.cleaned_data["slug"] or self.instance.slug

    def clean_body(self):
        body = self.cleaned_data["body"]
        self.body_removals = describe_removals(self["body"].data, body)
        return body

    def clean(self):
        cleaned_data = super().clean()
        embargo.refuse_publication_before_embargo(self)
        if self.instance.pk is not None and "loaded_version" in cleaned_data:
            self._refuse_stale_copy(cleaned_data)
        return cleaned_data

    def _refuse_stale_copy(self, cleaned_data):
        # Locked until the admin's transaction ends, so two saves cannot both pass.
        saved = (
            Article.objects.select_for_update(of=("self",))
            .select_related("modified_by")
            .filter(pk=self.instance.pk)
            .first()
        )
        if saved is None:
            raise forms.ValidationError("Someone deleted this article after you opened it.")
        if saved.version == cleaned_data["loaded_version"]:
            return
        changes = stale_edits.describe_changes(
            cleaned_data.get("loaded_fingerprint"), saved, ArticleAdminForm.Meta.fields
        )
        # Saving again now overwrites deliberately, with the changes in view.
        self.data = self.data.copy()
        self.data["loaded_version"] = saved.version
        self.data["loaded_fingerprint"] = self._fingerprint(saved)
        raise forms.ValidationError(
            "%(changes)s Your changes have not been saved; they are still in this form. "
            "Save again to replace their version with yours, or reload the page to start "
            "from theirs.",
            code="stale",
            params={"changes": changes},
        )
