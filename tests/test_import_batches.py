"""documents_import writes documents in batches: the same database state as importing them one
by one, a bad document costs the others nothing, and a batch costs a bounded number of queries."""

import gc
import re
import threading
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from events.analysis.extraction import analyze_document
from events.batching import documents_import
from events.inputs import DocumentInput, InputError, validate
from events.models import Actor, ActorAlias, Document, Event, SourceExcerpt
from events.services import imports
from events.services.imports import ImportResult, document_import
from tests.test_data_safety import TIMELINE_MODELS, needs_postgresql, run_in_threads

pytestmark = pytest.mark.django_db

# Order matters in each of these: a later document sees the actors an earlier one created. The
# seed names "Mayor Brandon Johnson (@ChicagosMayor)", "Johnson" and "CPD" for the Chicago Police
# Department; the next document names only "@ChicagosMayor" and "CPD", which the seed's aliases
# (the analysis's, true in the seed only) do not lead back to, and "Governor Tim Walz"; the third
# says "Walz" (an alias within it, never stored) and names "Boris Johnson", who must not merge
# with Brandon Johnson; the fourth creates "@GovTimWalz", which the fifth reuses.
TEXTS = [
    "@ChicagosMayor posted on Tuesday that the CPD would stay. "
    "Governor Tim Walz said on Monday that the FBI would help.",
    "Prime Minister Boris Johnson met Governor Tim Walz on Friday. "
    "Johnson said the talks went well. Walz agreed.",
    "Governor Tim Walz (@GovTimWalz) said on Thursday the Minnesota National Guard would help. "
    "Walz said CPD agreed.",
    "The Chicago Police Department said on Monday that CPD officers and @GovTimWalz met. "
    "Trump said on Sunday it was a disgrace.",
]
ALREADY_IMPORTED = "The council met on Thursday. Mayor Brandon Johnson said it went well."


def text_input(text: str, day: str = "2025-09-03", source: str = "") -> DocumentInput:
    return validate(published_on=day, body=text, source=source, max_bytes=1_000_000)


@pytest.fixture
def corpus(seed_input) -> list[DocumentInput | InputError]:
    """The documents above after the seed, with a rejected input, a text already imported (see
    ``import_both_ways``), a text twice, and a text again with another date (an InputError)."""
    documents = [text_input(text, source=f"doc{n}") for n, text in enumerate(TEXTS, 1)]
    return [
        seed_input,
        documents[0],
        InputError("bad input", source="bad.json"),
        documents[1],
        text_input(ALREADY_IMPORTED, source="again"),
        documents[0],  # the same text within the batch
        replace(documents[1], published_on=date(2025, 9, 4)),  # the same text, another date
        documents[2],
        documents[3],
    ]


def state() -> dict[str, list[tuple]]:
    """Every row the import writes, without ids or timestamps; rows refer to each other by
    content hash, position and name. Documents and events are listed in id order (the
    timeline's tie-breakers), actors and aliases by name."""
    documents = Document.objects.order_by("pk")
    events = Event.objects.select_related("document").order_by("pk")
    return {
        "documents": [
            (d.content_hash, d.title, d.url, d.published_on, d.body, names(d.actors.all()))
            for d in documents
        ],
        "events": [
            (
                event.document.content_hash,
                event.position,
                event.summary,
                event.earliest,
                event.latest,
                event.precision,
                event.expression,
                event.resolution,
                event.rule,
                event.status,
                event.source_removed,
                names(event.actors.all()),
                tuple(
                    (x.document.content_hash, x.start, x.end, x.text, x.expression_start)
                    for x in event.excerpts.select_related("document").order_by("start")
                ),
                tuple(event.excerpts.order_by("start").values_list("expression_end", flat=True)),
            )
            for event in events
        ],
        "excerpts": [(SourceExcerpt.objects.count(),)],
        "actors": sorted((a.name, a.key, a.kind, a.title, a.reviewed) for a in Actor.objects.all()),
        "aliases": sorted(
            (a.actor.name, a.alias, a.key) for a in ActorAlias.objects.select_related("actor")
        ),
    }


def names(actors) -> tuple[str, ...]:
    return tuple(sorted(actor.name for actor in actors))


def outcome(result: ImportResult | InputError) -> tuple:
    """A result without ids: the document by its content hash."""
    if isinstance(result, InputError):
        return ("error", re.sub(r"document \d+", "document N", str(result)), result.source)
    return ("ok", result.created, result.event_count, result.document.content_hash)


def one_by_one(items: list) -> list[tuple]:
    results = []
    for item in items:
        try:
            results.append(item if isinstance(item, InputError) else document_import(data=item))
        except InputError as error:
            results.append(error)
    return [outcome(result) for result in results]


def clear() -> None:
    for model in (SourceExcerpt, ActorAlias, Event.actors.through, Event, Actor, Document):
        model.objects.all().delete()
    assert not any(model.objects.exists() for model in TIMELINE_MODELS)


def import_both_ways(items: list, **options) -> tuple[tuple, tuple]:
    """(results, state) importing ``items`` one by one, then the same with documents_import
    and ``options`` on a cleared database; each time after importing ALREADY_IMPORTED."""
    runs = []
    for batched in (False, True):
        clear()
        document_import(data=text_input(ALREADY_IMPORTED, source="first"))
        if batched:
            results = [outcome(r) for _, r in documents_import(items=iter(items), **options)]
        else:
            results = one_by_one(items)
        runs.append((results, state()))
    return runs[0], runs[1]


@pytest.mark.parametrize("batch_size", [50, 3, 4], ids=["one-batch", "batches-of-3", "of-4"])
def test_batches_write_what_one_by_one_writes(corpus, batch_size):
    (results, one), (batched_results, batched) = import_both_ways(corpus, batch_size=batch_size)

    assert batched_results == results
    assert batched == one
    # The corpus does exercise what it is meant to.
    kinds = [result[0] if result[0] == "error" else result[1] for result in results]
    assert kinds == [True, True, "error", True, False, False, "error", True, True]
    assert "already imported as document N with date 2025-09-03" in results[6][1]
    actors = {row[0]: row for row in one["actors"]}
    assert {"Brandon Johnson", "Boris Johnson", "Tim Walz", "@GovTimWalz"} <= set(actors)
    # The seed's machine aliases identify nobody in another document.
    assert {"@ChicagosMayor", "CPD"} <= set(actors)
    aliases = {(actor, alias) for actor, alias, _ in one["aliases"]}
    assert {("Brandon Johnson", "@ChicagosMayor"), ("Chicago Police Department", "CPD")} <= aliases
    # Surnames are aliases within their document only.
    assert not {alias for _, alias in aliases} & {"Johnson", "Walz"}


def test_a_second_import_creates_nothing(corpus):
    list(documents_import(items=iter(corpus), batch_size=4))
    before = state()

    again = [result for _, result in documents_import(items=iter(corpus), batch_size=4)]

    assert not any(getattr(result, "created", False) for result in again)
    assert state() == before
    assert isinstance(again[6], InputError)


def broken_analysis(body: str, published_on: date, language: str = "en"):
    """The real analysis, but a document saying "explodes" gets an event that ends before it
    starts: the database refuses it (a check constraint) after the batch's documents, actors
    and aliases are written."""
    analysis = analyze_document(body, published_on, language)
    if "explodes" in body:
        event = analysis.events[0]
        event.latest = event.earliest - timedelta(days=1)
    return analysis


def refuse_explosions(full_clean):
    """``Document.full_clean``, but a document saying "explodes" fails (as a bug would)."""

    def checked(self, *args, **kwargs):
        if "explodes" in self.body:
            raise RuntimeError("broken write")
        return full_clean(self, *args, **kwargs)

    return checked


@pytest.mark.parametrize("failure", ["in the database", "before writing"])
def test_a_failing_document_in_a_batch_costs_the_others_nothing(
    monkeypatch, corpus, caplog, failure
):
    bad = text_input("Governor Pat Quinn said the dam explodes on Monday.", source="bad.txt")
    items = [*corpus[:4], bad, *corpus[4:]]
    expected, expected_state = import_both_ways(corpus)[0]
    clear()
    document_import(data=text_input(ALREADY_IMPORTED, source="first"))
    if failure == "in the database":
        monkeypatch.setattr(imports, "analyze_document", broken_analysis)
    else:
        monkeypatch.setattr(Document, "full_clean", refuse_explosions(Document.full_clean))

    results = [outcome(r) for _, r in documents_import(items=iter(items))]

    assert "importing them one by one" in caplog.text
    failure = results.pop(4)
    assert failure[0] == "error"  # the bad document, at its place in the input
    assert failure[1].startswith("internal error (") and failure[1].endswith("nothing written")
    assert results == expected
    assert state() == expected_state  # nothing of the bad document, all of the others


@pytest.mark.parametrize("size", [10, 50])
def test_a_batch_costs_the_same_few_queries_whatever_its_size(django_assert_max_num_queries, size):
    first = "Ann Ben Cleo Dana Eli Fay Gus Hana Ivo Jude".split()
    last = "Lee Moss Nash Ortiz Pike Quill Rhee Soto Tate Vance".split()
    people = [f"{a} {b}" for a in first for b in last][:size]
    day = date(2025, 1, 1)
    items = [
        text_input(
            f"Governor {name} met the FBI on Monday. {name.split()[1]} said on Friday that "
            "the CPD agreed.",
            day=(day + timedelta(days=n)).isoformat(),
        )
        for n, name in enumerate(people)
    ]
    # SQLite takes at most 999 parameters a statement: Django splits the larger inserts. The
    # writes take 12; grouping the new events into entries (events/services/entries.py) reads
    # 1 to 4 more (the grouping state of the stored events near them; the rows, actors and
    # first excerpts of those the import's earlier batches did not read: it takes the new
    # events' as written) and writes at most 1.
    limit = 12 + 5 if connection.vendor == "postgresql" else 20 + 5
    with django_assert_max_num_queries(limit):
        results = list(documents_import(items=iter(items), batch_size=size))
    assert all(result.created for _, result in results)
    assert Actor.objects.filter(name__in=people, kind=Actor.Kind.PERSON).count() == size
    assert Event.objects.count() >= 2 * size


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_batched_imports_of_one_corpus_at_the_same_moment(monkeypatch, corpus):
    # Both check their batch for texts already imported before either writes: the losing
    # batch fails on the unique content hash and is written again one document at a time.
    items = [item for item in corpus if not isinstance(item, InputError)]
    (results, one) = import_both_ways(items)[0]
    clear()
    document_import(data=text_input(ALREADY_IMPORTED, source="first"))
    barrier = threading.Barrier(2, timeout=10)
    imported = imports._imported

    def imported_together(digests: list[str]):
        found = imported(digests)
        if len(digests) > 1:
            barrier.wait()
        return found

    monkeypatch.setattr(imports, "_imported", imported_together)

    runs = run_in_threads(2, lambda _: list(documents_import(items=iter(items))))

    assert all(isinstance(run, list) for run in runs), runs
    created = [sum(getattr(r, "created", False) for _, r in run) for run in runs]
    assert sorted(created) == [0, sum(result[1] is True for result in results)]
    assert state() == one


def test_results_come_back_in_input_order(seed_input):
    other = replace(
        seed_input,
        body=seed_input.body.replace("Brandon Johnson", "Maria Novak"),
        published_on=date(2025, 8, 30),
        source="other",
    )
    stream = [seed_input, InputError("bad input", source="bad.json"), other, seed_input]

    results = list(documents_import(items=iter(stream), batch_size=2))

    assert [item for item, _ in results] == stream
    first, bad, second, again = (result for _, result in results)
    assert first.created and second.created and not again.created
    assert isinstance(bad, InputError)
    assert again.document == first.document
    assert first.event_count == Event.objects.filter(document=first.document).count() > 0


def test_a_stream_is_read_no_further_than_it_is_imported():
    read: list[int] = []

    def stream():
        for n, day in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"), 1):
            read.append(n)
            yield text_input(f"The council met on {day}.", day=f"2025-09-0{n}")

    imported = documents_import(items=stream(), batch_size=2)
    next(imported)
    # The first batch is written before the third document is read (a long import holds one
    # batch in memory, and what it has read is written).
    assert read == [1, 2] and Document.objects.count() == 2
    assert len(list(imported)) == 4 and read == [1, 2, 3, 4, 5]


def test_command_takes_a_batch_size(tmp_path, capsys):
    for n, day in enumerate(("Monday", "Tuesday", "Wednesday"), 1):
        (tmp_path / f"{n}.txt").write_text(f"date 2025-09-0{n} The council met on {day}.\n")
    call_command("import_documents", str(tmp_path), "--batch-size", "2", "--progress-every", "1")
    out = capsys.readouterr().out
    assert "... 3 documents" in out and "3 created (3 events), 0 unchanged, 0 failed" in out
    with pytest.raises(CommandError, match="--batch-size must be at least 1"):
        call_command("import_documents", str(tmp_path), "--batch-size", "0")


def test_the_collector_runs_less_often_inside_a_batch_and_as_before_after_it(
    db, monkeypatch, seed_input
):
    """A batch raises the youngest generation's threshold (fewer collections of millions of
    short-lived objects) and gives the process its own thresholds back; when batches overlap,
    the last one out restores them."""
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    write = imports._write_batch

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return write(*args, **kwargs)

    monkeypatch.setattr(imports, "_write_batch", spy)
    with imports._fewer_collections():  # an overlapping batch, entered first and left last
        list(documents_import(items=iter([seed_input])))
        assert gc.get_threshold()[0] == imports._YOUNG_THRESHOLD
    assert gc.get_threshold() == before
    assert seen == [(imports._YOUNG_THRESHOLD, *before[1:])]
