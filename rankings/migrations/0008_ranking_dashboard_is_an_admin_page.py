"""The ranking dashboard is a page of the admin site now, no longer a proxy model's list.

Who may read it does not change: rankings.view_rankings stays on HourlyViews, where
0001 put it, and every group keeps its grant. What goes is the proxy and what Django
made for it: its content type and its default permissions (add, change, delete and
view "ranking dashboard"), which never let anyone see anything.
"""

from django.db import migrations


def forget_the_proxy(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    proxy = ContentType.objects.filter(app_label="rankings", model="rankingdashboard")
    Permission.objects.filter(content_type__in=proxy).delete()
    proxy.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rankings", "0007_bucket_keys_indexed_once"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.DeleteModel(name="RankingDashboard"),
        # Going back, Django makes the content type and permissions again after migrating.
        migrations.RunPython(forget_the_proxy, migrations.RunPython.noop),
    ]
