"""How a stream of documents is cut into batches, for the services to import a batch at a time.

The services import documents (``documents_import_batch``: one batch, one transaction); the
callers decide how many go together: ``import_documents`` in its own process through
``documents_import`` here, and the task queue (``events/tasks.py``: the command's ``--queue``,
``POST /api/imports/``) a batch per task message, bounded by its text too.
"""

from collections.abc import Iterable, Iterator

from events.inputs import DocumentInput
from events.services.entries import GroupingMemory
from events.services.imports import Item, Result, documents_import_batch

# Documents written per transaction: large enough that the statements of a batch (about a
# dozen, whatever its size) cost little per document, small enough that a failed batch,
# imported again one document at a time, costs little.
BATCH_SIZE = 100


def batches(items: Iterable[Item], size: int, max_bytes: int | None = None) -> Iterator[list[Item]]:
    """The inputs in lists of at most ``size`` (at least 1), and, given ``max_bytes``, of about
    that much text (a longer document makes a batch of its own). A full batch is handed on
    before the next input is read, so a stream is read no further than it is imported."""
    size = max(size, 1)
    batch: list[Item] = []
    weight = 0
    for item in items:
        length = len(item.body) if isinstance(item, DocumentInput) else 0
        if batch and max_bytes is not None and weight + length > max_bytes:
            yield batch
            batch, weight = [], 0
        batch.append(item)
        weight += length
        if len(batch) >= size:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def documents_import(
    *, items: Iterable[Item], batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Item, Result]]:
    """Import a stream of documents in this process, yielding each input with its result (or
    the InputError that rejected it), in input order.

    The documents are written ``batch_size`` at a time through ``documents_import_batch``, with
    the same result as importing them one by one in order (each document sees the actors and
    aliases the ones before it created); a batch that fails is imported again one document per
    transaction. To spread the work over several processes or machines, enqueue the documents
    instead (``events.tasks.job_enqueue``): each worker imports its batches through the same
    batch import.

    The batches share a ``GroupingMemory``: grouping each batch's events into entries reads
    again only what the batches before did not.
    """
    memory = GroupingMemory()
    for batch in batches(items, batch_size):
        yield from documents_import_batch(batch=[(item, None) for item in batch], memory=memory)
