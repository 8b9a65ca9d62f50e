"""Reads: the timeline and its related lists, with the joins and prefetches each shape needs.

Every list reads a constant number of queries whatever its length: one for the page of rows and
one per prefetched relation.
"""

import json
from collections.abc import Hashable
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet, Value, prefetch_related_objects
from django.db.models.expressions import RawSQL

from events.analysis.summarize import Candidate, DatedSpan, KeyDate, document_candidates, summarize
from events.analysis.types import Precision, Resolution
from events.filters import MAX_ID, collection_lookup
from events.models import Actor, Collection, Document, Event, ImportJob, SourceExcerpt

# The orders of a timeline item's lists (TimelineEventSerializer and timeline_items alike).
ACTOR_ORDER = ("name", "id")
EXCERPT_ORDER = ("document_id", "start", "end", "id")


def timeline_events() -> QuerySet[Event]:
    """All events in timeline order (earliest, latest, document, position), with their actors
    and excerpts (and each excerpt's document title and URL) prefetched."""
    return Event.objects.in_timeline_order().prefetch_related(
        Prefetch(
            "actors", queryset=Actor.objects.only("id", "name", "kind").order_by(*ACTOR_ORDER)
        ),
        Prefetch(
            "excerpts",
            queryset=SourceExcerpt.objects.select_related("document")
            .defer("document__body")
            .order_by(*EXCERPT_ORDER),
        ),
    )


def timeline_rows() -> QuerySet[Event]:
    """All events in timeline order, without their relations: ``timeline_items`` reads those
    for one page. ``TimelineFilter`` keeps the events that represent an entry (the default)."""
    return Event.objects.in_timeline_order()


# The columns of an event that its timeline item shows (not its timestamps or merging flags).
ITEM_FIELDS = (
    "id",
    "summary",
    "earliest",
    "latest",
    "precision",
    "expression",
    "resolution",
    "rule",
    "status",
    "modality",
    "after_publication",
    "source_removed",
    "document",
    "position",
)


# The keys of an item's lists, in the order of the columns ``with_items`` reads for them.
SOURCE_KEYS = (
    "event",
    "document",
    "document_title",
    "document_url",
    "published_on",
    "earliest",
    "latest",
    "precision",
    "expression",
    "resolution",
)
ACTOR_KEYS = ("id", "name", "kind")
EXCERPT_KEYS = (
    "id",
    "document",
    "document_title",
    "document_url",
    "start",
    "end",
    "text",
    "expression_start",
    "expression_end",
)


def _json_rows(columns: str, rows: str, order: str) -> str:
    """SQL for a JSON array (as text) of ``[columns]`` arrays, one per row of ``rows``, in
    ``order``: PostgreSQL's ``json_agg``, or SQLite's ``json_group_array`` over a sorted
    subquery (SQLite before 3.44 has no ORDER BY inside an aggregate)."""
    if connection.vendor == "postgresql":
        return (
            f"(SELECT coalesce(json_agg(json_build_array({columns}) ORDER BY {order}), '[]')::text"
            f" FROM {rows})"
        )
    return (
        f"(SELECT json_group_array(json(item)) FROM "
        f"(SELECT json_array({columns}) AS item FROM {rows} ORDER BY {order}))"
    )


def with_items(queryset: QuerySet[Event], *, merged: bool = True) -> QuerySet[Event]:
    """``queryset`` reading, in its own query, all that ``timeline_items`` needs: the columns an
    item shows and, as JSON, its sources (the event and, when ``merged``, the events merged
    into it), the actors of those sources and their excerpts (correlated subqueries on the
    event's row, so a page of 50 reads 50 x 3 small index scans, not three more queries)."""
    event = f"{connection.ops.quote_name(Event._meta.db_table)}.{connection.ops.quote_name('id')}"
    group = f"(g.id = {event} OR g.merged_into_id = {event})" if merged else f"g.id = {event}"
    sources = _json_rows(
        "g.id, g.document_id, d.title, d.url, d.published_on, g.earliest, g.latest, "
        "g.precision, g.expression, g.resolution",
        f"events_event g LEFT JOIN events_document d ON d.id = g.document_id WHERE {group}",
        "d.published_on, g.document_id, g.position, g.id",
    )
    actors = _json_rows(
        "a.id, a.name, a.kind",
        "events_actor a WHERE a.id IN (SELECT ea.actor_id FROM events_event_actors ea "
        f"JOIN events_event g ON g.id = ea.event_id WHERE {group})",
        "a.name, a.id",
    )
    excerpts = _json_rows(
        'x.id, x.document_id, d.title, d.url, x.start, x."end", x.text, x.expression_start, '
        "x.expression_end",
        "events_sourceexcerpt x JOIN events_document d ON d.id = x.document_id "
        f"JOIN events_event g ON g.id = x.event_id WHERE {group}",
        'x.document_id, x.start, x."end", x.id',
    )
    return queryset.only(*ITEM_FIELDS).annotate(
        item_sources=RawSQL(sources, ()),
        item_actors=RawSQL(actors, ()),
        item_excerpts=RawSQL(excerpts, ()),
        item_merged=Value(merged),
    )


def timeline_items(events: list[Event], *, merged: bool = True) -> list[dict]:
    """The timeline items of a page of events: the one definition of an item's shape, which
    ``TimelineEventSerializer`` documents for the schema and every list of events (API pages,
    exports, the web page's JSON twin) uses.

    No query for events read through ``with_items(..., merged=merged)`` (the timeline's API
    pages), one otherwise; no model instances for the relations and no nested serializers (the
    timeline pages are read far more often than anything else). An entry lists every source's
    excerpt and actors; ``sources`` gives each source's own date, so a reader sees where they
    disagree (``date_conflict`` and ``date_alternatives``)."""
    if events and getattr(events[0], "item_merged", None) is not merged:
        ids = [event.pk for event in events]
        read = with_items(Event.objects.filter(pk__in=ids), merged=merged)
        by_id = {event.pk: event for event in read}
        # (An event deleted since the list was read is left out.)
        events = [by_id[pk] for pk in ids if pk in by_id]
    items = []
    for event in events:
        sources = [dict(zip(SOURCE_KEYS, row, strict=True)) for row in _rows(event, "item_sources")]
        items.append(
            {
                "id": event.pk,
                "summary": event.summary,
                "earliest": event.earliest.isoformat(),
                "latest": event.latest.isoformat(),
                "precision": event.precision,
                "expression": event.expression,
                "resolution": event.resolution,
                "rule": event.rule,
                "status": event.status,
                "modality": event.modality,
                "after_publication": event.after_publication,
                "source_removed": event.source_removed,
                "document": event.document_id,
                "position": event.position,
                "actors": [
                    dict(zip(ACTOR_KEYS, row, strict=True)) for row in _rows(event, "item_actors")
                ],
                "excerpts": [
                    dict(zip(EXCERPT_KEYS, row, strict=True))
                    for row in _rows(event, "item_excerpts")
                ],
                **_entry_fields(event, sources),
            }
        )
    return items


def _rows(event: Event, column: str) -> list[list[Any]]:
    """The rows of one of the JSON columns ``with_items`` annotates (``item_sources``,
    ``item_actors``, ``item_excerpts``): annotations, which the model class does not declare."""
    rows: list[list[Any]] = json.loads(getattr(event, column))
    return rows


def attach_entries(events: list[Event], *, merged: bool = True) -> None:
    """Give each event of a web page (instances from ``timeline_events()``, with their document)
    ``event.entry``: what the reader sees of its entry, as model instances for the templates:
    ``excerpts`` and ``actors`` of every source, and the fields ``timeline_items`` adds
    (``sources``, ``source_count``, ``first_reported``, ``date_conflict``,
    ``date_alternatives``), computed by the same function. Three queries when ``merged`` (the
    merged events with their documents, their actors, their excerpts), none otherwise."""
    members: dict[int, list[Event]] = {event.pk: [] for event in events}
    if merged and events:
        others = list(
            Event.objects.filter(merged_into_id__in=members)
            .select_related("document")
            .defer("document__body")
            .order_by("document__published_on", "document_id", "position", "id")
        )
        # The page's own prefetches, read from its queryset (Django keeps them in this
        # attribute; there is no public accessor).
        lookups = timeline_events()._prefetch_related_lookups  # type: ignore[attr-defined]
        prefetch_related_objects(others, *lookups)
        for other in others:
            assert other.merged_into_id is not None  # filtered on it above
            members[other.merged_into_id].append(other)
    for event in events:
        sources = [event, *members[event.pk]]
        sources.sort(
            key=lambda e: (
                e.document.published_on if e.document else e.earliest,
                e.document_id or 0,
                e.position,
                e.pk,
            )
        )
        actors: dict[int, Actor] = {}
        for source in sources:
            for actor in source.actors.all():
                actors.setdefault(actor.pk, actor)
        # An attribute for the templates only, not a field: set as one.
        entry = {
            "excerpts": [excerpt for source in sources for excerpt in source.excerpts.all()],
            "actors": sorted(actors.values(), key=lambda a: (a.name, a.pk)),
            "events": sources,
            **_entry_fields(
                event,
                [
                    {
                        "event": source.pk,
                        "document": source.document_id,
                        "document_title": str(source.document) if source.document else None,
                        "document_url": source.document.url if source.document else None,
                        "published_on": source.document.published_on.isoformat()
                        if source.document
                        else None,
                        "earliest": source.earliest.isoformat(),
                        "latest": source.latest.isoformat(),
                        "precision": source.precision,
                        "expression": source.expression,
                        "resolution": source.resolution,
                    }
                    for source in sources
                ],
            ),
        }
        setattr(event, "entry", entry)  # noqa: B010


def _entry_fields(event: Event, sources: list[dict]) -> dict:
    """What an entry adds to its representative event: its sources (one per event, in order of
    publication), how many documents report it, which first, and whether they disagree on the
    date (a source whose interval does not contain the entry's). Only dates the texts give
    can disagree: a source dated by its reporting time (resolution "document") says when it
    was reported, not when the happening was (``merging.choose_representative``)."""
    earliest, latest = event.earliest.isoformat(), event.latest.isoformat()
    documents = {source["document"] for source in sources if source["document"] is not None}
    first = next((source for source in sources if source["document"] is not None), None)
    intervals: dict[tuple[str, str], dict] = {}
    for source in sources:
        if source["resolution"] == Resolution.DOCUMENT:
            continue
        interval = (source["earliest"], source["latest"])
        alternative = intervals.setdefault(
            interval,
            {
                "earliest": interval[0],
                "latest": interval[1],
                "precision": source["precision"],
                "sources": 0,
            },
        )
        alternative["sources"] += 1
    conflict = any(not (first <= earliest and latest <= last) for first, last in intervals)
    return {
        "sources": sources,
        "source_count": len(documents),
        "first_reported": None
        if first is None
        else {
            "document": first["document"],
            "document_title": first["document_title"],
            "published_on": first["published_on"],
        },
        "date_conflict": conflict,
        "date_alternatives": list(intervals.values()) if conflict else [],
    }


def actor_list() -> QuerySet[Actor]:
    """Actors by name, with their aliases."""
    return Actor.objects.prefetch_related("aliases").order_by("name", "id")


def document_list() -> QuerySet[Document]:
    """Documents, newest first, without their bodies (a list never shows them)."""
    return Document.objects.defer("body").order_by("-published_on", "id")


def collection_list() -> QuerySet[Collection]:
    """Collections by name, each with its number of documents (``document_count``, counted in
    the same query)."""
    return Collection.objects.annotate(document_count=Count("documents")).order_by("name", "id")


def collection_detail() -> QuerySet[Collection]:
    """Collections with their document counts and their documents' ids (one more query)."""
    return collection_list().prefetch_related(
        Prefetch("documents", queryset=Document.objects.only("id").order_by("id"))
    )


def collection_choices(chosen: str | None) -> list[Collection]:
    """The collections a filter form offers, by name: the first ``FILTER_CHOICES`` and the
    chosen one (by id or slug)."""
    first = Collection.objects.order_by("name", "id").values("pk")[:FILTER_CHOICES]
    condition = Q(pk__in=first)
    lookup = collection_lookup(chosen) if chosen else None
    if lookup is not None:
        condition |= lookup
    return list(
        Collection.objects.filter(condition).only("id", "name", "slug").order_by("name", "id")
    )


def document_detail() -> QuerySet[Document]:
    """Documents with the actors their text names (one query for those, by name)."""
    named = Actor.objects.only("id", "name", "kind").order_by("name", "id")
    return Document.objects.prefetch_related(Prefetch("actors", queryset=named))


def excerpt_list() -> QuerySet[SourceExcerpt]:
    """Excerpts with their document's title and URL (not its body)."""
    return SourceExcerpt.objects.select_related("document").defer("document__body")


# A filter form offers at most this many actors and documents: the page's size must not grow
# with the archive. Those beyond are reached through actor links, search and the API.
FILTER_CHOICES = 300


def stored_id(value: str) -> int | None:
    """``value`` as a row id, or None: ASCII digits only ("²" and "①" pass ``isdigit()`` and
    fail ``int()``) and within 64 bits (SQLite cannot compare a larger number)."""
    value = value.strip()
    if value.isascii() and value.isdecimal() and int(value) <= MAX_ID:
        return int(value)
    return None


def actor_choices(chosen: list[str]) -> list[Actor]:
    """The actors a filter form offers, by name: the first ``FILTER_CHOICES`` and the chosen."""
    ids = [pk for pk in map(stored_id, chosen) if pk is not None]
    first = Actor.objects.order_by("name", "id").values("pk")[:FILTER_CHOICES]
    return list(
        Actor.objects.filter(Q(pk__in=first) | Q(pk__in=ids))
        .only("id", "name")
        .order_by("name", "id")
    )


def document_choices(chosen: str | None) -> list[Document]:
    """The documents a filter form offers: the ``FILTER_CHOICES`` newest and the chosen one."""
    newest = document_list().values("pk")[:FILTER_CHOICES]
    pk = stored_id(chosen) if chosen else None
    extra = [pk] if pk is not None else []
    return list(document_list().filter(Q(pk__in=newest) | Q(pk__in=extra)))


def story_candidates(
    collection: Collection, *, start: date | None = None, end: date | None = None
) -> tuple[list[Candidate], dict[Hashable, str]]:
    """The candidate sentences of a story's key-date summary (``events.analysis.summarize``),
    and the titles of the documents they come from.

    Only documents published in [start, end] (inclusive, either open) are read. Each document's
    sentences carry the days its stored events date them to (their excerpts), so editors'
    corrections of an event's date count. Two queries: the documents (with their bodies, which
    the sentences are cut from) and their excerpts with their events' intervals.
    """
    documents = collection.documents.all()
    if start is not None:
        documents = documents.filter(published_on__gte=start)
    if end is not None:
        documents = documents.filter(published_on__lte=end)
    rows = list(
        documents.order_by("published_on", "id").values_list("id", "published_on", "body", "title")
    )
    spans: dict[int, list[DatedSpan]] = {}
    excerpts = (
        SourceExcerpt.objects.filter(document__in=documents, event__precision=Precision.DAY)
        .exclude(event__resolution=Resolution.DOCUMENT)
        .values_list(
            "document_id",
            "start",
            "end",
            "event__earliest",
            "event__latest",
            "event__precision",
            "event__resolution",
        )
    )
    for row in excerpts.iterator(chunk_size=5000):
        document_id, offset, until, earliest, latest, precision, resolution = row
        span = DatedSpan(offset, until, earliest, latest, precision, resolution)
        spans.setdefault(document_id, []).append(span)
    candidates: list[Candidate] = []
    for document_id, published_on, body, _title in rows:
        candidates.extend(
            document_candidates(document_id, published_on, body, spans.get(document_id, ()))
        )
    return candidates, {row[0]: row[3] for row in rows}


def story_summary(
    collection: Collection,
    *,
    dates: int,
    sentences: int,
    start: date | None = None,
    end: date | None = None,
) -> tuple[list[KeyDate], dict[Hashable, str]]:
    """The story's ``dates`` key dates with at most ``sentences`` sentences each, from the
    documents published in [start, end]; and the titles of the documents they quote."""
    candidates, titles = story_candidates(collection, start=start, end=end)
    key_dates = summarize(candidates, dates=dates, sentences=sentences, start=start, end=end)
    return key_dates, titles


def import_jobs() -> QuerySet[ImportJob]:
    """Queued imports, newest first; a job's failures are read by its serializer (one query,
    at most ImportJobSerializer.MAX_FAILURES_SHOWN rows)."""
    return ImportJob.objects.order_by("-id")
