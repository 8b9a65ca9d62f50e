"""Hostile input gets an answer, never a 500 or an aborted batch (issue 13, section 2)."""

import base64
import json
import os
import threading
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from icalendar import Calendar
from rest_framework.test import APIClient

from events.models import Actor, ActorAlias, Document, Event
from tests.factories import ActorAliasFactory, ActorFactory, UserFactory

NESTED = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def writer_client(db) -> APIClient:
    client = APIClient()
    client.force_authenticate(
        UserFactory(permissions=Permission.objects.filter(content_type__app_label="events"))
    )
    return client


# --- Exports over the whole date range the models accept ------------------------------------


@pytest.fixture
def last_day_event(seed_document: Document) -> Event:
    event = seed_document.events.order_by("pk").first()
    event.earliest, event.latest = date(9999, 12, 30), date(9999, 12, 31)
    event.save()
    return event


def test_ics_export_of_an_event_ending_on_the_last_day(api_client, last_day_event):
    response = api_client.get("/api/timeline/?format=ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    (vevent,) = [
        c for c in calendar.walk("VEVENT") if c["UID"].startswith(f"event-{last_day_event.pk}@")
    ]
    assert vevent.decoded("DTSTART") == date(9999, 12, 30)
    # Its day after does not exist: the length says it instead (two days).
    assert "DTEND" not in vevent
    assert vevent.decoded("DURATION").days == 2


@pytest.mark.parametrize("fmt", ["ics", "csv", "jsonl", "timelinejs", "json"])
def test_every_export_command_takes_the_first_and_last_days(fmt, seed_document, tmp_path):
    events = list(seed_document.events.order_by("pk")[:2])
    events[0].earliest = events[0].latest = date(1, 1, 1)
    events[1].earliest = events[1].latest = date(9999, 12, 31)
    for event in events:
        event.save()
    out = tmp_path / f"timeline.{fmt}"
    call_command("export_timeline", "--format", fmt, "-o", str(out))
    assert out.stat().st_size > 0
    for fmt_api in ("ics", "csv", "jsonl", "timelinejs"):
        assert APIClient().get(f"/api/timeline/?format={fmt_api}").status_code == 200


# --- Bad parameters: 400 with a message, on the API and the pages ---------------------------

BAD_PARAMETERS = [
    "actor=%C2%B2",  # "²": a digit to isdigit(), not to int()
    "document=%E2%91%A0",  # "①"
    "actor=12345678901234567890",  # past 64 bits: SQLite cannot compare it
    "document=12345678901234567890",
    "actor=-0",
]


@pytest.mark.parametrize("query", BAD_PARAMETERS)
def test_bad_ids_are_400_on_the_api(api_client, seed_document, query):
    response = api_client.get(f"/api/timeline/?{query}")
    assert response.status_code == 400
    assert response.json()  # says which parameter and why


@pytest.mark.parametrize("query", BAD_PARAMETERS)
def test_bad_ids_are_reported_on_the_page(client, seed_document, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 400
    assert b"Select a valid choice" in response.content or b"valid" in response.content


def test_a_cursor_of_deeply_nested_brackets_is_refused(api_client, seed_document):
    cursor = base64.urlsafe_b64encode(b"[" * 1500 + b"]" * 1500).decode().rstrip("=")
    response = api_client.get(f"/api/timeline/?cursor={cursor}")
    assert response.status_code in (400, 404)
    assert response.json()["detail"] == "Invalid cursor"


@pytest.mark.parametrize(
    "url", ["/api/documents/", "/api/actors/", "/api/events/", "/api/aliases/", "/api/excerpts/"]
)
def test_a_request_body_of_nested_brackets_is_400(writer_client, url):
    response = writer_client.post(url, NESTED, content_type="application/json")
    assert response.status_code == 400
    assert "nested" in json.dumps(response.json())


# --- Imports: one bad input is that input's error ------------------------------------------


def _import(*paths: Path) -> tuple[str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_documents", *map(str, paths), stdout=out, stderr=err)
    except CommandError as error:
        return err.getvalue(), error.returncode
    return err.getvalue(), 0


def test_nested_json_file_and_line_are_one_error_each(tmp_path, db):
    good = tmp_path / "a.json"
    good.write_text(json.dumps({"date": "2025-08-30", "text": "The council met on Friday."}))
    nested = tmp_path / "b.json"
    nested.write_text(NESTED)
    lines = tmp_path / "c.jsonl"
    lines.write_text(
        NESTED
        + "\n"
        + json.dumps({"date": "2025-08-30", "text": "The mayor spoke on Thursday."})
        + "\n"
    )
    errors, status = _import(good, nested, lines)
    assert status == 1
    assert len(errors.strip().splitlines()) == 2
    assert "nested too deeply" in errors
    assert Document.objects.count() == 2


def test_dev_zero_is_refused_while_reading(db):
    with override_settings(TIMELINE_MAX_DOCUMENT_BYTES=1000):
        errors, status = _import(Path("/dev/zero"))
    assert status == 1
    assert "larger than the limit" in errors


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_while_reading(tmp_path, db):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as pipe:
            pipe.write(b"date 2025-08-30 " + b"word " * 10_000)

    writer = threading.Thread(target=write)
    writer.start()
    with override_settings(TIMELINE_MAX_DOCUMENT_BYTES=1000):
        errors, status = _import(fifo)
    writer.join(timeout=10)
    assert status == 1
    assert "larger than the limit" in errors


# --- Concurrent creates: the constraint is the check ---------------------------------------


def test_creating_a_taken_name_is_400_even_past_the_check(writer_client, monkeypatch):
    """What a lost race looks like: the serializer's check found the name free, then another
    request stored it. The database's constraint answers, as a 400."""
    ActorFactory(name="Ada Lovelace", kind="person")
    monkeypatch.setattr("events.serializers.check_model", lambda serializer, attrs: attrs)
    monkeypatch.setattr("events.models._check_name_free", lambda *args, **kwargs: None)
    response = writer_client.post("/api/actors/", {"name": "Ada Lovelace", "kind": "person"})
    assert response.status_code == 400
    assert "name" in response.json()
    actor = Actor.objects.get()
    ActorAliasFactory(actor=actor, alias="Ada")
    response = writer_client.post("/api/aliases/", {"actor": actor.pk, "alias": "ADA"})
    assert response.status_code == 400
    assert "alias" in response.json()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL")
def test_twenty_simultaneous_creates_of_one_name():
    user = UserFactory(permissions=Permission.objects.filter(content_type__app_label="events"))
    statuses: list[int] = []
    barrier = threading.Barrier(20)

    def create(path: str, data: dict) -> None:
        client = APIClient()
        client.force_authenticate(user)
        barrier.wait()
        statuses.append(client.post(path, data, format="json").status_code)
        connection.close()

    threads = [
        threading.Thread(target=create, args=("/api/actors/", {"name": "Ada", "kind": "person"}))
        for _ in range(20)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(statuses)) == [201, 400]
    assert statuses.count(201) == 1
    actor = Actor.objects.get()
    statuses.clear()
    barrier.reset()
    threads = [
        threading.Thread(target=create, args=("/api/aliases/", {"actor": actor.pk, "alias": "A"}))
        for _ in range(20)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(201) == 1 and set(statuses) <= {201, 400}
    assert ActorAlias.objects.count() == 1


# --- Bounded lists --------------------------------------------------------------------------


def test_a_patch_with_too_many_actor_ids_is_400_at_once(writer_client, seed_document):
    event = seed_document.events.first()
    actor = Actor.objects.first()
    response = writer_client.patch(
        f"/api/events/{event.pk}/", {"actors": [actor.pk] * 200_000}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"actors": ["Ensure this list has at most 1000 ids."]}
    # Up to the bound, the list is read in one query.
    others = list(Actor.objects.values_list("pk", flat=True))
    response = writer_client.patch(
        f"/api/events/{event.pk}/", {"actors": others + others[:1]}, format="json"
    )
    assert response.status_code == 200
    assert sorted(response.json()["actors"]) == sorted(others)
    bad = writer_client.patch(f"/api/events/{event.pk}/", {"actors": ["²"]}, format="json")
    assert bad.status_code == 400
