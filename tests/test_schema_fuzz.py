"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis).

Every operation in ``/api/schema/`` is called with generated parameters and bodies, valid and
invalid, as an editor with every permission (so writes get past the permission check and reach
the serializers): no response may be a server error, and every documented response must match
its schema. The number of examples is bounded so the suite stays fast; a larger run is in the
README ("Fuzzing").
"""

import os

import hypothesis
import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.db.models import Model
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from events.models import Actor, ActorAlias, Collection, Document, Event, ImportJob, SourceExcerpt
from tests.factories import UserFactory

# FUZZ_EXAMPLES=500 for the longer run; the default keeps the suite well under a minute.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))

# The coverage phase (boundary values of every parameter, hundreds of calls per operation)
# runs in the larger run only.
COVERAGE = os.environ.get("FUZZ_COVERAGE", "0") == "1"

schema = schemathesis.openapi.from_wsgi(
    "/api/schema/",
    get_wsgi_application(),
    config=schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": COVERAGE}}}),
)

CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]


@pytest.fixture
def editor_token(seed_document) -> str:
    """A superuser's token (every model permission), with the seed timeline to work on."""
    return Token.objects.create(user=UserFactory(superuser=True)).key


@pytest.fixture
def test_transaction_kept_open():
    """Calls go straight to the WSGI application, whose request signals would close the
    database connection (and with it the test's transaction); Django's test client
    disconnects them in the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("test_transaction_kept_open")
@schema.parametrize()
@hypothesis.settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI failures reproduce
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_api_operation(case, editor_token):
    point_at_stored_rows(case)
    headers = {"Authorization": f"Token {editor_token}"}
    response = case.call(headers=headers)
    if is_empty_export(case, response):
        return
    case.validate_response(response, checks=CHECKS, headers=headers)


def is_empty_export(case, response) -> bool:
    """An export of no events in JSON Lines is empty (zero lines), and DRF sends an empty body
    without a Content-Type, as HTTP allows for no content: the content checks do not apply."""
    query = case.query or {}
    return (
        response.status_code == 200
        and not response.content
        and query.get("format") in ("jsonl", "csv", "ics")
    )


# The model behind each path's {id} and behind the id fields of the request bodies.
MODELS = {
    "actors": Actor,
    "aliases": ActorAlias,
    "collections": Collection,
    "documents": Document,
    "events": Event,
    "excerpts": SourceExcerpt,
    "imports": ImportJob,
    "timeline": Event,
}
BODY_IDS = {"actor": Actor, "document": Document, "event": Event, "actors": Actor}


def stored_id(model: type[Model], generated: int) -> int:
    """A stored row's id, chosen by the generated number (rows come and go during the run)."""
    ids = list(model.objects.order_by("pk").values_list("pk", flat=True)[:50])
    return ids[generated % len(ids)] if ids else generated


def point_at_stored_rows(case) -> None:
    """Make half of the generated ids those of stored rows: random ids are almost all 404s,
    which would leave the detail, update and delete code untried (and writes that refer to
    an actor, a document or an event would never get past validation)."""
    generated = (case.path_parameters or {}).get("id")
    if isinstance(generated, int) and generated % 2 == 0:
        model = MODELS[case.path.removeprefix("/api/").split("/")[0]]
        case.path_parameters["id"] = stored_id(model, generated // 2)
    if isinstance(case.body, dict):
        for name, model in BODY_IDS.items():
            value = case.body.get(name)
            if isinstance(value, int) and not isinstance(value, bool) and value % 2 == 0:
                case.body[name] = stored_id(model, value // 2)
            elif isinstance(value, list) and value and all(type(v) is int for v in value):
                case.body[name] = [stored_id(model, v) for v in value]


# --- what the fuzzer found, pinned ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/timeline/", "/api/events/", "/api/actors/1/timeline/"])
@pytest.mark.parametrize("actor", [str(2**80), str(-(2**70)), "9223372036854775808"])
def test_an_actor_id_past_64_bits_is_a_400(api_client, seed_document, url, actor):
    # SQLite cannot compare such a number: the filter refuses it instead of failing (500).
    response = api_client.get(url, {"actor": ["1", actor]})
    assert response.status_code in (400, 404), response.content
    if response.status_code == 400:
        assert "actor" in response.json()


@pytest.mark.django_db
def test_the_largest_id_is_still_a_valid_filter(api_client, seed_document):
    response = api_client.get("/api/timeline/", {"actor": str(2**63 - 1)})
    assert response.status_code == 400  # no such actor: an invalid choice, not a crash
    assert "actor" in response.json()


@pytest.mark.django_db
def test_a_document_without_url_matches_the_schema(api_client, seed_document):
    # The schema said "format: uri" for the URL, which "" (no URL) is not.
    document = api_client.get(f"/api/documents/{seed_document.pk}/").json()
    assert document["url"] == ""
    properties = schema.raw_schema["components"]["schemas"]["Document"]["properties"]
    assert properties["url"].get("format") != "uri"


@pytest.mark.django_db
@pytest.mark.usefixtures("test_transaction_kept_open")
@pytest.mark.parametrize("export", ["timelinejs", "json"])
def test_both_json_answers_of_the_timeline_match_the_schema(editor_token, export):
    # ?format=timelinejs answers application/json with a TimelineJS3 document, not a page:
    # the schema says either (events/openapi.py).
    case = schema["/api/timeline/"]["GET"].Case(query={"format": export})
    response = case.call_and_validate(checks=CHECKS)
    assert response.status_code == 200
    assert ("events" if export == "timelinejs" else "results") in response.json()
