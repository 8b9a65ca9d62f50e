"""Trigram indexes for the text search ``?q=`` (events/filters.py, ``matching_events``), on
PostgreSQL only.

Why trigrams and not full-text search: ``q`` is a case-insensitive substring search (Django's
``icontains``): "arrest" finds "arrests" and "arrested", "executive order" finds the phrase,
"Sat" finds "Saturday", and SQLite, the zero-setup default, answers the same. A pg_trgm GIN
index serves exactly that LIKE, so both databases keep one meaning and return the same events.
A tsvector index would answer a different question (stemmed whole words, no substrings, stop
words dropped, a language to choose per document) and SQLite would have to imitate it.

The indexes are on ``UPPER(column)`` because that is the expression Django's ``icontains``
compares on PostgreSQL (``UPPER("summary"::text) LIKE UPPER('%arrest%')``): an index on the bare
column would not be used. Not in the models' ``Meta.indexes``: SQLite has no GIN and no
pg_trgm, and the models describe what every database has.

CREATE EXTENSION needs a role allowed to create it (pg_trgm is a trusted extension: the
database's owner can since PostgreSQL 13). It is created here rather than by
django.contrib.postgres's ``TrigramExtension``, whose reverse queries pg_extension on SQLite
too (and fails there), and drops the extension, which other indexes may be using.
"""

from django.db import migrations

# (index, table, column): one index per searched column.
INDEXES = (
    ("event_summary_trgm", "events_event", "summary"),
    ("event_expression_trgm", "events_event", "expression"),
    ("excerpt_text_trgm", "events_sourceexcerpt", "text"),
)


def create_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite: the search scans, as before (small databases)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_drop_timeline_change_counter"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
