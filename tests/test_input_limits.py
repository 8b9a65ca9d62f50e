"""Memory and size limits of the file importer: .jsonl streams, .json is capped (issues #5, #6)."""

import json
import tracemalloc
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from events.inputs import DocumentInput, InputError, line_limit, read_file

TEXT = "The council voted on Monday to close the street. " * 40  # about 2 kB


def document_line(day: int, text: str = TEXT) -> bytes:
    return json.dumps({"date": f"2025-09-{day:02d}", "text": text}).encode("utf-8") + b"\n"


def test_jsonl_is_read_a_line_at_a_time(tmp_path):
    # About 8 MB of documents: reading the file whole would peak above its size; streaming it
    # holds one line (2 kB) and one document at a time.
    path = tmp_path / "big.jsonl"
    with path.open("wb") as file:
        for _ in range(4000):
            file.write(document_line(1))
    size = path.stat().st_size
    assert size > 7_000_000

    tracemalloc.start()
    try:
        count = sum(isinstance(item, DocumentInput) for item in read_file(path, max_bytes=10_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 4000
    assert peak < 1_000_000, f"peak {peak} bytes for a file of {size} bytes"


def test_an_over_long_jsonl_line_is_that_lines_error(tmp_path):
    max_bytes = 1000
    limit = line_limit(max_bytes)
    assert limit == 6 * max_bytes + 64 * 1024
    path = tmp_path / "long.jsonl"
    long_line = b'{"date": "2025-09-01", "text": "' + b"x" * limit + b'"}\n'
    path.write_bytes(document_line(1, "First on Monday.") + long_line + document_line(3, "Third."))

    first, error, third = read_file(path, max_bytes=max_bytes)

    assert isinstance(error, InputError)
    assert str(error) == f"line is longer than the limit of {limit} bytes"
    assert error.source == f"{path}:2"
    # The stream goes on after it, with the right line numbers.
    assert (first.body, first.source) == ("First on Monday.", f"{path}:1")
    assert (third.body, third.source) == ("Third.", f"{path}:3")


def test_a_line_of_six_byte_escapes_within_the_body_limit_is_read(tmp_path):
    # ensure_ascii writes each control character of the body as a six-byte "\u0001" escape.
    max_bytes = 1000
    body = "A" + "\x01" * (max_bytes - 1)
    path = tmp_path / "escaped.jsonl"
    path.write_bytes(document_line(1, body))
    assert len(path.read_bytes()) > 6 * (max_bytes - 1)

    (document,) = read_file(path, max_bytes=max_bytes)

    assert isinstance(document, DocumentInput) and document.body == body


def test_a_jsonl_line_that_is_not_utf8_is_that_lines_error(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = document_line(1, "Good on Monday.")
    bad = b'{"date": "2025-09-02", "text": "caf\xe9"}\n'
    path.write_bytes(good + bad + document_line(3, "Good again."))

    first, error, third = read_file(path, max_bytes=10_000)

    assert isinstance(error, InputError) and error.source == f"{path}:2"
    position = len(good) + bad.index(b"\xe9")
    assert str(error) == f"not valid UTF-8 (byte {position})"
    assert first.body == "Good on Monday." and third.body == "Good again."


def test_jsonl_keeps_crlf_line_ends_and_a_byte_order_mark(tmp_path):
    path = tmp_path / "windows.jsonl"
    lines = [document_line(1, "One.\u2028Two."), document_line(2, "Three.\x85Four.")]
    path.write_bytes(b"\xef\xbb\xbf" + b"".join(line[:-1] + b"\r\n" for line in lines) + b"\r\n")

    documents = list(read_file(path, max_bytes=10_000))

    assert [d.body for d in documents] == ["One.\u2028Two.", "Three.\x85Four."]
    assert [d.source for d in documents] == [f"{path}:1", f"{path}:2"]


def test_a_json_file_over_its_limit_is_refused_with_advice(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"date": "2025-09-01", "text": TEXT}] * 10))

    (error,) = read_file(path, max_bytes=10_000, max_json_bytes=5_000)

    assert isinstance(error, InputError)
    assert "larger than the limit of 5000 bytes" in str(error)
    assert "TIMELINE_MAX_JSON_FILE_BYTES" in str(error) and ".jsonl" in str(error)
    # At the limit it is read.
    size = path.stat().st_size
    assert len(list(read_file(path, max_bytes=10_000, max_json_bytes=size))) == 10


@pytest.mark.django_db
def test_the_command_applies_the_json_file_setting(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"date": "2025-09-01", "text": TEXT}] * 10))
    err = StringIO()
    with (
        override_settings(TIMELINE_MAX_JSON_FILE_BYTES=5_000),
        pytest.raises(CommandError) as raised,
    ):
        call_command("import_documents", str(path), stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 1
    assert err.getvalue().startswith(f"{path}: file is larger than the limit of 5000 bytes")


def test_a_seed_text_file_keeps_its_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("date 2025-09-01 " + "word " * 500)

    (error,) = read_file(Path(path), max_bytes=1000)

    assert str(error) == "file is larger than the limit of 1000 bytes"


def test_default_json_file_limit_holds_the_largest_document(settings):
    # A .json file holding one document of the largest size, escaped, is accepted.
    assert (
        line_limit(settings.TIMELINE_MAX_DOCUMENT_BYTES)
        < settings.TIMELINE_MAX_JSON_FILE_BYTES
        <= 200_000_000
    )
