from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.html import format_html

from .models import Photo
from .processing import clean_image
from .services import find_duplicate


class PhotoForm(forms.ModelForm):
    """Upload and describe a photo; the upload is checked and cleaned before anything is stored.

    Caption and credit may be left empty when the file itself carries them (a
    camera's description and artist or copyright fields): they are filled in from it.
    """

    # A plain file field: Django's image field would answer every bad file with the
    # same vague message before ours could name the reason.
    image = forms.FileField(
        help_text=Photo._meta.get_field("image").help_text,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )

    class Meta:
        model = Photo
        fields = ["image", "alt_text", "caption", "credit", "tags", "focal_x", "focal_y"]
        widgets = {"focal_x": forms.HiddenInput, "focal_y": forms.HiddenInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "credit" in self.fields:  # absent from a view-only form, such as a reporter's
            self.fields["credit"].required = False
        self.cleaned_upload = None

    def clean_image(self):
        upload = self.cleaned_data["image"]
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged
        cleaned = clean_image(upload)
        duplicate = find_duplicate(cleaned.content_hash, exclude_pk=self.instance.pk)
        if duplicate is not None:
            raise forms.ValidationError(
                format_html(
                    'This image is already in the library: <a href="{}">{}</a>.',
                    reverse("admin:media_photo_change", args=[duplicate.pk]),
                    duplicate,
                ),
                code="duplicate",
            )
        self.cleaned_upload = cleaned
        return cleaned.file

    def clean(self):
        cleaned_data = super().clean()
        found = self.cleaned_upload
        if found is not None:
            cleaned_data["caption"] = cleaned_data.get("caption") or found.caption
            cleaned_data["credit"] = cleaned_data.get("credit") or found.credit
        if not cleaned_data.get("credit") and "credit" not in self.errors:
            self.add_error("credit", "Give the photographer and agency.")
        return cleaned_data

    def save(self, commit=True):
        if self.cleaned_upload is not None:
            self.instance.content_hash = self.cleaned_upload.content_hash
        return super().save(commit)
