"""The timeline page cache: a page is served from memory until the database's change counter
moves, and every kind of change moves it (events/migrations/0003, events/selectors.py).

These tests run outside a test transaction (``transactional_db``): the counter moves when a
transaction commits, and nothing is cached inside one."""

import io
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from events.change_counter import COUNTER_TABLE, timeline_tables
from events.models import Actor, ActorAlias, Collection, Document, Event, SourceExcerpt
from events.pagination import TimelineCursorPagination
from events.selectors import cached_timeline_page, timeline_version
from events.services.actors import actors_merge
from events.services.editing import document_delete
from events.services.imports import document_import

pytestmark = pytest.mark.django_db(transaction=True)

TIMELINE = "/api/timeline/"


@pytest.fixture
def seeded(seed_input) -> Document:
    return document_import(data=seed_input).document


@pytest.fixture
def editor() -> APIClient:
    client = APIClient()
    client.force_authenticate(User.objects.create_superuser("editor", "e@example.com", "pw"))
    return client


def page(client: APIClient, url: str = TIMELINE) -> dict:
    response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def summaries(body: dict) -> list[str]:
    return [item["summary"] for item in body["results"]]


def set_counter(value: int | None) -> None:
    with connection.cursor() as cursor:
        if value is None:
            cursor.execute(f"DELETE FROM {COUNTER_TABLE}")
        else:
            cursor.execute(f"UPDATE {COUNTER_TABLE} SET version = %s", [value])


def test_a_cached_page_costs_one_query_and_is_the_same_page(api_client, seeded):
    first = api_client.get(TIMELINE)
    with CaptureQueriesContext(connection) as queries:
        again = api_client.get(TIMELINE)
    assert len(queries) == 1, [q["sql"] for q in queries]
    assert "events_timeline_version" in queries[0]["sql"]
    assert again.content == first.content
    assert again["Content-Type"] == "application/json"
    assert again.json()["results"]


def test_a_page_not_seen_before_is_built(api_client, seeded):
    api_client.get(TIMELINE)
    with CaptureQueriesContext(connection) as queries:
        body = page(api_client, f"{TIMELINE}?precision=day")
    assert len(queries) == 5  # the counter, the page, its sources, actors, excerpts
    assert {item["precision"] for item in body["results"]} == {"day"}


def edit_event_through_the_api(editor: APIClient, document: Document) -> str:
    event = Event.objects.filter(document=document).order_by("position").first()
    response = editor.patch(f"/api/events/{event.pk}/", {"summary": "Edited"}, format="json")
    assert response.status_code == 200
    return "Edited"


def delete_event_through_the_api(editor: APIClient, document: Document) -> str:
    event = Event.objects.filter(document=document).order_by("position").first()
    assert editor.delete(f"/api/events/{event.pk}/").status_code == 204
    return event.summary


def rename_actor_through_the_api(editor: APIClient, document: Document) -> str:
    actor = Actor.objects.get(name="Kash Patel")
    response = editor.patch(f"/api/actors/{actor.pk}/", {"name": "K. Patel"}, format="json")
    assert response.status_code == 200
    return "K. Patel"


def update_summaries_with_a_queryset(editor: APIClient, document: Document) -> str:
    Event.objects.update(summary="Bulk edit")  # no model signal: the trigger must see it
    return "Bulk edit"


def correct_a_date_with_raw_sql(editor: APIClient, document: Document) -> str:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE events_event SET earliest = %s", [date(2001, 1, 1)])
    return "2001-01-01"


def merge_actors(editor: APIClient, document: Document) -> str:
    actors_merge(
        target=Actor.objects.get(name="Donald Trump"),
        others=[Actor.objects.get(name="Kash Patel")],
    )
    return '"name":"Kash Patel"'


def delete_the_document(editor: APIClient, document: Document) -> str:
    document_delete(document=document)
    return "Johnson"


def import_another_document(editor: APIClient, document: Document) -> str:
    response = editor.post(
        "/api/documents/",
        {"date": "2020-01-02", "text": "On Monday, the mayor of Springfield resigned."},
        format="json",
    )
    assert response.status_code == 201, response.content
    return "resigned"


def retitle_the_document(editor: APIClient, document: Document) -> str:
    Document.objects.filter(pk=document.pk).update(title="A new title")
    return "A new title"


def change_an_excerpt(editor: APIClient, document: Document) -> str:
    SourceExcerpt.objects.filter(document=document).update(text="An excerpt corrected")
    return "An excerpt corrected"


def add_an_alias(editor: APIClient, document: Document) -> str:
    ActorAlias.objects.create(actor=Actor.objects.get(name="FBI"), alias="the Bureau")
    return ""  # not on the page; the counter must move all the same


@pytest.mark.parametrize(
    "change",
    [
        edit_event_through_the_api,
        delete_event_through_the_api,
        rename_actor_through_the_api,
        update_summaries_with_a_queryset,
        correct_a_date_with_raw_sql,
        merge_actors,
        delete_the_document,
        import_another_document,
        retitle_the_document,
        change_an_excerpt,
        add_an_alias,
    ],
)
def test_every_change_retires_the_cached_pages(api_client, editor, seeded, change):
    before = api_client.get(TIMELINE).content
    assert api_client.get(TIMELINE).content == before  # now cached
    version = timeline_version()
    mark = change(editor, seeded)
    assert timeline_version() > version
    after = api_client.get(TIMELINE).content.decode()
    fresh = api_client.get(f"{TIMELINE}?fresh=1").content.decode()  # never cached
    assert after == fresh.replace("?fresh=1", "").replace("&fresh=1", "")
    if mark:
        assert (mark in after) != (mark in before.decode())


def test_the_links_in_a_cached_page_name_the_host_that_asked(api_client, seeded, monkeypatch):
    monkeypatch.setattr(TimelineCursorPagination, "page_size", 2)
    one = page(api_client)["next"]
    other = api_client.get(TIMELINE, HTTP_HOST="localhost").json()["next"]
    assert one.startswith("http://testserver/")
    assert other.startswith("http://localhost/")


def test_nothing_is_cached_inside_a_transaction(api_client, seeded):
    # The page could hold rows another request must not see before the commit.
    with transaction.atomic():
        Event.objects.update(summary="Not committed yet")
        with CaptureQueriesContext(connection) as queries:
            assert set(summaries(page(api_client))) == {"Not committed yet"}
        assert len(queries) == 4  # no counter read, no cache
        transaction.set_rollback(True)
    assert "Not committed yet" not in summaries(page(api_client))


def test_errors_are_not_cached(api_client, seeded):
    assert api_client.get(f"{TIMELINE}?cursor=nonsense").status_code == 404
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(f"{TIMELINE}?cursor=nonsense").status_code == 404
    assert len(queries) == 1  # the counter, then the cursor is refused again


def test_the_browsable_api_and_exports_are_not_served_from_the_cache(api_client, seeded):
    page(api_client)
    html = api_client.get(TIMELINE, HTTP_ACCEPT="text/html")
    assert html.status_code == 200 and html["Content-Type"].startswith("text/html")
    csv = api_client.get(f"{TIMELINE}?format=csv")
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")


def test_indented_json_is_cached_apart(api_client, seeded):
    plain = api_client.get(TIMELINE, HTTP_ACCEPT="application/json").content
    indented = api_client.get(TIMELINE, HTTP_ACCEPT="application/json; indent=2").content
    assert indented != plain and indented.startswith(b"{\n")


def test_cached_timeline_page_builds_once_per_counter_value(seeded):
    built = []

    def build() -> bytes:
        built.append(1)
        return f"page {len(built)}".encode()

    assert cached_timeline_page("u", build) == b"page 1"
    assert cached_timeline_page("u", build) == b"page 1"
    Actor.objects.create(name="Someone New")
    assert cached_timeline_page("u", build) == b"page 2"
    assert cached_timeline_page("other", build) == b"page 3"


def test_a_page_too_large_to_keep_is_built_each_time(api_client, seeded, settings):
    settings.TIMELINE_PAGE_CACHE_MAX_PAGE_BYTES = 1000  # the seed's page is larger
    api_client.get(TIMELINE)
    with CaptureQueriesContext(connection) as queries:
        api_client.get(TIMELINE)
    assert len(queries) == 5


def test_no_page_cache_no_counter_query(api_client, seeded, settings):
    settings.TIMELINE_PAGE_CACHE_ENTRIES = 0
    api_client.get(TIMELINE)
    with CaptureQueriesContext(connection) as queries:
        api_client.get(TIMELINE)
    assert len(queries) == 4


@pytest.mark.parametrize("table", timeline_tables())
def test_a_change_to_any_timeline_table_moves_the_counter(seeded, table):
    story = Collection.objects.create(name="Story", slug="story")
    story.documents.add(*Document.objects.all())  # so that every table has rows to update
    before = timeline_version()
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {connection.ops.quote_name(table)} SET id = id")
    assert timeline_version() > before


def test_the_counter_moves_once_per_transaction_on_postgresql(seeded):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no deferred triggers: there it moves once per row")
    # Ahead of the clock, each raise is "+ 1" (not "the time now"), so raises can be counted.
    # (Put back afterwards: other tests expect a counter that follows the clock.)
    original = timeline_version()
    set_counter(original + 10**15)
    try:
        before = timeline_version()
        with transaction.atomic():
            Event.objects.update(summary="one")
            Actor.objects.update(title="two")
            assert timeline_version() == before  # moves at the commit, with the rows
        assert timeline_version() == before + 1
    finally:
        set_counter(original)


@pytest.mark.parametrize("wound_back_to", [None, 1, 5])
def test_a_counter_wound_back_never_takes_an_old_value_again(api_client, seeded, wound_back_to):
    """A fixture, a restored backup or a deleted row can set the counter back; the next change
    must still move it past every value it had, or pages cached under those would come back."""
    first = api_client.get(TIMELINE).content
    highest = timeline_version()
    set_counter(wound_back_to)
    Event.objects.update(summary="Changed after the counter was wound back")
    assert timeline_version() > highest
    after = api_client.get(TIMELINE).content
    assert after != first and b"wound back" in after


def test_the_counter_is_not_in_dumps(seeded):
    out = io.StringIO()
    call_command("dumpdata", "events", stdout=out)
    assert "timeline_version" not in out.getvalue().lower()
    assert "timelineversion" not in out.getvalue().lower()


def drop_a_trigger(table: str) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER {table}_timeline_changed ON {table}")
        else:
            cursor.execute(f"DROP TRIGGER {table}_timeline_update")


def test_migrate_puts_back_triggers_a_table_rebuild_removed(seeded):
    # SQLite drops a table's triggers when a migration rebuilds the table (most field changes).
    drop_a_trigger("events_event")
    before = timeline_version()
    Event.objects.update(summary="unseen")
    assert timeline_version() == before  # the hole
    call_command("migrate", verbosity=0)
    Event.objects.update(summary="seen")
    assert timeline_version() > before


def test_migrating_back_and_forth_starts_past_the_old_counter(api_client, seeded):
    api_client.get(TIMELINE)
    highest = timeline_version()
    call_command("migrate", "events", "0002", verbosity=0)
    call_command("migrate", verbosity=0)
    assert timeline_version() > highest
    Event.objects.update(summary="After the round trip")
    assert b"After the round trip" in api_client.get(TIMELINE).content


def test_an_actors_timeline_is_cached_and_retired_the_same_way(api_client, seeded):
    patel = Actor.objects.get(name="Kash Patel")
    url = f"/api/actors/{patel.pk}/timeline/"
    before = page(api_client, url)
    assert before["results"]
    with CaptureQueriesContext(connection) as queries:
        assert page(api_client, url) == before
    assert len(queries) == 2  # the actor exists (else 404), the counter
    Event.objects.filter(actors=patel).update(summary="Patel, edited")
    assert set(summaries(page(api_client, url))) == {"Patel, edited"}
    assert api_client.get("/api/actors/999999/timeline/").status_code == 404
