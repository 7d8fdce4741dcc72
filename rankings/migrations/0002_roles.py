"""The Analyst group, and the ranking dashboard for Editors."""

from django.db import migrations

from articles.roles import grant_roles

# The roles as they were when this migration was written.
ROLES = {
    "Analyst": [
        "rankings.view_rankings",
        "articles.view_article",
        "articles.view_category",
        "articles.view_author",
    ],
    "Editor": ["rankings.view_rankings"],
}


def create_roles(apps, schema_editor):
    grant_roles(apps, ROLES)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Analyst").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rankings", "0001_initial"),
        ("articles", "0002_roles"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
