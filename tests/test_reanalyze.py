"""Re-running the analysis on stored documents never loses an editor's work."""

from io import StringIO

import pytest
from django.core.management import call_command

from events.models import Event, SourceExcerpt
from events.services.reanalysis import document_reanalyze
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_reanalysis_keeps_reviewed_events_as_they_are(seed_document):
    order = Event.objects.get(expression="Saturday")
    order.summary = "Johnson signs the order (edited)"
    order.earliest = order.latest = order.earliest.replace(day=29)
    order.status = Event.Status.REVIEWED
    order.save()
    before = Event.objects.count()
    result = document_reanalyze(document=seed_document)
    assert result == {
        "events_removed": 0,
        "events_created": 0,
        "events_updated": before - 1,
        "events_kept": 1,
    }
    order.refresh_from_db()
    assert order.summary == "Johnson signs the order (edited)"
    assert order.earliest.day == 29
    assert Event.objects.count() == before
    # No duplicate of the reviewed event was created for its sentence.
    assert Event.objects.filter(summary__startswith="City of Chicago Mayor").count() == 0


def snapshot() -> dict[int, tuple]:
    """Every event by id, with what the analysis sets: fields, excerpts (with their ids) and
    actors."""
    return {
        event.pk: (
            event.summary,
            event.earliest,
            event.latest,
            event.precision,
            event.expression,
            event.rule,
            event.position,
            sorted((x.pk, x.start, x.end, x.expression_start) for x in event.excerpts.all()),
            sorted(a.pk for a in event.actors.all()),
        )
        for event in Event.objects.prefetch_related("excerpts", "actors")
    }


def test_an_event_found_again_keeps_its_id_and_everything_else(seed_document):
    before = snapshot()
    result = document_reanalyze(document=seed_document)
    assert result == {
        "events_removed": 0,
        "events_created": 0,
        "events_updated": 9,
        "events_kept": 0,
    }
    assert snapshot() == before  # the same ids, excerpt ids, fields and actors


def test_reanalysis_updates_in_place_creates_the_new_and_deletes_only_the_gone(seed_document):
    before = snapshot()
    saturday = Event.objects.get(expression="Saturday")
    # An older analysis dated it differently and missed an actor: both come back, same id.
    Event.objects.filter(pk=saturday.pk).update(earliest="2025-08-29", summary="old summary")
    saturday.actors.remove(saturday.actors.first())
    # An older analysis cut the Thursday sentence differently, with the same date expression
    # in it: the event is found again by its expression, and its excerpt is replaced.
    thursday = Event.objects.get(expression="Thursday")
    first = thursday.excerpts.order_by("pk").first()
    SourceExcerpt.objects.filter(pk=first.pk).update(
        start=first.expression_start,
        text=seed_document.body[first.expression_start : first.end],
    )
    # An event of an older analysis that the current one does not find at the same place.
    undated = Event.objects.filter(precision="undated").order_by("pk").last()
    stray = undated.excerpts.get()
    SourceExcerpt.objects.filter(pk=stray.pk).update(start=stray.start + 1, text=stray.text[1:])

    result = document_reanalyze(document=seed_document)

    assert result == {
        "events_removed": 1,
        "events_created": 1,
        "events_updated": 8,
        "events_kept": 0,
    }
    after = snapshot()
    assert after[saturday.pk] == before[saturday.pk]
    assert after[thursday.pk][:7] == before[thursday.pk][:7]
    assert first.pk not in {x[0] for x in after[thursday.pk][7]}  # that excerpt was replaced
    assert sorted(x[1:] for x in after[thursday.pk][7]) == sorted(
        x[1:] for x in before[thursday.pk][7]
    )
    assert undated.pk not in after
    (new,) = set(after) - set(before)
    assert after[new][:7] == before[undated.pk][:7]
    assert sorted(after) == sorted({*before} - {undated.pk} | {new})


def test_reanalyze_command(seed_document):
    out = StringIO()
    call_command("reanalyze_documents", stdout=out)
    assert (
        "1 document: 9 events found again (same ids), 0 created, 0 no longer found removed, "
        "0 reviewed kept"
    ) in out.getvalue()
    assert Event.objects.count() == 9


def test_events_written_by_editors_survive_reanalysis(seed_document, api_client):
    api_client.force_authenticate(UserFactory(superuser=True))
    response = api_client.post(
        "/api/events/",
        {
            "summary": "Council hearing (added by an editor)",
            "earliest": "2025-08-27",
            "latest": "2025-08-27",
            "document": seed_document.pk,
            "position": 0,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "reviewed"
    result = document_reanalyze(document=seed_document)
    assert Event.objects.filter(summary__startswith="Council hearing").exists()
    assert result["events_kept"] == 0  # it has no excerpt: nothing of the analysis stands for it


def test_events_kept_counts_events_not_excerpts(seed_document):
    leavitt = Event.objects.get(expression="Thursday")  # two excerpts
    leavitt.status = Event.Status.REVIEWED
    leavitt.save()
    assert document_reanalyze(document=seed_document)["events_kept"] == 1
    assert Event.objects.filter(expression="Thursday").count() == 1


def test_reanalysis_keeps_the_ids_and_the_entries_of_merged_sources():
    from tests.test_merging import OUTLET_A, OUTLET_B, OUTLET_C, imported

    documents = imported(OUTLET_A, OUTLET_B, OUTLET_C)
    grouping = dict(Event.objects.values_list("pk", "merged_into_id"))
    assert any(grouping.values())  # the same order, reported three times, is one entry
    for document in documents:
        document_reanalyze(document=document)
    assert dict(Event.objects.values_list("pk", "merged_into_id")) == grouping


def test_a_new_document_date_re_resolves_the_same_events(seed_document):
    # As the admin does when an editor corrects the publication date.
    ids = set(Event.objects.values_list("pk", flat=True))
    seed_document.published_on = seed_document.published_on.replace(day=31)
    seed_document.save()
    result = document_reanalyze(document=seed_document)
    assert set(Event.objects.values_list("pk", flat=True)) == ids
    assert result["events_updated"] == 9
    # "Saturday" from Sunday 31 August is still the 30th; "Thursday" still the 28th.
    assert str(Event.objects.get(expression="Saturday").earliest) == "2025-08-30"
