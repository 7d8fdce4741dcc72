from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import pre_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Editorial desk"

    def ready(self):
        from taggit.models import Tag

        from .checks import check_settings
        from .revisions import recording
        from .tags import give_tag_a_usable_slug

        pre_save.connect(give_tag_a_usable_slug, sender=Tag, dispatch_uid="usable_tag_slug")
        recording.connect()
        checks.register(check_settings)
