"""Writes: importing documents, merging actors, deleting documents, reviewing events.

Each public function is one transaction. The importer is keyed on the SHA-256 of the body, so
importing the same text again changes nothing; concurrent imports of one text are settled by the
unique constraint, not by a read-then-write race.
"""

import hashlib
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, QuerySet, Value
from django.utils import timezone

from events.analysis import actors as analysis_actors
from events.analysis.actors import name_key
from events.analysis.extraction import DocumentAnalysis, analyze_document
from events.inputs import DocumentInput, InputError
from events.models import Actor, ActorAlias, Document, Event, SourceExcerpt

logger = logging.getLogger(__name__)

ERROR_DATE_CONFLICT = "this text was already imported as document {id} with date {date}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    document: Document
    created: bool
    event_count: int


def content_hash(body: str) -> str:
    """The document's natural key: SHA-256 of its body as UTF-8."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def document_import(
    *, data: DocumentInput, analysis: DocumentAnalysis | None = None
) -> ImportResult:
    """Import one validated document and its events, or find it already imported.

    ``analysis`` is ``analyze_document(data.body, data.published_on)`` when the caller already
    has it (computed in a worker process); otherwise it is computed here.
    Raises InputError if the same text was imported before with another date (the text's
    relative dates would resolve differently, so neither copy silently wins).
    """
    digest = content_hash(data.body)
    existing = Document.objects.filter(content_hash=digest).first()
    if existing is not None:
        return _unchanged(existing, data.published_on)
    try:
        with transaction.atomic():
            document = Document(
                title=data.title,
                url=data.url,
                published_on=data.published_on,
                body=data.body,
                content_hash=digest,
            )
            document.full_clean(exclude=["content_hash"], validate_unique=False)
            document.save()
            event_count = _store_analysis(document, analysis)
    except IntegrityError:
        # Another import of the same text committed first: that one is the document.
        existing = Document.objects.filter(content_hash=digest).first()
        if existing is None:
            raise
        return _unchanged(existing, data.published_on)
    return ImportResult(document=document, created=True, event_count=event_count)


def _unchanged(existing: Document, published_on: date) -> ImportResult:
    if existing.published_on != published_on:
        raise InputError(
            ERROR_DATE_CONFLICT.format(id=existing.pk, date=existing.published_on.isoformat())
        )
    return ImportResult(document=existing, created=False, event_count=existing.events.count())


def _store_analysis(
    document: Document,
    analysis: DocumentAnalysis | None = None,
    keep: frozenset[tuple[int, int]] = frozenset(),
) -> int:
    """Analyse the document's body (unless given) and write its events, excerpts and actors
    in bulk. Events whose first excerpt spans one of ``keep`` (start, end) are left out: an
    editor's reviewed event already stands for them."""
    if analysis is None:
        analysis = analyze_document(document.body, document.published_on)
    actor_ids = _resolve_actors(analysis.actors)
    if keep:
        analysis.events = [
            item
            for item in analysis.events
            if (item.excerpts[0].start, item.excerpts[0].end) not in keep
        ]

    events = Event.objects.bulk_create(
        [
            Event(
                summary=item.summary,
                earliest=item.earliest,
                latest=item.latest,
                precision=item.precision,
                expression=item.expression[:200],
                resolution=item.resolution,
                rule=item.rule[:300],
                document=document,
                position=item.position,
            )
            for item in analysis.events
        ]
    )
    SourceExcerpt.objects.bulk_create(
        [
            SourceExcerpt(
                document=document,
                event=event,
                start=excerpt.start,
                end=excerpt.end,
                text=excerpt.text,
                expression_start=excerpt.expression_start,
                expression_end=excerpt.expression_end,
            )
            for event, item in zip(events, analysis.events, strict=True)
            for excerpt in item.excerpts
        ]
    )
    Through = Event.actors.through
    Through.objects.bulk_create(
        [
            Through(event_id=event.pk, actor_id=actor_ids[actor.key])
            for event, item in zip(events, analysis.events, strict=True)
            for actor in dict.fromkeys(item.actors)
        ],
        ignore_conflicts=True,
    )
    Named = Document.actors.through
    Named.objects.bulk_create(
        [Named(document_id=document.pk, actor_id=pk) for pk in sorted(set(actor_ids.values()))],
        ignore_conflicts=True,
    )
    return len(events)


def _resolve_actors(found: list[analysis_actors.Actor]) -> dict[str, int]:
    """Map each actor found in a document to a stored actor, matched by canonical name or alias
    (compared by ``name_key``), creating those that are new and recording their new aliases.

    New rows are written in key order, so two imports that introduce the same actors wait for
    each other on the unique index instead of deadlocking."""
    if not found:
        return {}
    keys = {name_key(name) for actor in found for name in (actor.name, *actor.aliases)}
    by_key, aliases_of = _actors_by_key(keys)
    new = sorted((actor for actor in found if _match(actor, by_key) is None), key=lambda a: a.key)
    if new:
        # ignore_conflicts: an actor created meanwhile by a concurrent import is simply reused.
        Actor.objects.bulk_create(
            [
                Actor(
                    name=a.name[:200], key=name_key(a.name[:200]), kind=a.kind, title=a.title[:200]
                )
                for a in new
            ],
            ignore_conflicts=True,
        )
        by_key, aliases_of = _actors_by_key(keys)
    result: dict[str, int] = {}
    new_aliases: dict[str, ActorAlias] = {}
    for actor in found:
        match = _match(actor, by_key)
        if match is None:  # pragma: no cover - created just above
            raise IntegrityError(f"actor {actor.name!r} could not be stored")
        result[actor.key] = match.pk
        known = {match.key, *aliases_of.get(match.pk, ())}
        for alias in sorted({actor.name, *actor.aliases}):
            key = name_key(alias[:200])
            if key not in known and key not in by_key:
                new_aliases.setdefault(
                    key, ActorAlias(actor_id=match.pk, alias=alias[:200], key=key)
                )
    # An alias taken meanwhile by another actor stays with that actor (unique constraint).
    ActorAlias.objects.bulk_create(
        [new_aliases[key] for key in sorted(new_aliases)], ignore_conflicts=True
    )
    return result


def _actors_by_key(keys: set[str]) -> tuple[dict[str, Actor], dict[int, set[str]]]:
    """Stored actors by name key and alias key (a name wins over an alias), and which of
    ``keys`` each one already has as an alias.

    One query (a UNION of two index lookups), since it runs for every imported document."""
    by_actor_name = (
        Actor.objects.order_by()
        .filter(key__in=keys)
        .annotate(same_name=F("name"), via_alias=Value(False))
        .values_list("key", "id", "same_name", "via_alias")
    )
    by_alias = (
        ActorAlias.objects.order_by()
        .filter(key__in=keys)
        .annotate(via_alias=Value(True))
        .values_list("key", "actor_id", "actor__name", "via_alias")
    )
    by_key: dict[str, Actor] = {}
    aliases_of: dict[int, set[str]] = {}
    actors: dict[int, Actor] = {}
    rows = by_actor_name.union(by_alias, all=True)
    for key, actor_id, name, via_alias in sorted(rows, key=lambda row: row[3]):
        actor = actors.setdefault(actor_id, Actor(pk=actor_id, name=name, key=name_key(name)))
        by_key.setdefault(key, actor)
        if via_alias:
            aliases_of.setdefault(actor_id, set()).add(key)
    return by_key, aliases_of


def _match(actor: analysis_actors.Actor, by_key: dict[str, Actor]) -> Actor | None:
    """The stored actor for one found in a document: by canonical name, then by alias. A bare
    surname ("Johnson") is an alias within one document, but across documents it is too weak
    to merge a "Boris Johnson" into a "Brandon Johnson": a many-word name never matches on it."""
    for name in (actor.name, *sorted(actor.aliases)):
        bare_surname = " " not in name and not name.startswith("@") and not name.isupper()
        if name != actor.name and bare_surname and " " in actor.name:
            continue
        match = by_key.get(name_key(name))
        if match is not None:
            return match
    return None


Item = DocumentInput | InputError


def documents_import(
    *, items: Iterable[Item], workers: int = 1
) -> Iterator[tuple[Item, ImportResult | InputError]]:
    """Import a stream of documents, yielding each input with its result (or the InputError
    that rejected it), in input order.

    With ``workers`` > 1 the analysis (pure CPU) runs in a pool of processes while this process
    does the writes, still one transaction per document through ``document_import``, so the
    import stays idempotent. Only a bounded window of documents is in flight, so memory does
    not grow with the length of the stream.
    """
    if workers <= 1:
        for item in items:
            yield item, _import_one(item, None)
        return
    window: deque[tuple[Item, Future | None]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for item in items:
            future = None
            if isinstance(item, DocumentInput):
                # Analysed even if already imported: checking first would cost this process a
                # query per document, and this process (the writes) is the bottleneck.
                future = pool.submit(analyze_document, item.body, item.published_on)
            window.append((item, future))
            if len(window) >= workers * 8:
                yield _finish(*window.popleft())
        while window:
            yield _finish(*window.popleft())


def _finish(item: Item, future: Future | None) -> tuple[Item, ImportResult | InputError]:
    return item, _import_one(item, None if future is None else future.result())


def _import_one(item: Item, analysis: DocumentAnalysis | None) -> ImportResult | InputError:
    if isinstance(item, InputError):
        return item
    try:
        return document_import(data=item, analysis=analysis)
    except InputError as error:
        return error
    except Exception as error:  # a bug must not stop a long import: report it, go on
        logger.exception("import of %s failed", item.source)
        return InputError(f"internal error ({type(error).__name__}: {error}); nothing written")


@transaction.atomic
def actors_merge(*, target: Actor, others: list[Actor]) -> Actor:
    """Merge duplicate actors into ``target``: their events, documents, names and aliases move
    to it, and it counts as reviewed (an editor's decision that later imports keep)."""
    others = [actor for actor in others if actor.pk != target.pk]
    if not others:
        return target
    other_ids = [actor.pk for actor in others]
    for through, column in (
        (Event.actors.through, "event_id"),
        (Document.actors.through, "document_id"),
    ):
        linked = set(through.objects.filter(actor_id__in=other_ids).values_list(column, flat=True))
        through.objects.bulk_create(
            [through(**{column: pk, "actor_id": target.pk}) for pk in sorted(linked)],
            ignore_conflicts=True,
        )
    names = [actor.name for actor in others]
    names += list(ActorAlias.objects.filter(actor_id__in=other_ids).values_list("alias", flat=True))
    ActorAlias.objects.filter(actor_id__in=other_ids).delete()
    Actor.objects.filter(pk__in=other_ids).delete()
    existing = {target.key, *target.aliases.values_list("key", flat=True)}
    new_aliases = {name_key(name): name for name in names if name_key(name) not in existing}
    ActorAlias.objects.bulk_create(
        [
            ActorAlias(actor=target, alias=name, key=key)
            for key, name in sorted(new_aliases.items())
        ],
        ignore_conflicts=True,
    )
    target.title = target.title or next((actor.title for actor in others if actor.title), "")
    target.reviewed = True
    target.save(update_fields=["title", "reviewed"])
    return target


@transaction.atomic
def actor_save(*, actor: Actor, previous_name: str = "") -> Actor:
    """Save an editor's change to an actor (it counts as reviewed). A renamed actor keeps its
    old name as an alias, so documents that still use that name find it instead of creating a
    duplicate."""
    actor.reviewed = True
    actor.full_clean(validate_constraints=False)
    actor.save()
    ActorAlias.objects.filter(actor=actor, key=actor.key).delete()  # its name is no alias
    if previous_name and name_key(previous_name) != actor.key:
        ActorAlias.objects.bulk_create(
            [ActorAlias(actor=actor, alias=previous_name, key=name_key(previous_name))],
            ignore_conflicts=True,
        )
    return actor


def events_mark_reviewed(*, events: QuerySet[Event]) -> int:
    """An editor checked these events: re-imports and re-analyses never touch them again."""
    return events.exclude(status=Event.Status.REVIEWED).update(
        status=Event.Status.REVIEWED, updated_at=timezone.now()
    )


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


@transaction.atomic
def document_reanalyze(*, document: Document) -> dict[str, int]:
    """Run the current analysis again on a stored document (after the analysis improved).

    Its machine events are replaced; events an editor reviewed are kept exactly as they are,
    and no new event is made for the sentence a reviewed event stands for.
    """
    # Lock the row: two re-analyses of one document must not interleave.
    document = Document.objects.select_for_update().get(pk=document.pk)
    reviewed = SourceExcerpt.objects.filter(document=document, event__status=Event.Status.REVIEWED)
    keep = frozenset(reviewed.values_list("start", "end"))
    machine = Event.objects.filter(document=document, status=Event.Status.MACHINE)
    # Only events this document alone supports: an event with excerpts elsewhere stays.
    machine = machine.exclude(excerpts__in=SourceExcerpt.objects.exclude(document=document))
    removed = machine.count()
    machine.delete()
    created = _store_analysis(document, keep=keep)
    kept = Event.objects.filter(excerpts__in=reviewed).distinct().count()
    return {"events_removed": removed, "events_created": created, "events_kept": kept}
