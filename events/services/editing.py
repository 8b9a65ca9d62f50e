"""The editors' writes on events, excerpts and documents.

Shared by the admin and the API, so that one rule holds whichever way an editor works: what an
editor writes is reviewed (re-analysis keeps it), and deleting an event keeps the entry it
represented together.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from events.models import Actor, Document, Event, SourceExcerpt
from events.services.entries import entries_detach


def events_mark_reviewed(*, events: QuerySet[Event]) -> int:
    """An editor checked these events: re-imports and re-analyses never touch them again."""
    return events.exclude(status=Event.Status.REVIEWED).update(
        status=Event.Status.REVIEWED, updated_at=timezone.now()
    )


@transaction.atomic
def event_save(
    *,
    event: Event,
    actors: Iterable[Actor] | None = None,
    status: Event.Status | str | None = None,
) -> Event:
    """Create or change an event as an editor: it is saved reviewed, unless ``status`` says
    otherwise (an editor may hand an event back to the machine). ``actors``, when given,
    replace its actors (the admin's form writes them itself, after this)."""
    event.status = status or Event.Status.REVIEWED
    event.full_clean(validate_constraints=False)  # the database checks its constraints
    event.save()
    if actors is not None:
        event.actors.set(actors)
    return event


@transaction.atomic
def event_delete(*, event: Event) -> None:
    """Delete an event; an entry it represented stays together under a new representative."""
    entries_detach(event_ids=[event.pk])
    event.delete()


@transaction.atomic
def excerpt_save(*, excerpt: SourceExcerpt) -> SourceExcerpt:
    """Create or correct a source excerpt as an editor: its event becomes an editor's event
    (reviewed), as does the event it was taken from if it moved."""
    previous: int | None = None  # the event it was taken from: none for a new excerpt
    if excerpt.pk is not None:
        stored = SourceExcerpt.objects.filter(pk=excerpt.pk).values_list("event_id", flat=True)
        previous = stored.first()
    excerpt.full_clean(validate_constraints=False)
    excerpt.save()
    event_ids = {excerpt.event_id} if previous is None else {excerpt.event_id, previous}
    events_mark_reviewed(events=Event.objects.filter(pk__in=event_ids))
    return excerpt


@transaction.atomic
def excerpt_delete(*, excerpt: SourceExcerpt) -> None:
    """An editor removed a source excerpt: its event is an editor's event from now on."""
    event_id = excerpt.event_id
    excerpt.delete()
    events_mark_reviewed(events=Event.objects.filter(pk=event_id))


@transaction.atomic
def document_delete(*, document: Document) -> dict[str, int]:
    """Delete a document with its excerpts and the events and actors only it supported.

    Events an editor reviewed are kept and flagged ``source_removed``, never silently lost; so
    are actors an editor created, edited or merged, and actors another document names.
    """
    event_ids = set(document.excerpts.values_list("event_id", flat=True))
    event_ids |= set(document.events.values_list("id", flat=True))
    supported_elsewhere = set(
        SourceExcerpt.objects.filter(event_id__in=event_ids)
        .exclude(document=document)
        .values_list("event_id", flat=True)
    )
    orphans = Event.objects.filter(pk__in=event_ids - supported_elsewhere)
    actor_ids = set(
        Event.actors.through.objects.filter(event_id__in=event_ids).values_list(
            "actor_id", flat=True
        )
    )
    actor_ids |= set(document.actors.values_list("id", flat=True))
    kept = orphans.filter(status=Event.Status.REVIEWED).update(source_removed=True)
    machine = orphans.filter(status=Event.Status.MACHINE)
    deleted_events = machine.count()
    entries_detach(event_ids=list(machine.values_list("pk", flat=True)))
    machine.delete()
    document.delete()
    unused = Actor.objects.filter(pk__in=actor_ids, reviewed=False).filter(
        ~Exists(Event.actors.through.objects.filter(actor_id=OuterRef("pk"))),
        ~Exists(Document.actors.through.objects.filter(actor_id=OuterRef("pk"))),
    )
    deleted_actors = unused.count()
    unused.delete()
    return {
        "events_deleted": deleted_events,
        "events_kept": kept,
        "actors_deleted": deleted_actors,
    }
