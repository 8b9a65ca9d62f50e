"""Drop the timeline's change counter (table ``events_timeline_version``) and the triggers that
raised it on every table of the app: the page cache keyed on it is gone (timeline pages are
built on every request; docs/benchmarks.md, "Timeline API")."""

from django.db import migrations

COUNTER_TABLE = "events_timeline_version"


def drop_counter(apps, schema_editor) -> None:
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
                "WHERE tgname LIKE %s OR tgname LIKE %s",
                ["%\\_timeline\\_changed", "%\\_timeline\\_truncated"],
            )
            for name, table in cursor.fetchall():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            cursor.execute("DROP FUNCTION IF EXISTS events_timeline_changed()")
        elif connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND ("
                "name LIKE '%\\_timeline\\_insert' ESCAPE '\\' OR "
                "name LIKE '%\\_timeline\\_update' ESCAPE '\\' OR "
                "name LIKE '%\\_timeline\\_delete' ESCAPE '\\')"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {COUNTER_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("events", "0007_actors_identity")]

    # Backwards there is nothing to put back: no code reads the counter any more.
    operations = [migrations.RunPython(drop_counter, migrations.RunPython.noop)]
