"""create_editor: an account that may do what the README's write examples do."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events.models import Event

pytestmark = pytest.mark.django_db


def create_editor(username: str) -> str:
    out = StringIO()
    call_command("create_editor", username, stdout=out)
    return out.getvalue()


def test_the_editor_writes_through_the_api_with_a_token(seed_document):
    output = create_editor("editor")
    assert "Editor 'editor' created (staff, group 'editors')." in output
    assert "python manage.py drf_create_token editor" in output
    assert "python manage.py changepassword editor" in output
    call_command("drf_create_token", "editor", stdout=StringIO())
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get(user__username='editor')}")

    created = client.post(
        "/api/documents/",
        {"date": "2025-09-01", "text": "The council voted on Monday.", "title": "Council"},
        format="json",
    )
    assert created.status_code == 201, created.content
    event = Event.objects.filter(document=seed_document).first()
    changed = client.patch(f"/api/events/{event.pk}/", {"summary": "Corrected."}, format="json")
    assert changed.status_code == 200, changed.content
    collection = client.post("/api/collections/", {"name": "Council"}, format="json")
    assert collection.status_code == 201


def test_the_editor_reaches_the_admin():
    create_editor("editor")
    user = User.objects.get(username="editor")
    assert user.is_staff and not user.is_superuser
    assert not user.has_usable_password()  # a token for scripts; changepassword for the admin
    user.set_password("a long editor password")
    user.save()
    client = APIClient()
    assert client.login(username="editor", password="a long editor password")
    assert client.get("/admin/events/event/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403  # editors, not administrators


def test_an_existing_user_becomes_an_editor_once():
    User.objects.create_user("ana", password="kept password 123")
    assert "User 'ana' is now an editor" in create_editor("ana")
    create_editor("ana")
    user = User.objects.get(username="ana")
    assert user.check_password("kept password 123")
    assert list(user.groups.values_list("name", flat=True)) == ["editors"]
    models = list(apps.get_app_config("events").get_models())
    assert Group.objects.get(name="editors").permissions.count() == len(models) * 4
    assert user.has_perms(["events.add_document", "events.change_event", "events.delete_actor"])


def test_a_name_that_is_no_username_is_refused():
    with pytest.raises(CommandError, match="cannot create editor 'no spaces please'"):
        create_editor("no spaces please")
    assert not User.objects.exists()
