"""Reads: the timeline and its related lists, with the joins and prefetches each shape needs.

Every list reads a constant number of queries whatever its length: one for the page of rows and
one per prefetched relation.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import Prefetch, Q, QuerySet

from events import change_counter
from events.models import Actor, Document, Event, SourceExcerpt

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
    for one page."""
    return Event.objects.in_timeline_order()


def timeline_items(events: list[Event]) -> list[dict]:
    """The timeline items of a page of events, as ``TimelineEventSerializer`` shapes them (a
    test holds the two equal), in two queries and without model instances or serializers: the
    API's timeline pages are read far more often than anything else, and building them
    through prefetched instances and nested serializers took most of such a request."""
    actors: dict[int, list[dict]] = {event.pk: [] for event in events}
    excerpts: dict[int, list[dict]] = {event.pk: [] for event in events}
    links = (
        Event.actors.through.objects.filter(event_id__in=actors)
        .order_by(*(f"actor__{name}" for name in ACTOR_ORDER))
        .values_list("event_id", "actor_id", "actor__name", "actor__kind")
    )
    for event_id, actor_id, name, kind in links:
        actors[event_id].append({"id": actor_id, "name": name, "kind": kind})
    rows = (
        SourceExcerpt.objects.filter(event_id__in=excerpts)
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
    for (
        event_id,
        pk,
        document,
        title,
        url,
        start,
        end,
        text,
        expression_start,
        expression_end,
    ) in rows:
        excerpts[event_id].append(
            {
                "id": pk,
                "document": document,
                "document_title": title,
                "document_url": url,
                "start": start,
                "end": end,
                "text": text,
                "expression_start": expression_start,
                "expression_end": expression_end,
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
            "source_removed": event.source_removed,
            "document": event.document_id,
            "position": event.position,
            "actors": actors[event.pk],
            "excerpts": excerpts[event.pk],
        }
        for event in events
    ]


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


def actor_choices(chosen: list[str]) -> list[Actor]:
    """The actors a filter form offers, by name: the first ``FILTER_CHOICES`` and the chosen."""
    ids = [int(pk) for pk in chosen if pk.isdigit()]
    first = Actor.objects.order_by("name", "id").values("pk")[:FILTER_CHOICES]
    return list(
        Actor.objects.filter(Q(pk__in=first) | Q(pk__in=ids))
        .only("id", "name")
        .order_by("name", "id")
    )


def document_choices(chosen: str | None) -> list[Document]:
    """The documents a filter form offers: the ``FILTER_CHOICES`` newest and the chosen one."""
    newest = document_list().values("pk")[:FILTER_CHOICES]
    extra = [int(chosen)] if chosen and chosen.isdigit() else []
    return list(document_list().filter(Q(pk__in=newest) | Q(pk__in=extra)))
