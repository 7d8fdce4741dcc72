"""One name for each time: "updated" is the update readers see, "modified" any save."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_section")]

    operations = [
        migrations.RenameField("article", "updated_at", "modified_at"),
        migrations.RenameField("article", "updated_by", "modified_by"),
        migrations.RenameField("article", "revised_at", "updated_at"),
        migrations.AlterField(
            "article",
            "modified_at",
            models.DateTimeField(auto_now=True, verbose_name="last saved"),
        ),
    ]
