"""The timeline's change counter: one row the database itself raises, by triggers on every table
of this app (but the import jobs'), in each transaction that writes one of them. Cached timeline
pages are keyed on it (``events.selectors.cached_timeline_page``), so a page cached before a
change is never served after it, by any worker.

Triggers, not Django signals: ``queryset.update()``, ``bulk_create()``, raw SQL and COPY change
rows without signals. On PostgreSQL the triggers are deferred to the commit and raise the counter
once per transaction (a transaction-local flag holding the transaction id): the counter's row is
locked only while a transaction commits, never while it works, so writers cannot deadlock on it
(they do commit one after another), and the new value becomes visible together with the rows
that changed. TRUNCATE has statement triggers. SQLite has neither deferred nor statement
triggers, but it runs one writer at a time, so a row trigger costs little there.

The counter never takes a value twice: each raise sets it to the larger of its value plus one and
the current time in microseconds. A counter wound back (a fixture, a restored backup, the table
dropped by ``migrate events 0002`` and made again) would otherwise meet pages cached under the
values it is about to take again. For the same reason the table is no Django model: ``dumpdata``
would save the counter and ``loaddata`` put it back.

``install`` creates what is missing. Migration 0003 runs it, and so does every ``migrate`` (the
app's post_migrate signal): SQLite drops a table's triggers when a migration rebuilds the table,
and a model added later gets its triggers the same way.
"""

from django.apps import apps
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder

COUNTER_TABLE = "events_timeline_version"
MIGRATION = ("events", "0003_timeline_version")
TRIGGER_FLAG = "events.timeline_changed"

_MICROSECONDS_NOW = {
    "postgresql": "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint",
    "sqlite": "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)",
}
_LARGER = {"postgresql": "GREATEST", "sqlite": "max"}


def _raise_sql(vendor: str) -> str:
    return (
        f"INSERT INTO {COUNTER_TABLE} (id, version) VALUES (1, {_MICROSECONDS_NOW[vendor]}) "
        f"ON CONFLICT (id) DO UPDATE SET version = "
        f"{_LARGER[vendor]}({COUNTER_TABLE}.version + 1, excluded.version)"
    )


# Models of this app that no timeline page shows: the queued imports' bookkeeping, written
# apart from the documents (a job created, closed) and polled while workers run.
NOT_SHOWN = ("ImportJob", "ImportBatch", "ImportFailure")


def timeline_tables() -> list[str]:
    """The tables whose rows the timeline shows or filters on: every table of this app but
    the import jobs' (``NOT_SHOWN``), whose changes must not throw the cached pages away."""
    models = apps.get_app_config("events").get_models(include_auto_created=True)
    return sorted(
        model._meta.db_table for model in models if model._meta.object_name not in NOT_SHOWN
    )


def install(connection: BaseDatabaseWrapper, tables: list[str] | None = None) -> None:
    """Create the counter and the triggers on ``tables`` (default: ``timeline_tables()``), those
    that are missing."""
    vendor = connection.vendor
    if vendor not in _LARGER:
        raise NotImplementedError(f"no timeline change counter for {vendor}")
    tables = timeline_tables() if tables is None else tables
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {COUNTER_TABLE} "
            "(id integer NOT NULL PRIMARY KEY, version bigint NOT NULL)"
        )
        cursor.execute(_raise_sql(vendor))
        if vendor == "sqlite":
            for table in tables:
                for operation in ("INSERT", "UPDATE", "DELETE"):
                    cursor.execute(
                        f"CREATE TRIGGER IF NOT EXISTS {table}_timeline_{operation.lower()} "
                        f"AFTER {operation} ON {table} BEGIN {_raise_sql(vendor)}; END"
                    )
            return
        cursor.execute(
            f"""
            CREATE OR REPLACE FUNCTION events_timeline_changed() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF current_setting('{TRIGGER_FLAG}', true) IS DISTINCT FROM txid_current()::text
                THEN
                    {_raise_sql(vendor)};
                    PERFORM set_config('{TRIGGER_FLAG}', txid_current()::text, true);
                END IF;
                RETURN NULL;
            END
            $$
            """
        )
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", ["%\\_timeline\\_%"])
        present = {name for (name,) in cursor.fetchall()}
        for table in tables:
            if f"{table}_timeline_changed" not in present:
                cursor.execute(
                    f"CREATE CONSTRAINT TRIGGER {table}_timeline_changed "
                    f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
                    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                    "EXECUTE FUNCTION events_timeline_changed()"
                )
            if f"{table}_timeline_truncated" not in present:
                cursor.execute(
                    f"CREATE TRIGGER {table}_timeline_truncated AFTER TRUNCATE ON {table} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION events_timeline_changed()"
                )


def uninstall(connection: BaseDatabaseWrapper, tables: list[str]) -> None:
    """Drop the triggers on ``tables`` and the counter (migration 0003, backwards)."""
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_timeline_changed ON {table}")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_timeline_truncated ON {table}")
            else:
                for operation in ("insert", "update", "delete"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {table}_timeline_{operation}")
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS events_timeline_changed()")
        cursor.execute(f"DROP TABLE IF EXISTS {COUNTER_TABLE}")


def install_after_migrate(using: str, **kwargs: object) -> None:
    """post_migrate: put back what a migration removed, once migration 0003 is applied (not
    after ``migrate events 0002``, which removed the counter on purpose)."""
    from django.db import connections

    connection = connections[using]
    if MIGRATION in MigrationRecorder(connection).applied_migrations():
        install(connection)


def version(connection: BaseDatabaseWrapper) -> int:
    """The counter's value (0 before anything was written)."""
    # Raw SQL: it runs on every cached page, where the ORM's query building would be a good
    # part of the request's time.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {COUNTER_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0
