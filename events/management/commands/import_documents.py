"""python manage.py import_documents [--workers N] [--batch-size N] [--collection NAME]
PATH [PATH ...]"""

import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.inputs import DocumentInput, InputError, collection_names, iter_paths, read_file
from events.services import BATCH_SIZE, documents_import


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
            "--workers",
            type=int,
            default=1,
            help="Analyse documents in N processes while this one writes (default 1).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Write N documents per transaction (default {BATCH_SIZE}).",
        )
        parser.add_argument(
            "--collection",
            metavar="NAME",
            help="Put every document imported (new or already there) into the collection "
            "(story) of this name, created if there is none.",
        )

    def handle(
        self,
        *args,
        paths: list[Path],
        progress_every: int,
        workers: int,
        batch_size: int,
        collection: str | None = None,
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
        imported = documents_import(items=items, workers=workers, batch_size=batch_size)
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

    def _fail(self, source: str, reason: str, counts: dict[str, int]) -> None:
        counts["failed"] += 1
        self.stderr.write(f"{source}: {reason}")
