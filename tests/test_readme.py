"""The README's examples work: every ``curl`` line of README.md, run through the test client
against the seed as ``make run`` imports it (the Makefile's ``SEED`` command, on a fresh
database, so the ids the README quotes are those a new user gets), returns something."""

import json
import re
import shlex
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


@dataclass
class Curl:
    line: str
    url: str = ""
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    data: str | None = None
    form: str | None = None  # -F name=@file: a file upload


def code_lines(markdown: str) -> list[str]:
    """The lines of the fenced code blocks, with backslash continuations joined."""
    lines: list[str] = []
    inside = False
    pending = ""
    for line in markdown.splitlines():
        if line.startswith("```"):
            inside = not inside
            continue
        if not inside:
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    return lines


def parse_curl(line: str) -> Curl:
    """The request a README ``curl`` line makes; an option this does not know fails the test
    (so a new kind of example is understood before it is trusted)."""
    words = shlex.split(line, comments=True)
    if ">" in words:  # "> timeline.csv": where the shell saves it
        words = words[: words.index(">")]
    curl = Curl(line=line)
    rest = iter(words[1:])
    for word in rest:
        if word == "-s":
            continue
        if word == "-X":
            curl.method = next(rest)
        elif word == "-H":
            name, value = next(rest).split(":", 1)
            curl.headers[name.strip()] = value.strip()
        elif word == "-d":
            curl.data = next(rest)
        elif word == "-F":
            curl.form = next(rest)
        elif word.startswith("http"):
            curl.url = word
        else:
            raise AssertionError(f"unknown curl option {word!r} in README line: {line}")
    assert curl.url, line
    return curl


ALL_CURLS = [parse_curl(line) for line in code_lines(README) if line.lstrip().startswith("curl ")]
# The queued imports' examples need a task queue worker and a job of the reader's own (a file to
# upload, a job id): tests/test_queue.py runs those requests against real workers.
QUEUED = "/api/imports/"
CURLS = [curl for curl in ALL_CURLS if QUEUED not in curl.url]


def seed_command() -> list[str]:
    """The Makefile's seed import (``SEED := import_documents ...``) as arguments."""
    match = re.search(r"^SEED := (import_documents .+)$", MAKEFILE, re.MULTILINE)
    assert match, "the Makefile's SEED command"
    return shlex.split(match.group(1))


def has_content(response) -> bool:
    """Whether a response carries at least one item, whatever its format."""
    kind = response["Content-Type"].split(";")[0]
    body = response.content.decode("utf-8-sig")
    if kind == "application/json":
        data = json.loads(body)
        if isinstance(data, dict):
            data = data.get("results", data.get("events", data))
        return bool(data)
    if kind == "text/csv":
        return len(body.strip().splitlines()) >= 2  # a row under the header
    if kind == "text/calendar":
        return "BEGIN:VEVENT" in body
    if kind == "application/x-ndjson":
        return bool(body.strip())
    raise AssertionError(f"no check for {kind}")


def test_the_readme_has_its_examples():
    assert len(CURLS) >= 15
    assert any(curl.method == "POST" for curl in CURLS)
    queued = [curl for curl in ALL_CURLS if QUEUED in curl.url]
    assert {curl.method for curl in queued} == {"GET", "POST"}
    assert any(curl.form == "file=@feed.jsonl" for curl in queued)


@pytest.fixture
def seeded(db, monkeypatch) -> None:
    # In the repository, as `make run` is: the seeds/ path is relative to it.
    monkeypatch.chdir(ROOT)
    call_command(*seed_command(), stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def editor_token() -> str:
    """The README's token: `create_editor editor`, then `drf_create_token editor`."""
    call_command("create_editor", "editor", stdout=StringIO())
    call_command("drf_create_token", "editor", stdout=StringIO())
    return Token.objects.get(user__username="editor").key


@pytest.mark.django_db(transaction=True, reset_sequences=True)
@pytest.mark.parametrize("curl", CURLS, ids=[curl.url.split("8000", 1)[-1] for curl in CURLS])
def test_every_readme_curl_example_returns_something(curl, seeded, editor_token):
    client = APIClient()
    headers = {name: value.replace("<token>", editor_token) for name, value in curl.headers.items()}
    content_type = headers.pop("Content-Type", None)
    url = urlsplit(curl.url)
    path = url.path + (f"?{url.query}" if url.query else "")
    kwargs = {"headers": headers}
    if curl.data is not None:
        kwargs.update(data=curl.data, content_type=content_type)
    response = getattr(client, curl.method.lower())(path, **kwargs)
    assert 200 <= response.status_code < 300, (curl.line, response.content[:500])
    assert has_content(response), (curl.line, response.content[:500])


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_the_readme_web_page_example_lists_events(seeded):
    (url,) = re.findall(r"^http://127\.0\.0\.1:8000/\?\S+$", README, re.MULTILINE)
    response = APIClient().get(url.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    assert b'<article class="event"' in response.content
