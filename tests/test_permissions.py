"""Who may do what: a matrix over every API operation in the OpenAPI schema, authentication
(token for scripts, session with CSRF for browsers), anonymous throttling and the admin.

The operations come from the generated schema, so an endpoint added later is in the matrix
automatically (and fails here until this file knows how to write to it).
"""

import json
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from django.db.models import Model
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from events.models import Actor, ActorAlias, Collection, Document, Event, ImportJob, SourceExcerpt
from events.services.jobs import import_job_create
from tests.factories import ActorAliasFactory, CollectionFactory, UserFactory

pytestmark = pytest.mark.django_db

READ_METHODS = ("GET",)
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# The permission DjangoModelPermissions asks for, by method.
ACTION_OF = {"POST": "add", "PUT": "change", "PATCH": "change", "DELETE": "delete"}
SUCCESS = {"POST": 201, "PUT": 200, "PATCH": 200, "DELETE": 204}
# Queued imports write documents: the document import permission guards them (the job too,
# whose failures echo what was sent), and a POST answers 202 (queued).
GUARDED_BY = {"/api/imports/": Document, "/api/imports/{id}/": Document}
PRIVATE_READS = {"/api/imports/{id}/"}
ACCEPTED = {"/api/imports/": 202}


def api_operations() -> list[tuple[str, str]]:
    """(path template, method) of every operation in the API's OpenAPI schema."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(
        (path, method.upper())
        for path, item in schema["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    )


OPERATIONS = api_operations()


def model_of(path: str) -> type[Model]:
    """The model an API path's {id} names (and its writes change): the model of the list at
    the path's first segment ("/api/actors/{id}/timeline/" names an actor)."""
    segment = path.removeprefix("/api/").split("/")[0]
    return resolve(f"/api/{segment}/").func.cls.queryset.model


def guarding_model(path: str) -> type[Model]:
    """The model whose permissions guard writes to ``path``."""
    return GUARDED_BY.get(path, model_of(path))


@pytest.fixture
def objects(seed_document) -> dict[type[Model], Model]:
    """One stored object of each model, for the detail paths."""
    event = Event.objects.filter(actors__isnull=False).first()
    actor = event.actors.first()
    alias = ActorAliasFactory(actor=actor)
    collection = CollectionFactory(documents=[seed_document])
    return {
        Collection: collection,
        Document: seed_document,
        Event: event,
        Actor: actor,
        ActorAlias: alias,
        SourceExcerpt: event.excerpts.first(),
        ImportJob: import_job_create(source="test"),
    }


def payload(model: type[Model], method: str, objects: dict) -> dict | list:
    """A valid request body for a write to ``model``."""
    document, event, actor = objects[Document], objects[Event], objects[Actor]
    excerpt = objects[SourceExcerpt]
    bodies: dict[type[Model], Callable[[], dict]] = {
        Document: lambda: {"date": "2025-09-01", "text": "The council voted on Monday."},
        Event: lambda: {
            "summary": "The council voted.",
            "earliest": "2025-09-01",
            "latest": "2025-09-01",
            "precision": "day",
            "actors": [actor.pk],
        },
        Actor: lambda: {"name": "City Council", "kind": "organization"},
        ImportJob: lambda: [{"date": "2025-09-01", "text": "The council voted on Monday."}],
        ActorAlias: lambda: {"actor": actor.pk, "alias": "The Council"},
        Collection: lambda: {"name": "Council votes", "description": "The council's story."},
        # A new span for a new excerpt; an update rewrites the excerpt's own span.
        SourceExcerpt: lambda: {
            "document": document.pk,
            "event": event.pk,
            "start": 0 if method == "POST" else excerpt.start,
            "end": 10 if method == "POST" else excerpt.end,
            "text": document.body[0:10] if method == "POST" else excerpt.text,
        },
    }
    return bodies[model]()


# Reads whose query parameters are required (without them they answer 400 naming them).
REQUIRED_QUERY = {"/api/collections/{id}/summary/": "?dates=3&sentences=2"}


def fill(path: str, model: type[Model], objects: dict) -> str:
    return path.replace("{id}", str(objects[model].pk))


def state() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def user_with(*permissions: Permission, name: str = "user") -> User:
    return UserFactory(username=name, permissions=permissions)


def token_client(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_the_matrix_covers_every_endpoint():
    paths = {path for path, _ in OPERATIONS}
    for prefix in (
        "timeline",
        "events",
        "actors",
        "aliases",
        "documents",
        "excerpts",
        "collections",
    ):
        assert f"/api/{prefix}/" in paths
    assert ("/api/documents/", "POST") in OPERATIONS
    assert ("/api/actors/{id}/timeline/", "GET") in OPERATIONS
    assert len([op for op in OPERATIONS if op[1] in WRITE_METHODS]) >= 15


@pytest.mark.parametrize(
    ("path", "method"),
    [op for op in OPERATIONS if op[1] in READ_METHODS and op[0] not in PRIVATE_READS],
)
def test_anonymous_can_read(api_client, objects, path, method):
    url = fill(path, model_of(path), objects) + REQUIRED_QUERY.get(path, "")
    response = api_client.generic(method, url)
    assert response.status_code == 200, response.content[:300]


@pytest.mark.parametrize("path", sorted(PRIVATE_READS))
def test_private_reads_need_the_permission(api_client, objects, path):
    url = fill(path, model_of(path), objects)
    model = guarding_model(path)
    others = Permission.objects.exclude(content_type__model=model._meta.model_name)
    assert api_client.get(url).status_code == 401
    assert token_client(user_with(*others)).get(url).status_code == 403
    codename = f"add_{model._meta.model_name}"
    client = token_client(user_with(Permission.objects.get(codename=codename), name="reader"))
    assert client.get(url).status_code == 200


def test_anonymous_can_read_the_api_root_and_schema(api_client):
    assert api_client.get("/api/").status_code == 200
    assert api_client.get("/api/schema/").status_code == 200


@pytest.mark.parametrize(("path", "method"), [op for op in OPERATIONS if op[1] in WRITE_METHODS])
def test_nobody_without_the_model_permission_can_write(objects, path, method):
    model = model_of(path)
    url = fill(path, model, objects)
    body = payload(model, method, objects)
    # Every permission in the project except this model's: they do not carry over.
    guard = guarding_model(path)
    others = Permission.objects.exclude(content_type__model=guard._meta.model_name)
    clients = {"anonymous": APIClient(), "no permission": token_client(user_with(*others))}
    before = state()
    for who, client in clients.items():
        response = client.generic(method, url, json.dumps(body), "application/json")
        assert response.status_code in (401, 403), (who, response.status_code)
    assert state() == before


@pytest.mark.parametrize(("path", "method"), [op for op in OPERATIONS if op[1] in WRITE_METHODS])
def test_the_model_permission_allows_the_write(objects, path, method):
    model = model_of(path)
    codename = f"{ACTION_OF[method]}_{guarding_model(path)._meta.model_name}"
    client = token_client(user_with(Permission.objects.get(codename=codename)))
    url = fill(path, model, objects)
    response = client.generic(
        method, url, json.dumps(payload(model, method, objects)), "application/json"
    )
    assert response.status_code == ACCEPTED.get(path, SUCCESS[method]), response.content[:500]


# --- authentication -------------------------------------------------------------------------


def test_a_bad_token_is_refused():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get("/api/timeline/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_session_authentication_requires_the_csrf_token(objects):
    user = user_with(Permission.objects.get(codename="add_actor"), name="browser")
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(user)
    body = {"name": "City Council", "kind": "organization"}

    refused = client.post("/api/actors/", body, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    assert not Actor.objects.filter(name="City Council").exists()

    # What a browser page does: the token from the cookie, echoed in a header.
    secret = "s" * 32
    client.cookies["csrftoken"] = secret
    accepted = client.post("/api/actors/", body, format="json", HTTP_X_CSRFTOKEN=secret)
    assert accepted.status_code == 201, accepted.content
    assert Actor.objects.filter(name="City Council").exists()


def test_token_authentication_needs_no_csrf_token():
    user = user_with(Permission.objects.get(codename="add_actor"), name="script")
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    response = client.post("/api/actors/", {"name": "City Council"}, format="json")
    assert response.status_code == 201


# --- throttling -----------------------------------------------------------------------------


@pytest.fixture
def tight_anonymous_rate(monkeypatch):
    # The rate is read from settings when DRF is imported; tests set it on the class.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    cache.clear()
    yield
    cache.clear()


def test_anonymous_clients_are_throttled(tight_anonymous_rate):
    client = APIClient()
    codes = [client.get("/api/timeline/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    throttled = client.get("/api/actors/")
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(tight_anonymous_rate):
    client = APIClient()
    codes = [
        client.get("/api/timeline/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(4)
    ]
    assert codes == [200, 200, 200, 429]


def test_anonymous_writes_are_told_to_authenticate(objects):
    response = APIClient().post("/api/actors/", {"name": "X"}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_authenticated_clients_are_not_throttled_as_anonymous(tight_anonymous_rate):
    client = token_client(user_with(name="reader"))
    codes = {client.get("/api/timeline/").status_code for _ in range(5)}
    assert codes == {200}


def test_throttle_rate_comes_from_settings(settings):
    assert "anon" in settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert (
        "rest_framework.throttling.AnonRateThrottle"
        in (settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"])
    )


# --- admin ----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/admin/", "/admin/events/event/", "/admin/events/document/"])
def test_admin_requires_staff(client, seed_document, url):
    assert client.get(url).status_code == 302  # anonymous: to the login page

    client.force_login(user_with(*Permission.objects.all(), name="not-staff"))
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

    staff = user_with(*Permission.objects.all(), name="staff")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_admin_staff_without_permissions_cannot_see_the_models(client, seed_document):
    staff = user_with(name="bare-staff")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert client.get("/admin/events/event/").status_code == 403
