from django import forms
from django.utils.text import Truncator

from .models import Article
from .permissions import allowed_statuses

COMPARED_FIELDS = [
    "headline",
    "subheadline",
    "slug",
    "category",
    "dateline",
    "summary",
    "body",
    "lead_photo",
    "status",
    "published_at",
    "owner",
]


class ArticleAdminForm(forms.ModelForm):
    """The article form of the desk: role-limited statuses and a guard against stale saves.

    `current_user` is set by the admin for each request.
    """

    current_user = None

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    mark_updated = forms.BooleanField(
        label="Substantive update",
        required=False,
        help_text="Tick when this save changes the story: readers see “Updated” with this time.",
    )

    class Meta:
        model = Article
        fields = [*COMPARED_FIELDS, "tags"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["loaded_version"] = self.instance.version
        self.fields["loaded_version"].required = self.instance.pk is not None
        if "status" in self.fields and self.current_user is not None:
            allowed = allowed_statuses(self.current_user, self.instance)
            self.fields["status"].choices = [(s.value, s.label) for s in allowed]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status not in allowed_statuses(self.current_user, self.instance):
            raise forms.ValidationError("Only an editor can give an article this status.")
        return status

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            self._refuse_stale_copy(cleaned_data)
            # The model's own optimistic lock checks this version once more on save.
            self.instance.version = cleaned_data.get("loaded_version")
        return cleaned_data

    def _refuse_stale_copy(self, cleaned_data):
        # Locked until the admin's transaction ends, so two saves cannot both pass.
        saved = Article.objects.select_for_update().filter(pk=self.instance.pk).first()
        if saved is None or saved.version == cleaned_data.get("loaded_version"):
            return
        changed = [
            name
            for name in COMPARED_FIELDS
            if name in cleaned_data and _differs(getattr(saved, name), cleaned_data[name])
        ]
        # Saving again now overwrites deliberately, with the differences in view.
        self.data = self.data.copy()
        self.data["loaded_version"] = saved.version
        raise forms.ValidationError(
            "Someone else saved this article while you were editing it. Your changes have "
            "not been saved; they are still in this form. %(differences)s Save again to "
            "replace their version with yours, or reload the page to start from theirs.",
            code="stale",
            params={"differences": _describe_differences(saved, changed)},
        )


def _differs(saved_value, submitted_value):
    return (saved_value or None) != (submitted_value or None)


def _describe_differences(saved, changed):
    if not changed:
        return "The fields on this form match the saved version."
    labels = []
    for name in changed:
        field = Article._meta.get_field(name)
        value = getattr(saved, name)
        shown = "" if name == "body" else f" (saved: “{Truncator(str(value or '')).chars(60)}”)"
        labels.append(f"{field.verbose_name.capitalize()}{shown}")
    return "The saved version differs from yours in: " + "; ".join(labels) + "."
