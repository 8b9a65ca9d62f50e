"""The editors' admin: pages load, saving reviews an event, merging actors moves events."""

import pytest
from django.urls import reverse

from events.models import Actor, Event
from tests.factories import ActorAliasFactory, ActorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(superuser=True))
    return client


def inline_forms(prefix: str, total: int = 0) -> dict:
    """The management form of an admin inline with ``total`` existing rows."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(total),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def event_form(event: Event, **changes) -> dict:
    """The event's change form as the admin would post it unchanged, with ``changes``."""
    return {
        "summary": event.summary,
        "status": "machine",
        "actors": [a.pk for a in event.actors.all()],
        "earliest": str(event.earliest),
        "latest": str(event.latest),
        "precision": event.precision,
        "expression": event.expression,
        "resolution": event.resolution,
        "rule": event.rule,
        "document": event.document_id,
        "position": event.position,
        **inline_forms("merged_events"),
        **changes,
    }


@pytest.mark.parametrize("model", ["document", "event", "actor"])
def test_changelists_and_change_pages_load(staff_client, seed_document, model):
    response = staff_client.get(reverse(f"admin:events_{model}_changelist"))
    assert response.status_code == 200
    obj = {
        "document": seed_document,
        "event": Event.objects.first(),
        "actor": Actor.objects.first(),
        "sourceexcerpt": seed_document.excerpts.first(),
    }[model]
    if model != "sourceexcerpt":
        assert (
            staff_client.get(reverse(f"admin:events_{model}_change", args=[obj.pk])).status_code
            == 200
        )


def test_event_filters_and_search(staff_client, seed_document):
    url = reverse("admin:events_event_changelist")
    response = staff_client.get(url, {"precision__exact": "range"})
    assert b"Latest from @FBI" in response.content
    response = staff_client.get(url, {"q": "Leavitt"})
    assert response.status_code == 200 and b"Karoline Leavitt" in response.content


def test_saving_an_event_marks_it_reviewed(staff_client, seed_document):
    event = Event.objects.get(expression="Saturday")
    url = reverse("admin:events_event_change", args=[event.pk])
    form = {
        **event_form(event, summary="Johnson signs an executive order"),
        **inline_forms("excerpts"),
    }
    response = staff_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.summary == "Johnson signs an executive order"
    assert event.status == Event.Status.REVIEWED


def test_merge_action_moves_events_and_names(staff_client, seed_document):
    johnson = Actor.objects.get(name="Brandon Johnson")
    duplicate = ActorFactory(name="B. Johnson", kind="person")
    ActorAliasFactory(actor=duplicate, alias="Mayor Johnson")
    event = Event.objects.get(expression="Thursday")
    event.actors.add(duplicate)
    response = staff_client.post(
        reverse("admin:events_actor_changelist"),
        {"action": "merge_actors", "_selected_action": [johnson.pk, duplicate.pk]},
    )
    assert response.status_code == 302
    assert not Actor.objects.filter(pk=duplicate.pk).exists()
    assert johnson in event.actors.all()
    aliases = set(johnson.aliases.values_list("alias", flat=True))
    assert {"B. Johnson", "Mayor Johnson", "@ChicagosMayor"} <= aliases


def test_admin_requires_staff(client, seed_document):
    UserFactory(username="reader", password="pw")
    client.login(username="reader", password="pw")
    response = client.get(reverse("admin:events_event_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_renaming_an_actor_keeps_the_old_name_as_an_alias(staff_client, seed_document):
    actor = Actor.objects.get(name="Karoline Leavitt")
    response = staff_client.post(
        reverse("admin:events_actor_change", args=[actor.pk]),
        {
            "name": "Karoline C. Leavitt",
            "kind": "person",
            "title": "press secretary",
            **inline_forms("aliases"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    actor.refresh_from_db()
    assert actor.name == "Karoline C. Leavitt"
    assert "Karoline Leavitt" in set(actor.aliases.values_list("alias", flat=True))


def test_changing_a_document_date_re_resolves_its_dates(staff_client, seed_document):
    url = reverse("admin:events_document_change", args=[seed_document.pk])
    form = {
        "title": "",
        "url": "",
        "published_on": "2025-09-06",  # the next Saturday
        "language": "en",
        **inline_forms("Collection_documents"),  # the document's collections
        **inline_forms("excerpts"),
    }
    response = staff_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    saturday = Event.objects.get(expression="Saturday")
    assert str(saturday.earliest) == "2025-09-06"
    assert str(Event.objects.get(expression="Thursday").earliest) == "2025-09-04"


def test_correcting_a_document_language_reads_its_dates_again(staff_client):
    from datetime import date

    from events.inputs import DocumentInput
    from events.services.imports import document_import

    body = "El Gobierno aprobó ayer la reforma laboral en Madrid."
    data = DocumentInput(published_on=date(2004, 6, 2), body=body, language="en")
    document = document_import(data=data).document
    assert not document.events.exists()  # English rules do not read "ayer"
    url = reverse("admin:events_document_change", args=[document.pk])
    form = {
        "title": "",
        "url": "",
        "published_on": "2004-06-02",
        "language": "es",
        **inline_forms("Collection_documents"),  # the document's collections
    }
    response = staff_client.post(url, {**form, **inline_forms("excerpts")})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert [str(e.earliest) for e in document.events.all()] == ["2004-06-01"]
    refused = staff_client.post(url, {**form, "language": "xx", **inline_forms("excerpts")})
    assert refused.status_code == 200  # the form again, with the error


def test_an_excerpt_that_is_not_the_documents_text_is_refused(staff_client, seed_document):
    excerpt = seed_document.excerpts.order_by("start").first()
    url = reverse("admin:events_event_change", args=[excerpt.event_id])
    event = excerpt.event
    form = {
        **event_form(event),
        **inline_forms("excerpts", total=1),
        "excerpts-0-id": excerpt.pk,
        "excerpts-0-event": event.pk,
        "excerpts-0-document": seed_document.pk,
        "excerpts-0-start": excerpt.start,
        "excerpts-0-end": excerpt.end,
        "excerpts-0-text": "words that are not there",
        "excerpts-0-expression_start": excerpt.expression_start,
        "excerpts-0-expression_end": excerpt.expression_end,
    }
    response = staff_client.post(url, form)
    assert response.status_code == 200  # the form again, with the error
    assert b"must be the document" in response.content
    excerpt.refresh_from_db()
    assert excerpt.text != "words that are not there"
