"""The actor filters (``?actor=``, ``/api/actors/{id}/timeline/``, the web page's actor timeline):
one meaning in both query shapes (the actor's events collected, or the timeline walked: see
events/query_shapes.py), on SQLite and PostgreSQL."""

from datetime import date

import pytest
from django.db import connection

from events import filters, query_shapes
from events.models import Actor, Document, Event
from tests.factories import ActorFactory, DocumentFactory, EventFactory

TIMELINE = "/api/timeline/"


@pytest.fixture
def named(db) -> dict[str, object]:
    """Two documents and their events: an entry reported by both (the second document's event
    merged into the first's, each naming another actor), an event of one actor alone, a plan
    (hidden unless asked for) and an event naming no one."""
    a, b = DocumentFactory.create_batch(2)
    mayor = ActorFactory(name="Ana Mayor", kind=Actor.Kind.PERSON)
    council = ActorFactory(name="City Council", kind=Actor.Kind.ORGANIZATION)

    def event(document: Document, day: int, position: int, *actors: Actor, **fields) -> Event:
        return EventFactory(
            summary=f"event {day}",
            earliest=date(2025, 8, day),
            document=document,
            position=position,
            actors=actors,
            **fields,
        )

    signed = event(a, 1, 0, mayor)
    reported = event(b, 1, 0, council, merged_into=signed)  # the same happening, by B
    met = event(a, 2, 10, council)
    plan = event(a, 3, 20, mayor, modality=Event.Modality.PLAN)
    quiet = event(b, 4, 10)
    return {
        "mayor": mayor,
        "council": council,
        "signed": signed,
        "reported": reported,
        "met": met,
        "plan": plan,
        "quiet": quiet,
    }


def found(api_client, url: str, named: dict, **params) -> list[str]:
    response = api_client.get(url, params)
    assert response.status_code == 200, response.content
    names = {value.pk: name for name, value in named.items() if isinstance(value, Event)}
    return [names[item["id"]] for item in response.json()["results"]]


@pytest.mark.parametrize("common", [False, True], ids=["collected", "walked"])
def test_the_actor_filters_find_the_same_items_in_both_shapes(
    api_client, client, named, monkeypatch, common
):
    monkeypatch.setattr(filters, "actors_are_common", lambda ids: common)
    mayor, council = named["mayor"].pk, named["council"].pk
    # An entry is found by the actor of any of its sources: the council is named only by B's
    # event, merged into A's.
    assert found(api_client, TIMELINE, named, actor=council) == ["signed", "met"]
    assert found(api_client, TIMELINE, named, actor=council, merged="false") == [
        "reported",
        "met",
    ]
    assert found(api_client, TIMELINE, named, actor=mayor) == ["signed"]
    assert found(api_client, TIMELINE, named, actor=mayor, modality="plan") == ["plan"]
    assert found(api_client, TIMELINE, named, actor=[mayor, council]) == ["signed", "met"]
    assert found(api_client, TIMELINE, named, actor=council, to="2025-08-01") == ["signed"]
    assert found(api_client, f"/api/actors/{council}/timeline/", named) == ["signed", "met"]
    assert found(api_client, f"/api/actors/{mayor}/timeline/", named, merged="false") == ["signed"]
    # The web pages agree.
    for url in (f"/actors/{council}/", f"/?actor={council}"):
        page = client.get(url).content.decode()
        assert "event 1" in page and "event 2" in page and "event 4" not in page, url
    assert found(api_client, "/api/events/", named, actor=council) == ["reported", "met"]


def test_every_list_asks_for_the_shape(api_client, client, named, monkeypatch):
    # The web page counts its matches only up to a limit, and /api/events/ not at all: both may
    # walk for a common actor, as the API's timeline does.
    asked: list[list[int]] = []
    monkeypatch.setattr(filters, "actors_are_common", lambda ids: asked.append(list(ids)) or True)
    council = named["council"].pk
    assert found(api_client, "/api/events/", named, actor=council) == ["reported", "met"]
    assert client.get("/", {"actor": council}).status_code == 200
    assert found(api_client, TIMELINE, named, actor=council) == ["signed", "met"]
    assert asked == [[council]] * 3


def test_an_actor_is_common_when_sampled_all_along_the_events(named, monkeypatch):
    if connection.vendor != "postgresql":
        assert not filters.actors_are_common([named["mayor"].pk])  # SQLite always collects
        return
    # Few events here: the sample is the whole table, in five parts of one event each (by id).
    # The mayor is on the first and the fourth: a part without the mayor makes it rare.
    assert not filters.actors_are_common([named["mayor"].pk])
    everyone = ActorFactory(name="Every One", kind=Actor.Kind.PERSON)
    for event in Event.objects.all():
        event.actors.add(everyone)
    # Five events: too few matches for a walk to pay, even on every event.
    assert not filters.actors_are_common([everyone.pk])
    monkeypatch.setattr(query_shapes, "MIN_MATCHES", 1)
    assert filters.actors_are_common([everyone.pk])
    assert filters.actors_are_common([named["mayor"].pk, everyone.pk])
    assert not filters.actors_are_common([named["mayor"].pk, named["council"].pk])


def test_the_walk_probes_each_item_rather_than_hashing_the_actors_links(named):
    """The walked query must check item by item: a hashed subplan would read every link of the
    actor (and every event of them) before the first row, the cost the walk is there to avoid."""
    if connection.vendor != "postgresql":
        pytest.skip("the query plan is PostgreSQL's")
    queryset = Event.objects.in_timeline_order().filter(merged_into__isnull=True)
    walked = queryset.filter(filters.naming([named["council"].pk], merged=True))[:51]
    sql, params = walked.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # the plan of a large table
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "SubPlan" in plan
    assert "hashed SubPlan" not in plan
