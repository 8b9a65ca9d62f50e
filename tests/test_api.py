"""The REST API: timeline shape, order, filters, query counts, document import."""

import json
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.filters import EventFilter, TimelineFilter
from events.inputs import DocumentInput
from events.models import Actor, Document, Event, SourceExcerpt
from events.services.imports import document_import
from tests.conftest import SEED_ACTORS
from tests.factories import EventFactory, SourceExcerptFactory, UserFactory

pytestmark = pytest.mark.django_db

SEED_DATED = [
    ("2025-08-28", "2025-08-28", "day", "Thursday"),
    ("2025-08-28", "2025-08-29", "range", "August 28-29"),
    ("2025-08-29", "2025-08-29", "day", "August 29, 2025"),
    ("2025-08-30", "2025-08-30", "day", "Saturday"),
    ("2025-08-30", "2025-08-30", "day", ""),  # "Chicago is a sanctuary city.": reporting time
    ("2025-08-30", "2025-08-30", "day", "August 30, 2025"),
    ("2025-08-30", "2025-08-30", "day", ""),  # "That crime crack down has brought ...": now
]


def timeline(api_client, **params) -> list[dict]:
    response = api_client.get("/api/timeline/", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_seed_timeline(api_client, seed_document):
    items = timeline(api_client)
    dated = [i for i in items if i["precision"] != "undated"]
    assert [(i["earliest"], i["latest"], i["precision"], i["expression"]) for i in dated] == (
        SEED_DATED
    )
    leavitt, _fbi, patel, order, state, johnson, _arrests = dated
    assert state["summary"] == "Chicago is a sanctuary city." and state["resolution"] == "document"
    assert {a["name"] for a in leavitt["actors"]} == {"Karoline Leavitt", "White House"}
    assert {a["name"] for a in patel["actors"]} >= {"Kash Patel", "FBI", "Donald Trump"}
    assert {a["name"] for a in order["actors"]} == {"Brandon Johnson", "City of Chicago"}
    assert johnson["actors"][0]["name"] == "Brandon Johnson"
    keys = {"id", "summary", "earliest", "latest", "precision", "expression", "resolution"}
    assert keys | {"status", "actors", "excerpts"} <= set(order)
    assert set(order["actors"][0]) >= {"id", "name", "kind"}
    excerpt = order["excerpts"][0]
    assert set(excerpt) >= {"document", "document_title", "document_url", "start", "end", "text"}
    assert seed_document.body[excerpt["start"] : excerpt["end"]] == excerpt["text"]
    assert order["resolution"] == "relative" and johnson["resolution"] == "explicit"
    assert order["status"] == "machine"


def test_seed_actors_in_the_api(api_client, seed_document):
    response = api_client.get("/api/actors/", {"page_size": 100})
    actors = {a["name"]: a for a in response.json()["results"]}
    assert set(actors) >= SEED_ACTORS
    assert "@ChicagosMayor" in actors["Brandon Johnson"]["aliases"]
    # A surname is his within the seed only: stored, it would claim every other Johnson.
    assert "Johnson" not in actors["Brandon Johnson"]["aliases"]
    assert {"Trump", "@POTUS"} <= set(actors["Donald Trump"]["aliases"])
    assert "@FBIDirectorKash" in actors["Kash Patel"]["aliases"]
    assert "CPD" in actors["Chicago Police Department"]["aliases"]


def test_filters(api_client, seed_document):
    patel = Actor.objects.get(name="Kash Patel")
    by_actor = timeline(api_client, actor=patel.pk)
    # His figures (28-29), his post (29) and the arrests he reported (the reporting time).
    assert [i["expression"] for i in by_actor] == ["August 28-29", "August 29, 2025", ""]
    # Overlap: the FBI range 28..29 overlaps a query for the 29th alone.
    overlap = timeline(api_client, **{"from": "2025-08-29", "to": "2025-08-29"})
    assert [i["expression"] for i in overlap] == ["August 28-29", "August 29, 2025"]
    assert [i["expression"] for i in timeline(api_client, precision="range")] == ["August 28-29"]
    assert [i["expression"] for i in timeline(api_client, q="executive order")] == [
        "Saturday",
        "August 30, 2025",
    ]
    assert len(timeline(api_client, document=seed_document.pk)) == 9
    assert timeline(api_client, **{"from": "2025-09-01"}) == []
    response = api_client.get("/api/timeline/", {"from": "not-a-date"})
    assert response.status_code == 400


def test_actor_timeline(api_client, seed_document):
    leavitt = Actor.objects.get(name="Karoline Leavitt")
    response = api_client.get(f"/api/actors/{leavitt.pk}/timeline/")
    assert response.status_code == 200
    assert [i["expression"] for i in response.json()["results"]] == ["Thursday"]


def make_events(document: Document, count: int, actors: list[Actor]) -> None:
    events = Event.objects.bulk_create(
        EventFactory.build(
            summary=f"event {i}", earliest=date(2020, 1, 1 + i % 28), document=document, position=i
        )
        for i in range(count)
    )
    SourceExcerpt.objects.bulk_create(SourceExcerptFactory.build(event=e, end=5) for e in events)
    for event in events:
        event.actors.set(actors)


def test_timeline_query_count_does_not_grow_with_events(api_client, seed_document):
    actors = list(Actor.objects.all()[:3])
    make_events(seed_document, 5, actors)
    with CaptureQueriesContext(connection) as few:
        timeline(api_client, page_size=50)
    make_events(seed_document, 40, actors)
    with CaptureQueriesContext(connection) as many:
        assert len(timeline(api_client, page_size=50)) == 50
    assert len(many) == len(few)


def test_timeline_page_query_count_is_pinned(api_client, seed_document, django_assert_num_queries):
    make_events(seed_document, 30, list(Actor.objects.all()[:2]))
    # one: the page of events (keyset: no COUNT) with their sources, actors and excerpts
    with django_assert_num_queries(1):
        timeline(api_client)


def test_timeline_pages_have_the_timeline_serializers_shape(api_client, seed_document):
    """The API's pages are built by selectors.timeline_items, without the serializer that
    documents their shape (and serves the browsable API): the two must agree exactly."""
    from rest_framework.renderers import JSONRenderer

    from events import selectors
    from events.serializers import TimelineEventSerializer
    from events.services.editing import document_delete

    second = document_import(
        data=DocumentInput(
            published_on=date(2024, 1, 5),
            body="On Friday, Mayor Ana Ruiz met FBI agents. Ruiz said on Monday she would resign.",
            title="Second",
            url="https://example.com/second",
            source="test",
        )
    ).document
    orphan = Event.objects.filter(document=second).first()
    orphan.status = Event.Status.REVIEWED
    orphan.save()
    document_delete(document=second)  # a reviewed event stays, document NULL
    events = list(selectors.timeline_events())
    assert any(event.document_id is None for event in events)
    assert any(len(event.excerpts.all()) > 1 for event in events)

    def as_json(data: object) -> object:
        return json.loads(JSONRenderer().render(data))

    expected = as_json(TimelineEventSerializer(events, many=True).data)
    assert as_json(selectors.timeline_items(list(selectors.timeline_rows()))) == expected
    assert timeline(api_client) == expected
    browsable = api_client.get("/api/timeline/", {"format": "api"})
    assert browsable.status_code == 200


def test_post_document_imports_it(api_client):
    api_client.force_authenticate(UserFactory(permissions=["add_document"]))
    payload = {"date": "2025-09-03", "text": "Governor Jane Doe vetoed the bill on Monday."}
    response = api_client.post("/api/documents/", payload, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["published_on"] == "2025-09-03"
    (event,) = body["events"]
    assert (event["earliest"], event["expression"]) == ("2025-09-01", "Monday")
    again = api_client.post("/api/documents/", payload, format="json")
    assert again.status_code == 200
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"date": "2025-02-30", "text": "x"}, "date"),
        ({"date": "2025-08-30", "text": "   "}, "text"),
        ({"text": "x"}, "date"),
        ({"date": "2025-08-30", "text": "x", "url": "not a url"}, "url"),
    ],
)
def test_post_document_rejects_bad_input(api_client, payload, field):
    api_client.force_authenticate(UserFactory(superuser=True))
    response = api_client.post("/api/documents/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Document.objects.count() == 0


def test_anonymous_cannot_write(api_client, seed_document):
    response = api_client.post("/api/documents/", {"date": "2025-09-03", "text": "x"})
    assert response.status_code in (401, 403)
    event = Event.objects.first()
    assert api_client.delete(f"/api/events/{event.pk}/").status_code in (401, 403)


def test_editing_an_event_through_the_api_marks_it_reviewed(api_client, seed_document):
    api_client.force_authenticate(UserFactory(superuser=True))
    event = Event.objects.get(expression="Saturday")
    response = api_client.patch(
        f"/api/events/{event.pk}/", {"summary": "Order signed"}, format="json"
    )
    assert response.status_code == 200, response.content
    event.refresh_from_db()
    assert (event.summary, event.status) == ("Order signed", "reviewed")
    bad = api_client.patch(f"/api/events/{event.pk}/", {"earliest": "2025-09-01"}, format="json")
    assert bad.status_code == 400 and "latest" in bad.json()


def test_schema_and_docs(api_client):
    schema = api_client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/timeline/" in schema.content
    assert api_client.get("/api/docs/").status_code == 200


def test_renaming_an_actor_through_the_api_keeps_the_old_name(api_client, seed_document):
    api_client.force_authenticate(UserFactory(superuser=True))
    actor = Actor.objects.get(name="Kash Patel")
    response = api_client.patch(f"/api/actors/{actor.pk}/", {"name": "Kashyap Patel"})
    assert response.status_code == 200, response.content
    assert "Kash Patel" in set(actor.aliases.values_list("alias", flat=True))
    assert Actor.objects.get(pk=actor.pk).name == "Kashyap Patel"


def test_one_timeline_order_everywhere_with_removed_sources_last(seed_document):
    from events.selectors import timeline_events

    day = date(2025, 8, 28)
    orphan = EventFactory(summary="kept after its source went", earliest=day, source_deleted=True)
    same_day = [e.pk for e in timeline_events() if (e.earliest, e.latest) == (day, day)]
    assert same_day[-1] == orphan.pk and len(same_day) == 2


@pytest.fixture
def modalities_document(db):
    text = (
        "The museum reopened on Monday after a long repair.\n\n"
        "The museum will open a new wing in March.\n\n"
        "A larger hall would draw more visitors next year.\n\n"
        "The director said on Tuesday that the repair cost 2 million euros.\n\n"
        "The roof was replaced on October 20, 2025."
    )
    return document_import(data=DocumentInput(published_on=date(2025, 9, 3), body=text)).document


def test_timeline_shows_facts_and_statements_unless_asked(api_client, modalities_document):
    items = timeline(api_client)
    assert [(i["expression"], i["modality"]) for i in items] == [
        ("Monday", "fact"),
        ("Tuesday", "statement"),
        ("October 20, 2025", "fact"),
    ]
    assert [i["after_publication"] for i in items] == [False, False, True]
    planned = timeline(api_client, modality="plan,opinion")
    assert [(i["expression"], i["modality"]) for i in planned] == [
        ("next year", "opinion"),
        ("March", "plan"),
    ]
    assert not any(i["after_publication"] for i in planned)
    assert len(timeline(api_client, modality="all")) == 5
    assert len(timeline(api_client, modality="fact")) == 2
    # The exports reuse the filters.
    response = api_client.get("/api/timeline/", {"format": "jsonl", "modality": "plan"})
    assert [json.loads(line)["expression"] for line in response.content.splitlines()] == ["March"]
    # /api/events/ (editing) lists every event unless asked.
    assert len(api_client.get("/api/events/").json()["results"]) == 5


def test_an_unknown_modality_is_a_400_naming_it(api_client, modalities_document):
    response = api_client.get("/api/timeline/", {"modality": "fact,rumour"})
    assert response.status_code == 400
    assert "'rumour'" in response.json()["modality"][0]


@pytest.mark.parametrize(
    ("url", "filter_class"),
    [("/api/timeline/", TimelineFilter), ("/api/events/", EventFilter)],
)
def test_a_page_without_filters_builds_no_filterset(
    api_client, seed_document, monkeypatch, url, filter_class
):
    """The defaults without the FilterSet and its form (a third of a page's time): the same
    rows as the FilterSet with no data gives."""
    from events import selectors

    rows = selectors.timeline_rows()
    assert str(filter_class.unfiltered(rows).query) == str(filter_class({}, queryset=rows).qs.query)
    built = []
    init = filter_class.__init__

    def counted(self, *args, **kwargs) -> None:
        built.append(type(self))
        init(self, *args, **kwargs)

    monkeypatch.setattr(filter_class, "__init__", counted)
    plain = api_client.get(url).json()
    assert plain["results"] and built == []
    api_client.get(url, {"cursor": plain["next"] or "", "format": "json"})
    assert built == []
    api_client.get(url, {"precision": "day"})
    assert built == [filter_class]
