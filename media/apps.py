from django.apps import AppConfig
from django.core import checks


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = "Photo library"

    def ready(self):
        from django.db.models.signals import post_delete

        from .checks import check_settings
        from .models import Photo
        from .photo_files import delete_photo_files

        post_delete.connect(
            lambda sender, instance, **kwargs: delete_photo_files(instance),
            sender=Photo,
            weak=False,
            dispatch_uid="media.delete_photo_files",
        )
        checks.register(check_settings)
