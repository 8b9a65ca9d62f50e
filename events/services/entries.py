"""Writes on timeline entries: the same happening reported by several documents.

The services of merging across sources; the importer (``imports.py``) and re-analysis call
``entries_group`` after every write of new events. Which events are one
happening is decided by the pure ``events.analysis.merging``; here the stored events are read
near the new ones' dates, handed to it, and its answer written back (``Event.merged_into`` and
``Event.date_conflict``). Editors merge, split and confirm entries in the admin through
``entries_merge``, ``entries_split`` and ``entries_confirm``: what they did is marked
``grouping_confirmed`` and the machine never changes it again.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any

from django.db import connection, transaction
from django.db.models import Field, Q, QuerySet
from django.db.models.functions import Coalesce

from events.analysis import merging
from events.analysis.types import Resolution
from events.analysis.words import content_words
from events.models import Event, SourceExcerpt

_ROW = (
    "id",
    "document_id",
    "document__published_on",
    "position",
    "earliest",
    "latest",
    "precision",
    "summary",
    "expression",
    "merged_into_id",
    "grouping_confirmed",
    "date_conflict",
    "resolution",
)


# The words of a report: its summary and the start of its first excerpt (the sentence it was
# found in: a short summary may leave out the object that two outlets' wordings share).
EXCERPT_WORDS = 40


# About 1.5 KB an entry (the texts and the word set): 20,000 reports, some 30 MB, hold the
# neighbourhood of a batch in a story of thousands of articles.
@lru_cache(maxsize=20_000)
def report_words(summary: str, excerpt: str, expression: str) -> frozenset[str]:
    """The content words of a report: its summary's and the first ``EXCERPT_WORDS`` of its
    excerpt's, without the date expression's. Memoised (a pure function of its arguments):
    each batch of an import re-reads the stored events near its dates, mostly the same ones
    as the batch before, and tokenising them again was a third of the cost of merging."""
    return frozenset(
        content_words(summary, ignore=[expression])
        + content_words(excerpt, ignore=[expression])[:EXCERPT_WORDS]
    )


# One empty set for the reports without actors (some 40% of a story's): each is an object that
# the garbage collector walks through for as long as a ``GroupingMemory`` holds it.
_NO_ACTORS: frozenset[int] = frozenset()


def _reports(events: QuerySet[Event]) -> tuple[list[merging.Report], dict[int, tuple]]:
    """The events as the merging analysis reads them (three queries: rows, actor links, first
    excerpts), and each one's stored grouping state (merged_into, date_conflict) by id."""
    rows = list(events.order_by().values_list(*_ROW))
    actors: dict[int, set[int]] = {row[0]: set() for row in rows}
    ids = events.order_by().values("pk")
    links = Event.actors.through.objects.filter(event_id__in=ids)
    for event_id, actor_id in links.values_list("event_id", "actor_id"):
        if event_id in actors:
            actors[event_id].add(actor_id)
    excerpts: dict[int, str] = {}
    found = SourceExcerpt.objects.filter(event_id__in=ids).order_by("event_id", "start", "id")
    for event_id, text in found.values_list("event_id", "text"):
        excerpts.setdefault(event_id, text)
    reports = []
    state = {}
    for (
        pk,
        document,
        published_on,
        position,
        earliest,
        latest,
        precision,
        summary,
        expression,
        merged_into,
        confirmed,
        conflict,
        resolution,
    ) in rows:
        reports.append(
            merging.Report(
                key=pk,
                document=document,
                published_on=published_on or earliest,
                position=position,
                earliest=earliest,
                latest=latest,
                precision=precision,
                words=report_words(summary, excerpts.get(pk, ""), expression),
                actors=frozenset(actors[pk]) or _NO_ACTORS,
                group=merged_into,
                confirmed=confirmed,
                dated_by_text=resolution != Resolution.DOCUMENT,
            )
        )
        state[pk] = (merged_into, conflict)
    return reports, state


def report_of(
    *, event: Event, published_on: date, excerpt: str, actors: Iterable[int]
) -> merging.Report:
    """The report of an event just written, standalone, as ``_reports`` would read it back:
    its ``document`` published on ``published_on``, ``excerpt`` the text of its first
    excerpt (by start), ``actors`` the ids of its actors. For an importer that has the rows
    it wrote, so that the grouping need not read them back (``entries_group``'s
    ``written``)."""
    return merging.Report(
        key=event.pk,
        document=event.document_id,
        published_on=published_on,
        position=event.position,
        earliest=event.earliest,
        latest=event.latest,
        precision=event.precision,
        words=report_words(event.summary, excerpt, event.expression),
        actors=frozenset(actors) or _NO_ACTORS,
        dated_by_text=event.resolution != Resolution.DOCUMENT,
    )


# The most reports a ``GroupingMemory`` holds (with their words and their place in the index):
# past it, it starts again empty, so that an import of any size stays in bounded memory. A
# story of 1,500 articles has some 19,000 events.
MEMORY_MAX_REPORTS = 50_000

# Past this many events not remembered yet, the neighbourhood is read whole (its query as a
# subquery) rather than by their ids: a bounded list of parameters whatever the story's size.
_MISSING_BY_ID = 5_000


@dataclass
class GroupingMemory:
    """What the grouping of one import's batches remembers from batch to batch: the stored
    events it read (as ``merging.Report``s) and the index that files them.

    Each batch of a story's import reads the stored events near its dates, mostly those the
    batch before read: reading their rows, excerpts and actors again, and filing them in the
    index again, was most of what grouping cost an import. With a memory, a batch reads the
    neighbourhood's grouping state (``merged_into``, ``grouping_confirmed``, ``date_conflict``,
    which the batches and the editors change) and only the rows of the events it does not
    remember. What it remembers (dates, words, actors) is what an import does not change; an
    editor's change to them while the import runs is seen by the next import or re-analysis.

    Only what committed is remembered: a batch whose transaction rolled back (ids may then be
    given again to other events) leaves the memory to be emptied by the next batch."""

    reports: dict[int, merging.Report] = field(default_factory=dict)
    index: merging.Index = field(default_factory=merging.Index)
    committed: bool = True

    def begin(self) -> None:
        """Start a batch in the caller's transaction: what it adds counts once it commits."""
        if not self.committed or len(self.reports) > MEMORY_MAX_REPORTS:
            self.reports, self.index = {}, merging.Index()
        self.committed = False
        transaction.on_commit(self._commit)

    def _commit(self) -> None:
        self.committed = True


def _entries_state(near: QuerySet[Event]) -> list[tuple[int, int | None, Any, Any]]:
    """The grouping state (id, merged_into, grouping_confirmed, date_conflict) of every event of
    the entries of the ``near`` events: the ``near`` events themselves, the representatives
    they point to, and the events that point to one of them or to those representatives.

    One statement written by hand, which reads the ``near`` events' rows once and takes their
    state from them; only the few events of their entries that are not near themselves (an
    entry's members are mostly a few days apart: 28 of 30,230 in the neighbourhood of the
    last batch of a story of 1,460 articles) are read again, by id; the events pointing to
    an entry are found in the index of ``merged_into`` alone. Reading every event of the
    entries by id or by ``merged_into`` (``WHERE id IN (entries) OR merged_into IN
    (entries)``) read each near row twice: 0.070 s against 0.053 s for SQLite on that
    neighbourhood. A WITH query used more than once is computed once by SQLite (3.35) and
    PostgreSQL (12)."""
    sql, params = near.values_list(
        "id", "merged_into_id", "grouping_confirmed", "date_conflict"
    ).query.sql_with_params()
    table = connection.ops.quote_name(Event._meta.db_table)
    key, group = _column("id"), _column("merged_into")
    columns = ", ".join(map(_column, ("id", "merged_into", "grouping_confirmed", "date_conflict")))
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH near (id, merged_into, confirmed, conflict) AS ({sql}), "
            # The events of the near ones' entries that are not near: those pointing to an
            # entry, and the representatives that near events point to.
            f"far (id) AS (SELECT {key} FROM {table} WHERE {group} IN "
            f"(SELECT coalesce(near.merged_into, near.id) FROM near) "
            f"UNION SELECT near.merged_into FROM near WHERE near.merged_into IS NOT NULL "
            f"EXCEPT SELECT near.id FROM near) "
            f"SELECT near.id, near.merged_into, near.confirmed, near.conflict FROM near "
            f"UNION ALL SELECT {columns} FROM {table} WHERE {key} IN (SELECT far.id FROM far)",
            params,
        )
        # As the driver gives them: SQLite's booleans are 0 and 1, which compare equal to
        # False and True; a report that keeps one converts it (converting every row, 17,000
        # a batch, was work for nothing).
        return cursor.fetchall()


def _remembered_reports(
    near: QuerySet[Event], entries: QuerySet[Any, Any], memory: GroupingMemory
) -> tuple[list[merging.Report], dict[int, tuple]]:
    """``_reports`` of every event of ``entries`` (the entries of the ``near`` events, as
    ``_entries_state`` reads them), the rows of events ``memory`` holds taken from it: one
    query for the grouping state of all, three for the rows of the others."""
    rows = _entries_state(near)
    known = memory.reports
    missing = [row[0] for row in rows if row[0] not in known]
    if missing:
        unknown = (
            Event.objects.filter(Q(pk__in=entries) | Q(merged_into__in=entries))
            if len(missing) > _MISSING_BY_ID
            else Event.objects.filter(pk__in=missing)
        )
        found, _ = _reports(unknown)
        known.update((report.key, report) for report in found)
    reports = []
    state = {}
    for pk, merged_into, confirmed, conflict in rows:
        report = known[pk]
        if report.group != merged_into or report.confirmed != confirmed:
            report = known[pk] = replace(report, group=merged_into, confirmed=bool(confirmed))
        reports.append(report)
        state[pk] = (merged_into, conflict)
    return reports, state


def _near(events: Iterable[tuple[date, date, str]]) -> Q:
    """Events whose dates could be those of ``events`` (earliest, latest, precision) for the
    merging analysis: day-level dates within ``NEAR_DAYS``, coarser ones the same interval.

    As flat IN lists (the days a near day-level event may start on; the coarse intervals'
    first and last days), a little wider than exact, which the analysis then checks: one OR
    per window of dates made an expression too deep for SQLite on a story of many days."""
    # The windows as day ordinals, each once: a batch of an import has some 2,000 events on
    # a few hundred days, and a date object for each day of each one's window was some 0.2
    # CPU s of an import of a story of 1,460 articles.
    windows: set[tuple[int, int]] = set()
    coarse_first: set[date] = set()
    coarse_last: set[date] = set()
    # A day-level event overlapping [first - NEAR_DAYS, last + NEAR_DAYS] starts at most
    # FINE_MAX_DAYS - 1 days before that window.
    before = merging.NEAR_DAYS + merging.FINE_MAX_DAYS - 1
    after = merging.NEAR_DAYS
    for earliest, latest, precision in events:
        if (
            precision in merging.FINE_PRECISIONS
            and (latest - earliest).days < merging.FINE_MAX_DAYS
        ):
            windows.add((earliest.toordinal() - before, latest.toordinal() + after + 1))
        elif precision != "undated":
            coarse_first.add(earliest)
            coarse_last.add(latest)
    days: set[int] = set().union(*(range(*window) for window in windows))
    condition = Q(pk__in=[])
    if days:
        condition |= Q(
            earliest__in=list(map(date.fromordinal, sorted(days))),
            precision__in=merging.FINE_PRECISIONS,
        )
    if coarse_first:
        condition |= Q(earliest__in=sorted(coarse_first), latest__in=sorted(coarse_last))
    return condition


def _column(name: str) -> str:
    """The quoted column of an ``Event`` field, for a statement written by hand."""
    field = Event._meta.get_field(name)
    assert isinstance(field, Field) and field.column
    return connection.ops.quote_name(field.column)


def _write(entries: list[merging.Entry], state: dict[int, tuple], **extra: object) -> int:
    """Store the entries' grouping (each member pointing to the representative, which points
    nowhere and carries the date conflict), writing only what changed; return how many events
    changed.

    One statement for all (``executemany``: an UPDATE by primary key for each changed event,
    in one call to the driver), not an UPDATE a state (one an entry, some 150 a batch of an
    import, each a round of the ORM) nor a ``bulk_update``, whose CASE over every changed id
    cost more than the grouping itself."""
    rows: list[tuple] = []
    for entry in entries:
        for key in entry.members:
            wanted = (
                (None, entry.date_conflict)
                if key == entry.representative
                else (entry.representative, False)
            )
            if state.get(key) != wanted or extra:
                rows.append((*wanted, *extra.values(), key))
    if rows:
        fields = ("merged_into", "date_conflict", *extra)
        sql = "UPDATE {} SET {} WHERE {} = %s".format(
            connection.ops.quote_name(Event._meta.db_table),
            ", ".join(f"{_column(name)} = %s" for name in fields),
            _column("id"),
        )
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
    return len(rows)


def entries_group(
    *,
    event_ids: Collection[int],
    memory: GroupingMemory | None = None,
    written: Collection[merging.Report] | None = None,
) -> int:
    """Merge newly stored events into the entries of other documents that report the same
    happening (or with each other); return how many events changed. The caller holds the
    transaction (the importer's batch, a re-analysis).

    Four queries to read (the new events' dates; the events near them with their whole
    entries; their actors; their first excerpts) and one (``executemany``) to write. With
    a ``memory`` of the batches before, one query reads the grouping state of the events near
    the new ones and three the rows of those it does not hold; an importer that gives the new
    events' reports as it wrote them (``written``, one for each of ``event_ids`` but the
    undated, which are never grouped: see ``report_of``) saves reading their dates and rows
    back."""
    if not event_ids:
        return 0
    if memory is not None and written is not None:
        dates = [(report.earliest, report.latest, report.precision) for report in written]
    else:
        new = Event.objects.filter(pk__in=list(event_ids), merged_into__isnull=True)
        dates = list(new.order_by().values_list("earliest", "latest", "precision"))
    near = Event.objects.filter(_near(dates)).exclude(precision="undated").order_by()
    entries = near.annotate(entry=Coalesce("merged_into_id", "id")).values("entry")
    if memory is None:
        reports, state = _reports(
            Event.objects.filter(Q(pk__in=entries) | Q(merged_into__in=entries))
        )
        grouped = merging.group(reports, set(event_ids))
    else:
        memory.begin()
        memory.reports.update((report.key, report) for report in written or ())
        reports, state = _remembered_reports(near, entries, memory)
        grouped = merging.group(reports, set(event_ids), memory.index)
    return _write([entry for entry in grouped if len(entry.members) > 1], state)


def _members(events: Iterable[Event]) -> QuerySet[Event]:
    """Every event of the entries that ``events`` belong to."""
    entries = {event.merged_into_id or event.pk for event in events}
    return Event.objects.filter(Q(pk__in=entries) | Q(merged_into__in=entries))


@transaction.atomic
def entries_merge(*, events: Iterable[Event]) -> int:
    """An editor's merge: the events, with the entries they belong to, become one entry whose
    date the sources agree on most; the grouping is confirmed. Returns the representative's
    id."""
    reports, state = _reports(_members(events))
    if not reports:
        raise ValueError("no events to merge")
    chosen, conflict = merging.choose_representative(reports)
    entry = merging.Entry(chosen.key, tuple(sorted(r.key for r in reports)), conflict)
    _write([entry], state, grouping_confirmed=True)
    return chosen.key


@transaction.atomic
def entries_split(*, events: Iterable[Event]) -> int:
    """An editor's split: each of the events leaves its entry and stands alone; what remains of
    each entry stays together, with its representative chosen again. Every grouping touched is
    confirmed. Returns how many events were taken out."""
    events = list(events)
    taken = {event.pk for event in events}
    reports, state = _reports(_members(events))
    remaining: dict[int, list[merging.Report]] = {}
    entries = []
    for report in reports:
        if report.key in taken:
            entries.append(merging.Entry(report.key, (report.key,), False))
        else:
            remaining.setdefault(report.group or report.key, []).append(report)
    for group in remaining.values():
        chosen, conflict = merging.choose_representative(group)
        entries.append(merging.Entry(chosen.key, tuple(sorted(r.key for r in group)), conflict))
    _write(entries, state, grouping_confirmed=True)
    return len(taken)


def entries_confirm(*, events: Iterable[Event]) -> int:
    """An editor checked these entries' grouping: the machine never changes it again."""
    return _members(events).filter(grouping_confirmed=False).update(grouping_confirmed=True)


def entries_detach(*, event_ids: Collection[int]) -> None:
    """Before events are deleted: every entry one of them represents gets a new representative
    among its other events (which would otherwise fall apart, ``on_delete=SET_NULL``). The
    caller holds the transaction."""
    leaving = set(event_ids)
    orphans = Event.objects.filter(merged_into__in=list(leaving)).exclude(pk__in=list(leaving))
    reports, state = _reports(orphans)
    groups: dict[int, list[merging.Report]] = {}
    for report in reports:
        groups.setdefault(report.group or report.key, []).append(report)
    entries = []
    for group in groups.values():
        chosen, conflict = merging.choose_representative(group)
        entries.append(merging.Entry(chosen.key, tuple(sorted(r.key for r in group)), conflict))
    _write(entries, state)
