"""Formerly the timeline's change counter and its triggers, which keyed a page cache; both are
gone (0008 drops what this migration created). Kept, empty, so the migration graph is
unchanged."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0002_name_keys_reviewed_actors_document_actors")]

    operations: list = []
