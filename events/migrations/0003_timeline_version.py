"""A change counter for the timeline, raised by the database: cached timeline pages are keyed
on it (events/selectors.py, ``cached_timeline_page``).

Triggers, not Django signals: queryset.update(), bulk_create(), raw SQL and COPY change rows
without signals, and a cached page must never outlive a change. On PostgreSQL the triggers are
deferred to the commit and raise the counter once per transaction (a transaction-local flag):
the counter's row lock is then held only while committing, so concurrent imports never wait
for each other on it, let alone deadlock, and the new value becomes visible together with the
rows that changed. TRUNCATE has its own statement trigger. SQLite has neither deferred nor
statement triggers, but it runs one writer at a time, so a row trigger costs little there.
"""

from django.db import migrations, models

TABLES = (
    "events_document",
    "events_document_actors",
    "events_actor",
    "events_actoralias",
    "events_event",
    "events_event_actors",
    "events_sourceexcerpt",
)

BUMP = (
    "INSERT INTO events_timeline_version (id, version) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET version = events_timeline_version.version + 1"
)

POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION events_timeline_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('events.timeline_changed', true) IS DISTINCT FROM 'yes' THEN
        {BUMP};
        PERFORM set_config('events.timeline_changed', 'yes', true);
    END IF;
    RETURN NULL;
END
$$
"""


def create(apps, schema_editor) -> None:
    execute = schema_editor.execute
    execute(
        "CREATE TABLE events_timeline_version "
        "(id integer NOT NULL PRIMARY KEY, version bigint NOT NULL)"
    )
    execute("INSERT INTO events_timeline_version (id, version) VALUES (1, 1)")
    if schema_editor.connection.vendor == "postgresql":
        execute(POSTGRESQL_FUNCTION)
        for table in TABLES:
            execute(
                f"CREATE CONSTRAINT TRIGGER {table}_timeline_changed "
                f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                "EXECUTE FUNCTION events_timeline_changed()"
            )
            execute(
                f"CREATE TRIGGER {table}_timeline_truncated AFTER TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION events_timeline_changed()"
            )
    else:
        for table in TABLES:
            for operation in ("INSERT", "UPDATE", "DELETE"):
                execute(
                    f"CREATE TRIGGER {table}_timeline_{operation.lower()} "
                    f"AFTER {operation} ON {table} BEGIN {BUMP}; END"
                )


def drop(apps, schema_editor) -> None:
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            execute(f"DROP TRIGGER IF EXISTS {table}_timeline_changed ON {table}")
            execute(f"DROP TRIGGER IF EXISTS {table}_timeline_truncated ON {table}")
        execute("DROP FUNCTION IF EXISTS events_timeline_changed()")
    else:
        for table in TABLES:
            for operation in ("insert", "update", "delete"):
                execute(f"DROP TRIGGER IF EXISTS {table}_timeline_{operation}")
    execute("DROP TABLE IF EXISTS events_timeline_version")


class Migration(migrations.Migration):
    dependencies = [("events", "0002_name_keys_reviewed_actors_document_actors")]

    operations = [
        migrations.CreateModel(
            name="TimelineVersion",
            fields=[
                ("id", models.IntegerField(primary_key=True, serialize=False)),
                ("version", models.BigIntegerField()),
            ],
            options={"db_table": "events_timeline_version", "managed": False},
        ),
        migrations.RunPython(create, drop),
    ]
