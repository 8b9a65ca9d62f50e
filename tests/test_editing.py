"""The editors' rules hold whichever way an editor works, the admin or the API: both call the
same services (events/services/editing.py). What an editor writes is reviewed (re-analysis keeps
it); deleting the event that represents an entry keeps the entry's other sources together."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from events.inputs import DocumentInput
from events.models import Event, SourceExcerpt
from events.services.imports import document_import
from events.services.reanalysis import document_reanalyze
from tests.factories import UserFactory
from tests.test_admin import event_form, inline_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor() -> User:
    return UserFactory(superuser=True)


def excerpt_fields(excerpt: SourceExcerpt, **changes) -> dict:
    return {
        "event": excerpt.event_id,
        "document": excerpt.document_id,
        "start": excerpt.start,
        "end": excerpt.end,
        "text": excerpt.text,
        "expression_start": excerpt.expression_start,
        "expression_end": excerpt.expression_end,
        **changes,
    }


def shorter(excerpt: SourceExcerpt) -> dict:
    """The excerpt cut to end where its date expression ends: still the document's text."""
    end = excerpt.expression_end
    return {"end": end, "text": excerpt.document.body[excerpt.start : end]}


def edit_in_admin(client, excerpt: SourceExcerpt, **changes) -> None:
    event = excerpt.event
    fields = excerpt_fields(excerpt, **changes)
    form = {
        **event_form(event),
        **inline_forms("excerpts", total=1),
        **{f"excerpts-0-{name}": "" if v is None else v for name, v in fields.items()},
        "excerpts-0-id": excerpt.pk,
    }
    response = client.post(reverse("admin:events_event_change", args=[event.pk]), form)
    assert response.status_code == 302, response.content.decode()[:3000]


def edit_in_api(api_client, excerpt: SourceExcerpt, **changes) -> None:
    response = api_client.patch(f"/api/excerpts/{excerpt.pk}/", changes, format="json")
    assert response.status_code == 200, response.content


def test_correcting_an_excerpt_through_the_api_marks_its_event_reviewed(
    api_client, editor, seed_document
):
    api_client.force_authenticate(editor)
    excerpt = SourceExcerpt.objects.get(event__expression="Saturday")
    assert excerpt.event.status == Event.Status.MACHINE
    edit_in_api(api_client, excerpt, **shorter(excerpt))
    excerpt.refresh_from_db()
    assert excerpt.end == excerpt.expression_end
    assert excerpt.event.status == Event.Status.REVIEWED
    # Re-analysis keeps the editor's event and its corrected excerpt.
    document_reanalyze(document=seed_document)
    assert SourceExcerpt.objects.get(pk=excerpt.pk).end == excerpt.expression_end


def test_correcting_an_excerpt_in_the_admin_marks_its_event_reviewed(client, editor, seed_document):
    client.force_login(editor)
    excerpt = SourceExcerpt.objects.get(event__expression="Saturday")
    edit_in_admin(client, excerpt, **shorter(excerpt))
    excerpt.refresh_from_db()
    assert excerpt.end == excerpt.expression_end
    assert excerpt.event.status == Event.Status.REVIEWED


def test_adding_and_removing_excerpts_through_the_api_marks_the_events_reviewed(
    api_client, editor, seed_document
):
    api_client.force_authenticate(editor)
    thursday = Event.objects.get(expression="Thursday")
    body = seed_document.body
    start = body.index("Chicago")
    response = api_client.post(
        "/api/excerpts/",
        {
            "event": thursday.pk,
            "document": seed_document.pk,
            "start": start,
            "end": start + 7,
            "text": "Chicago",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Event.objects.get(pk=thursday.pk).status == Event.Status.REVIEWED

    saturday = SourceExcerpt.objects.get(event__expression="Saturday")
    assert api_client.delete(f"/api/excerpts/{saturday.pk}/").status_code == 204
    assert Event.objects.get(pk=saturday.event_id).status == Event.Status.REVIEWED


def test_an_event_written_through_the_api_is_reviewed_unless_the_request_says_otherwise(
    api_client, editor, seed_document
):
    api_client.force_authenticate(editor)
    actor = seed_document.actors.order_by("pk").first()
    fields = {"summary": "A new event", "earliest": "2025-08-01", "latest": "2025-08-02"}
    created = api_client.post("/api/events/", {**fields, "actors": [actor.pk]}, format="json")
    assert created.status_code == 201, created.content
    event = Event.objects.get(pk=created.json()["id"])
    assert event.status == Event.Status.REVIEWED
    assert list(event.actors.all()) == [actor]
    machine = api_client.post("/api/events/", {**fields, "status": "machine"}, format="json")
    assert Event.objects.get(pk=machine.json()["id"]).status == Event.Status.MACHINE
    bad = api_client.post("/api/events/", {**fields, "latest": "2025-07-01"}, format="json")
    assert bad.status_code == 400


OUTLETS = [
    ("2025-08-30", "Mayor Brandon Johnson signed an executive order on Saturday barring police."),
    ("2025-08-30", "On Saturday Mayor Brandon Johnson signed an order barring city police."),
    ("2025-08-31", "Brandon Johnson signed the executive order on August 30, barring police."),
]


def representative() -> Event:
    (entry,) = Event.objects.filter(
        merged_into__isnull=True, merged_events__isnull=False
    ).distinct()
    return Event.objects.get(pk=entry.pk)


@pytest.mark.parametrize("interface", ["api", "admin"])
def test_deleting_an_entrys_representative_keeps_its_other_sources_together(
    interface, api_client, client, editor
):
    for day, body in OUTLETS:
        document_import(
            data=DocumentInput(published_on=date.fromisoformat(day), body=body, title="", url="")
        )
    leaving = representative()
    assert leaving.merged_events.count() == 2
    if interface == "api":
        api_client.force_authenticate(editor)
        assert api_client.delete(f"/api/events/{leaving.pk}/").status_code == 204
    else:
        client.force_login(editor)
        url = reverse("admin:events_event_delete", args=[leaving.pk])
        assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(pk=leaving.pk).exists()
    assert representative().merged_events.count() == 1
