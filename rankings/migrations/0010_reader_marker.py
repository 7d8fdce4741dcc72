"""A repeat-reader marker is called what the rest of the code calls it: ReaderMarker."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("rankings", "0009_bucket_fields_shared")]

    operations = [migrations.RenameModel(old_name="RecentRead", new_name="ReaderMarker")]
