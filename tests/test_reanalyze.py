"""Re-running the analysis on stored documents never loses an editor's work."""

from io import StringIO

import pytest
from django.core.management import call_command

from events.models import Event
from events.services import document_reanalyze

pytestmark = pytest.mark.django_db


def test_reanalysis_replaces_machine_events_and_keeps_reviewed(seed_document):
    order = Event.objects.get(expression="Saturday")
    order.summary = "Johnson signs the order (edited)"
    order.earliest = order.latest = order.earliest.replace(day=29)
    order.status = Event.Status.REVIEWED
    order.save()
    before = Event.objects.count()
    result = document_reanalyze(document=seed_document)
    assert result == {"events_removed": before - 1, "events_created": before - 1, "events_kept": 1}
    order.refresh_from_db()
    assert order.summary == "Johnson signs the order (edited)"
    assert order.earliest.day == 29
    assert Event.objects.count() == before
    # No duplicate of the reviewed event was created for its sentence.
    assert Event.objects.filter(summary__startswith="City of Chicago Mayor").count() == 0


def test_reanalyze_command(seed_document):
    out = StringIO()
    call_command("reanalyze_documents", stdout=out)
    assert "1 documents: 7 events created, 7 machine events replaced, 0 reviewed kept" in (
        out.getvalue()
    )
    assert Event.objects.count() == 7


def test_events_written_by_editors_survive_reanalysis(seed_document, api_client):
    from django.contrib.auth.models import User

    api_client.force_authenticate(User.objects.create_superuser("root"))
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
