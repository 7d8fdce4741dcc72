"""The hourly and daily buckets share their fields (only a help text changes)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_updated_and_modified"),
        ("rankings", "0008_ranking_dashboard_is_an_admin_page"),
    ]

    operations = [
        migrations.AlterField(
            model_name="dailyviews",
            name="section",
            field=models.ForeignKey(
                db_index=False,
                help_text="The article's section, copied so a section's ranking reads only its rows.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="articles.section",
            ),
        ),
    ]
