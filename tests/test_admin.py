"""The editors' admin: pages load, saving reviews an event, merging actors moves events."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from events.models import Actor, ActorAlias, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(User.objects.create_superuser("editor", "editor@example.com", "pw"))
    return client


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
        "summary": "Johnson signs an executive order",
        "status": "machine",
        "actors": [a.pk for a in event.actors.all()],
        "earliest": "2025-08-30",
        "latest": "2025-08-30",
        "precision": "day",
        "expression": "Saturday",
        "resolution": "relative",
        "rule": event.rule,
        "document": seed_document.pk,
        "position": event.position,
        "excerpts-TOTAL_FORMS": "0",
        "excerpts-INITIAL_FORMS": "0",
        "excerpts-MIN_NUM_FORMS": "0",
        "excerpts-MAX_NUM_FORMS": "1000",
    }
    response = staff_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert event.summary == "Johnson signs an executive order"
    assert event.status == Event.Status.REVIEWED


def test_merge_action_moves_events_and_names(staff_client, seed_document):
    johnson = Actor.objects.get(name="Brandon Johnson")
    duplicate = Actor.objects.create(name="B. Johnson", kind="person")
    ActorAlias.objects.create(actor=duplicate, alias="Mayor Johnson")
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
    User.objects.create_user("reader", password="pw")
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
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
            "aliases-MIN_NUM_FORMS": "0",
            "aliases-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    actor.refresh_from_db()
    assert actor.name == "Karoline C. Leavitt"
    assert "Karoline Leavitt" in set(actor.aliases.values_list("alias", flat=True))
