"""The section model is called Section in the code, as it always was to editors.

The table, the article's column and the permissions follow the new name; groups keep
the permissions they had ("articles.change_category" becomes "articles.change_section").

It runs after the rankings migrations that point at the old model (see dependencies),
so their foreign keys follow the rename; articles' migrations therefore need rankings.
"""

from django.db import migrations, models

ACTIONS = ["add", "change", "delete", "view"]


def rename_permissions(old, new):
    def forwards(apps, schema_editor):
        Permission = apps.get_model("auth", "Permission")
        for action in ACTIONS:
            stale = Permission.objects.filter(
                content_type__app_label="articles", codename=f"{action}_{old}"
            )
            current = Permission.objects.filter(
                content_type__app_label="articles", codename=f"{action}_{new}"
            ).first()
            if current is None:
                stale.update(codename=f"{action}_{new}")
                continue
            # Both exist (permissions were created for the new name already): keep the
            # new one and hand it every group and user the old one had.
            for permission in stale:
                current.group_set.add(*permission.group_set.all())
                current.user_set.add(*permission.user_set.all())
                permission.delete()

    return forwards


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_usable_tag_slugs"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # After every migration that points at the old name, so they all follow the rename.
        ("rankings", "0007_bucket_keys_indexed_once"),
    ]

    operations = [
        migrations.RenameModel(old_name="Category", new_name="Section"),
        migrations.RemoveIndex(model_name="article", name="article_section_pub_idx"),
        migrations.RenameField(model_name="article", old_name="category", new_name="section"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["section", "-published_at"], name="article_section_pub_idx"),
        ),
        migrations.RunPython(
            rename_permissions("category", "section"), rename_permissions("section", "category")
        ),
    ]
