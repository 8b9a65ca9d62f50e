"""documents_import: the stream importer behind ``import_documents``, with and without workers."""

from dataclasses import replace
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from events.inputs import InputError
from events.models import Actor, Document, Event, SourceExcerpt
from events.services import documents_import


def snapshot() -> list[tuple]:
    """What an import wrote, without ids: events with their actors and excerpts."""
    return sorted(
        (
            event.document.content_hash,
            event.position,
            event.earliest,
            event.latest,
            event.summary,
            tuple(sorted(actor.name for actor in event.actors.all())),
            tuple((x.start, x.end) for x in event.excerpts.order_by("start")),
        )
        for event in Event.objects.select_related("document").prefetch_related("actors")
    )


@pytest.fixture
def stream(seed_input):
    """Two documents, a rejected input, and the first document again."""
    other = replace(
        seed_input,
        body=seed_input.body.replace("Brandon Johnson", "Maria Novak"),
        published_on=date(2025, 8, 30),
        source="other",
    )
    return [seed_input, InputError("bad input", source="bad.json"), other, seed_input]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_back_in_input_order(db, stream, workers):
    results = list(documents_import(items=iter(stream), workers=workers))

    assert [item for item, _ in results] == stream
    first, bad, second, again = (result for _, result in results)
    assert first.created and second.created and not again.created
    assert isinstance(bad, InputError)
    assert again.document == first.document
    assert first.event_count == Event.objects.filter(document=first.document).count() > 0


def test_two_workers_write_what_one_writes(db, stream):
    list(documents_import(items=iter(stream), workers=1))
    one = snapshot()
    Event.objects.all().delete()
    Document.objects.all().delete()
    Actor.objects.all().delete()
    assert not Event.objects.exists()

    list(documents_import(items=iter(stream), workers=2))

    assert snapshot() == one
    # Importing again changes nothing.
    counts = (Document.objects.count(), Event.objects.count(), SourceExcerpt.objects.count())
    results = list(documents_import(items=iter(stream), workers=2))
    assert not any(getattr(result, "created", False) for _, result in results)
    assert counts == (
        Document.objects.count(),
        Event.objects.count(),
        SourceExcerpt.objects.count(),
    )


def test_command_takes_workers(db, capsys):
    call_command("import_documents", "seeds/", "--workers", "2")
    assert "1 created" in capsys.readouterr().out
    call_command("import_documents", "seeds/", "--workers", "2")
    assert "0 created" in capsys.readouterr().out


def test_command_takes_a_batch_size(db, tmp_path, capsys):
    for n, day in enumerate(("Monday", "Tuesday", "Wednesday"), 1):
        (tmp_path / f"{n}.txt").write_text(f"date 2025-09-0{n} The council met on {day}.\n")
    call_command("import_documents", str(tmp_path), "--batch-size", "2", "--progress-every", "1")
    out = capsys.readouterr().out
    assert "... 3 documents" in out and "3 created (3 events), 0 unchanged, 0 failed" in out
    with pytest.raises(CommandError, match="--batch-size must be at least 1"):
        call_command("import_documents", str(tmp_path), "--batch-size", "0")
