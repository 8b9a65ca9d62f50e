"""The timeline's change counter and its triggers (events/change_counter.py): cached timeline
pages are keyed on it (events/selectors.py, ``cached_timeline_page``)."""

from django.db import migrations

from events import change_counter

# The app's tables at this migration; tables added later get their triggers after each migrate.
TABLES = [
    "events_actor",
    "events_actoralias",
    "events_document",
    "events_document_actors",
    "events_event",
    "events_event_actors",
    "events_sourceexcerpt",
]


def create(apps, schema_editor) -> None:
    change_counter.install(schema_editor.connection, TABLES)


def drop(apps, schema_editor) -> None:
    change_counter.uninstall(schema_editor.connection, TABLES)


class Migration(migrations.Migration):
    dependencies = [("events", "0002_name_keys_reviewed_actors_document_actors")]

    operations = [migrations.RunPython(create, drop)]
