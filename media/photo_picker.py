"""Choosing a photo from the library in another model's admin form.

The picker is Django's admin autocomplete (select2) showing each photo's thumbnail,
full caption and credit. Its results come from the admin's autocomplete endpoint:

    GET reverse("admin:autocomplete")
        ?app_label=articles&model_name=article&field_name=lead_photo&term=東京駅&page=1

which searches the library as its admin list does (caption, credit, alt text, tags),
20 photos a page, and answers

    {"results": [{"id": "42", "text": "…", "thumbnail": "/media/…/square-160-….jpg",
                  "caption": "…", "credit": "…"}],
     "pagination": {"more": false}}

`id`, `text` (the photo's short name) and `thumbnail` (the URL of its smallest square
rendition) are a contract other pickers rely on; keep them. A user who may not view
the library gets 403, as do unknown app, model or field names.
"""

import json

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError

from . import renditions


def picker_data(photo):
    """What a picker shows of a photo besides its id and short name."""
    return {
        "thumbnail": renditions.thumbnail_url(photo),
        "caption": photo.caption,
        "credit": photo.credit,
    }


class PhotoPickerSelect(AutocompleteSelect):
    """Django's autocomplete box for a photo, its choice shown with a thumbnail.

    The chosen photo's option carries the picker's data as data-* attributes, so the
    page shows its thumbnail before anything is searched; static/media/photo-picker.js
    draws results and choice. The class is not Django's `admin-autocomplete`, which
    would start a second select2 on the same box.
    """

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["class"] = attrs["class"].replace("admin-autocomplete", "photo-picker")
        return attrs

    def optgroups(self, name, value, attr=None):
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        queryset = self.choices.queryset.using(self.db)
        photos = queryset.filter(pk__in=_valid_ids(queryset.model, value))[:1]
        for photo in photos:
            label = self.choices.field.label_from_instance(photo)
            option = self.create_option(name, photo.pk, label, True, len(options))
            option["attrs"].update({f"data-{key}": val for key, val in picker_data(photo).items()})
            options.append(option)
        return [(None, options, 0)]

    @property
    def media(self):
        # Named after jquery.init.js, so that django.jQuery exists when it runs.
        return super().media + forms.Media(
            js=["admin/js/jquery.init.js", "media/photo-picker.js"],
            css={"all": ["media/photo-picker.css"]},
        )


def _valid_ids(model, values):
    """The values that can be an id: a form posted back by hand may hold anything."""
    ids = []
    for value in values:
        try:
            ids.append(model._meta.pk.to_python(value))
        except ValidationError:
            continue
    return ids


def popup_response_with_picker_data(response, photo):
    """The "+" or pencil popup's answer, carrying the photo's thumbnail for the picker.

    Django's popup answer (a TemplateResponse not yet rendered) says only the
    photo's id and name; photo-picker.js reads these extra keys from the popup.
    """
    data = json.loads(response.context_data["popup_response_data"])
    response.context_data["popup_response_data"] = json.dumps({**data, **picker_data(photo)})
    return response
