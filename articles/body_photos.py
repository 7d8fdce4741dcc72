"""Library photos inside the body: what readers get in their place, what the editor's
figures show, and the record of which articles' bodies use which photo.

The stored form is in articles/photo_figures.py; the editor's "Photo" button in
static/articles/body-photo.js.
"""

import html

from django.http import JsonResponse
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from media.models import Photo
from media.photo_picker import picker_data

from .photo_figures import STORED_FIGURE, names_a_photo, photo_ids

# As wide as the lead photo: the body's column.
SIZES = "(min-width: 64rem) 40rem, 100vw"
LOOKUP_LIMIT = 50


def with_photos(body):
    """The stored body with each photo figure replaced by the photo as readers see it:
    <figure>, <picture> with srcsets, lazily loaded, and the caption and credit (this
    article's overrides, or the photo's own). All its photos come in one query; a
    photo no longer in the library leaves nothing in its place.
    """
    ids = photo_ids(body)
    if not ids:
        return mark_safe(body)  # sanitised when saved
    photos = Photo.objects.in_bulk(ids)
    template = get_template("includes/body_photo.html")

    def photo_figure(found):
        photo = photos.get(int(found["photo"]))
        if photo is None:
            return ""
        caption = html.unescape(found["caption"] or "") or photo.caption
        credit = html.unescape(found["credit"] or "") or photo.credit
        context = {"photo": photo, "caption": caption, "credit": credit, "sizes": SIZES}
        return template.render(context).strip()

    return mark_safe(STORED_FIGURE.sub(photo_figure, body))


def record_body_photos(sender, instance, raw=False, update_fields=None, **kwargs):
    """After an article is saved (post_save): the photos its body shows, for the library's
    "Used in" and its refusal to delete a photo still in use. Ids of photos no longer in
    the library are left out."""
    if raw or (update_fields is not None and "body" not in update_fields):
        return
    ids = photo_ids(instance.body)
    existing = Photo.objects.filter(pk__in=ids).values_list("pk", flat=True) if ids else []
    instance.body_photos.set(existing)


def photo_details(request):
    """The photos the editor's figures show, by `id` (repeatable): thumbnail, caption, credit.

    The figures store only the id; this is how the editor shows which photo it is.
    """
    if not request.user.has_perm("media.view_photo"):
        return JsonResponse({"photos": []}, status=403)
    ids = [value for value in request.GET.getlist("id") if names_a_photo(value)][:LOOKUP_LIMIT]
    photos = Photo.objects.filter(pk__in=ids)
    return JsonResponse(
        {
            "photos": [
                {"id": str(photo.pk), "text": str(photo), **picker_data(photo)} for photo in photos
            ]
        }
    )
