"""Exports of the timeline: TimelineJS, CSV, iCalendar, Timesketch JSON Lines and plain JSON.

Pure functions, no ORM: timeline items in the API's shape (what ``TimelineEventSerializer``
gives for each event of ``/api/timeline/``) in, text out. ``ExportEvent.from_item`` is the one
place that reads that shape; each format works on ``ExportEvent``s. ``render`` yields the output
in chunks, so a caller can stream a long timeline to a file without holding it all (iCalendar is
the exception: the ``icalendar`` library builds the calendar in memory).

Dates: every event is an interval ``[earliest, latest]`` of whole days with a precision. An
undated event is bounded by its document's date (both ends are that date) and is shown as
"undated, before <date>" wherever a format has room for words.
"""

import csv
import html
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.analysis.types import Precision
from events.date_labels import date_text, range_text

DEFAULT_TITLE = "Timeline"
# iCalendar UIDs must be globally unique and stable, so a re-imported export updates the
# calendar's copy of each event instead of adding a duplicate: the event id plus a fixed suffix.
UID_SUFFIX = "@timeline-reconstruction-service"
PRODID = "-//Timeline reconstruction service//Timeline export//EN"
# Timesketch's name for what the one timestamp of each line means.
TIMESTAMP_DESC = "Event date (earliest)"
CSV_COLUMNS = (
    "id",
    "earliest",
    "latest",
    "precision",
    "expression",
    "summary",
    "actors",
    "document",
    "url",
    "excerpt",
    "sources",
    "first_reported",
    "date_alternatives",
)
# Between the actors of one CSV cell; a name may contain a comma ("Smith, Jr."), rarely this.
ACTOR_SEPARATOR = "; "
# Between the excerpts of one event, where a format needs them as one string.
EXCERPT_SEPARATOR = "\n\n"
# A spreadsheet reads a cell starting with one of these as a formula ("=HYPERLINK(...)", or an
# actor "@handle"): such cells get a leading apostrophe, which spreadsheets show as text (OWASP,
# "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# How far down a TimelineJS date goes for each precision: the rest is not known.
_DAY_PARTS = ("year", "month", "day")
_TIMELINEJS_PARTS: dict[str, tuple[str, ...]] = {
    Precision.DAY: _DAY_PARTS,
    Precision.WEEK: _DAY_PARTS,
    Precision.RANGE: _DAY_PARTS,
    Precision.UNDATED: _DAY_PARTS,
    Precision.MONTH: ("year", "month"),
    Precision.QUARTER: ("year", "month"),
    Precision.SEASON: ("year", "month"),
    Precision.YEAR: ("year",),
    Precision.DECADE: ("year",),
    Precision.CENTURY: ("year",),
}
# Precisions whose interval TimelineJS cannot show as a date: they get a display_date in words.
_APPROXIMATE = frozenset(
    {Precision.WEEK, Precision.QUARTER, Precision.SEASON, Precision.DECADE, Precision.CENTURY}
)

DocumentLink = Callable[[int], str]


@dataclass(frozen=True, slots=True)
class ExportEvent:
    """One timeline event as the exports need it."""

    id: int
    earliest: date
    latest: date
    precision: str
    expression: str
    summary: str
    actors: tuple[str, ...]
    document_id: int | None
    document: str  # the document's title, or "Document <id>" when it has none
    url: str  # the source: the document's URL, else its API page when a link is known
    excerpts: tuple[str, ...]
    # The entry's sources (events/analysis/merging.py): documents that report it, the first
    # one's title and date, and the dates they give when they disagree.
    source_count: int = 1
    first_reported: str = ""
    date_alternatives: tuple[str, ...] = ()

    @classmethod
    def from_item(
        cls, item: Mapping[str, Any], *, document_link: DocumentLink | None = None
    ) -> "ExportEvent":
        """Read one timeline item of the API (``TimelineEventSerializer``'s shape).

        ``document_link`` gives a URL for a document that was imported without one (the
        API's page for it); without it such events have no URL.
        """
        document_id = item.get("document")
        excerpts = list(item.get("excerpts") or [])
        # The event's own document speaks for it; any excerpt if that is gone.
        source = next((e for e in excerpts if e.get("document") == document_id), None)
        if source is None and excerpts:
            source = excerpts[0]
            document_id = source.get("document")
        title = (source or {}).get("document_title") or ""
        url = (source or {}).get("document_url") or ""
        if not url and document_id is not None and document_link is not None:
            url = document_link(document_id)
        return cls(
            id=item["id"],
            earliest=_day(item["earliest"]),
            latest=_day(item["latest"]),
            precision=item.get("precision") or Precision.DAY,
            expression=item.get("expression") or "",
            summary=item.get("summary") or "",
            actors=tuple(actor["name"] for actor in item.get("actors") or []),
            document_id=document_id,
            document=title or (f"Document {document_id}" if document_id is not None else ""),
            url=url,
            excerpts=tuple(e["text"] for e in excerpts if e.get("text")),
            source_count=item.get("source_count") or 1,
            first_reported=_first_reported(item.get("first_reported")),
            date_alternatives=tuple(
                _interval_label(a["earliest"], a["latest"]) + f" ({a['sources']})"
                for a in item.get("date_alternatives") or []
            ),
        )

    @property
    def excerpt(self) -> str:
        return EXCERPT_SEPARATOR.join(self.excerpts)

    @property
    def undated(self) -> bool:
        return self.precision == Precision.UNDATED


def _first_reported(first: Mapping[str, Any] | None) -> str:
    """ "<title>, <date>" of the document that reported an entry first."""
    if not first:
        return ""
    title = first.get("document_title") or f"Document {first.get('document')}"
    return f"{title}, {first.get('published_on')}"


def _interval_label(earliest: str, latest: str) -> str:
    return earliest if earliest == latest else f"{earliest} to {latest}"


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def date_label(event: ExportEvent) -> str:
    """The event's date in words, as the web page says it (``events.date_labels.date_text``):
    "Sat 30 Aug 2025", "August 2025", "Q3 2025", "undated, before 30 Aug 2025". For a
    precision TimelineJS cannot show as a date, the words as written come first when there
    are any: "the third quarter (Q3 2025)"."""
    label = date_text(event.earliest, event.latest, event.precision)
    if event.precision in _APPROXIMATE and event.expression:
        return f"{event.expression} ({label})"
    return label


# --- TimelineJS ------------------------------------------------------------------------------


def timelinejs_date(day: date, precision: str) -> dict[str, int]:
    """A TimelineJS date object holding only the parts the precision knows."""
    parts = _TIMELINEJS_PARTS.get(precision, _DAY_PARTS)
    return {part: getattr(day, part) for part in parts}


def timelinejs_slide(event: ExportEvent) -> dict[str, Any]:
    """One TimelineJS3 slide (an item of ``events``), per the Knight Lab JSON format. Every
    text is HTML-escaped: TimelineJS inserts them into the page as markup."""
    start = timelinejs_date(event.earliest, event.precision)
    end = timelinejs_date(event.latest, event.precision)
    slide: dict[str, Any] = {
        "start_date": start,
        "text": {"headline": html.escape(event.summary), "text": _timelinejs_text(event)},
        "unique_id": f"event-{event.id}",
    }
    if end != start:
        slide["end_date"] = end
    # TimelineJS shows the group label and the display date as markup too.
    group = event.actors[0] if event.actors else event.document
    if group:
        slide["group"] = html.escape(group)
    if event.undated or event.precision in _APPROXIMATE:
        slide["display_date"] = html.escape(date_label(event))
    return slide


def _timelinejs_text(event: ExportEvent) -> str:
    """The slide's body, HTML (TimelineJS inserts it as markup): every piece of text escaped."""
    parts = []
    for excerpt in event.excerpts:
        paragraphs = [p.strip() for p in excerpt.split("\n\n") if p.strip()]
        body = "".join(
            "<p>" + "<br>".join(html.escape(line) for line in p.splitlines()) + "</p>"
            for p in paragraphs
        )
        parts.append(f"<blockquote>{body}</blockquote>")
    if event.expression:
        parts.append(f"<p>Date as written: “{html.escape(event.expression)}”</p>")
    if event.url.startswith(("https://", "http://")):  # never a javascript: or data: link
        label = html.escape(event.document or event.url)
        href = html.escape(event.url, quote=True)
        parts.append(f'<p>Source: <a href="{href}" target="_blank" rel="noopener">{label}</a></p>')
    elif event.document:
        parts.append(f"<p>Source: {html.escape(event.document)}</p>")
    return "".join(parts)


def timelinejs(events: Iterable[ExportEvent], *, title: str = DEFAULT_TITLE) -> Iterator[str]:
    """The TimelineJS3 JSON object ``{"events": [slides], "title": slide}``, in chunks.

    The title slide comes last (a JSON object's keys are unordered) so that it can say how many
    events there are and which days they span without reading the timeline twice.
    """
    yield '{"events": ['
    count, first, last = 0, None, None
    for event in events:
        yield (", " if count else "") + json.dumps(timelinejs_slide(event), ensure_ascii=False)
        count += 1
        first = event.earliest if first is None else min(first, event.earliest)
        last = event.latest if last is None else max(last, event.latest)
    described = f"{count} event{'' if count == 1 else 's'}"
    if first is not None and last is not None:
        described += f", {range_text(first, last)}"
    title_slide = {"text": {"headline": html.escape(title), "text": f"<p>{described}</p>"}}
    yield '], "title": ' + json.dumps(title_slide, ensure_ascii=False) + "}\n"


# --- CSV -------------------------------------------------------------------------------------


def csv_row(event: ExportEvent) -> list[str]:
    row = [
        str(event.id),
        event.earliest.isoformat(),
        event.latest.isoformat(),
        event.precision,
        event.expression,
        event.summary,
        ACTOR_SEPARATOR.join(event.actors),
        event.document,
        event.url,
        event.excerpt,
        str(event.source_count),
        event.first_reported,
        ACTOR_SEPARATOR.join(event.date_alternatives),
    ]
    return [_defuse(cell) for cell in row]


def _defuse(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def csv_lines(events: Iterable[ExportEvent]) -> Iterator[str]:
    """RFC 4180 CSV (CRLF line ends, quoted where needed) with a header row of ``CSV_COLUMNS``,
    starting with a UTF-8 byte-order mark so that spreadsheets read it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + buffer.getvalue()
    for event in events:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(csv_row(event))
        yield buffer.getvalue()


# --- iCalendar -------------------------------------------------------------------------------


def ical_event(event: ExportEvent, *, stamp: datetime) -> CalendarEvent:
    """One all-day VEVENT over [earliest, latest]: DTEND is the day after latest, since RFC 5545
    makes it exclusive. An event ending on the calendar's last day (9999-12-31) has no day
    after: it gets the equivalent DURATION (RFC 5545 allows either) instead."""
    vevent = CalendarEvent()
    vevent.add("uid", f"event-{event.id}{UID_SUFFIX}")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.earliest)
    if event.latest < date.max:
        vevent.add("dtend", event.latest + timedelta(days=1))
    else:
        vevent.add("duration", timedelta(days=(event.latest - event.earliest).days + 1))
    vevent.add("summary", event.summary)
    lines = []
    if event.undated:
        lines.append(f"Date: {date_label(event)}.")
    elif event.expression:
        lines.append(f"Date as written: {event.expression} ({date_label(event)}).")
    if event.excerpt:
        lines.append(event.excerpt)
    if event.actors:
        lines.append("Actors: " + ", ".join(event.actors))
    if event.source_count > 1:
        lines.append(f"Reported by {event.source_count} documents, first: {event.first_reported}.")
    if event.date_alternatives:
        lines.append("The sources disagree on the date: " + "; ".join(event.date_alternatives))
    if event.document or event.url:
        lines.append("Source: " + " ".join(filter(None, (event.document, event.url))))
    vevent.add("description", "\n\n".join(lines))
    if event.url:
        vevent.add("url", event.url)
    if event.actors:
        vevent.add("categories", list(event.actors))
    return vevent


def ical(
    events: Iterable[ExportEvent], *, title: str = DEFAULT_TITLE, stamp: datetime | None = None
) -> Iterator[str]:
    """An iCalendar (RFC 5545) calendar with one all-day VEVENT per event. ``stamp`` is every
    event's DTSTAMP (when the export was made); it defaults to now."""
    stamp = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    for event in events:
        calendar.add_component(ical_event(event, stamp=stamp))
    yield calendar.to_ical().decode("utf-8")


# --- Timesketch JSON Lines -------------------------------------------------------------------


def timesketch_record(event: ExportEvent) -> dict[str, Any]:
    """One Timesketch event: ``message``, ``datetime`` (ISO 8601, the earliest day at 00:00 UTC)
    and ``timestamp_desc`` are the fields Timesketch requires; ``timestamp`` (microseconds since
    the epoch) is for older importers; the rest become searchable attributes."""
    moment = datetime.combine(event.earliest, time(0, 0), tzinfo=UTC)
    return {
        "message": event.summary,
        "datetime": moment.isoformat(),
        "timestamp": int(moment.timestamp()) * 1_000_000,
        "timestamp_desc": TIMESTAMP_DESC,
        "event_id": event.id,
        "earliest": event.earliest.isoformat(),
        "latest": event.latest.isoformat(),
        "precision": event.precision,
        "date": date_label(event),
        "expression": event.expression,
        "actors": list(event.actors),
        "excerpt": event.excerpt,
        "document": event.document,
        "document_id": event.document_id,
        "url": event.url,
        "source_count": event.source_count,
        "first_reported": event.first_reported,
        "date_conflict": bool(event.date_alternatives),
        "date_alternatives": list(event.date_alternatives),
    }


def timesketch_lines(events: Iterable[ExportEvent]) -> Iterator[str]:
    """JSON Lines: one object per line; newlines inside texts are escaped by JSON."""
    for event in events:
        yield json.dumps(timesketch_record(event), ensure_ascii=False) + "\n"


# --- Plain JSON (the API's items, unpaginated) -----------------------------------------------


def json_items(items: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """A JSON array of the timeline items exactly as the API gives them, in chunks."""
    yield "["
    for index, item in enumerate(items):
        yield ("," if index else "") + "\n" + json.dumps(item, ensure_ascii=False, default=str)
    yield "\n]\n"


# --- Dispatch --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    media_type: str
    extension: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("timelinejs", "application/json", "json"),
        ExportFormat("csv", "text/csv", "csv"),
        ExportFormat("ics", "text/calendar", "ics"),
        ExportFormat("jsonl", "application/x-ndjson", "jsonl"),
        ExportFormat("json", "application/json", "json"),
    )
}


def render(
    name: str,
    items: Iterable[Mapping[str, Any]],
    *,
    title: str = DEFAULT_TITLE,
    document_link: DocumentLink | None = None,
    stamp: datetime | None = None,
) -> Iterator[str]:
    """The timeline items in format ``name`` (a key of ``FORMATS``), as text chunks."""
    if name == "json":
        return json_items(items)
    events = (ExportEvent.from_item(item, document_link=document_link) for item in items)
    if name == "timelinejs":
        return timelinejs(events, title=title)
    if name == "csv":
        return csv_lines(events)
    if name == "ics":
        return ical(events, title=title, stamp=stamp)
    if name == "jsonl":
        return timesketch_lines(events)
    raise ValueError(f"unknown export format {name!r}; expected one of {', '.join(FORMATS)}")
