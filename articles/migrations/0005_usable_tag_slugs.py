"""Tags saved before every tag had a usable slug: ":" or "🎉" slugified to "" or "_1"."""

import hashlib

from django.db import migrations
from django.db.models import Q


def give_every_tag_a_usable_slug(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    without_address = Tag.objects.filter(Q(slug="") | Q(slug__regex=r"^_[0-9]+$"))
    for tag in without_address.only("name", "slug"):
        # A frozen copy of articles.tags.fallback_slug: a migration must not change later.
        tag.slug = "tag-" + hashlib.sha256(tag.name.encode()).hexdigest()[:12]
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_lead_photo_overrides"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(give_every_tag_a_usable_slug, migrations.RunPython.noop),
    ]
