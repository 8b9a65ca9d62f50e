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
from django.contrib.auth.models import User
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

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
    user = User.objects.create_superuser("fuzz", email="")  # no password: hashing one is slow
    return Token.objects.create(user=user).key


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
    case.call_and_validate(headers={"Authorization": f"Token {editor_token}"}, checks=CHECKS)


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
