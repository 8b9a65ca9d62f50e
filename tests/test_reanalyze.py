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
