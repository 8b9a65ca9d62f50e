"""Reads: the timeline and its related lists, with the joins and prefetches each shape needs.

Every list reads a constant number of queries whatever its length: one for the page of rows and
one per prefetched relation.
"""

import hashlib
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects

from events import change_counter
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


def timeline_items(events: list[Event], *, merged: bool = True) -> list[dict]:
    """The timeline items of a page of events: the one definition of an item's shape, which
    ``TimelineEventSerializer`` documents for the schema and every list of events (API pages,
    exports, the web page's JSON twin) uses.

    Three queries whatever the page's size, without model instances or nested serializers (the
    timeline pages are read far more often than anything else): the sources (the page's events
    and, when ``merged``, the events merged into them), their actors, their excerpts. An entry
    lists every source's excerpt and actors; ``sources`` gives each source's own date, so a
    reader sees where they disagree (``date_conflict`` and ``date_alternatives``)."""
    ids = [event.pk for event in events]
    condition = Q(pk__in=ids) | Q(merged_into_id__in=ids) if merged else Q(pk__in=ids)
    group_of: dict[int, int] = {}
    sources: dict[int, list[dict]] = {pk: [] for pk in ids}
    source_rows = (
        Event.objects.filter(condition)
        .order_by("document__published_on", "document_id", "position", "id")
        .values_list(
            "id",
            "merged_into_id",
            "document_id",
            "document__title",
            "document__url",
            "document__published_on",
            "earliest",
            "latest",
            "precision",
            "expression",
        )
    )
    for pk, into, document, title, url, published, earliest, latest, precision, expr in source_rows:
        entry = pk if pk in sources else into
        group_of[pk] = entry
        sources[entry].append(
            {
                "event": pk,
                "document": document,
                "document_title": title,
                "document_url": url,
                "published_on": published.isoformat() if published else None,
                "earliest": earliest.isoformat(),
                "latest": latest.isoformat(),
                "precision": precision,
                "expression": expr,
            }
        )
    actors: dict[int, dict[int, dict]] = {pk: {} for pk in ids}
    links = (
        Event.actors.through.objects.filter(event_id__in=group_of)
        .order_by(*(f"actor__{name}" for name in ACTOR_ORDER))
        .values_list("event_id", "actor_id", "actor__name", "actor__kind")
    )
    for event_id, actor_id, name, kind in links:
        actors[group_of[event_id]].setdefault(
            actor_id, {"id": actor_id, "name": name, "kind": kind}
        )
    excerpts: dict[int, list[dict]] = {pk: [] for pk in ids}
    rows = (
        SourceExcerpt.objects.filter(event_id__in=group_of)
        .order_by(*EXCERPT_ORDER)
        .values_list(
            "event_id",
            "id",
            "document_id",
            "document__title",
            "document__url",
            "start",
            "end",
            "text",
            "expression_start",
            "expression_end",
        )
    )
    for event_id, pk, document, title, url, start, end, text, expr_start, expr_end in rows:
        excerpts[group_of[event_id]].append(
            {
                "id": pk,
                "document": document,
                "document_title": title,
                "document_url": url,
                "start": start,
                "end": end,
                "text": text,
                "expression_start": expr_start,
                "expression_end": expr_end,
            }
        )
    return [
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
            "actors": list(actors[event.pk].values()),
            "excerpts": excerpts[event.pk],
            **_entry_fields(event, sources[event.pk]),
        }
        for event in events
    ]


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
        prefetch_related_objects(others, *timeline_events()._prefetch_related_lookups)
        for other in others:
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
        event.entry = {
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
                    }
                    for source in sources
                ],
            ),
        }


def _entry_fields(event: Event, sources: list[dict]) -> dict:
    """What an entry adds to its representative event: its sources (one per event, in order of
    publication), how many documents report it, which first, and whether they disagree on the
    date (a source whose interval does not contain the entry's)."""
    earliest, latest = event.earliest.isoformat(), event.latest.isoformat()
    documents = {source["document"] for source in sources if source["document"] is not None}
    first = next((source for source in sources if source["document"] is not None), None)
    intervals: dict[tuple[str, str], dict] = {}
    for source in sources:
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


def timeline_version() -> int:
    """The database's timeline change counter (``events.change_counter``): it moves with every
    committed transaction that changes an event, excerpt, actor, alias or document."""
    return change_counter.version(connection)


def cached_timeline_page(url: str, build: Callable[[], bytes]) -> bytes:
    """The timeline page at ``url`` (absolute: the page's links name the host), as ``build()``
    rendered it when the timeline was as it is now, or ``build()`` now, kept for next time.

    One query on a hit (the counter). The counter is read before the page, so a change
    committed in between leaves the page under the old counter, which no later request asks
    for. Inside a transaction nothing is cached: the page may hold rows not yet committed,
    which other requests must not see, and the counter moves only at the commit. A page larger
    than ``TIMELINE_PAGE_CACHE_MAX_PAGE_BYTES`` is not kept (excerpts are whole sentences of any
    length), so the cache holds at most entries x that size."""
    if not settings.TIMELINE_PAGE_CACHE_ENTRIES or transaction.get_connection().in_atomic_block:
        return build()
    version = timeline_version()
    key = hashlib.sha256(f"{version} {url}".encode()).hexdigest()
    pages = caches["timeline_pages"]
    page = pages.get(key)
    if page is None:
        page = build()
        if len(page) <= settings.TIMELINE_PAGE_CACHE_MAX_PAGE_BYTES:
            pages.set(key, page)
    return page


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
) -> tuple[list[Candidate], dict[int, str]]:
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
    for document_id, *span in excerpts.iterator(chunk_size=5000):
        spans.setdefault(document_id, []).append(DatedSpan(*span))
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
) -> tuple[list[KeyDate], dict[int, str]]:
    """The story's ``dates`` key dates with at most ``sentences`` sentences each, from the
    documents published in [start, end]; and the titles of the documents they quote."""
    candidates, titles = story_candidates(collection, start=start, end=end)
    key_dates = summarize(candidates, dates=dates, sentences=sentences, start=start, end=end)
    return key_dates, titles


def import_jobs() -> QuerySet[ImportJob]:
    """Queued imports, newest first; a job's failures are read by its serializer (one query,
    at most ImportJobSerializer.MAX_FAILURES_SHOWN rows)."""
    return ImportJob.objects.order_by("-id")
