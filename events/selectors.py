"""Reads: the timeline and its related lists, with the joins and prefetches each shape needs.

Every list reads a constant number of queries whatever its length: one for the page of rows and
one per prefetched relation.
"""

from django.db.models import Prefetch, QuerySet

from events.models import Actor, Document, Event, SourceExcerpt


def timeline_events() -> QuerySet[Event]:
    """All events in timeline order (earliest, latest, document, position), with their actors
    and excerpts (and each excerpt's document title and URL) prefetched."""
    return Event.objects.in_timeline_order().prefetch_related(
        Prefetch("actors", queryset=Actor.objects.only("id", "name", "kind").order_by("name")),
        Prefetch(
            "excerpts",
            queryset=SourceExcerpt.objects.select_related("document")
            .defer("document__body")
            .order_by("document_id", "start"),
        ),
    )


def actor_list() -> QuerySet[Actor]:
    """Actors by name, with their aliases."""
    return Actor.objects.prefetch_related("aliases").order_by("name", "id")


def document_list() -> QuerySet[Document]:
    """Documents, newest first, without their bodies (a list never shows them)."""
    return Document.objects.defer("body").order_by("-published_on", "id")


def excerpt_list() -> QuerySet[SourceExcerpt]:
    """Excerpts with their document's title and URL (not its body)."""
    return SourceExcerpt.objects.select_related("document").defer("document__body")
