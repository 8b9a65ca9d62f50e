"""Nothing is lost or doubled: re-imports, concurrent imports and deleting documents."""

import threading
from collections import Counter
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events.inputs import DocumentInput, validate
from events.models import Actor, ActorAlias, Document, Event, SourceExcerpt
from events.services.actors import actors_merge
from events.services.editing import document_delete
from events.services.imports import ImportResult, document_import
from tests.conftest import SEEDS
from tests.factories import SourceExcerptFactory, UserFactory

TIMELINE_MODELS = (Document, Event, SourceExcerpt, Actor, ActorAlias, Event.actors.through)

OTHER_TEXT = (
    "Mayor Brandon Johnson met Governor Tim Walz on Monday. "
    "Walz said on Tuesday that the National Guard would stay out of Chicago."
)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of the timeline's tables."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values_list())
        for model in TIMELINE_MODELS
    }


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in TIMELINE_MODELS}


def other_input(text: str = OTHER_TEXT, day: str = "2025-09-03") -> DocumentInput:
    return validate(published_on=day, body=text, max_bytes=1_000_000)


def editor_client(*codenames: str) -> APIClient:
    user = UserFactory(permissions=codenames)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


# --- re-importing ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_reimport_through_service_command_and_api_changes_nothing(seed_input, seed_document):
    before = snapshot()

    again = document_import(data=seed_input)
    call_command("import_documents", str(SEEDS), stdout=StringIO(), stderr=StringIO())
    response = editor_client("add_document").post(
        "/api/documents/",
        {"date": seed_input.published_on.isoformat(), "text": seed_input.body},
        format="json",
    )

    assert not again.created
    assert again.document.pk == seed_document.pk
    assert response.status_code == 200
    assert response.json()["id"] == seed_document.pk
    assert snapshot() == before


@pytest.mark.django_db
def test_reimport_with_another_title_or_url_keeps_the_first(seed_input, seed_document):
    before = snapshot()
    retitled = DocumentInput(
        published_on=seed_input.published_on,
        body=seed_input.body,
        title="Another title",
        url="https://example.com/other",
    )
    assert not document_import(data=retitled).created
    assert snapshot() == before


@pytest.mark.django_db
def test_reimport_never_overwrites_a_reviewed_event(seed_input, seed_document):
    event = Event.objects.get(document=seed_document, expression="Saturday")
    event.summary = "Johnson signs the sanctuary order (checked)"
    event.earliest = event.latest = event.earliest.replace(day=29)
    event.status = Event.Status.REVIEWED
    event.save()
    event.actors.clear()
    before = snapshot()

    document_import(data=seed_input)

    assert snapshot() == before
    event.refresh_from_db()
    assert event.summary == "Johnson signs the sanctuary order (checked)"
    assert event.earliest.day == 29
    assert not event.actors.exists()


@pytest.mark.django_db
def test_reimport_and_new_documents_never_undo_a_merge(seed_input, seed_document):
    johnson = Actor.objects.get(name="Brandon Johnson")
    # An editor decides that "City of Chicago" is Johnson's office, and merges it into him.
    city = Actor.objects.get(name="City of Chicago")
    city_events = set(city.events.values_list("pk", flat=True))
    actors_merge(target=johnson, others=[city])
    merged = snapshot()

    document_import(data=seed_input)
    assert snapshot() == merged  # the re-import recreates neither the actor nor its links

    result = document_import(
        data=other_input("The City of Chicago and Mayor Brandon Johnson sued on Monday.")
    )

    assert result.created
    assert not Actor.objects.filter(name__iexact="City of Chicago").exists()
    assert Actor.objects.filter(name="Brandon Johnson").count() == 1
    (event,) = Event.objects.filter(document=result.document)
    assert johnson in event.actors.all()
    assert city_events <= set(johnson.events.values_list("pk", flat=True))
    assert {"City of Chicago"} <= set(johnson.aliases.values_list("alias", flat=True))


@pytest.mark.django_db
def test_actors_are_never_duplicated_across_documents(seed_document):
    document_import(data=other_input())
    document_import(data=other_input(OTHER_TEXT.replace("Monday", "Wednesday")))
    names = [name.casefold() for name in Actor.objects.values_list("name", flat=True)]
    assert len(names) == len(set(names))
    aliases = [alias.casefold() for alias in ActorAlias.objects.values_list("alias", flat=True)]
    assert len(aliases) == len(set(aliases))
    assert Actor.objects.filter(name="Brandon Johnson").count() == 1


# --- concurrent imports ---------------------------------------------------------------------

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need PostgreSQL: SQLite serialises whole-database writes "
    "(and the in-memory test database is not shared between threads)",
)


def run_in_threads(count: int, work: Callable[[int], object]) -> list[object]:
    """Run ``work(i)`` in ``count`` threads at once, each with its own connection; return
    each result or the exception it raised."""
    results: list[object] = [None] * count

    def target(index: int) -> None:
        try:
            results[index] = work(index)
        except Exception as error:  # reported by the test, with its type
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "an import hung"
    return results


@pytest.fixture
def expected_counts(seed_input) -> dict[str, int]:
    """The rows one import of the seed writes (measured, then rolled back by a delete)."""
    document_import(data=seed_input)
    measured = counts()
    for model in (SourceExcerpt, ActorAlias, Event.actors.through, Event, Actor, Document):
        model.objects.all().delete()
    return measured


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_imports_of_one_document_at_the_same_moment(monkeypatch, seed_input, expected_counts):
    # Both imports get past "is it already there?" before either writes: the race the unique
    # constraint on the content hash has to settle.
    barrier = threading.Barrier(2, timeout=10)
    full_clean = Document.full_clean

    def full_clean_together(self, *args, **kwargs):
        barrier.wait()
        return full_clean(self, *args, **kwargs)

    monkeypatch.setattr(Document, "full_clean", full_clean_together)

    results = run_in_threads(2, lambda _: document_import(data=seed_input))

    assert all(isinstance(r, ImportResult) for r in results), results
    assert sorted(r.created for r in results) == [False, True]
    assert len({r.document.pk for r in results}) == 1
    assert counts() == expected_counts


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_many_imports_of_one_document_through_the_api(seed_input, expected_counts):
    client = editor_client("add_document")
    body = {"date": seed_input.published_on.isoformat(), "text": seed_input.body}

    codes = run_in_threads(6, lambda _: client.post("/api/documents/", body, format="json"))

    statuses = Counter(getattr(r, "status_code", repr(r)) for r in codes)
    assert statuses == {201: 1, 200: 5}, codes
    assert counts() == expected_counts


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_documents_share_new_actors_without_duplicates():
    texts = [OTHER_TEXT.replace("Monday", day) for day in ("Monday", "Wednesday", "Friday")]
    barrier = threading.Barrier(len(texts), timeout=10)

    def work(index: int) -> ImportResult:
        barrier.wait()
        return document_import(data=other_input(texts[index]))

    results = run_in_threads(len(texts), work)

    assert all(isinstance(r, ImportResult) and r.created for r in results), results
    assert Document.objects.count() == len(texts)
    assert Actor.objects.filter(name="Tim Walz").count() == 1
    assert Actor.objects.filter(name="Brandon Johnson").count() == 1
    names = [name.casefold() for name in Actor.objects.values_list("name", flat=True)]
    assert len(names) == len(set(names))
    for result in results:
        assert Event.objects.filter(document=result.document).count() == result.event_count


# --- deleting a document --------------------------------------------------------------------


@pytest.fixture
def two_documents(seed_document) -> dict:
    """The seed and a second document; one seed event reviewed, one also supported by the
    second document (an editor attached an excerpt of it)."""
    other = document_import(data=other_input()).document
    reviewed = Event.objects.get(document=seed_document, expression="Saturday")
    reviewed.status = Event.Status.REVIEWED
    reviewed.save()
    shared = Event.objects.filter(document=seed_document, status=Event.Status.MACHINE).first()
    SourceExcerptFactory(event=shared, document=other, end=10)
    return {"seed": seed_document, "other": other, "reviewed": reviewed, "shared": shared}


def assert_deleted_exactly_the_seed(two_documents: dict, before_other: dict) -> None:
    seed, other = two_documents["seed"], two_documents["other"]
    reviewed, shared = two_documents["reviewed"], two_documents["shared"]

    assert not Document.objects.filter(pk=seed.pk).exists()
    assert not SourceExcerpt.objects.filter(document_id=seed.pk).exists()
    # The seed's machine events go, but for the one the other document supports.
    survivors = Event.objects.filter(pk__in=[reviewed.pk, shared.pk])
    assert set(survivors.values_list("pk", flat=True)) == {reviewed.pk, shared.pk}
    assert set(Event.objects.exclude(document=other).values_list("pk", flat=True)) == {
        reviewed.pk,
        shared.pk,
    }
    reviewed.refresh_from_db()
    assert reviewed.source_removed
    assert reviewed.document is None
    assert reviewed.status == Event.Status.REVIEWED
    assert reviewed.actors.exists()  # its actors stay with it
    shared.refresh_from_db()
    assert not shared.source_removed  # it still has a source
    assert shared.excerpts.filter(document=other).exists()
    # Actors only the seed's deleted events mentioned are gone; every actor left has events.
    assert not Actor.objects.filter(events__isnull=True).exists()
    # The other document's rows are untouched (shared and reviewed events aside, counted above).
    assert rows_of(other) == before_other


def rows_of(other: Document) -> dict[str, list[tuple]]:
    """The rows of a document, its events, excerpts, actors and their links."""
    return {
        "document": list(Document.objects.filter(pk=other.pk).values_list()),
        "events": list(Event.objects.filter(document=other).order_by("pk").values_list()),
        "excerpts": list(SourceExcerpt.objects.filter(document=other).order_by("pk").values_list()),
        "actors": list(
            Actor.objects.filter(events__document=other).distinct().order_by("pk").values_list()
        ),
        "links": list(
            Event.actors.through.objects.filter(event__document=other).order_by("pk").values_list()
        ),
    }


@pytest.mark.django_db
def test_deleting_a_document_removes_what_only_it_supported(two_documents):
    before_other = rows_of(two_documents["other"])
    actors_before = set(Actor.objects.values_list("name", flat=True))

    summary = document_delete(document=two_documents["seed"])

    assert summary["events_kept"] == 1
    assert summary["events_deleted"] >= 4
    assert summary["actors_deleted"] >= 1
    assert_deleted_exactly_the_seed(two_documents, before_other)
    gone = actors_before - set(Actor.objects.values_list("name", flat=True))
    assert len(gone) == summary["actors_deleted"]
    assert "Brandon Johnson" not in gone  # the other document names him too


@pytest.mark.django_db
def test_deleting_through_the_api_is_the_same_and_shows_the_removed_source(two_documents):
    before_other = rows_of(two_documents["other"])
    client = editor_client("delete_document")

    response = client.delete(f"/api/documents/{two_documents['seed'].pk}/")

    assert response.status_code == 204
    assert_deleted_exactly_the_seed(two_documents, before_other)
    items = {item["id"]: item for item in client.get("/api/events/").json()["results"]}
    assert items[two_documents["reviewed"].pk]["source_removed"] is True


@pytest.mark.django_db
def test_deleting_and_reimporting_restores_the_machine_events_once(two_documents, seed_input):
    document_delete(document=two_documents["seed"])
    result = document_import(data=seed_input)
    assert result.created
    again = document_import(data=seed_input)
    assert not again.created
    # The reviewed event is still there once, beside the re-imported machine events.
    assert Event.objects.filter(pk=two_documents["reviewed"].pk, source_removed=True).exists()
    names = [name.casefold() for name in Actor.objects.values_list("name", flat=True)]
    assert len(names) == len(set(names))


@pytest.mark.django_db
def test_an_actor_another_document_names_is_kept(seed_document):
    # ICE has no event in either document; the second one names it too, so it is not the
    # seed's alone. CPD, named only by the seed, goes with it.
    document_import(data=other_input(OTHER_TEXT + " ICE agents were not seen."))
    document_delete(document=seed_document)
    assert Actor.objects.filter(name="ICE").exists()
    assert not Actor.objects.filter(name="Chicago Police Department").exists()
    assert not ActorAlias.objects.filter(alias="CPD").exists()


@pytest.mark.django_db
def test_deleting_a_document_keeps_actors_an_editor_made(seed_document):
    from events.services.actors import actor_save
    from events.services.editing import document_delete

    cpd = Actor.objects.get(name="Chicago Police Department")
    actor_save(actor=cpd)  # an editor touched it: reviewed
    ice = Actor.objects.get(name="ICE")
    document_delete(document=seed_document)
    assert Actor.objects.filter(pk=cpd.pk).exists()
    assert not Actor.objects.filter(pk=ice.pk).exists()
