"""Two query shapes for a filter on a large timeline, one meaning: *collect* the matching events
and then take a page of them in timeline order, or *walk* the timeline in order and check each
event (or entry) until the page is full.

No one plan is fast for both a rare and a common match. Collecting costs in proportion to the
number of matches: a few milliseconds for a rare word or a minor actor, hundreds for an actor
named in one event in fifty at a million events (every one of its events is read, to find its
entry, before the page's first row). Walking costs in proportion to the distance between
matches: nothing for a common match, the whole timeline for a rare one.

The walk is chosen, on PostgreSQL, for a match that is common in a sample of the table and in
every part of it, and frequent enough in the whole table that collecting would cost more
(``is_common``). SQLite, the zero-setup default for small databases, always collects: a scan
there is as fast as it gets, and the sample would cost one query more. Every list may walk: the
pages are keyset pages, and the web page counts its matches only up to a limit (1,000), which a
walk reaches soon for a common match.
"""

from dataclasses import dataclass
from typing import Any

from django.db import connection

# About this many rows are sampled to tell a common match from a rare one: whole pages of the
# table picked at random (TABLESAMPLE SYSTEM, with a fixed seed, so a filter answers the same way
# until the table changes), about 70 pages at a million rows: 4 ms there for the actors' sample,
# where a thousand single rows fetched by id took twelve. At 1,000 a fifth of the sample held two
# matches of a 1% match on average, and an actor on 2% of the events was taken for rare by
# chance.
SAMPLE_SIZE = 3000
# The walk is chosen when at least this share of the sample matches. Measured at a million
# events without JIT (docs/benchmarks.md, "Text search" and "Timeline API"): a word in 1% of the
# events took 168 ms collected and 62 ms walked, an actor on 2% 250 ms collected and 21 ms
# walked, an actor on 0.5% 53-68 ms collected.
COMMON_SHARE = 0.01
# ... and when each fifth of the sample (by id: about the order of import) matches at least
# once: a match common only in recent documents is collected, since walking the timeline from
# its start would read every older event before the first match.
SAMPLE_PARTS = 5


# ... and when the table holds at least this many matches by the sample's count: collecting
# fewer costs less than a walk whatever their share (at 10,000 events an actor on 2% of them
# took 12 ms collected and 31 ms walked; at a million, 20,000 matches took 250 ms collected).
MIN_MATCHES = 2000


@dataclass(frozen=True, slots=True)
class Sample:
    """Whether each sampled row matches (in id order), and the table's estimated row count."""

    holding: list[bool]
    rows: float


def sample(table: str, predicate: str, params: list[Any]) -> Sample:
    """``predicate`` (SQL on the sampled row, aliased ``t``) for about ``SAMPLE_SIZE`` rows of
    ``table``, in id order, with the table's row count as PostgreSQL estimates it."""
    estimate = f"(SELECT reltuples FROM pg_class WHERE oid = '{table}'::regclass)"
    sql = f"""
        SELECT {predicate}, {estimate}
        FROM {table} AS t TABLESAMPLE SYSTEM ((
            SELECT LEAST(100, 100.0 * %s / GREATEST({estimate}, 1))
        )) REPEATABLE (0)
        ORDER BY t.id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, SAMPLE_SIZE])
        rows = cursor.fetchall()
    holding = [bool(row[0]) for row in rows]
    # reltuples is -1 until the table is first analyzed: the sample is then the whole table.
    return Sample(holding, max(float(rows[0][1]) if rows else 0.0, len(holding)))


def is_common(found: Sample) -> bool:
    """Whether a sample matches in at least ``COMMON_SHARE`` of its rows and in each of its
    ``SAMPLE_PARTS`` parts, and the table in at least ``MIN_MATCHES`` rows by that share."""
    holding = found.holding
    matched = sum(holding)
    if len(holding) < SAMPLE_PARTS or matched < COMMON_SHARE * len(holding):
        return False
    if matched / len(holding) * found.rows < MIN_MATCHES:
        return False
    step = len(holding) / SAMPLE_PARTS
    parts = (holding[round(i * step) : round((i + 1) * step)] for i in range(SAMPLE_PARTS))
    return all(any(part) for part in parts)


def can_walk() -> bool:
    """Whether the database may walk at all (PostgreSQL; see the module's docstring)."""
    return connection.vendor == "postgresql"
