"""The import_documents command and the import service: formats, errors, idempotency."""

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.analysis.actors import actor_key
from events.inputs import InputError, read_file
from events.models import Actor, ActorAlias, Document, Event, SourceExcerpt
from events.services.imports import document_import
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Document, Event, SourceExcerpt, Actor, ActorAlias)
    }


def run_import(*paths: Path) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_documents", *map(str, paths), stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        err.write(str(error))
        code = error.returncode
    return out.getvalue(), err.getvalue(), code


def test_seed_import_creates_the_seed_timeline():
    out, err, code = run_import(SEEDS)
    assert code == 0, err
    assert "1 created (9 events), 0 unchanged, 0 failed" in out
    document = Document.objects.get()
    assert document.published_on == date(2025, 8, 30)
    # The body starts after the date on the first line, leading space excluded.
    assert document.body.startswith("City of Chicago Mayor Brandon Johnson signed")
    for excerpt in SourceExcerpt.objects.all():
        assert document.body[excerpt.start : excerpt.end] == excerpt.text


def test_second_import_changes_nothing():
    run_import(SEEDS)
    before = row_counts()
    out, _, code = run_import(SEEDS)
    assert code == 0
    assert "0 created (0 events), 1 unchanged, 0 failed" in out
    assert row_counts() == before


def test_reimport_never_touches_a_reviewed_event(seed_document):
    event = Event.objects.get(expression="Saturday")
    event.summary = "Johnson signs the order (edited)"
    event.status = Event.Status.REVIEWED
    event.save()
    run_import(SEEDS)
    event.refresh_from_db()
    assert event.summary == "Johnson signs the order (edited)"
    assert event.status == Event.Status.REVIEWED


def test_actors_are_merged_across_documents(tmp_path, seed_document):
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "date": "2025-09-02",
                "text": "Mayor Brandon Johnson met the FBI on Monday. Johnson said it went well.",
            }
        )
    )
    _, err, code = run_import(tmp_path)
    assert code == 0, err
    assert Actor.objects.filter(name="Brandon Johnson").count() == 1
    assert Actor.objects.filter(name="FBI").count() == 1
    # "Johnson said it went well." is a statement of the reporting time since issue 15.
    event = Event.objects.get(document__published_on=date(2025, 9, 2), expression="Monday")
    assert event.earliest == date(2025, 9, 1)
    assert {a.name for a in event.actors.all()} == {"Brandon Johnson", "FBI"}


def test_json_list_and_jsonl_and_seed_text_in_one_folder(tmp_path):
    (tmp_path / "a.json").write_text(
        json.dumps(
            [
                {"date": "2024-01-05", "text": "The council met on Tuesday.", "title": "A"},
                {
                    "date": "2024-01-06",
                    "text": "The board voted yesterday.",
                    "url": "https://example.com/b",
                },
            ]
        )
    )
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"date": "2024-02-01", "text": "Police said on Monday."}) + "\n\n"
    )
    (tmp_path / "d.txt").write_text("date 2024-03-01\nThe mayor resigned on Friday.\n")
    out, err, code = run_import(tmp_path)
    assert code == 0, err
    assert "4 created" in out
    assert Document.objects.get(title="A").events.get().earliest == date(2024, 1, 2)
    board = Document.objects.get(url="https://example.com/b")
    assert board.events.get().earliest == date(2024, 1, 5)
    assert Document.objects.get(published_on=date(2024, 3, 1)).body == (
        "The mayor resigned on Friday.\n"
    )


def test_import_a_folder_of_json_txt_and_jsonl(db, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        "date 2025-09-01 The council voted on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "b.json").write_text(
        json.dumps(
            [
                {"date": "2025-09-02", "text": "The mayor spoke on Tuesday.", "title": "Mayor"},
                {"date": "2025-09-03", "text": "The police chief resigned yesterday."},
            ]
        ),
        encoding="utf-8",
    )
    nested = tmp_path / "more"
    nested.mkdir()
    lines = [
        {"date": "2025-09-04", "text": "Protesters marched on Thursday.\u2028Police watched."},
        {"date": "2025-09-05", "text": "The governor vetoed the bill on Friday.", "url": ""},
    ]
    (nested / "c.jsonl").write_text(
        "\r\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")

    call_command("import_documents", str(tmp_path), stdout=StringIO())
    assert sorted(Document.objects.values_list("published_on", flat=True)) == [
        date(2025, 9, day) for day in range(1, 6)
    ]
    assert Document.objects.get(published_on=date(2025, 9, 2)).title == "Mayor"
    assert "\u2028" in Document.objects.get(published_on=date(2025, 9, 4)).body
    assert Event.objects.filter(earliest=date(2025, 9, 1)).exists()  # "on Monday"

    # Importing the folder again changes nothing.
    counts = (Document.objects.count(), Event.objects.count())
    call_command("import_documents", str(tmp_path), stdout=StringIO())
    assert (Document.objects.count(), Event.objects.count()) == counts


def test_jsonl_lines_end_only_at_newlines(tmp_path):
    # U+2028 and U+0085 are line breaks to str.splitlines() but may stand unescaped in JSON.
    path = tmp_path / "docs.jsonl"
    text = "First line.\u2028Second line.\x85Third."
    path.write_text(json.dumps({"date": "2025-09-04", "text": text}, ensure_ascii=False) + "\n")
    (document,) = read_file(Path(path), max_bytes=10_000)
    assert document.body == text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("nodate.txt", b"The mayor spoke on Friday.\n", "unknown format"),
        ("baddate.txt", b"date 2025-02-30 The mayor spoke.\n", "not a real calendar date"),
        ("wrongform.txt", b"date 30/08/2025 The mayor spoke.\n", "not in the form YYYY-MM-DD"),
        ("empty.txt", b"date 2025-08-30   \n  \n", "empty body"),
        ("latin1.txt", "date 2025-08-30 caf\u00e9".encode("latin-1"), "not valid UTF-8"),
        ("bad.json", b'{"date": "2025-08-30", "text": ', "invalid JSON"),
        ("shape.json", b'{"date": "2025-08-30", "body": "x"}', "unknown field(s): body"),
        ("missing.json", b'{"text": "The mayor spoke."}', "missing publication date"),
        ("nul.json", b'{"date": "2025-08-30", "text": "a\\u0000b"}', "NUL bytes"),
        ("number.json", b"42", "JSON must be an object or a list"),
    ],
)
def test_bad_document_gets_one_clear_line_and_writes_nothing(tmp_path, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("date 2025-08-30 The council met on Thursday.")
    before = row_counts()
    _, err, code = run_import(bad, good)
    assert code == 1
    (line, *_rest) = [line for line in err.splitlines() if line.strip()]
    assert line.startswith(str(bad)) and reason in line
    assert "1 created (1 events), 0 unchanged, 1 failed" in err
    after = row_counts()
    assert after["Document"] == before["Document"] + 1  # only the good one
    assert Document.objects.filter(body__contains="council").exists()


def test_missing_path_is_an_error():
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("import_documents", "/nonexistent/folder", stdout=StringIO())


def test_same_text_with_another_date_is_refused(seed_input):
    document_import(data=seed_input)
    with pytest.raises(InputError, match="already imported as document"):
        document_import(data=seed_input.__class__(date(2025, 9, 1), seed_input.body))


def test_failure_inside_a_document_rolls_it_back(monkeypatch, seed_input):
    from events.services import imports

    def broken(*args, **kwargs):
        raise RuntimeError("analysis failed")

    monkeypatch.setattr(imports, "analyze_document", broken)
    with pytest.raises(RuntimeError):
        document_import(data=seed_input)
    assert Document.objects.count() == 0


def test_seed_file_reads_as_one_document(seed_input):
    assert seed_input.published_on == date(2025, 8, 30)
    assert seed_input.body.startswith("City of Chicago")
    (error,) = read_file(SEEDS / "missing.txt", max_bytes=100)
    assert str(error).startswith("cannot read file")


def test_names_with_capital_accents_and_sharp_s_import_and_merge(tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2025-09-05 Mayor Émile Ørsted said on Friday that Hans Strauß resigned.\n"
        "Governor Hans Strauß said on Thursday he would stay.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "date 2025-09-06 Mayor Émile Ørsted signed the order on Friday.\n", encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text(
        "date 2025-09-07 Governor Hans Strauss said on Saturday he would resign.\n",
        encoding="utf-8",
    )
    out, err, code = run_import(tmp_path)
    assert code == 0, err
    assert "3 created" in out
    orsted = Actor.objects.get(name="Émile Ørsted")
    assert orsted.events.count() == 2  # found again in the second document
    # Strauß = Strauss
    assert Actor.objects.filter(key=actor_key("Hans Strauss", "person")).count() == 1


def test_document_records_the_actors_it_names(seed_document):
    named = set(seed_document.actors.values_list("name", flat=True))
    assert {"ICE", "Chicago Police Department", "Brandon Johnson"} <= named


def test_an_unexpected_error_in_one_document_does_not_stop_the_others(tmp_path, monkeypatch):
    from events.services import imports

    real = imports.analyze_document

    def flaky(body, published_on, language="en"):
        if "explodes" in body:
            raise RuntimeError("boom")
        return real(body, published_on, language)

    monkeypatch.setattr(imports, "analyze_document", flaky)
    (tmp_path / "a.txt").write_text("date 2025-09-01 The parser explodes on Monday.\n")
    (tmp_path / "b.txt").write_text("date 2025-09-01 The council met on Monday.\n")
    _, err, code = run_import(tmp_path)
    assert code == 1
    assert f"{tmp_path / 'a.txt'}: internal error (RuntimeError: boom); nothing written" in err
    assert "1 created (1 events), 0 unchanged, 1 failed" in err
    assert Document.objects.count() == 1
