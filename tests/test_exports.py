"""Exports of the timeline (TimelineJS, CSV, iCalendar, Timesketch JSONL, JSON), each parsed back
with a real parser; their API formats and command."""

import csv
import dataclasses
import io
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from icalendar import Calendar

from events import exports, renderers
from events.date_labels import date_text
from events.exports import CSV_COLUMNS, ExportEvent, date_label
from events.models import Actor, Document
from events.pagination import TimelineCursorPagination
from events.selectors import timeline_events
from events.serializers import TimelineEventSerializer
from tests.factories import EventFactory, SourceExcerptFactory

SEED_DATED = [
    # earliest, latest, precision, expression
    (date(2025, 8, 28), date(2025, 8, 28), "day", "Thursday"),
    (date(2025, 8, 28), date(2025, 8, 29), "range", "August 28-29"),
    (date(2025, 8, 29), date(2025, 8, 29), "day", "August 29, 2025"),
    (date(2025, 8, 30), date(2025, 8, 30), "day", "Saturday"),
    (date(2025, 8, 30), date(2025, 8, 30), "day", ""),  # "Chicago is a sanctuary city."
    (date(2025, 8, 30), date(2025, 8, 30), "day", "August 30, 2025"),
    (date(2025, 8, 30), date(2025, 8, 30), "day", ""),  # "That crime crack down has brought"
]
SEED_UNDATED = ["President Trump sent troops", "Trump suggested"]
UNDATED_LABEL = "undated, before 30 Aug 2025"
FIXED_STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

# The Knight Lab TimelineJS3 JSON format (timeline.knightlab.com/docs/json-format.html): the
# properties each object may have.
TIMELINE_KEYS = {"events", "title", "eras", "scale"}
SLIDE_KEYS = {
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "display_date",
    "background",
    "autolink",
    "unique_id",
}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
DATE_KEYS.add("format")
TEXT_KEYS = {"headline", "text"}


def seed_items() -> list[dict]:
    """The timeline as the API serializes it (what the exports take)."""
    return TimelineEventSerializer(timeline_events(), many=True).data


def export(name: str, items: list[dict], **options) -> str:
    return "".join(exports.render(name, items, **options))


def api_ids(api_client, **params) -> list[int]:
    """The ids of the JSON API's timeline, following its pages to the end."""
    ids, url = [], "/api/timeline/"
    while url:
        response = api_client.get(url, params if url == "/api/timeline/" else None)
        assert response.status_code == 200, response.content
        ids += [item["id"] for item in response.json()["results"]]
        url = response.json()["next"]
    return ids


def add_event(document: Document, summary: str, earliest: date, latest: date, precision: str):
    """An event with one excerpt (its summary, at the start of the document's body)."""
    event = EventFactory(
        summary=summary,
        earliest=earliest,
        latest=latest,
        precision=precision,
        expression="July" if precision == "month" else "",
        document=document,
        position=10_000,
    )
    SourceExcerptFactory(event=event, end=len(summary), text=summary)
    return event


# --- TimelineJS ------------------------------------------------------------------------------


def check_timelinejs(data: dict) -> None:
    """Every object holds only the format's documented properties, with valid values."""
    assert set(data) <= TIMELINE_KEYS and isinstance(data["events"], list)
    check_slide(data["title"], title=True)
    ids = [slide["unique_id"] for slide in data["events"]]
    assert len(set(ids)) == len(ids)
    for slide in data["events"]:
        check_slide(slide)


def check_slide(slide: dict, *, title: bool = False) -> None:
    assert set(slide) <= SLIDE_KEYS
    assert title or "start_date" in slide  # required except for the title slide
    for key in ("start_date", "end_date"):
        if key in slide:
            check_date(slide[key])
    assert set(slide["text"]) <= TEXT_KEYS and isinstance(slide["text"]["headline"], str)
    for key in ("group", "display_date", "unique_id"):
        assert isinstance(slide.get(key, ""), str)


def check_date(value: dict) -> None:
    assert set(value) <= DATE_KEYS and isinstance(value["year"], int)
    assert "day" not in value or "month" in value
    date(value["year"], value.get("month", 1), value.get("day", 1))  # a real calendar day


def tjs_day(value: dict | None) -> date | None:
    return None if value is None else date(value["year"], value["month"], value["day"])


def test_timelinejs_seed_timeline(seed_document):
    items = seed_items()
    data = json.loads(export("timelinejs", items))
    check_timelinejs(data)
    slides = data["events"]
    assert [s["unique_id"] for s in slides] == [f"event-{item['id']}" for item in items]
    dated = [s for s in slides if "display_date" not in s]
    assert [(tjs_day(s["start_date"]), tjs_day(s.get("end_date"))) for s in dated] == [
        (earliest, None if latest == earliest else latest) for earliest, latest, *_ in SEED_DATED
    ]
    undated = [s for s in slides if "display_date" in s]
    assert [s["display_date"] for s in undated] == [UNDATED_LABEL] * 2
    assert [tjs_day(s["start_date"]) for s in undated] == [date(2025, 8, 30)] * 2
    for slide, prefix in zip(undated, SEED_UNDATED, strict=True):
        assert slide["text"]["headline"].startswith(prefix)
    leavitt, fbi, *_ = slides
    assert leavitt["group"] == "Karoline Leavitt"  # the first actor
    assert "Leavitt said on Thursday" in leavitt["text"]["text"]
    assert fbi["group"] == "FBI"
    assert data["title"]["text"] == {
        "headline": "Timeline",
        "text": "<p>9 events, 28\N{EN DASH}30 Aug 2025</p>",
    }


def test_timelinejs_dates_stop_at_the_precision(seed_document):
    add_event(seed_document, "Talks began.", date(2025, 7, 1), date(2025, 7, 31), "month")
    add_event(seed_document, "A law passed.", date(2024, 1, 1), date(2024, 12, 31), "year")
    add_event(seed_document, "Q3 ended.", date(2025, 7, 1), date(2025, 9, 30), "quarter")
    data = json.loads(export("timelinejs", seed_items()))
    check_timelinejs(data)
    slides = {s["text"]["headline"]: s for s in data["events"]}
    month = slides["Talks began."]
    assert month["start_date"] == {"year": 2025, "month": 7}  # no day
    assert "end_date" not in month and "display_date" not in month
    assert slides["A law passed."]["start_date"] == {"year": 2024}
    assert "end_date" not in slides["A law passed."]
    quarter = slides["Q3 ended."]
    assert (quarter["start_date"], quarter["end_date"]) == (
        {"year": 2025, "month": 7},
        {"year": 2025, "month": 9},
    )
    assert quarter["display_date"] == "Q3 2025"  # as the web page says it


@pytest.mark.parametrize(
    "earliest, latest, precision",
    [
        (date(2025, 8, 30), date(2025, 8, 30), "day"),
        (date(2025, 8, 28), date(2025, 8, 29), "range"),
        (date(2025, 7, 1), date(2025, 7, 31), "month"),
        (date(2025, 7, 1), date(2025, 9, 30), "quarter"),
        (date(1957, 1, 1), date(1958, 12, 31), "year"),
        (date(2020, 1, 1), date(2029, 12, 31), "decade"),
        (date(2025, 8, 30), date(2025, 8, 30), "undated"),
    ],
)
def test_exports_label_dates_as_the_web_page_does(earliest, latest, precision):
    """One module puts dates into words: an export says what the page says."""
    event = ExportEvent(
        id=1,
        earliest=earliest,
        latest=latest,
        precision=precision,
        expression="",
        summary="s",
        actors=(),
        document_id=None,
        document="",
        url="",
        excerpts=(),
    )
    assert date_label(event) == date_text(earliest, latest, precision)
    written = dataclasses.replace(event, expression="the summer")
    approximate = precision in ("quarter", "decade")
    expected = f"the summer ({date_text(earliest, latest, precision)})"
    assert (date_label(written) == expected) is approximate


def test_timelinejs_escapes_html_and_links_only_http():
    event = ExportEvent(
        id=1,
        earliest=date(2025, 8, 30),
        latest=date(2025, 8, 30),
        precision="day",
        expression="<i>Saturday</i>",
        summary='<script>alert("x")</script> & co',
        actors=(),
        document="Tom & Jerry <b>",
        document_id=4,
        url='https://example.org/?a="><script>',
        excerpts=("Line <one>\nline two", "Second & last"),
    )
    slide = exports.timelinejs_slide(event)
    assert slide["text"]["headline"] == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"
    text = slide["text"]["text"]
    assert "<script>" not in text and "<b>" not in text and "<i>" not in text
    assert "<p>Line &lt;one&gt;<br>line two</p>" in text and "Second &amp; last" in text
    assert 'href="https://example.org/?a=&quot;&gt;&lt;script&gt;"' in text
    assert ">Tom &amp; Jerry &lt;b&gt;</a>" in text
    assert slide["group"] == "Tom &amp; Jerry &lt;b&gt;"  # no actor: the document

    unsafe = dataclasses.replace(event, url="javascript:alert(1)")
    assert "javascript:" not in exports.timelinejs_slide(unsafe)["text"]["text"]


# --- CSV -------------------------------------------------------------------------------------


def parse_csv(content: str | bytes) -> list[dict]:
    if isinstance(content, bytes):
        content = content.decode("utf-8")
    assert content.startswith("\ufeff")  # the byte-order mark spreadsheets look for
    rows = list(csv.reader(io.StringIO(content[1:], newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows[1:]]


def test_csv_seed_timeline(seed_document):
    items = seed_items()
    rows = parse_csv(export("csv", items))
    assert [int(row["id"]) for row in rows] == [item["id"] for item in items]
    dated = [row for row in rows if row["precision"] != "undated"]
    assert [
        (
            date.fromisoformat(r["earliest"]),
            date.fromisoformat(r["latest"]),
            r["precision"],
            r["expression"],
        )
        for r in dated
    ] == SEED_DATED
    undated = [row for row in rows if row["precision"] == "undated"]
    assert [(r["earliest"], r["latest"], r["expression"]) for r in undated] == [
        ("2025-08-30", "2025-08-30", "")
    ] * 2
    assert [r["summary"][:15] for r in undated] == [p[:15] for p in SEED_UNDATED]
    leavitt = rows[0]
    assert leavitt["actors"] == "Karoline Leavitt; White House"
    assert leavitt["document"] == f"Document {seed_document.pk}"
    assert leavitt["url"] == ""  # the seed has no URL and no link base was given
    assert "Leavitt said on Thursday" in leavitt["excerpt"]
    assert "\n\n" in leavitt["excerpt"]  # its two excerpts


def test_csv_quotes_commas_quotes_and_newlines(seed_document):
    summary = 'Johnson said, "we will not comply";\nthen he signed it'
    add_event(seed_document, summary, date(2025, 8, 31), date(2025, 8, 31), "day")
    add_event(seed_document, '=HYPERLINK("http://x")', date(2025, 9, 1), date(2025, 9, 1), "day")
    content = export("csv", seed_items())
    assert '"Johnson said, ""we will not comply"";\nthen he signed it"' in content
    rows = parse_csv(content)
    assert rows[-2]["summary"] == summary
    assert rows[-2]["excerpt"] == summary
    # A formula would run in a spreadsheet: it is kept as text.
    assert rows[-1]["summary"] == '\'=HYPERLINK("http://x")'
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)


# --- iCalendar -------------------------------------------------------------------------------


def vevents(content: str | bytes) -> list:
    calendar = Calendar.from_ical(content if isinstance(content, bytes) else content.encode())
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar
    return calendar.walk("VEVENT")


def test_ics_seed_timeline(seed_document):
    items = seed_items()
    raw = export("ics", items, stamp=FIXED_STAMP).encode("utf-8")
    # RFC 5545: CRLF line ends, lines folded at 75 octets.
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    events = vevents(raw)
    assert len(events) == 9
    assert [str(e["UID"]) for e in events] == [
        f"event-{item['id']}{exports.UID_SUFFIX}" for item in items
    ]
    for event, item in zip(events, items, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        # All-day: dates, not date-times; DTEND is exclusive, the day after the last day.
        assert type(start) is date and type(end) is date
        assert start == date.fromisoformat(item["earliest"])
        assert end == date.fromisoformat(item["latest"]) + timedelta(days=1)
        assert str(event["SUMMARY"]) == item["summary"]
        assert item["excerpts"][0]["text"] in str(event["DESCRIPTION"])
        assert event.decoded("DTSTAMP") == FIXED_STAMP
    dated = [e for e in events if "undated" not in str(e["DESCRIPTION"])]
    assert [(e.decoded("DTSTART"), e.decoded("DTEND") - timedelta(days=1)) for e in dated] == [
        (earliest, latest) for earliest, latest, *_ in SEED_DATED
    ]
    fbi = dated[1]
    assert (fbi.decoded("DTSTART"), fbi.decoded("DTEND")) == (date(2025, 8, 28), date(2025, 8, 30))
    undated = [e for e in events if "undated" in str(e["DESCRIPTION"])]
    assert [str(e["DESCRIPTION"]).split("\n")[0] for e in undated] == [
        f"Date: {UNDATED_LABEL}."
    ] * 2
    assert [c.to_ical() for c in events[0].get("CATEGORIES").cats] == [
        b"Karoline Leavitt",
        b"White House",
    ]


def test_ics_uids_are_stable_and_url_is_the_source(seed_document):
    seed_document.url = "https://news.example.org/chicago"
    seed_document.save()
    first = vevents(export("ics", seed_items()))
    again = vevents(export("ics", seed_items()))
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in again]
    assert {str(e["URL"]) for e in first} == {"https://news.example.org/chicago"}


# --- Timesketch JSON Lines -------------------------------------------------------------------


def parse_jsonl(content: str | bytes) -> list[dict]:
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    assert text.endswith("\n")
    lines = text[:-1].split("\n")
    records = [json.loads(line) for line in lines]  # every line is one whole object
    for record in records:
        assert isinstance(record["message"], str) and record["timestamp_desc"]
        moment = datetime.fromisoformat(record["datetime"])
        assert moment.tzinfo is not None  # ISO 8601 with its offset
        assert record["timestamp"] == int(moment.timestamp()) * 1_000_000
    return records


def test_jsonl_seed_timeline(seed_document):
    items = seed_items()
    records = parse_jsonl(export("jsonl", items))
    assert len(records) == 9  # excerpts hold newlines, but each event is one line
    assert [r["event_id"] for r in records] == [item["id"] for item in items]
    dated = [r for r in records if r["precision"] != "undated"]
    assert [
        (
            datetime.fromisoformat(r["datetime"]).date(),
            date.fromisoformat(r["latest"]),
            r["precision"],
            r["expression"],
        )
        for r in dated
    ] == SEED_DATED
    assert {r["timestamp_desc"] for r in records} == {"Event date (earliest)"}
    assert records[0]["datetime"] == "2025-08-28T00:00:00+00:00"
    assert records[1]["actors"] == ["FBI", "Kash Patel"]
    assert "-38 arrests" in records[1]["excerpt"]
    assert records[1]["document"] == f"Document {seed_document.pk}"
    assert records[1]["document_id"] == seed_document.pk
    assert [r["date"] for r in records if r["precision"] == "undated"] == [UNDATED_LABEL] * 2


# --- Pure helpers ----------------------------------------------------------------------------


def test_an_event_without_its_document_exports_without_source():
    item = {
        "id": 9,
        "summary": "Reviewed, source deleted",
        "earliest": "2025-01-02",
        "latest": "2025-01-02",
        "precision": "day",
        "expression": "",
        "document": None,
        "actors": [],
        "excerpts": [],
    }
    event = ExportEvent.from_item(item, document_link=lambda pk: f"https://x/{pk}")
    assert (event.document, event.url, event.excerpt, event.document_id) == ("", "", "", None)
    assert "group" not in exports.timelinejs_slide(event)
    (row,) = parse_csv(export("csv", [item]))
    assert row["document"] == row["url"] == row["excerpt"] == ""


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown export format"):
        exports.render("xml", [])


# --- The API ---------------------------------------------------------------------------------


def test_api_exports_the_whole_timeline_not_a_page(api_client, seed_document, monkeypatch):
    monkeypatch.setattr(TimelineCursorPagination, "page_size", 2)
    ids = api_ids(api_client)
    assert len(ids) == 9
    response = api_client.get("/api/timeline/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="timeline.csv"'
    rows = parse_csv(response.content)
    assert [int(r["id"]) for r in rows] == ids  # every event, in the API's order
    # Events without a URL link to their document's API page.
    assert rows[0]["url"] == f"http://testserver/api/documents/{seed_document.pk}/"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("timelinejs", "application/json; charset=utf-8"),
        ("csv", "text/csv; charset=utf-8"),
        ("ics", "text/calendar; charset=utf-8"),
        ("jsonl", "application/x-ndjson; charset=utf-8"),
    ],
)
def test_api_formats_apply_the_filters(api_client, seed_document, name, content_type):
    patel = Actor.objects.get(name="Kash Patel")
    params = {"actor": patel.pk, "from": "2025-08-29", "to": "2025-08-30"}
    expected = api_ids(api_client, **params)
    # The FBI figures (28-29), Patel's post (29) and the arrests he reported (30).
    assert len(expected) == 3
    response = api_client.get("/api/timeline/", {**params, "format": name})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == content_type
    if name == "timelinejs":
        data = json.loads(response.content)
        check_timelinejs(data)
        ids = [int(s["unique_id"].removeprefix("event-")) for s in data["events"]]
    elif name == "csv":
        ids = [int(row["id"]) for row in parse_csv(response.content)]
    elif name == "ics":
        ids = [
            int(str(e["UID"]).split("@")[0].removeprefix("event-"))
            for e in vevents(response.content)
        ]
    else:
        ids = [record["event_id"] for record in parse_jsonl(response.content)]
    assert ids == expected


def test_api_export_reads_a_constant_number_of_queries(
    api_client, seed_document, django_assert_num_queries
):
    for index in range(20):
        add_event(seed_document, f"Extra {index}.", date(2025, 9, 1), date(2025, 9, 2), "range")
    for name in ("timelinejs", "csv", "ics", "jsonl"):
        # one: the events with their sources, actors and excerpts
        with django_assert_num_queries(1):
            assert api_client.get("/api/timeline/", {"format": name}).status_code == 200


def test_api_export_errors_stay_json(api_client, seed_document, monkeypatch):
    response = api_client.get("/api/timeline/", {"format": "csv", "from": "not a date"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "from" in response.json()

    monkeypatch.setattr(renderers, "EXPORT_MAX_EVENTS", 6)
    response = api_client.get("/api/timeline/", {"format": "ics"})
    assert response.status_code == 400
    assert response.json()["detail"] == renderers.ERROR_EXPORT_TOO_LARGE.format(limit=6)
    # Within the limit, thanks to a filter:
    assert (
        api_client.get("/api/timeline/", {"format": "ics", "precision": "day"}).status_code == 200
    )


def test_api_and_json_keep_their_pages(api_client, seed_document):
    page = api_client.get("/api/timeline/", {"format": "json"}).json()
    assert set(page) == {"next", "previous", "results"}


def test_export_order_matches_the_api_with_deleted_documents(api_client, seed_document):
    # A reviewed event whose document was deleted (document NULL) on a seed event's day: the
    # API's pages put it after that day's events with documents, on every database.
    orphan = EventFactory(summary="Orphan", earliest=date(2025, 8, 29), source_deleted=True)
    ids = api_ids(api_client)
    response = api_client.get("/api/timeline/", {"format": "jsonl"})
    assert [r["event_id"] for r in parse_jsonl(response.content)] == ids
    assert ids.index(orphan.pk) == 3


# --- The command -----------------------------------------------------------------------------


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("export_timeline", *args, stdout=out)
    return out.getvalue()


def test_command_writes_each_format(seed_document):
    ids = [item["id"] for item in seed_items()]
    assert [int(r["id"]) for r in parse_csv(run("--format", "csv"))] == ids
    assert [r["event_id"] for r in parse_jsonl(run("--format", "jsonl"))] == ids
    assert len(vevents(run("--format", "ics"))) == 9
    data = json.loads(run("--format", "timelinejs"))
    check_timelinejs(data)
    assert len(data["events"]) == 9
    assert [item["id"] for item in json.loads(run("--format", "json"))] == ids


def test_command_says_event_in_the_singular_for_one(seed_document, tmp_path):
    path = tmp_path / "range.csv"
    assert run("--format", "csv", "--precision", "range", "-o", str(path)).strip() == (
        f"1 event written to {path}"
    )


def test_command_output_file_and_filters(seed_document, tmp_path):
    path = tmp_path / "undated.csv"
    message = run("--format", "csv", "--precision", "undated", "-o", str(path))
    assert message.strip() == f"2 events written to {path}"
    rows = parse_csv(path.read_bytes())
    assert [r["precision"] for r in rows] == ["undated", "undated"]
    assert b"\r\n" in path.read_bytes()  # CSV line ends kept as written
    assert list(tmp_path.iterdir()) == [path]  # no partial file left

    path = tmp_path / "calendar.ics"
    run("--format", "ics", "--from", "2025-08-30", "--q", "Johnson", "-o", str(path))
    events = vevents(path.read_bytes())
    assert [e.decoded("DTSTART") for e in events] == [date(2025, 8, 30)] * 2

    patel = Actor.objects.get(name="Kash Patel")
    out = run("--format", "jsonl", "--actor", str(patel.pk), "--document", str(seed_document.pk))
    messages = [r["message"][:10] for r in parse_jsonl(out)]
    assert messages == ["Latest fro", "Kash Patel", "That crime"]


def test_command_matches_the_api(api_client, seed_document):
    for name in ("csv", "jsonl", "timelinejs"):
        api = api_client.get("/api/timeline/", {"format": name, "precision": "day"}).content
        command = run("--format", name, "--precision", "day", "--base-url", "http://testserver/")
        assert command.encode("utf-8") == api


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--actor", "999999"], "--actor: Select a valid choice"),
        (["--document", "abc"], "--document: Select a valid choice"),
        (["--from", "2025-02-30"], "--from: Enter a valid date"),
        (["--precision", "hourly"], "--precision: Select a valid choice"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["-o", "/no/such/folder/out.csv"], "no such folder"),
    ],
)
def test_command_refuses_bad_options(seed_document, args, message):
    with pytest.raises(CommandError, match=message):
        run(*(["--format", "csv"] if "--format" not in args else []), *args)


def test_command_requires_a_format(db):
    with pytest.raises(CommandError, match="--format"):
        run()


def test_schema_describes_the_exports_as_text(api_client, db):
    schema = api_client.get("/api/schema/", {"format": "json"}).json()
    content = schema["paths"]["/api/timeline/"]["get"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["$ref"].endswith("PaginatedTimelineEventList")
    for media_type in ("text/csv", "text/calendar", "application/x-ndjson"):
        assert content[media_type]["schema"] == {"type": "string"}
