"""Writes on queued import jobs: events/tasks.py enqueues a job's batches and its workers
import each one here, once."""

from functools import partial

from django.contrib.auth.models import AnonymousUser, User
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.analysis.extraction import DocumentAnalysis, analyze_document
from events.inputs import DocumentInput, InputError
from events.models import ImportBatch, ImportFailure, ImportJob
from events.services.imports import (
    ImportResult,
    Item,
    _attempt,
    _imported,
    content_hash,
    documents_import_batch,
)


def import_job_create(*, source: str, user: User | AnonymousUser | None = None) -> ImportJob:
    """A new, empty import job; its batches are enqueued next, then it is closed. ``user`` is
    the request's (an anonymous one records no one)."""
    created_by = user if isinstance(user, User) else None
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
    then finds it), writes the documents through ``documents_import_batch`` (as an import in
    the caller's process does), records the failures and adds the counts to the job. A worker
    killed at any point leaves either all of that or none of it, so the job's counts say what
    each document did exactly once."""
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
        results = documents_import_batch(batch=batch)
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
        # A document (an InputError has no digest) not imported yet.
        if isinstance(item, DocumentInput) and digests[index] not in existing:
            found = _attempt(
                item, partial(analyze_document, item.body, item.published_on, item.language)
            )
            analysis = None if isinstance(found, InputError) else found
        batch.append((item, analysis))
    return batch


def _settle(job: ImportJob) -> None:
    """The job's status from its counts: done once every enqueued batch is imported."""
    if job.batches is not None and job.batches_done >= job.batches:
        job.status, job.finished_at = ImportJob.Status.DONE, job.finished_at or timezone.now()
    elif job.batches_done:
        job.status = ImportJob.Status.RUNNING
