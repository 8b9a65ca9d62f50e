"""Queued imports: documents go to Celery workers (``celery -A timeline worker``) in batches.

A job's documents travel in the task messages themselves, a batch per message (at most
``batch_size`` documents and about ``MAX_BATCH_BYTES`` of text), rather than being staged in
the database first: each body is then written to the database once, by the worker that imports
it, nothing is left to clean up, and the broker holds each message until a worker has committed
the batch and acknowledged it (``acks_late``). The producer keeps at most
``MAX_PENDING_BATCHES`` batches waiting, so the broker's memory is bounded whatever the corpus.
The price: a broker that loses its data (Redis restarted without persistence) loses the waiting
batches; run Redis with ``--appendonly yes`` (docker-compose.yml does) where that matters.

The task is idempotent: a batch's documents, its ``ImportBatch`` row and the job's counts are
one transaction (``import_job_batch`` in events/services/jobs.py), so a message delivered twice
(its worker was killed after the commit, before the acknowledgement) changes nothing, and
documents are keyed by content hash as in every import.
"""

import logging
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date

from celery import shared_task
from django.db import DatabaseError

from events.batching import batches
from events.inputs import DocumentInput, InputError
from events.models import ImportJob
from events.services.imports import Item
from events.services.jobs import import_job_batch
from timeline.celery import app

logger = logging.getLogger(__name__)

# Text per task message: large enough for a batch of news articles, small enough for the
# broker to hold MAX_PENDING_BATCHES of them (a document over it travels alone).
MAX_BATCH_BYTES = 4_000_000
# Batches enqueued and not yet imported, at most: the producer waits for the workers beyond it.
MAX_PENDING_BATCHES = 16
# A batch whose database work fails (SQLite busy, PostgreSQL restarting) is tried again this
# many times, then its documents are reported failed, with the reason, so the job still ends.
MAX_RETRIES = 5
ERROR_BROKER = "cannot reach the task broker at {url}: {reason}"


class BrokerUnreachable(Exception):
    """The broker (CELERY_BROKER_URL) did not answer; the message is one line."""


def to_message(item: Item) -> dict:
    """One input as JSON for a task message: its fields, or its error."""
    if isinstance(item, InputError):
        return {"source": item.source, "error": str(item)}
    entry = {field.name: getattr(item, field.name) for field in fields(item)}
    entry["published_on"] = item.published_on.isoformat()
    return entry


def from_message(entry: dict) -> Item:
    """The input ``to_message`` made."""
    if "error" in entry:
        return InputError(entry["error"], source=entry.get("source", ""))
    return DocumentInput(
        **{
            **entry,
            "published_on": date.fromisoformat(entry["published_on"]),
            # JSON has no tuples: the collections come back as a list.
            "collections": tuple(entry.get("collections", ())),
        }
    )


@shared_task(
    name="events.import_batch",
    bind=True,
    # Acknowledged after the batch is committed: a worker killed before that (kill -9, a lost
    # machine) leaves the message to be delivered again, to another worker.
    acks_late=True,
    # ... and a pool process killed under its worker makes the worker give the message back
    # at once rather than acknowledge it.
    reject_on_worker_lost=True,
    max_retries=MAX_RETRIES,
)
def import_batch(self, job_id: int, number: int, first: int, entries: list[dict]) -> bool:
    """Import batch ``number`` of job ``job_id``; False if it was imported before."""
    items = [from_message(entry) for entry in entries]
    try:
        return import_job_batch(job_id=job_id, number=number, first=first, items=items)
    except DatabaseError as error:
        if self.request.retries < MAX_RETRIES:
            raise self.retry(exc=error, countdown=2**self.request.retries) from error
        logger.exception("job %s batch %s failed %d times", job_id, number, MAX_RETRIES + 1)
        reason = f"not imported: the database failed ({type(error).__name__}: {error})"
        failed: list[Item] = [InputError(reason, source=item.source) for item in items]
        return import_job_batch(job_id=job_id, number=number, first=first, items=failed)


def broker_check() -> None:
    """Raise BrokerUnreachable unless the broker answers (within a few seconds); with
    ``CELERY_TASK_ALWAYS_EAGER`` (the tests) tasks run in this process and need none."""
    if app.conf.task_always_eager:
        return
    with app.connection_for_write() as connection:
        try:
            connection.ensure_connection(max_retries=1, interval_start=0, timeout=4)
        except Exception as error:
            url = connection.as_uri()  # the password masked
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise BrokerUnreachable(ERROR_BROKER.format(url=url, reason=reason)) from None


def job_enqueue(
    *, job: ImportJob, items: Iterable[Item], batch_size: int
) -> Iterator[tuple[int, int]]:
    """Send the inputs to the workers in batches; after each batch is sent, yield how many
    batches and documents are enqueued so far. The caller closes the job (``import_job_close``)
    with the last counts, whether it read everything or stopped early (what was enqueued is
    imported either way)."""
    sent = documents = 0
    for batch in batches(items, batch_size, MAX_BATCH_BYTES):
        entries = [to_message(item) for item in batch]
        import_batch.apply_async(args=(job.pk, sent, documents, entries))
        sent, documents = sent + 1, documents + len(batch)
        yield sent, documents
