import django.db.models.deletion
from django.db import migrations, models


def copy_sections(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    section_of_article = models.Subquery(
        Article.objects.filter(pk=models.OuterRef("article_id")).values("category_id")[:1]
    )
    for name in ("HourlyViews", "DailyViews"):
        apps.get_model("rankings", name).objects.update(section_id=section_of_article)


def mark_rolled_up_days(apps, schema_editor):
    # Days already in daily rows were rolled up whole (their hours were deleted).
    DailyViews = apps.get_model("rankings", "DailyViews")
    RolledUpDay = apps.get_model("rankings", "RolledUpDay")
    days = DailyViews.objects.values_list("day", flat=True).distinct()
    RolledUpDay.objects.bulk_create(RolledUpDay(day=day) for day in days)


def section_field(null):
    return models.ForeignKey(
        null=null,
        help_text="The article's section, copied so a section's ranking reads only its rows.",
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
        to="articles.category",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_usable_tag_slugs"),
        ("rankings", "0005_snapshot_keeps_headline_after_takedown"),
    ]

    operations = [
        migrations.CreateModel(
            name="RolledUpDay",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(unique=True)),
                ("rolled_at", models.DateTimeField(auto_now_add=True)),
            ],
        ),
        migrations.AddField(model_name="hourlyviews", name="section", field=section_field(True)),
        migrations.AddField(model_name="dailyviews", name="section", field=section_field(True)),
        migrations.RunPython(copy_sections, migrations.RunPython.noop),
        migrations.RunPython(mark_rolled_up_days, migrations.RunPython.noop),
        migrations.AlterField(model_name="hourlyviews", name="section", field=section_field(False)),
        migrations.AlterField(
            model_name="dailyviews",
            name="section",
            field=models.ForeignKey(
                help_text="The article's section, copied as on the hourly buckets.",
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="articles.category",
            ),
        ),
        migrations.RemoveIndex(model_name="hourlyviews", name="hourlyviews_hour_idx"),
        migrations.RemoveIndex(model_name="dailyviews", name="dailyviews_day_idx"),
        migrations.AddIndex(
            model_name="hourlyviews",
            index=models.Index(
                fields=["hour", "-views", "article"], name="hourlyviews_hour_views_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="hourlyviews",
            index=models.Index(
                fields=["section", "hour", "-views", "article"],
                name="hourlyviews_section_hour_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="dailyviews",
            index=models.Index(fields=["day", "-views", "article"], name="dailyviews_day_views_idx"),
        ),
        migrations.AddIndex(
            model_name="dailyviews",
            index=models.Index(
                fields=["section", "day", "-views", "article"], name="dailyviews_section_day_idx"
            ),
        ),
    ]
