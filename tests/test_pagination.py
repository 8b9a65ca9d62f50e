"""Keyset pagination of the timeline: complete, ordered, constant cost per page."""

import base64
import json
from datetime import date, timedelta
from itertools import pairwise
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection

from events.models import Actor, Document, Event
from events.pagination import (
    ERROR_INVALID_CURSOR,
    LAST_PAGE,
    Cursor,
    TimelineCursorPagination,
    decode_cursor,
    encode_cursor,
)
from tests.factories import ActorFactory, DocumentFactory, EventFactory, SourceExcerptFactory

DAY = date(2025, 8, 28)


def timeline_key(event: Event) -> tuple:
    """The documented timeline order, NULL documents last among their ties."""
    return (
        event.earliest,
        event.latest,
        event.document_id is None,
        event.document_id or 0,
        event.position,
        event.pk,
    )


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(TimelineCursorPagination, "page_size", 3)


@pytest.fixture
def tied_events(db) -> list[Event]:
    """Events full of ties: same days, same document, same position, and documents deleted
    under reviewed events (document NULL) on the same days as events that keep theirs."""
    documents = [DocumentFactory(title=f"doc {n}") for n in range(3)]
    trump = ActorFactory(name="Donald Trump", kind=Actor.Kind.PERSON)
    fbi = ActorFactory(name="FBI", kind=Actor.Kind.ORGANIZATION)
    events = []
    for n in range(29):
        earliest = DAY + timedelta(days=n % 3)
        document = None if n % 4 == 0 else documents[n % 3]
        event = EventFactory(
            summary=f"event {n}",
            earliest=earliest,
            latest=earliest + timedelta(days=n % 2),
            document=document,
            source_deleted=document is None,  # reviewed, its source removed
            position=(n % 5) * 10,  # repeated positions: only the id breaks some ties
            actors=[trump if n % 2 else fbi],
        )
        events.append(event)
    assert sum(event.document_id is None for event in events) >= 7
    return sorted(events, key=timeline_key)


def walk(client, url: str, link: str = "next") -> tuple[list[int], list[dict]]:
    """Follow ``link`` from ``url`` to the end; the ids in the order read, and each page."""
    ids: list[int] = []
    pages: list[dict] = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        page = response.json()
        assert set(page) == {"next", "previous", "results"}
        pages.append(page)
        ids.extend(item["id"] for item in page["results"])
        url = page[link]
        assert len(pages) < 100, "pagination does not end"
    return ids, pages


@pytest.mark.parametrize("url", ["/api/timeline/", "/api/events/"])
def test_walk_forward_visits_every_event_once_in_timeline_order(
    api_client, tied_events, small_pages, url
):
    ids, pages = walk(api_client, url)

    assert ids == [event.pk for event in tied_events]
    assert pages[0]["previous"] is None
    assert pages[-1]["next"] is None
    assert all(len(page["results"]) == 3 for page in pages[:-1])
    # The NULL-document events of each day come after that day's events with a document.
    by_id = {event.pk: event for event in tied_events}
    for before, after in pairwise(ids):
        a, b = by_id[before], by_id[after]
        if (a.earliest, a.latest) == (b.earliest, b.latest) and a.document_id is None:
            assert b.document_id is None


def test_walk_backward_from_the_last_page_visits_every_event_in_reverse(
    api_client, tied_events, small_pages
):
    _, pages = walk(api_client, "/api/timeline/")
    last = pages[-1]
    # Read the last page, then follow "previous" to the start, prepending each page.
    ids = [item["id"] for item in last["results"]]
    url = last["previous"]
    while url:
        page = api_client.get(url).json()
        assert len(page["results"]) == 3
        ids = [item["id"] for item in page["results"]] + ids
        url = page["previous"]
    assert ids == [event.pk for event in tied_events]


def test_previous_then_next_returns_to_the_same_page(api_client, tied_events, small_pages):
    first = api_client.get("/api/timeline/").json()
    second = api_client.get(first["next"]).json()
    back = api_client.get(second["previous"]).json()
    assert back["results"] == first["results"]
    assert api_client.get(back["next"]).json()["results"] == second["results"]


def test_filters_still_apply_on_every_page(api_client, tied_events, small_pages):
    trump = Actor.objects.get(name="Donald Trump")
    day = DAY + timedelta(days=1)
    expected = [
        event.pk
        for event in tied_events
        if trump in event.actors.all() and event.latest >= day and event.earliest <= day
    ]
    assert len(expected) > 3  # more than one page

    ids, _ = walk(api_client, f"/api/timeline/?actor={trump.pk}&from={day}&to={day}")
    assert ids == expected

    ids, _ = walk(api_client, f"/api/actors/{trump.pk}/timeline/?from={day}&to={day}")
    assert ids == expected

    # "document": events with an excerpt there (a join on excerpts, made DISTINCT by the filter);
    # two excerpts on one event must not make it appear twice.
    document = Document.objects.get(title="doc 1")
    chosen = tied_events[::4]
    for event in chosen:
        SourceExcerptFactory(event=event, document=document, start=0, end=4)
        SourceExcerptFactory(event=event, document=document, start=5, end=6)
    ids, _ = walk(api_client, f"/api/timeline/?document={document.pk}")
    assert ids == [event.pk for event in chosen]


def test_queries_per_page_are_constant_however_deep(
    api_client, tied_events, small_pages, django_assert_num_queries
):
    _, pages = walk(api_client, "/api/timeline/")
    assert len(pages) == 10
    for url in ("/api/timeline/", pages[4]["next"], pages[8]["next"], pages[8]["previous"]):
        # one: the page of events (LIMIT size + 1) with their sources, actors and excerpts
        with django_assert_num_queries(1):
            assert api_client.get(url).status_code == 200

    trump = Actor.objects.get(name="Donald Trump")
    _, pages = walk(api_client, f"/api/timeline/?actor={trump.pk}")
    # On PostgreSQL one more: the sample of events that chooses the query's shape
    # (events/query_shapes.py).
    sample = 1 if connection.vendor == "postgresql" else 0
    for url in (f"/api/timeline/?actor={trump.pk}", pages[2]["next"]):
        # actor ids checked by the filter, the page with its sources, actors, excerpts
        with django_assert_num_queries(2 + sample):
            assert api_client.get(url).status_code == 200

    _, pages = walk(api_client, f"/api/actors/{trump.pk}/timeline/")
    for url in (f"/api/actors/{trump.pk}/timeline/", pages[2]["next"]):
        # the actor, the page with its sources, actors, excerpts
        with django_assert_num_queries(2 + sample):
            assert api_client.get(url).status_code == 200

    # The events' own list (for editing) is paged the same way: no count, no OFFSET.
    _, pages = walk(api_client, "/api/events/")
    assert len(pages) == 10
    for url in ("/api/events/", pages[8]["next"], pages[8]["previous"]):
        # the page of events, then their sources, actors and excerpts
        with django_assert_num_queries(2):
            assert api_client.get(url).status_code == 200


def test_seed_timeline_keeps_its_shape_and_order(api_client, seed_document):
    page = api_client.get("/api/timeline/").json()
    assert page["next"] is None and page["previous"] is None
    items = page["results"]
    assert [item["earliest"] for item in items] == sorted(item["earliest"] for item in items)
    assert items[0]["excerpts"][0]["document"] == seed_document.pk
    assert {"id", "summary", "earliest", "latest", "actors", "excerpts"} <= set(items[0])


def test_a_page_emptied_by_deletions_links_back_to_what_remains(
    api_client, tied_events, small_pages
):
    first = api_client.get("/api/timeline/").json()
    last_shown = first["results"][-1]["id"]
    Event.objects.filter(pk__in=[e.pk for e in tied_events[3:]]).delete()

    stale = api_client.get(first["next"]).json()
    assert stale["results"] == [] and stale["next"] is None
    previous = api_client.get(stale["previous"]).json()
    assert [item["id"] for item in previous["results"]] == [e.pk for e in tied_events[:3]]
    assert previous["results"][-1]["id"] == last_shown  # ends with the cursor's own row
    assert previous["previous"] is None

    # Going back from a page whose predecessors are gone leads to the first page.
    Event.objects.filter(pk__in=[e.pk for e in tied_events[:3]]).delete()
    gone = api_client.get(stale["previous"]).json()
    assert gone["results"] == []
    assert "cursor" not in parse_qs(urlsplit(gone["next"]).query)


def test_cursor_round_trip_and_garbage(api_client, db):
    cursor = Cursor(key=(DAY, DAY, None, 7, 42), forward=False, inclusive=True)
    assert decode_cursor(encode_cursor(cursor)) == cursor
    for garbage in ("x", "e30", "!!!!", encode_cursor(cursor)[:-4], "eyJrIjpbMSwyXX0"):
        response = api_client.get("/api/timeline/", {"cursor": garbage})
        assert response.status_code == 404
        assert response.json()["detail"] == ERROR_INVALID_CURSOR


def test_the_last_page_cursor_reads_the_timeline_from_its_end(api_client, tied_events, small_pages):
    # The web page's "Last" link; the API takes the same cursors.
    assert decode_cursor(encode_cursor(LAST_PAGE)) == LAST_PAGE
    page = api_client.get("/api/timeline/", {"cursor": encode_cursor(LAST_PAGE)}).json()
    assert [item["id"] for item in page["results"]] == [e.pk for e in tied_events[-3:]]
    assert page["next"] is None
    before = api_client.get(page["previous"]).json()
    assert [item["id"] for item in before["results"]] == [e.pk for e in tied_events[-6:-3]]
    # Only a backward, exclusive cursor may have no key.
    inclusive = base64.urlsafe_b64encode(b'{"k":null,"d":"p","i":1}').decode().rstrip("=")
    for crafted in (raw_cursor(None, "n"), inclusive):
        assert api_client.get("/api/timeline/", {"cursor": crafted}).status_code == 404


def raw_cursor(key: list | None, direction: str = "n") -> str:
    """A cursor as a client could craft it, bypassing ``encode_cursor``'s types."""
    raw = json.dumps({"k": key, "d": direction}, separators=(",", ":")).encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


@pytest.mark.parametrize(
    "key",
    [
        ["0001-01-01", "0001-01-01", 999999999999999999999, 0, 1],  # beyond 64 bits
        ["0001-01-01", "0001-01-01", None, 2**63, 1],
        ["0001-01-01", "0001-01-01", None, 0, -(2**63) - 1],
        ["0001-01-01", "0001-01-01", None, -1, 1],  # no position is negative
        ["0001-01-01", "0001-01-01", 0, 0, 1],  # ids start at 1
        ["0001-01-01", "0001-01-01", None, 0, 0],
    ],
    ids=["document-too-big", "position-too-big", "id-too-small", "position", "document", "id"],
)
@pytest.mark.parametrize("direction", ["n", "p"])
def test_a_cursor_with_an_impossible_number_is_invalid_not_a_crash(
    api_client, seed_document, key, direction
):
    response = api_client.get("/api/timeline/", {"cursor": raw_cursor(key, direction)})
    assert response.status_code == 404
    assert response.json()["detail"] == ERROR_INVALID_CURSOR


def test_a_cursor_at_the_edges_of_64_bits_is_valid(api_client, seed_document):
    # The largest numbers a key may hold are still bound and compared by either database.
    top = ["9999-12-31", "9999-12-31", 2**63 - 1, 2**63 - 1, 2**63 - 1]
    response = api_client.get("/api/timeline/", {"cursor": raw_cursor(top, "p")})
    assert response.status_code == 200
    assert len(response.json()["results"]) == Event.objects.count()
    bottom = ["0001-01-01", "0001-01-01", 1, 0, 1]
    response = api_client.get("/api/timeline/", {"cursor": raw_cursor(bottom)})
    assert response.status_code == 200
    assert len(response.json()["results"]) == Event.objects.count()
