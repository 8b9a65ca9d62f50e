"""Bad input gets one clear error and changes nothing, on the command line and through the API.

Every case runs against a database that already holds the seed document, and compares the row
counts of every installed model (and the rows of the timeline's own tables) before and after.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events.inputs import validate
from events.models import Actor, ActorAlias, Document, Event, SourceExcerpt
from events.services.imports import document_import
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DOCUMENTS_URL = "/api/documents/"
GOOD_TEXT = "The council voted on Monday."


def database_state() -> tuple[dict[str, int], list[tuple]]:
    """Row counts of every model, and every row of the timeline's tables."""
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    rows = [
        tuple(model.objects.order_by("pk").values_list())
        for model in (Document, Event, SourceExcerpt, Actor, ActorAlias)
    ]
    return counts, rows


@pytest.fixture
def editor_client(db) -> APIClient:
    """A script's client: token authentication, for a user allowed to add documents."""
    user = UserFactory(permissions=["add_document"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


# --- command line ---------------------------------------------------------------------------

TOO_LONG_TITLE = "t" * 501

# (file name, content, a fragment of the reason)
CLI_CASES = [
    ("no_date.txt", "The council voted on Monday.", "expected a first line 'date YYYY-MM-DD'"),
    ("no_date.json", json.dumps({"text": GOOD_TEXT}), "missing publication date"),
    ("feb30.txt", f"date 2025-02-30 {GOOD_TEXT}", "not a real calendar date"),
    ("year0.txt", f"date 0000-01-01 {GOOD_TEXT}", "not a real calendar date"),
    ("year10000.txt", f"date 10000-01-01 {GOOD_TEXT}", "not in the form YYYY-MM-DD"),
    ("slashes.txt", f"date 30/08/2025 {GOOD_TEXT}", "not in the form YYYY-MM-DD"),
    ("words.json", json.dumps({"date": "August 30, 2025", "text": GOOD_TEXT}), "YYYY-MM-DD"),
    ("empty.txt", "date 2025-08-30", "empty body"),
    ("blank.txt", "date 2025-08-30   \n\n \t \r\n", "empty body"),
    ("blank.json", json.dumps({"date": "2025-08-30", "text": " \n\t"}), "empty body"),
    ("nul.txt", "date 2025-08-30 The council\x00 voted on Monday.", "NUL"),
    ("nul.json", json.dumps({"date": "2025-08-30", "text": "A\x00 on Monday."}), "NUL"),
    ("latin1.txt", b"date 2025-08-30 The caf\xe9 opened on Monday.", "not valid UTF-8"),
    ("latin1.json", b'{"date": "2025-08-30", "text": "caf\xe9 on Monday"}', "not valid UTF-8"),
    ("truncated.json", '{"date": "2025-08-30", "text": ', "invalid JSON"),
    ("bad.jsonl", '{"date": "2025-08-30", "text": "x"', "invalid JSON"),
    ("string.json", json.dumps("2025-08-30 The council voted on Monday."), "object"),
    ("numbers.json", json.dumps([1]), "expected a JSON object"),
    ("text_list.json", json.dumps({"date": "2025-08-30", "text": ["a"]}), "must be a string"),
    ("date_int.json", json.dumps({"date": 20250830, "text": GOOD_TEXT}), "missing publication"),
    ("no_text.json", json.dumps({"date": "2025-08-30"}), "missing field 'text'"),
    ("extra.json", json.dumps({"date": "2025-08-30", "text": GOOD_TEXT, "by": "me"}), "unknown"),
    (
        "title.json",
        json.dumps({"date": "2025-08-30", "text": GOOD_TEXT, "title": TOO_LONG_TITLE}),
        "title is longer than 500",
    ),
    (
        "title_type.json",
        json.dumps({"date": "2025-08-30", "text": GOOD_TEXT, "title": 7}),
        "title must be a string",
    ),
    (
        "url.json",
        json.dumps({"date": "2025-08-30", "text": GOOD_TEXT, "url": "not a url"}),
        "not a valid http(s) URL",
    ),
    (
        "ftp.json",
        json.dumps({"date": "2025-08-30", "text": GOOD_TEXT, "url": "ftp://example.com/a"}),
        "not a valid http(s) URL",
    ),
    # A lone surrogate is valid JSON but not Unicode text: it cannot be stored or encoded.
    ("surrogate.json", '{"date": "2025-08-30", "text": "A \\ud800 on Monday."}', "surrogate"),
    ("big.txt", "date 2025-08-30 " + "word " * 400, "larger than the limit of 1000 bytes"),
    (
        "big.json",
        json.dumps({"date": "2025-08-30", "text": "word " * 400}),
        "larger than the limit of 1000 bytes",
    ),
]


def run_import(path: Path, max_bytes: int = 1000) -> tuple[str, int]:
    """The command's stderr and exit status."""
    out, err = StringIO(), StringIO()
    with override_settings(TIMELINE_MAX_DOCUMENT_BYTES=max_bytes):
        try:
            call_command("import_documents", str(path), stdout=out, stderr=err)
        except CommandError as error:
            return err.getvalue(), error.returncode
    return err.getvalue(), 0


@pytest.mark.parametrize(
    ("name", "content", "reason"), CLI_CASES, ids=[case[0] for case in CLI_CASES]
)
def test_command_line_reports_one_line_and_changes_nothing(
    tmp_path, seed_document, name, content, reason
):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = database_state()

    stderr, code = run_import(path)

    assert code == 1
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(str(path)), lines[0]
    assert reason in lines[0]
    assert database_state() == before


def test_command_line_refuses_the_same_text_with_another_date(tmp_path, seed_document):
    path = tmp_path / "redated.txt"
    path.write_text("date 2025-09-01 " + seed_document.body, encoding="utf-8")
    before = database_state()

    stderr, code = run_import(path, max_bytes=1_000_000)

    assert code == 1
    assert stderr.startswith(str(path))
    assert f"already imported as document {seed_document.pk}" in stderr
    assert database_state() == before


# --- API ------------------------------------------------------------------------------------

# (case id, request body as JSON-able data or raw bytes, status, the field named in the errors)
API_CASES = [
    ("no_date", {"text": GOOD_TEXT}, 400, "date"),
    ("null_date", {"date": None, "text": GOOD_TEXT}, 400, "date"),
    ("blank_date", {"date": "", "text": GOOD_TEXT}, 400, "date"),
    ("feb30", {"date": "2025-02-30", "text": GOOD_TEXT}, 400, "date"),
    ("year0", {"date": "0000-01-01", "text": GOOD_TEXT}, 400, "date"),
    ("year10000", {"date": "10000-01-01", "text": GOOD_TEXT}, 400, "date"),
    ("slashes", {"date": "30/08/2025", "text": GOOD_TEXT}, 400, "date"),
    ("short_month", {"date": "2025-8-30", "text": GOOD_TEXT}, 400, "date"),
    ("date_number", {"date": 20250830, "text": GOOD_TEXT}, 400, "date"),
    ("date_object", {"date": {"y": 2025}, "text": GOOD_TEXT}, 400, "date"),
    ("no_text", {"date": "2025-08-30"}, 400, "text"),
    ("empty_text", {"date": "2025-08-30", "text": ""}, 400, "text"),
    ("blank_text", {"date": "2025-08-30", "text": "  \r\n\t "}, 400, "text"),
    ("nul_text", {"date": "2025-08-30", "text": "The council\x00 voted on Monday."}, 400, "text"),
    ("text_number", {"date": "2025-08-30", "text": 12345}, 400, "text"),
    ("text_list", {"date": "2025-08-30", "text": [GOOD_TEXT]}, 400, "text"),
    ("text_bool", {"date": "2025-08-30", "text": True}, 400, "text"),
    (
        "long_title",
        {"date": "2025-08-30", "text": GOOD_TEXT, "title": TOO_LONG_TITLE},
        400,
        "title",
    ),
    ("title_number", {"date": "2025-08-30", "text": GOOD_TEXT, "title": 7}, 400, "title"),
    ("nul_title", {"date": "2025-08-30", "text": GOOD_TEXT, "title": "a\x00b"}, 400, "title"),
    ("bad_url", {"date": "2025-08-30", "text": GOOD_TEXT, "url": "not a url"}, 400, "url"),
    (
        "ftp_url",
        {"date": "2025-08-30", "text": GOOD_TEXT, "url": "ftp://example.com/a"},
        400,
        "url",
    ),
    ("js_url", {"date": "2025-08-30", "text": GOOD_TEXT, "url": "javascript:alert(1)"}, 400, "url"),
    ("unknown_field", {"date": "2025-08-30", "text": GOOD_TEXT, "author": "me"}, 400, "author"),
    ("list", [{"date": "2025-08-30", "text": GOOD_TEXT}], 400, "non_field_errors"),
    ("string", "2025-08-30 The council voted on Monday.", 400, "non_field_errors"),
    ("invalid_json", b'{"date": "2025-08-30", "text": ', 400, "detail"),
    ("not_utf8", b'{"date": "2025-08-30", "text": "caf\xe9 on Monday"}', 400, "detail"),
    ("surrogate", b'{"date": "2025-08-30", "text": "A \\ud800 on Monday."}', 400, "text"),
    ("over_limit", {"date": "2025-08-30", "text": "word " * 400}, 400, "text"),
]


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [case[1:] for case in API_CASES],
    ids=[case[0] for case in API_CASES],
)
@override_settings(TIMELINE_MAX_DOCUMENT_BYTES=1000)
def test_api_answers_with_field_errors_and_changes_nothing(
    editor_client, seed_document, payload, status, field
):
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
    before = database_state()

    response = editor_client.generic("POST", DOCUMENTS_URL, body, "application/json")

    assert response.status_code == status, response.content
    errors = response.json()
    assert field in errors, errors
    messages = errors[field]
    assert messages and all(isinstance(m, str) and m for m in messages), errors
    assert database_state() == before


def test_api_refuses_the_same_text_with_another_date(editor_client, seed_document):
    before = database_state()
    response = editor_client.post(
        DOCUMENTS_URL, {"date": "2025-09-01", "text": seed_document.body}, format="json"
    )
    assert response.status_code == 400
    assert f"already imported as document {seed_document.pk}" in response.json()["text"][0]
    assert database_state() == before


@override_settings(TIMELINE_MAX_DOCUMENT_BYTES=1000, DATA_UPLOAD_MAX_MEMORY_SIZE=2000)
def test_api_refuses_an_oversized_request_before_reading_it(editor_client, seed_document):
    before = database_state()
    # The declared length is over the limit but only a few bytes are there: reading the body
    # would fail the test client ("Cannot read more than the available bytes"), so a 413 proves
    # the request was refused from its headers.
    response = editor_client.generic(
        "POST", DOCUMENTS_URL, b'{"date": ', "application/json", CONTENT_LENGTH="10000000"
    )
    assert response.status_code == 413
    assert "larger than the limit of 2000 bytes" in response.json()["detail"]
    assert database_state() == before


@override_settings(TIMELINE_MAX_DOCUMENT_BYTES=1000, DATA_UPLOAD_MAX_MEMORY_SIZE=2000)
def test_api_refuses_an_oversized_document_with_413(editor_client, seed_document):
    before = database_state()
    response = editor_client.post(
        DOCUMENTS_URL, {"date": "2025-08-30", "text": "word " * 1000}, format="json"
    )
    assert response.status_code == 413
    assert database_state() == before


@pytest.mark.parametrize(("char", "size"), [("é", 2), ("\x01", 1)], ids=["accent", "control"])
def test_api_reads_an_escaped_document_and_checks_its_decoded_size(
    editor_client, settings, char, size
):
    # JSON with the default ensure_ascii escapes "é" (2 bytes) as "\u00e9" and "\x01" (1 byte)
    # as "\u0001": the request is up to 6 times the text's size, yet the limit is about the
    # text, so the request must be read (400 naming the text's limit), not refused with 413.
    limit = settings.TIMELINE_MAX_DOCUMENT_BYTES
    text = char * (limit // size) + "x"  # one byte over the limit
    body = json.dumps({"date": "2025-08-30", "text": text}).encode("ascii")
    assert len(body) > 2.9 * limit
    response = editor_client.generic("POST", DOCUMENTS_URL, body, "application/json")
    assert response.status_code == 400, response.content[:200]
    assert f"larger than the limit of {limit} bytes" in str(response.json())


def test_default_size_limit_is_sensible(settings):
    # Large enough for any news article, small enough to refuse abuse; the request limit
    # leaves room for a document whose every byte JSON escapes as six, and the JSON around it.
    assert 100_000 <= settings.TIMELINE_MAX_DOCUMENT_BYTES <= 50_000_000
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE > 6 * settings.TIMELINE_MAX_DOCUMENT_BYTES


# --- Unicode that is easy to get wrong --------------------------------------------------------

UNICODE_BODY = (
    "Mayor Brandon Johnson 👨‍👩‍👧 signed an executive order on Saturday. 🎉🇺🇸\r\n"
    "\r\n"
    "The cafe\u0301 owner Jose\u0301 Marti\u0301nez said on Friday that the street was closed.\r\n"
    "\r\n"
    "שלום עולם. Governor JB Pritzker spoke in Arabic, مرحبا بالعالم, on Thursday, August 28.\r\n"
    "Officials said arrests rose 😐 last week.\r\n"
)


def assert_offsets_point_at_the_text(document: Document) -> None:
    excerpts = list(SourceExcerpt.objects.filter(document=document).select_related("event"))
    # Each dated sentence yields an event, emoji, combining marks and RTL text notwithstanding.
    assert {e.event.expression for e in excerpts} >= {"Saturday", "Friday", "Thursday, August 28"}
    for excerpt in excerpts:
        assert document.body[excerpt.start : excerpt.end] == excerpt.text
        if excerpt.expression_start is not None:
            expression = document.body[excerpt.expression_start : excerpt.expression_end]
            assert expression == excerpt.event.expression


def test_unicode_imports_with_offsets_through_the_command(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes(("date 2025-08-30 " + UNICODE_BODY).encode("utf-8"))
    stderr, code = run_import(path)
    assert code == 0, stderr
    document = Document.objects.get()
    assert document.body == UNICODE_BODY  # CRLF line ends and combining marks kept as sent
    assert_offsets_point_at_the_text(document)


def test_unicode_imports_with_offsets_through_the_api(editor_client):
    response = editor_client.post(
        DOCUMENTS_URL, {"date": "2025-08-30", "text": UNICODE_BODY}, format="json"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["body"] == UNICODE_BODY
    for event in data["events"]:
        for excerpt in event["excerpts"]:
            assert UNICODE_BODY[excerpt["start"] : excerpt["end"]] == excerpt["text"]
    assert_offsets_point_at_the_text(Document.objects.get(pk=data["id"]))


def test_unicode_reimport_is_unchanged(editor_client):
    first = document_import(
        data=validate(published_on="2025-08-30", body=UNICODE_BODY, max_bytes=1_000_000)
    )
    before = database_state()
    response = editor_client.post(
        DOCUMENTS_URL, {"date": "2025-08-30", "text": UNICODE_BODY}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["id"] == first.document.pk
    assert database_state() == before


# --- writes that would break a database constraint -------------------------------------------


@pytest.fixture
def writer_client(db) -> APIClient:
    client = APIClient()
    client.force_authenticate(
        UserFactory(permissions=Permission.objects.filter(content_type__app_label="events"))
    )
    return client


def constraint_cases(seed_document: Document) -> list[tuple[str, str, dict, str]]:
    """(method, url, body, field at fault) for writes the database would refuse."""
    event = Event.objects.filter(document=seed_document, excerpts__isnull=False).first()
    excerpt = event.excerpts.first()
    actor = Actor.objects.get(name="Brandon Johnson")
    alias = ActorAlias.objects.filter(actor=actor).first()
    return [
        ("post", "/api/actors/", {"name": "BRANDON JOHNSON"}, "name"),
        (
            "patch",
            f"/api/actors/{Actor.objects.get(name='FBI').pk}/",
            {"name": "brandon johnson"},
            "name",
        ),
        # Another actor's alias is taken too: the name would lead to two actors.
        ("post", "/api/actors/", {"name": alias.alias}, "name"),
        ("post", "/api/aliases/", {"actor": actor.pk, "alias": alias.alias.upper()}, "alias"),
        ("post", "/api/aliases/", {"actor": actor.pk, "alias": "Kash PATEL"}, "alias"),
        ("patch", f"/api/events/{event.pk}/", {"earliest": "2030-01-01"}, "latest"),
        ("post", "/api/excerpts/", {**_excerpt(excerpt), "end": excerpt.start}, "end"),
        (
            "post",
            "/api/excerpts/",
            {**_excerpt(excerpt), "end": excerpt.end - 1, "text": "not it"},
            "text",
        ),
        ("post", "/api/excerpts/", _excerpt(excerpt), "non_field_errors"),  # duplicate span
        (
            "patch",
            f"/api/excerpts/{excerpt.pk}/",
            {"expression_start": excerpt.start, "expression_end": excerpt.end + 1},
            "expression_end",
        ),
        ("patch", f"/api/excerpts/{excerpt.pk}/", {"expression_start": None}, "expression_end"),
    ]


def _excerpt(excerpt: SourceExcerpt) -> dict:
    return {
        "document": excerpt.document_id,
        "event": excerpt.event_id,
        "start": excerpt.start,
        "end": excerpt.end,
        "text": excerpt.text,
    }


def test_writes_that_break_a_constraint_are_400_not_500(writer_client, seed_document):
    for method, url, body, field in constraint_cases(seed_document):
        before = database_state()
        response = getattr(writer_client, method)(url, body, format="json")
        assert response.status_code == 400, (method, url, body, response.content)
        if field:
            assert field in response.json(), (url, response.json())
        assert database_state() == before
