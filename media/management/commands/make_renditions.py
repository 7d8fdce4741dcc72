from django.core.management.base import BaseCommand, CommandError

from media.models import Photo
from media.renditions import make_renditions


class Command(BaseCommand):
    help = (
        "Make every missing rendition of every photo and delete stale ones: after "
        "changing PHOTO_RENDITION_WIDTHS, or moving media to another storage. A photo "
        "that fails is named and skipped; the command then exits with an error."
    )

    def handle(self, *args, **options):
        made = photos = 0
        failed = []
        for photo in Photo.objects.iterator():
            photos += 1
            try:
                made += make_renditions(photo)
            # Whatever one damaged file or storage hiccup raises, the other photos still
            # deserve their renditions; the failures are all named at the end.
            except Exception as error:
                failed.append(photo.pk)
                self.stderr.write(f"photo {photo.pk} ({photo.image.name}): {error!r}")
        self.stdout.write(f"Made {made} rendition(s) for {photos} photo(s).")
        if failed:
            raise CommandError(
                f"{len(failed)} photo(s) failed: {', '.join(str(pk) for pk in failed)}."
            )
