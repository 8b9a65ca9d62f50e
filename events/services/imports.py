"""Writes: importing documents and storing what the analysis found in them.

Each public function is one transaction, but for ``documents_import_batch``, which writes a
batch of documents in one transaction and falls back to one transaction per document when that
fails; how a stream of documents is cut into batches is the caller's (events/batching.py, the
task queue). The importer is keyed on the SHA-256 of the body, so importing the same text again
changes nothing; concurrent imports of one text are settled by the unique constraint, not by a
read-then-write race.
"""

import gc
import hashlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, TypedDict, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Count

from events.analysis.extraction import DocumentAnalysis, ExtractedExcerpt, analyze_document
from events.analysis.types import Precision
from events.inputs import DocumentInput, InputError
from events.models import Document, Event, SourceExcerpt
from events.services.actors import _resolve_actors
from events.services.collections import _file_in_collections
from events.services.entries import GroupingMemory, entries_group, report_of

if TYPE_CHECKING:  # django-stubs' helper, a development dependency
    from django_stubs_ext import WithAnnotations

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


class _EventCount(TypedDict):
    event_count: int


def _unchanged_in_collections(
    data: DocumentInput, existing: "WithAnnotations[Document, _EventCount]"
) -> ImportResult:
    """A text already imported: the same result, and it joins the collections ``data`` names
    (importing a story again with ``--collection`` files the documents it already had)."""
    result = _unchanged(existing, data.published_on, existing.event_count)
    if data.collections:
        with transaction.atomic():
            _file_in_collections([(data, existing)])
    return result


def _imported(digests: list[str]) -> dict[str, "WithAnnotations[Document, _EventCount]"]:
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
    memory: GroupingMemory | None = None,
) -> list[ImportResult]:
    """Store new documents (input, content hash, analysis) with their events, in bulk
    statements across all of them. The caller holds the transaction; ``memory``: the
    grouping's, kept across the batches of one import (``entries_group``)."""
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
        ],
        memory=memory,
    )
    return [
        ImportResult(document=document, created=True, event_count=count)
        for document, count in zip(documents, event_counts, strict=True)
    ]


def excerpt_row(document: Document, event: Event, excerpt: ExtractedExcerpt) -> SourceExcerpt:
    """The unsaved row of an excerpt the analysis found for ``event`` in ``document``."""
    return SourceExcerpt(
        document=document,
        event=event,
        start=excerpt.start,
        end=excerpt.end,
        text=excerpt.text,
        expression_start=excerpt.expression_start,
        expression_end=excerpt.expression_end,
    )


def _store_analyses(
    analysed: list[tuple[Document, DocumentAnalysis]],
    keep: frozenset[tuple[int, int]] = frozenset(),
    memory: GroupingMemory | None = None,
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
            excerpt_row(document, event, excerpt)
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
    # With a memory of the import's batches, the grouping takes the new events' reports from
    # the rows just written rather than reading them back. Not those of undated events, which
    # are never grouped: a quarter of a story's events, whose words were computed and held in
    # the memory for nothing.
    written = (
        None
        if memory is None
        else [
            report_of(
                event=event,
                published_on=document.published_on,
                excerpt=min(item.excerpts, key=lambda excerpt: excerpt.start).text,
                actors=[ids[actor.key] for actor in item.actors],
            )
            for event, (document, ids, item) in stored
            if event.precision != Precision.UNDATED
        ]
    )
    entries_group(event_ids=[event.pk for event in events], memory=memory, written=written)
    return [len(items) for _, _, items in found]


Item = DocumentInput | InputError
Result = ImportResult | InputError
T = TypeVar("T")


def documents_import_batch(
    *,
    batch: list[tuple[Item, DocumentAnalysis | None]],
    memory: GroupingMemory | None = None,
) -> list[tuple[Item, Result]]:
    """Import a batch of inputs, each with its analysis if the caller made it already, and
    return each input with its result (or the InputError that rejected it), in input order.

    The batch is written in one transaction of about a dozen statements whatever its size,
    with the same result as importing its documents one by one in order (each document sees
    the actors and aliases the ones before it created). A batch that fails (a concurrent
    import of one of its texts, a bug) is rolled back and imported again one document per
    transaction through ``document_import``: a bad document costs the others time, never
    their data, and no document is ever half written. Callers choose the batches:
    ``events.batching.documents_import`` in their own process, ``import_job_batch`` in the
    task queue's workers. ``memory``: what grouping the events into entries read in the
    batches before, for a caller that imports several (``GroupingMemory``).
    """
    results: list[Result | None] = [
        item if isinstance(item, InputError) else None for item, _ in batch
    ]
    analyses: dict[int, DocumentAnalysis] = {}
    with _fewer_collections():
        try:
            _write_batch(batch, results, analyses, memory)
        except Exception:
            logger.warning(
                "writing a batch of %d documents failed; importing them one by one",
                len(batch),
                exc_info=True,
            )
            for index, (item, _) in enumerate(batch):
                # An InputError has its result already: only the documents' can be missing.
                if results[index] is None and isinstance(item, DocumentInput):
                    work = partial(document_import, data=item, analysis=analyses.get(index))
                    results[index] = _attempt(item, work)
    return [(item, _settled(result)) for (item, _), result in zip(batch, results, strict=True)]


# Allocations between two collections of the youngest generation while a batch is imported
# (Python's default: 700). Analysing and writing a batch allocates millions of short-lived
# objects, almost none in cycles; at the default the collector ran often enough to cost 13% of
# an import (a story of 1,460 articles: 31.1 CPU s at 700, 28.1 at 10,000, 27.0 at 50,000,
# 27.8 at 200,000; benchmarks/merging_import.py, two variants at once).
_YOUNG_THRESHOLD = 50_000
_collections_lock = threading.Lock()
_collections_users = 0
_collections_saved: tuple[int, int, int] | None = None


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect the youngest generation less often while inside; the thresholds go back when
    the last thread that entered leaves (they are the process's, not the thread's)."""
    global _collections_users, _collections_saved
    with _collections_lock:
        if _collections_users == 0:
            _collections_saved = gc.get_threshold()
            gc.set_threshold(_YOUNG_THRESHOLD, *_collections_saved[1:])
        _collections_users += 1
    try:
        yield
    finally:
        with _collections_lock:
            _collections_users -= 1
            if _collections_users == 0 and _collections_saved is not None:
                gc.set_threshold(*_collections_saved)


def _settled(result: Result | None) -> Result:
    """A batch's result for one input: each is set by then (by ``_write_batch`` or, when it
    failed, one by one), so a missing one is a bug, not a document to skip silently."""
    if result is None:
        raise RuntimeError("an input of the batch was left without a result")
    return result


def _write_batch(
    batch: list[tuple[Item, DocumentAnalysis | None]],
    results: list[Result | None],
    analyses: dict[int, DocumentAnalysis],
    memory: GroupingMemory | None = None,
) -> None:
    """The batch in one transaction: one query finds the texts already imported, the others are
    analysed (unless the caller did it) and written together. Fills in ``results`` and, for the
    one-by-one import if this raises, ``analyses``; a result is set only once it is final (a
    document's once its transaction committed)."""
    inputs = {  # the documents of the batch (the InputErrors have their results already)
        index: item for index, (item, _) in enumerate(batch) if isinstance(item, DocumentInput)
    }
    digests = {index: content_hash(item.body) for index, item in inputs.items()}
    existing = _imported(sorted(set(digests.values())))
    first_of: dict[str, int] = {}  # content hash -> the first input in the batch with that text
    for index, digest in digests.items():
        item, given = inputs[index], batch[index][1]
        if digest in existing:
            found = existing[digest]
            work = partial(_unchanged, found, item.published_on, found.event_count)
            results[index] = _attempt(item, work)
        elif digest not in first_of:
            analysis = (
                given
                if given is not None
                else _attempt(
                    item, partial(analyze_document, item.body, item.published_on, item.language)
                )
            )
            if isinstance(analysis, InputError):
                results[index] = analysis
            else:
                analyses[index] = analysis
                first_of[digest] = index
    filed: list[tuple[DocumentInput, Document]] = []  # the documents to file in collections
    for index, item in inputs.items():
        result = results[index]
        if isinstance(result, ImportResult) and item.collections:
            filed.append((item, result.document))
    if not analyses and not filed:
        return
    with transaction.atomic():
        written = _write_documents(
            [(inputs[index], digests[index], analysis) for index, analysis in analyses.items()],
            memory,
        )
        created = dict(zip(analyses, written, strict=True))
        # Collections (#11): the new documents and the ones already imported, in this batch's
        # transaction and statements (none when no input names a collection).
        filed += [
            (inputs[index], created[first_of[digest]].document)
            for index, digest in digests.items()
            if results[index] is None
            and inputs[index].collections
            and inputs[index].published_on == created[first_of[digest]].document.published_on
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
                    _unchanged, first.document, inputs[index].published_on, first.event_count
                )
                results[index] = _attempt(inputs[index], work)


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
