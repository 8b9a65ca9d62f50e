"""python manage.py import_documents [--queue] [--batch-size N] [--collection NAME]
PATH [PATH ...]"""

import dataclasses
import signal
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from kombu.exceptions import OperationalError as BrokerError

from events import tasks
from events.batching import BATCH_SIZE, documents_import
from events.inputs import DocumentInput, InputError, collection_names, iter_paths, read_file
from events.models import ImportJob
from events.services.jobs import import_job_close, import_job_create

# Seconds between two looks at a queued job's counts.
POLL_SECONDS = 0.5
# With nothing imported after this long, say that a worker may be missing.
NO_WORKER_HINT_SECONDS = 15


class Command(BaseCommand):
    help = (
        "Import news documents (files or folders of .txt seed-format, .json and .jsonl files, "
        "and .json.gz and .jsonl.gz). "
        "Documents are written in batches, a batch in one transaction; a bad document is "
        "reported and skipped (its batch is then written one document at a time), and no "
        "document is ever half written. "
        "Importing the same text again changes nothing. Exits non-zero if any document failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders to import.")
        parser.add_argument(
            "--progress-every",
            type=int,
            default=100,
            help="Print a progress line every N documents (default 100; 0 for none).",
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Send the documents in batches to the task queue's workers (`celery -A "
            "timeline worker`, on any number of machines) and report progress until they are "
            "imported. Needs the broker (CELERY_BROKER_URL). Ctrl-C stops sending; what was "
            "sent is still imported.",
        )
        parser.add_argument(
            "--collection",
            metavar="NAME",
            help="Put every document imported (new or already there) into the collection "
            "(story) of this name, created if there is none.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Write N documents per transaction (default {BATCH_SIZE}).",
        )

    def handle(
        self,
        *args,
        paths: list[Path],
        progress_every: int,
        queue: bool,
        collection: str | None = None,
        batch_size: int,
        **options,
    ) -> None:
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"{', '.join(missing)}: no such file or folder")
        counts = {"created": 0, "unchanged": 0, "failed": 0, "events": 0}
        started = time.monotonic()
        seen = 0
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        items = self._read(paths)
        if collection is not None:
            try:
                (name,) = collection_names([collection])
            except InputError as error:
                raise CommandError(f"--collection: {error}") from None
            items = self._in_collection(items, name)
        if queue:
            self._queue(paths, items, progress_every, batch_size)
            return
        imported = documents_import(items=items, batch_size=batch_size)
        for item, result in imported:
            seen += 1
            if isinstance(result, InputError):
                self._fail(item.source, str(result), counts)
                continue
            key = "created" if result.created else "unchanged"
            counts[key] += 1
            if result.created:
                counts["events"] += result.event_count
            if progress_every and seen % progress_every == 0:
                rate = seen / max(time.monotonic() - started, 1e-9)
                self.stdout.write(f"... {seen} documents ({rate:.0f}/s)")
        summary = (
            f"{counts['created']} created ({counts['events']} events), "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed"
        )
        if counts["failed"]:
            raise CommandError(summary, returncode=1)
        self.stdout.write(self.style.SUCCESS(summary))

    def _read(self, paths: list[Path]) -> Iterator[DocumentInput | InputError]:
        # One document at a time: the stream is never held in memory.
        for path in iter_paths(paths):
            for item in read_file(path, max_bytes=settings.TIMELINE_MAX_DOCUMENT_BYTES):
                if isinstance(item, InputError) and not item.source:
                    item.source = str(path)
                yield item

    @staticmethod
    def _in_collection(
        items: Iterator[DocumentInput | InputError], name: str
    ) -> Iterator[DocumentInput | InputError]:
        """The items, each also naming the collection ``name``: the importer files them in
        their batches' transactions, the new documents and those already imported alike."""
        for item in items:
            if isinstance(item, DocumentInput) and name not in item.collections:
                item = dataclasses.replace(item, collections=(*item.collections, name))
            yield item

    def _queue(
        self,
        paths: list[Path],
        items: Iterator[DocumentInput | InputError],
        progress_every: int,
        batch_size: int,
    ) -> None:
        """Enqueue the documents as one job, then follow the job until it is done."""
        try:
            tasks.broker_check()
        except tasks.BrokerUnreachable as error:
            raise CommandError(str(error)) from None
        job = import_job_create(source="import_documents " + " ".join(str(path) for path in paths))
        self.stdout.write(f"import job {job.pk}: sending documents to the task queue")
        interrupted: list[int] = []
        previous = signal.signal(signal.SIGINT, lambda number, frame: interrupted.append(number))
        try:
            follow = _Progress(self, job, progress_every)
            sent = documents = 0
            try:
                sending = tasks.job_enqueue(job=job, items=items, batch_size=batch_size)
                for counts in sending:
                    sent, documents = counts
                    # A bounded backlog: wait for the workers rather than fill the broker.
                    while not interrupted and follow.pending(sent) >= tasks.MAX_PENDING_BATCHES:
                        follow.wait()
                    if interrupted:
                        break
            except BrokerError as error:
                raise CommandError(
                    f"the task broker failed after {documents} documents were sent (job "
                    f"{job.pk} imports those): {error}"
                ) from None
            finally:
                job = import_job_close(job=job, documents=documents, batches=sent)
            if interrupted:
                self.stderr.write(
                    f"interrupted: {documents} documents in {sent} batches were sent and are "
                    f"still being imported by the workers (job {job.pk}: GET /api/imports/"
                    f"{job.pk}/); the rest was not sent"
                )
                raise CommandError("interrupted", returncode=130)
            while job.status != job.Status.DONE and not interrupted:
                job = follow.wait()
            if interrupted:
                self.stderr.write(
                    f"stopped following job {job.pk}: its {documents} documents are still "
                    f"being imported by the workers (GET /api/imports/{job.pk}/)"
                )
                raise CommandError("interrupted", returncode=130)
        finally:
            signal.signal(signal.SIGINT, previous)
        for failure in job.failures.all():
            self.stderr.write(f"{failure.source}: {failure.reason}")
        summary = (
            f"{job.created} created ({job.events} events), {job.unchanged} unchanged, "
            f"{job.failed} failed"
        )
        if job.failed:
            raise CommandError(summary, returncode=1)
        self.stdout.write(self.style.SUCCESS(summary))

    def _fail(self, source: str, reason: str, counts: dict[str, int]) -> None:
        counts["failed"] += 1
        self.stderr.write(f"{source}: {reason}")


class _Progress:
    """Follows a queued job from its database row: progress lines as it goes."""

    def __init__(self, command: BaseCommand, job: ImportJob, every: int) -> None:
        self.command, self.job, self.every = command, job, every
        self.started = time.monotonic()
        self.reported = 0
        self.hinted = False

    def pending(self, sent: int) -> int:
        return sent - self.job.batches_done

    def wait(self) -> ImportJob:
        """Sleep a little, read the job again, print progress; the job."""
        time.sleep(POLL_SECONDS)
        self.job.refresh_from_db()
        done = self.job.created + self.job.unchanged + self.job.failed
        elapsed = max(time.monotonic() - self.started, 1e-9)
        if self.every and done // self.every > self.reported // self.every:
            total = f" of {self.job.documents}" if self.job.documents is not None else ""
            self.command.stdout.write(f"... {done}{total} documents ({done / elapsed:.0f}/s)")
            self.reported = done
        if not done and not self.hinted and elapsed > NO_WORKER_HINT_SECONDS:
            self.command.stderr.write(
                "nothing imported yet: is a worker running? (celery -A timeline worker)"
            )
            self.hinted = True
        return self.job
