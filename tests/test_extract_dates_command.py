"""Tests for ``manage.py extract_dates`` (a thin wrapper around the temporal tagger)."""

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command

KEYS = {"start", "end", "text", "type", "value", "earliest", "latest", "precision"}


def run(*args: str) -> list[dict]:
    out = io.StringIO()
    call_command("extract_dates", *args, stdout=out)
    return json.loads(out.getvalue())


def test_file_offsets_index_the_raw_input(tmp_path):
    raw = "  He spoke on Thursday.\r\nThe FBI figures cover August 28-29, 2025.\r\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(raw.encode("utf-8"))
    found = run("--document-date", "2025-08-30", str(path))
    assert [set(item) for item in found] == [KEYS, KEYS]
    for item in found:
        # CRLF and leading spaces are kept: offsets index the bytes-decoded text exactly.
        assert raw[item["start"] : item["end"]] == item["text"]
    thursday, figures = found
    assert thursday == {
        "start": 14, "end": 22, "text": "Thursday", "type": "DATE", "value": "2025-08-28",
        "earliest": "2025-08-28", "latest": "2025-08-28", "precision": "day",
    }  # fmt: skip
    assert (figures["earliest"], figures["latest"], figures["precision"]) == (
        "2025-08-28",
        "2025-08-29",
        "range",
    )


def test_non_dates_have_null_interval(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("They are now failing you, as for decades.", encoding="utf-8")
    found = run("--document-date", "2025-08-30", str(path))
    assert [(f["text"], f["type"], f["value"]) for f in found] == [
        ("now", "DATE", "PRESENT_REF"),
        ("decades", "DURATION", "PXY"),
    ]
    assert all(f["earliest"] is None and f["latest"] is None for f in found)
    assert all(f["precision"] is None for f in found)


def test_reads_standard_input_as_bytes(monkeypatch):
    raw = "é yesterday\r\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw.encode("utf-8"))))
    found = run("--document-date", "2025-08-30", "-")
    assert [(f["start"], f["end"], f["value"]) for f in found] == [(2, 11, "2025-08-29")]


def test_stdin_is_the_default(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"today")))
    assert run("--document-date", "2025-08-30")[0]["value"] == "2025-08-30"


@pytest.mark.parametrize("bad", ["2025-02-30", "30/08/2025", "yesterday", "2025-8-30"])
def test_bad_document_date(tmp_path, bad):
    path = tmp_path / "doc.txt"
    path.write_text("today", encoding="utf-8")
    with pytest.raises(CommandError, match="not a valid date"):
        run("--document-date", bad, str(path))


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run("--document-date", "2025-08-30", str(tmp_path / "missing.txt"))


def test_non_utf8_input(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 on Friday".encode("latin-1"))
    with pytest.raises(CommandError, match="not valid UTF-8"):
        run("--document-date", "2025-08-30", str(path))
