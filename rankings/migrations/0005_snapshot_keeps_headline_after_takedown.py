import django.db.models.deletion
from django.db import migrations, models


def copy_headlines(apps, schema_editor):
    """Give existing snapshot lines their article's headline and section name."""
    RankingSnapshot = apps.get_model("rankings", "RankingSnapshot")
    lines = list(RankingSnapshot.objects.select_related("article__category"))
    for line in lines:
        line.headline = line.article.headline
        line.article_section = line.article.category.name
    RankingSnapshot.objects.bulk_update(lines, ["headline", "article_section"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0004_lead_photo_overrides"),
        ("rankings", "0004_read_counters"),
    ]

    operations = [
        migrations.AddField(
            model_name="rankingsnapshot",
            name="headline",
            field=models.CharField(
                default="", help_text="As it was when the snapshot was taken.", max_length=300
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="rankingsnapshot",
            name="article_section",
            field=models.CharField(
                default="",
                help_text="The article's section name when the snapshot was taken.",
                max_length=100,
            ),
            preserve_default=False,
        ),
        migrations.RunPython(copy_headlines, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="rankingsnapshot",
            name="article",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty once the article is deleted.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="articles.article",
            ),
        ),
    ]
