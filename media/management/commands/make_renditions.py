from django.core.management.base import BaseCommand

from media.models import Photo
from media.renditions import make_renditions


class Command(BaseCommand):
    help = (
        "Make every missing rendition of every photo and delete stale ones: after "
        "changing PHOTO_RENDITION_WIDTHS, or moving media to another storage."
    )

    def handle(self, *args, **options):
        made = photos = 0
        for photo in Photo.objects.iterator():
            made += make_renditions(photo)
            photos += 1
        self.stdout.write(f"Made {made} rendition(s) for {photos} photo(s).")
