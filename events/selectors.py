"""Reads: the timeline and its related lists, with the joins and prefetches each shape needs.

Every list reads a constant number of queries whatever its length: one for the page of rows and
one per prefetched relation.
"""

from django.db.models import Prefetch, Q, QuerySet

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
