"""python manage.py export_timeline --format F [--actor ID] [--document ID] [--collection NAME]
[--from D] [--to D] [--precision P] [--q TEXT] [-o FILE]"""

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django.http import QueryDict
from django.template.defaultfilters import pluralize
from django.urls import reverse

from events import exports, selectors
from events.filters import TimelineFilter
from events.models import Collection
from events.renderers import EXPORT_CHUNK_SIZE


class Command(BaseCommand):
    help = (
        "Export the timeline, or the part of it the filters select, in one of the export "
        "formats: timelinejs, csv, ics, jsonl (Timesketch) or json (the API's items). The same "
        "events in the same order as /api/timeline/ with the same filters, without its pages or "
        "its size limit: events are read and written in chunks. Writes to stdout unless -o."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--format", dest="export_format", required=True, choices=list(exports.FORMATS)
        )
        parser.add_argument(
            "--actor", action="append", default=[], metavar="ID", help="Actor id (repeatable)."
        )
        parser.add_argument(
            "--document", metavar="ID", help="Document id: events with an excerpt in it."
        )
        parser.add_argument(
            "--collection",
            metavar="NAME",
            help="Collection (story) name or slug: events with an excerpt in its documents.",
        )
        parser.add_argument(
            "--from", dest="date_from", metavar="D", help="Events ending on or after D (Y-M-D)."
        )
        parser.add_argument(
            "--to", dest="date_to", metavar="D", help="Events starting on or before D (Y-M-D)."
        )
        parser.add_argument(
            "--precision", action="append", default=[], metavar="P", help="Repeatable."
        )
        parser.add_argument("--status", help="machine or reviewed.")
        parser.add_argument(
            "--modality",
            metavar="M[,M]",
            help="fact, statement, plan, opinion (comma-separated) or all. "
            "Default: facts and statements.",
        )
        parser.add_argument(
            "--q", metavar="TEXT", help="Text in summaries, excerpts and expressions."
        )
        parser.add_argument(
            "--unmerged",
            action="store_true",
            help="Every event as its document gave it, instead of one entry per happening "
            "reported by several documents (the API's merged=false).",
        )
        parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="Default: stdout.")
        parser.add_argument(
            "--base-url",
            default="",
            help="e.g. https://timeline.example.org: events whose document has no URL link to "
            "the document's API page there (without it, they have no link).",
        )
        parser.add_argument("--title", default=exports.DEFAULT_TITLE, help="TimelineJS/ICS title.")

    def handle(
        self,
        *args: Any,
        export_format: str,
        output: Path | None,
        base_url: str,
        title: str,
        **options: Any,
    ) -> None:
        data = filter_data(options)
        if options.get("collection") is not None:
            data["collection"] = collection_id(options["collection"])
        filterset = TimelineFilter(data, queryset=selectors.timeline_rows())
        if not filterset.is_valid():
            raise CommandError(
                "; ".join(
                    f"--{name}: {' '.join(messages)}" for name, messages in filterset.errors.items()
                )
            )
        # Read a chunk at a time, each event with its items' relations (as JSON): a long
        # timeline never sits in memory.
        merged = filterset.is_merged()
        rows = selectors.with_items(filterset.qs, merged=merged)
        events = rows.iterator(chunk_size=EXPORT_CHUNK_SIZE)  # in timeline order
        counted = Counted(
            item
            for chunk in chunked(events, EXPORT_CHUNK_SIZE)
            for item in selectors.timeline_items(chunk, merged=merged)
        )
        link = document_api_link(base_url) if base_url else None
        chunks = exports.render(export_format, counted, title=title, document_link=link)
        if output is None:
            try:
                for chunk in chunks:
                    self.stdout.write(chunk, ending="")
                self.stdout.flush()
            except BrokenPipeError:
                # The reader stopped early (`export_timeline ... | head`): not an error. Point
                # stdout at /dev/null so the interpreter's last flush does not fail again.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        write_atomically(output, chunks)
        count = counted.count
        self.stdout.write(f"{count} event{pluralize(count)} written to {output}")


def filter_data(options: dict[str, Any]) -> QueryDict:
    """The command's filter options as the query parameters of /api/timeline/."""
    data = QueryDict(mutable=True)
    data.setlist("actor", options["actor"])
    data.setlist("precision", options["precision"])
    for name, option in (
        ("document", "document"),
        ("from", "date_from"),
        ("to", "date_to"),
        ("status", "status"),
        ("modality", "modality"),
        ("q", "q"),
    ):
        if options.get(option) is not None:
            data[name] = options[option]
    if options.get("unmerged"):
        data["merged"] = "false"
    return data


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def collection_id(name: str) -> str:
    """The id of the collection named ``name`` (or with that slug), for the timeline filter."""
    name = name.strip()
    found = list(Collection.objects.filter(Q(name=name) | Q(slug=name)).values_list("pk", "name"))
    if not found:
        raise CommandError(f"--collection: no collection is named {name!r} or has that slug")
    # A name that is another collection's slug: the name wins (it is what people type).
    return str(next((pk for pk, named in found if named == name), found[0][0]))


def document_api_link(base_url: str) -> exports.DocumentLink:
    def link(pk: int) -> str:
        return base_url.rstrip("/") + reverse("document-detail", args=[pk])

    return link


class Counted:
    """An iterable that counts what it yields, for the closing message."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items
        self.count = 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.count += 1
            yield item


def write_atomically(path: Path, chunks: Iterable[str]) -> None:
    """Write to a temporary file beside ``path`` and move it into place: an export that fails
    halfway leaves no truncated file behind."""
    if not path.parent.is_dir():
        raise CommandError(f"{path.parent}: no such folder")
    if path.is_dir():
        raise CommandError(f"{path}: is a folder")
    partial = path.with_name(f".{path.name}.partial")
    try:
        # newline="": the formats choose their own line ends (CSV and iCalendar use CRLF).
        with partial.open("w", encoding="utf-8", newline="") as file:
            for chunk in chunks:
                file.write(chunk)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
