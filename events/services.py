"""Writes: importing documents, merging actors, deleting documents, reviewing events, filing
documents in collections (stories).

Each public function is one transaction, but for ``documents_import``, which writes a batch of
documents per transaction and falls back to one transaction per document when a batch fails.
The importer is keyed on the SHA-256 of the body, so importing the same text again changes
nothing; concurrent imports of one text are settled by the unique constraint, not by a
read-then-write race.
"""

import hashlib
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TypeVar

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.utils import timezone
from django.utils.text import slugify

from events.analysis import actors as analysis_actors
from events.analysis.actors import name_key
from events.analysis.extraction import (
    DocumentAnalysis,
    ExtractedEvent,
    ExtractedExcerpt,
    analyze_document,
)
from events.entries import entries_detach, entries_group
from events.inputs import DocumentInput, InputError
from events.models import (
    Actor,
    ActorAlias,
    Collection,
    Document,
    Event,
    ImportBatch,
    ImportFailure,
    ImportJob,
    SourceExcerpt,
)

logger = logging.getLogger(__name__)

ERROR_DATE_CONFLICT = "this text was already imported as document {id} with date {date}"
ERROR_COLLECTION_NOT_STORED = "collection {name!r} could not be stored (its slug {slug!r} is taken)"
ERROR_NAME_TAKEN = "{name!r} is already the name or an alias of another actor."
# Documents written per transaction by documents_import: large enough that the statements of a
# batch (about a dozen, whatever its size) cost little per document, small enough that a
# failed batch, imported again one document at a time, costs little.
BATCH_SIZE = 100


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

    ``analysis`` is ``analyze_document(data.body, data.published_on, data.language)`` when the
    caller already has it (computed in a worker process); otherwise it is computed here.
    Raises InputError if the same text was imported before with another date (the text's
    relative dates would resolve differently, so neither copy silently wins).
    """
    digest = content_hash(data.body)
    existing = _imported([digest]).get(digest)
    if existing is not None:
        return _unchanged_in_collections(data, existing)
    if analysis is None:
        analysis = analyze_document(data.body, data.published_on, data.language)
    try:
        with transaction.atomic():
            (result,) = _write_documents([(data, digest, analysis)])
            _file_in_collections([(data, result.document)])
    except IntegrityError:
        # Another import of the same text committed first: that one is the document.
        existing = _imported([digest]).get(digest)
        if existing is None:
            raise
        return _unchanged_in_collections(data, existing)
    return result


def _unchanged_in_collections(data: DocumentInput, existing: Document) -> ImportResult:
    """A text already imported: the same result, and it joins the collections ``data`` names
    (importing a story again with ``--collection`` files the documents it already had)."""
    result = _unchanged(existing, data.published_on, existing.event_count)
    if data.collections:
        with transaction.atomic():
            _file_in_collections([(data, existing)])
    return result


def _imported(digests: list[str]) -> dict[str, Document]:
    """The documents already stored with these content hashes, with their event counts
    (``event_count``), in one query."""
    found = Document.objects.filter(content_hash__in=digests).annotate(event_count=Count("events"))
    return {document.content_hash: document for document in found.order_by()}


def _unchanged(existing: Document, published_on: date, event_count: int) -> ImportResult:
    """The result for a text already imported as ``existing``, which has ``event_count`` events."""
    if existing.published_on != published_on:
        raise InputError(
            ERROR_DATE_CONFLICT.format(id=existing.pk, date=existing.published_on.isoformat())
        )
    return ImportResult(document=existing, created=False, event_count=event_count)


def _write_documents(
    entries: list[tuple[DocumentInput, str, DocumentAnalysis]],
) -> list[ImportResult]:
    """Store new documents (input, content hash, analysis) with their events, in bulk
    statements across all of them. The caller holds the transaction."""
    documents = []
    for data, digest, _ in entries:
        document = Document(
            title=data.title,
            url=data.url,
            published_on=data.published_on,
            body=data.body,
            content_hash=digest,
            language=data.language,
        )
        document.full_clean(exclude=["content_hash"], validate_unique=False)
        documents.append(document)
    # In input order, so documents get their ids (the timeline's tie-breaker) as one by one.
    Document.objects.bulk_create(documents)
    event_counts = _store_analyses(
        [
            (document, analysis)
            for document, (_, _, analysis) in zip(documents, entries, strict=True)
        ]
    )
    return [
        ImportResult(document=document, created=True, event_count=count)
        for document, count in zip(documents, event_counts, strict=True)
    ]


def _store_analyses(
    analysed: list[tuple[Document, DocumentAnalysis]],
    keep: frozenset[tuple[int, int]] = frozenset(),
) -> list[int]:
    """Write the events, excerpts and actors of stored documents' analyses, in bulk
    statements across all the documents; return each document's number of events.

    Events whose first excerpt spans one of ``keep`` (start, end) are left out: an editor's
    reviewed event already stands for them (used for one document, by the re-analysis)."""
    actor_ids = _resolve_actors([analysis.actors for _, analysis in analysed])
    # Per document: the actor ids by key, and the events to write.
    found = [
        (
            document,
            ids,
            [
                item
                for item in analysis.events
                if (item.excerpts[0].start, item.excerpts[0].end) not in keep
            ],
        )
        for (document, analysis), ids in zip(analysed, actor_ids, strict=True)
    ]
    found_events = [(document, ids, item) for document, ids, items in found for item in items]
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
                modality=item.modality,
                after_publication=item.after_publication,
            )
            for document, _, item in found_events
        ]
    )
    stored = list(zip(events, found_events, strict=True))
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
            for event, (document, _, item) in stored
            for excerpt in item.excerpts
        ]
    )
    Through = Event.actors.through
    Through.objects.bulk_create(
        [
            Through(event_id=event.pk, actor_id=ids[actor.key])
            for event, (_, ids, item) in stored
            for actor in dict.fromkeys(item.actors)
        ],
        ignore_conflicts=True,
    )
    Named = Document.actors.through
    Named.objects.bulk_create(
        [
            Named(document_id=document.pk, actor_id=pk)
            for document, ids, _ in found
            for pk in sorted(set(ids.values()))
        ],
        ignore_conflicts=True,
    )
    entries_group(event_ids=[event.pk for event in events])
    return [len(items) for _, _, items in found]


def _resolve_actors(found: list[list[analysis_actors.Actor]]) -> list[dict[str, int]]:
    """Map the actors found in each of several documents to stored actors, creating those that
    are new; return each document's map from actor key to actor id.

    An actor is found by its identity (``actor_key``: a person's first and last name, so "Ana
    Lopez" and "Ana Maria Lopez" are one), or by an alias an editor gave an actor; never by an
    alias the analysis found (a surname, an acronym, a handle: true in one document only).
    The result does not depend on the order of the documents, nor on which import comes first:
    the identity is a function of the name alone, and the canonical name and title are each the
    preferred of all the spellings seen (``preferred_name``), updated as fuller ones arrive
    (never on an actor an editor reviewed). Other spellings and the analysis's aliases are kept
    as machine aliases, for readers. One lookup for all the documents and one statement for
    each kind of new row; new rows are written in key order, so two imports that introduce the
    same ones wait for each other on the unique index instead of deadlocking."""
    if not any(found):
        return [{} for _ in found]
    stored = _actors_by_key(
        {a.key for actors in found for a in actors},
        {name_key(a.name) for actors in found for a in actors},
    )
    new_actors: dict[str, Actor] = {}
    renamed: dict[int, Actor] = {}
    spellings: dict[str, tuple[Actor, str]] = {}  # alias key -> (actor, alias)
    matches: list[dict[str, Actor]] = []
    for actors in found:
        matched: dict[str, Actor] = {}
        for a in sorted(actors, key=lambda a: (a.key, a.name)):
            match = _match(a, stored) or new_actors.get(a.key)
            if match is None:
                match = Actor(name=a.name[:200], kind=a.kind, title=a.title[:200], key=a.key)
                new_actors[a.key] = match
            elif (
                match.key == a.key
                and not match.reviewed
                and _prefer(match, a.name[:200], a.title[:200])
                and match.pk is not None
            ):
                renamed[match.pk] = match
            matched[a.key] = match
            for alias in sorted({a.name, *a.aliases}):
                spellings.setdefault(name_key(alias[:200]), (match, alias[:200]))
        matches.append(matched)
    if new_actors:
        # ignore_conflicts: an actor created meanwhile by a concurrent import is simply reused,
        # and given the preferred name and title of both.
        Actor.objects.bulk_create(
            [new_actors[key] for key in sorted(new_actors)], ignore_conflicts=True
        )
        rows = Actor.objects.filter(key__in=new_actors).values_list(
            "key", "id", "name", "title", "reviewed"
        )
        for key, pk, name, title, reviewed in rows:
            actor = new_actors[key]
            actor.pk = pk
            if (name, title) != (actor.name, actor.title) and not reviewed:
                mine = (actor.name, actor.title)
                actor.name, actor.title = name, title
                _prefer(actor, *mine)
                if (actor.name, actor.title) != (name, title):
                    renamed[pk] = actor
        if missing := set(new_actors) - {row[0] for row in rows}:  # pragma: no cover
            raise IntegrityError(f"actors {sorted(missing)} could not be stored")
    if renamed:
        Actor.objects.bulk_update(
            [renamed[pk] for pk in sorted(renamed)], ["name", "title"], batch_size=500
        )
    # An actor's name is no alias of its own; an alias taken by another actor stays with it.
    if renamed:
        ActorAlias.objects.filter(
            actor_id__in=renamed, key__in=[name_key(a.name) for a in renamed.values()]
        ).delete()
    ActorAlias.objects.bulk_create(
        [
            ActorAlias(actor_id=actor.pk, alias=alias, key=key, machine=True)
            for key, (actor, alias) in sorted(spellings.items())
            if key != name_key(actor.name)
        ],
        ignore_conflicts=True,
    )
    return [{key: actor.pk for key, actor in matched.items()} for matched in matches]


def _prefer(actor: Actor, name: str, title: str) -> bool:
    """Give ``actor`` the preferred of its name and ``name``, and of its title and ``title``
    (the fullest, then the first alphabetically: the same whatever came first). The old name
    stays as an alias (written by the caller). True if either changed."""
    before = (actor.name, actor.title)
    actor.name = analysis_actors.preferred_name([actor.name, name])
    if title:
        actor.title = analysis_actors.preferred_name([t for t in (actor.title, title) if t])
    return (actor.name, actor.title) != before


def _actors_by_key(keys: set[str], names: set[str]) -> dict[str, Actor]:
    """Stored actors by identity key (``keys``), and by the name key of an editor's alias
    (``names``, as "alias:<key>"), in one query (a UNION of two index lookups), since it runs
    for every import."""
    columns = ("id", "name", "kind", "title", "reviewed", "key")
    by_identity = (
        Actor.objects.order_by()
        .filter(key__in=keys)
        .annotate(found_by=F("key"), via_alias=Value(False))
        .values_list("found_by", "via_alias", *columns)
    )
    by_alias = (
        ActorAlias.objects.order_by()
        .filter(key__in=names, machine=False)
        .annotate(found_by=F("key"), via_alias=Value(True))
        .values_list("found_by", "via_alias", *(f"actor__{column}" for column in columns))
    )
    by_key: dict[str, Actor] = {}
    actors: dict[int, Actor] = {}
    for found_by, via_alias, pk, name, kind, title, reviewed, key in by_identity.union(
        by_alias, all=True
    ):
        actor = actors.setdefault(
            pk, Actor(pk=pk, name=name, kind=kind, title=title, reviewed=reviewed, key=key)
        )
        by_key[f"alias:{found_by}" if via_alias else found_by] = actor
    return by_key


def _match(actor: analysis_actors.Actor, stored: dict[str, Actor]) -> Actor | None:
    """The stored actor for one found in a document: the one with its identity, else the one an
    editor gave its name as an alias. Never by the aliases the analysis found (a surname, an
    acronym, a handle): a handle passes from one holder to the next, and "Johnson" is many
    people."""
    return stored.get(actor.key) or stored.get(f"alias:{name_key(actor.name)}")


Item = DocumentInput | InputError
Result = ImportResult | InputError
T = TypeVar("T")


def documents_import(
    *, items: Iterable[Item], batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Item, Result]]:
    """Import a stream of documents, yielding each input with its result (or the InputError
    that rejected it), in input order.

    The documents are written ``batch_size`` at a time, a batch in one transaction of about a
    dozen statements whatever its size, with the same result as importing them one by one in
    order (each document sees the actors and aliases the ones before it created). A batch that
    fails (a concurrent import of one of its texts, a bug) is rolled back and imported again
    one document per transaction through ``document_import``: a bad document costs the others
    time, never their data, and no document is ever half written.

    This runs in the caller's process; to spread the work over several processes or machines,
    enqueue the documents (``events.tasks``): each worker imports its batches through
    ``import_job_batch``, which calls the same batch import.
    """
    batch_size = max(batch_size, 1)
    stream = iter(items)
    while batch := [(item, None) for item in itertools.islice(stream, batch_size)]:
        yield from _import_batch(batch)


def _import_batch(
    batch: list[tuple[Item, DocumentAnalysis | None]],
) -> list[tuple[Item, Result]]:
    """Import a batch of inputs (each with its analysis, if the caller made it already) in
    one transaction, or, if that fails, one document at a time."""
    results: list[Result | None] = [
        item if isinstance(item, InputError) else None for item, _ in batch
    ]
    analyses: dict[int, DocumentAnalysis] = {}
    try:
        _write_batch(batch, results, analyses)
    except Exception:
        logger.warning(
            "writing a batch of %d documents failed; importing them one by one",
            len(batch),
            exc_info=True,
        )
        for index, (item, _) in enumerate(batch):
            if results[index] is None:
                work = partial(document_import, data=item, analysis=analyses.get(index))
                results[index] = _attempt(item, work)
    return [(item, result) for (item, _), result in zip(batch, results, strict=True)]


def _write_batch(
    batch: list[tuple[Item, DocumentAnalysis | None]],
    results: list[Result | None],
    analyses: dict[int, DocumentAnalysis],
) -> None:
    """The batch in one transaction: one query finds the texts already imported, the others are
    analysed (unless the caller did it) and written together. Fills in ``results`` and, for the
    one-by-one import if this raises, ``analyses``; a result is set only once it is final (a
    document's once its transaction committed)."""
    digests = {
        index: content_hash(item.body)
        for index, (item, _) in enumerate(batch)
        if isinstance(item, DocumentInput)
    }
    existing = _imported(sorted(set(digests.values())))
    first_of: dict[str, int] = {}  # content hash -> the first input in the batch with that text
    for index, digest in digests.items():
        item, given = batch[index]
        if digest in existing:
            found = existing[digest]
            work = partial(_unchanged, found, item.published_on, found.event_count)
            results[index] = _attempt(item, work)
        elif digest not in first_of:
            analysis = given
            if analysis is None:
                analysis = _attempt(
                    item, partial(analyze_document, item.body, item.published_on, item.language)
                )
            if isinstance(analysis, InputError):
                results[index] = analysis
            else:
                analyses[index] = analysis
                first_of[digest] = index
    filed = [
        (item, result.document)
        for (item, _), result in zip(batch, results, strict=True)
        if isinstance(result, ImportResult) and item.collections
    ]
    if not analyses and not filed:
        return
    with transaction.atomic():
        written = _write_documents(
            [(batch[index][0], digests[index], analysis) for index, analysis in analyses.items()]
        )
        created = dict(zip(analyses, written, strict=True))
        # Collections (#11): the new documents and the ones already imported, in this batch's
        # transaction and statements (none when no input names a collection).
        filed += [
            (batch[index][0], created[first_of[digest]].document)
            for index, digest in digests.items()
            if results[index] is None
            and batch[index][0].collections
            and batch[index][0].published_on == created[first_of[digest]].document.published_on
        ]
        _file_in_collections(filed)
    for index, digest in digests.items():
        if results[index] is None:
            # Created now, or the same text as a document created now (the first one wins).
            first = created[first_of[digest]]
            if index in created:
                results[index] = first
            else:
                work = partial(
                    _unchanged, first.document, batch[index][0].published_on, first.event_count
                )
                results[index] = _attempt(batch[index][0], work)


def _file_in_collections(filed: list[tuple[DocumentInput, Document]]) -> None:
    """Add each stored document to the collections its input names, creating those that are
    new: at most six statements for the whole list (none if it names no collection, two if
    nothing is new). The caller holds the transaction."""
    names = sorted({name for data, _ in filed for name in data.collections})
    if not names:
        return
    by_name = collections_get_or_create(names=names)
    pairs = {
        (by_name[name].pk, document.pk) for data, document in filed for name in data.collections
    }
    Member = Collection.documents.through
    # Only the new memberships are written: a story imported again writes nothing at all (an
    # ignored conflict would still use up ids of the table's sequence).
    present = Member.objects.filter(
        collection_id__in={c for c, _ in pairs}, document_id__in={d for _, d in pairs}
    ).values_list("collection_id", "document_id")
    new = pairs - set(present)
    if new:
        Member.objects.bulk_create(
            # In key order, so concurrent imports into one collection do not deadlock.
            [Member(collection_id=c, document_id=d) for c, d in sorted(new)],
            ignore_conflicts=True,  # added meanwhile by a concurrent import: nothing to do
        )


def _slug_base(name: str) -> str:
    """``slugify(name)``, or "collection" if nothing of the name survives (a name in another
    script), short enough for a "-N" suffix."""
    return slugify(name)[:190].strip("-") or "collection"


def collection_slug(name: str, taken: set[str]) -> str:
    """A slug for a new collection named ``name``: its ``_slug_base``, with "-2", "-3", ... if
    another collection has it (``taken``)."""
    base = _slug_base(name)
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _slugs_taken(names: Iterable[str]) -> set[str]:
    """The stored slugs that the slugs of ``names`` could clash with (one query)."""
    bases = {_slug_base(name) for name in names}
    condition = Q()
    for base in sorted(bases):
        condition |= Q(slug__startswith=base)
    return set(Collection.objects.filter(condition).values_list("slug", flat=True))


def collections_get_or_create(*, names: list[str]) -> dict[str, Collection]:
    """The collections with these names (exact, as stored), creating the missing ones with
    unique slugs: at most four queries however many names. A collection created meanwhile by
    a concurrent import is reused (the name is unique)."""
    found = {c.name: c for c in Collection.objects.filter(name__in=names)}
    missing = sorted(set(names) - set(found))
    if not missing:
        return found
    taken = _slugs_taken(missing)
    new = []
    for name in missing:
        collection = Collection(name=name, slug=collection_slug(name, taken))
        collection.full_clean(validate_unique=False, validate_constraints=False)
        taken.add(collection.slug)
        new.append(collection)
    Collection.objects.bulk_create(new, ignore_conflicts=True)
    found.update({c.name: c for c in Collection.objects.filter(name__in=missing)})
    for collection in new:
        if collection.name not in found:  # a concurrent import took its slug for another name
            raise InputError(
                ERROR_COLLECTION_NOT_STORED.format(name=collection.name, slug=collection.slug),
                field="collections",
            )
    return found


@transaction.atomic
def collection_get_or_create(*, name: str) -> Collection:
    """The collection named ``name``, created (with a unique slug) if there is none."""
    return collections_get_or_create(names=[name])[name]


@transaction.atomic
def collection_save(*, collection: Collection) -> Collection:
    """Create or change a collection (the API's writes); a collection without a slug gets one
    from its name, unique among the others."""
    if not collection.slug:
        taken = _slugs_taken([collection.name])
        collection.slug = collection_slug(collection.name, taken)
    collection.full_clean()
    collection.save()
    return collection


@transaction.atomic
def collection_add_documents(*, collection: Collection, documents: Iterable[Document]) -> int:
    """Add documents to a collection (those already in it stay as they are); return how many
    were added. Two queries, however many documents."""
    Member = Collection.documents.through
    ids = {document.pk for document in documents}
    present = set(
        Member.objects.filter(collection=collection, document_id__in=ids).values_list(
            "document_id", flat=True
        )
    )
    Member.objects.bulk_create(
        [Member(collection_id=collection.pk, document_id=pk) for pk in sorted(ids - present)],
        ignore_conflicts=True,
    )
    return len(ids - present)


def _attempt(item: DocumentInput, work: Callable[[], T]) -> T | InputError:
    """``work()``, or the InputError that rejects the item; any other error is reported as one
    (a bug must not stop a long import: report it, go on)."""
    try:
        return work()
    except InputError as error:
        return error
    except Exception as error:
        logger.exception("import of %s failed", item.source)
        return InputError(f"internal error ({type(error).__name__}: {error}); nothing written")


# -- queued imports (events/tasks.py enqueues and runs them) --------------------------------------


def import_job_create(*, source: str, user: object | None = None) -> ImportJob:
    """A new, empty import job; its batches are enqueued next, then it is closed."""
    created_by = user if getattr(user, "is_authenticated", False) else None
    return ImportJob.objects.create(source=_storable(source, 500), created_by=created_by)


def _storable(text: str, limit: int | None = None) -> str:
    """A text any database stores: PostgreSQL refuses NUL characters, which a file name or an
    error quoting a bad input may hold (shown as U+FFFD)."""
    text = text.replace("\x00", "\ufffd")
    return text if limit is None else text[:limit]


@transaction.atomic
def import_job_close(*, job: ImportJob, documents: int, batches: int) -> ImportJob:
    """Record that ``batches`` batches holding ``documents`` documents were enqueued, all of
    them: the job is done once that many are imported (already, if the workers were quick)."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    job.documents, job.batches = documents, batches
    _settle(job)
    job.save()
    return job


def import_job_batch(*, job_id: int, number: int, first: int, items: list[Item]) -> bool:
    """Import batch ``number`` of a job (its documents are the job's ``first``, ``first`` + 1,
    ...), once: False if it was imported before (a second delivery of its message).

    The analysis (the slow part) runs first, outside any transaction; then one transaction
    claims the batch (its ImportBatch row, first, so a second delivery waits on the index and
    then finds it), writes the documents through the same batch import as ``documents_import``,
    records the failures and adds the counts to the job. A worker killed at any point leaves
    either all of that or none of it, so the job's counts say what each document did exactly
    once."""
    if ImportBatch.objects.filter(job_id=job_id, number=number).exists():
        return False
    batch = _analysed(items)
    with transaction.atomic():
        try:
            with transaction.atomic():
                ImportBatch.objects.create(job_id=job_id, number=number)
        except IntegrityError:
            if not ImportBatch.objects.filter(job_id=job_id, number=number).exists():
                raise
            return False
        results = _import_batch(batch)
        failures = [
            ImportFailure(
                job_id=job_id,
                position=first + index,
                source=_storable(item.source, 500),
                reason=_storable(str(result)),
            )
            for index, (item, result) in enumerate(results)
            if isinstance(result, InputError)
        ]
        ImportFailure.objects.bulk_create(failures)
        created = [r for _, r in results if isinstance(r, ImportResult) and r.created]
        # The job's row last: its lock is held only until the commit that follows.
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        job.created += len(created)
        job.events += sum(result.event_count for result in created)
        job.failed += len(failures)
        job.unchanged += len(results) - len(created) - len(failures)
        job.batches_done += 1
        job.started_at = job.started_at or timezone.now()
        _settle(job)
        job.save()
    return True


def _analysed(items: list[Item]) -> list[tuple[Item, DocumentAnalysis | None]]:
    """The batch with the analyses of its documents not imported yet (one query finds those).
    An analysis that fails is left to the batch import, which reports it."""
    digests = {
        index: content_hash(item.body)
        for index, item in enumerate(items)
        if isinstance(item, DocumentInput)
    }
    existing = _imported(sorted(set(digests.values())))
    batch: list[tuple[Item, DocumentAnalysis | None]] = []
    for index, item in enumerate(items):
        analysis = None
        if index in digests and digests[index] not in existing:
            found = _attempt(item, partial(analyze_document, item.body, item.published_on))
            analysis = None if isinstance(found, InputError) else found
        batch.append((item, analysis))
    return batch


def _settle(job: ImportJob) -> None:
    """The job's status from its counts: done once every enqueued batch is imported."""
    if job.batches is not None and job.batches_done >= job.batches:
        job.status, job.finished_at = ImportJob.Status.DONE, job.finished_at or timezone.now()
    elif job.batches_done:
        job.status = ImportJob.Status.RUNNING


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
    existing = {name_key(target.name), *target.aliases.values_list("key", flat=True)}
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
@transaction.atomic
def actor_save(*, actor: Actor, previous_name: str = "") -> Actor:
    """Save an editor's change to an actor (it counts as reviewed). A renamed actor keeps its
    old name as an alias, so documents that still use that name find it instead of creating a
    duplicate.

    Raises ValidationError if the name is taken: ``clean()`` checks first, and the unique
    constraint settles a race with a concurrent write of the same name (checked, then taken
    before the insert), which would otherwise be an IntegrityError.
    """
    actor.reviewed = True
    actor.full_clean(validate_constraints=False)
    _save_unique(actor, "name", actor.name)
    # Its name is no alias.
    ActorAlias.objects.filter(actor=actor, key=name_key(actor.name)).delete()
    if previous_name and name_key(previous_name) != name_key(actor.name):
        ActorAlias.objects.bulk_create(
            [ActorAlias(actor=actor, alias=previous_name, key=name_key(previous_name))],
            ignore_conflicts=True,
        )
    return actor


@transaction.atomic
def actor_alias_save(*, alias: ActorAlias) -> ActorAlias:
    """Save another name for an actor; ValidationError if the name is taken (as actor_save)."""
    alias.full_clean(validate_constraints=False)
    _save_unique(alias, "alias", alias.alias)
    return alias


def _save_unique(row: Actor | ActorAlias, field: str, name: str) -> None:
    """Save ``row``, a name unique by its key: a lost race is a ValidationError on ``field``."""
    try:
        with transaction.atomic():  # a savepoint: the transaction stays usable
            row.save()
    except IntegrityError:
        raise ValidationError({field: ERROR_NAME_TAKEN.format(name=name)}) from None


def events_mark_reviewed(*, events: QuerySet[Event]) -> int:
    """An editor checked these events: re-imports and re-analyses never touch them again."""
    return events.exclude(status=Event.Status.REVIEWED).update(
        status=Event.Status.REVIEWED, updated_at=timezone.now()
    )


# The editors' writes on events and excerpts, shared by the admin and the API, so that one
# rule holds whichever way an editor works: what an editor writes is reviewed (re-analysis
# keeps it), and deleting an event keeps the entry it represented together.


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
    previous = None
    if excerpt.pk is not None:
        previous = SourceExcerpt.objects.filter(pk=excerpt.pk).values_list("event_id", flat=True)
        previous = previous.first()
    excerpt.full_clean(validate_constraints=False)
    excerpt.save()
    events_mark_reviewed(events=Event.objects.filter(pk__in={excerpt.event_id, previous} - {None}))
    return excerpt


@transaction.atomic
def excerpt_delete(*, excerpt: SourceExcerpt) -> None:
    """An editor removed a source excerpt: its event is an editor's event from now on."""
    event_id = excerpt.event_id
    excerpt.delete()
    events_mark_reviewed(events=Event.objects.filter(pk=event_id))


# The group whose model permissions an editor's account gets (create_editor): every write the
# API and the admin offer on the app's models.
EDITORS_GROUP = "editors"
EDITOR_ACTIONS = ("view", "add", "change", "delete")


@transaction.atomic
def editor_create(*, username: str) -> tuple[AbstractBaseUser, bool]:
    """An editor's account: staff (the admin), in the "editors" group, which holds the model
    permissions of every model of the app (created or brought up to date here). An existing
    user of that name becomes an editor; returns the user and whether it was created. A new
    user has no usable password (tokens for scripts; ``changepassword`` for the admin)."""
    User = get_user_model()
    models = apps.get_app_config("events").get_models()
    codenames = [
        f"{action}_{model._meta.model_name}" for model in models for action in EDITOR_ACTIONS
    ]
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
    )
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
    created = user is None
    if user is None:
        user = User(**{User.USERNAME_FIELD: username})
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
    user.is_staff = True
    user.save()
    user.groups.add(group)
    return user, created


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


# The event's own fields that the analysis sets, refreshed in place on an event re-analysis
# finds again.
_ANALYSED_FIELDS = (
    "summary",
    "earliest",
    "latest",
    "precision",
    "expression",
    "resolution",
    "rule",
    "position",
)


def _analysed_values(item: ExtractedEvent) -> dict[str, object]:
    """An extracted event's stored field values (cut to the columns' lengths as the importer
    does)."""
    return {
        "summary": item.summary,
        "earliest": item.earliest,
        "latest": item.latest,
        "precision": item.precision,
        "expression": item.expression[:200],
        "resolution": item.resolution,
        "rule": item.rule[:300],
        "position": item.position,
    }


def _excerpt_key(excerpt: SourceExcerpt | ExtractedExcerpt) -> tuple:
    return (excerpt.start, excerpt.end, excerpt.expression_start, excerpt.expression_end)


def match_reanalysed(
    old: list[Event], found: list[ExtractedEvent]
) -> tuple[list[tuple[Event, ExtractedEvent]], list[Event], list[ExtractedEvent]]:
    """Pair a document's stored machine events with the events a new analysis finds in it, so
    that an event still found keeps its id (links, the ICS ``UID``, an entry's grouping):
    first by the span of the first excerpt (the sentence it stands for), then, among the rest,
    by the span of the date expression in it (the sentence's bounds changed, its date did not).
    Returns the pairs, the stored events no longer found, and the events that are new.

    ``old`` events carry their excerpts in this document, prefetched, first-written first."""
    first = {event.pk: event.excerpts.all()[0] for event in old if event.excerpts.all()}
    pairs: list[tuple[Event, ExtractedEvent]] = []
    rest_old = list(old)
    rest_new = list(found)
    for key in (
        lambda x: (x.start, x.end),
        lambda x: None if x.expression_start is None else (x.expression_start, x.expression_end),
    ):
        by_key: dict[tuple, Event] = {}
        for event in rest_old:
            excerpt = first.get(event.pk)
            if excerpt is not None and key(excerpt) is not None:
                by_key.setdefault(key(excerpt), event)
        unmatched = []
        for item in rest_new:
            event = by_key.pop(key(item.excerpts[0]), None) if item.excerpts else None
            if event is None:
                unmatched.append(item)
            else:
                pairs.append((event, item))
        paired = {event.pk for event, _ in pairs}
        rest_old = [event for event in rest_old if event.pk not in paired]
        rest_new = unmatched
    return pairs, rest_old, rest_new


def _refresh_events(
    document: Document, pairs: list[tuple[Event, ExtractedEvent]], actor_ids: dict[str, int]
) -> None:
    """Write what the analysis now says into the events it found again, keeping their ids:
    changed fields, excerpts (an unchanged excerpt keeps its id too) and actors."""
    changed_events = []
    now = timezone.now()
    for event, item in pairs:
        values = _analysed_values(item)
        if any(getattr(event, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(event, name, value)
            event.updated_at = now
            changed_events.append(event)
    Event.objects.bulk_update(changed_events, [*_ANALYSED_FIELDS, "updated_at"])

    stale_excerpts: list[int] = []
    new_excerpts: list[SourceExcerpt] = []
    for event, item in pairs:
        stored = {_excerpt_key(x): x for x in event.excerpts.all()}
        for excerpt in item.excerpts:
            if stored.pop(_excerpt_key(excerpt), None) is None:
                new_excerpts.append(
                    SourceExcerpt(
                        document=document,
                        event=event,
                        start=excerpt.start,
                        end=excerpt.end,
                        text=excerpt.text,
                        expression_start=excerpt.expression_start,
                        expression_end=excerpt.expression_end,
                    )
                )
        stale_excerpts += [x.pk for x in stored.values()]
    SourceExcerpt.objects.filter(pk__in=stale_excerpts).delete()
    SourceExcerpt.objects.bulk_create(new_excerpts)

    Through = Event.actors.through
    wanted = {(event.pk, actor_ids[actor.key]) for event, item in pairs for actor in item.actors}
    links = Through.objects.filter(event_id__in=[event.pk for event, _ in pairs])
    stored_links = set(links.values_list("event_id", "actor_id"))
    for event_id, actor_id in stored_links - wanted:
        Through.objects.filter(event_id=event_id, actor_id=actor_id).delete()
    Through.objects.bulk_create(
        [Through(event_id=e, actor_id=a) for e, a in sorted(wanted - stored_links)],
        ignore_conflicts=True,
    )


@transaction.atomic
def document_reanalyze(*, document: Document) -> dict[str, int]:
    """Run the current analysis again on a stored document (after the analysis improved).

    A machine event the analysis finds again keeps its id (``match_reanalysed``) and takes the
    new analysis's date, summary, excerpts and actors; events no longer found are deleted and
    new ones created. Events an editor reviewed, or whose grouping an editor made, are kept
    exactly as they are, and no new event is made for the sentence such an event stands for.
    The events found again are grouped into entries anew, as new events are.
    """
    # Lock the row: two re-analyses of one document must not interleave.
    document = Document.objects.select_for_update().get(pk=document.pk)
    # An editor's events are kept: those reviewed and those whose grouping an editor made.
    reviewed = SourceExcerpt.objects.filter(document=document).filter(
        Q(event__status=Event.Status.REVIEWED) | Q(event__grouping_confirmed=True)
    )
    keep = frozenset(reviewed.values_list("start", "end"))
    machine = Event.objects.filter(
        document=document, status=Event.Status.MACHINE, grouping_confirmed=False
    )
    # Only events this document alone supports: an event with excerpts elsewhere stays.
    machine = machine.exclude(excerpts__in=SourceExcerpt.objects.exclude(document=document))
    old = list(
        machine.order_by("pk").prefetch_related(
            Prefetch("excerpts", queryset=SourceExcerpt.objects.order_by("pk"))
        )
    )
    analysis = analyze_document(document.body, document.published_on, document.language)
    found = [
        item
        for item in analysis.events
        if (item.excerpts[0].start, item.excerpts[0].end) not in keep
    ]
    pairs, gone, _ = match_reanalysed(old, found)

    # The events found again leave their entries (which keep together without them) and are
    # grouped again below, as if new: their dates or words may have changed.
    again = [event.pk for event, _ in pairs]
    entries_detach(event_ids=[*again, *(event.pk for event in gone)])
    Event.objects.filter(pk__in=again).update(merged_into=None, date_conflict=False)
    Event.objects.filter(pk__in=[event.pk for event in gone]).delete()
    (actor_ids,) = _resolve_actors([analysis.actors])
    _refresh_events(document, pairs, actor_ids)
    # The new events: everything found but the editors' and the events found again.
    (created,) = _store_analyses(
        [(document, analysis)], keep=keep | {(x.start, x.end) for x in _firsts(pairs)}
    )
    entries_group(event_ids=again)
    kept = Event.objects.filter(excerpts__in=reviewed).distinct().count()
    return {
        "events_removed": len(gone),
        "events_created": created,
        "events_updated": len(pairs),
        "events_kept": kept,
    }


def _firsts(pairs: list[tuple[Event, ExtractedEvent]]) -> list[ExtractedExcerpt]:
    """The first excerpt of each newly found event of ``pairs``."""
    return [item.excerpts[0] for _, item in pairs]
