from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_save, pre_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Editorial desk"

    def ready(self):
        from taggit.models import Tag

        from . import corrections
        from .body_photos import record_body_photos
        from .checks import check_settings
        from .models import Article
        from .revisions import recording
        from .search import indexing as search_indexing
        from .tags import give_tag_a_usable_slug

        pre_save.connect(give_tag_a_usable_slug, sender=Tag, dispatch_uid="usable_tag_slug")
        post_save.connect(record_body_photos, sender=Article, dispatch_uid="body_photos")
        recording.connect()
        search_indexing.connect()
        checks.register(check_settings)
        corrections.connect()
