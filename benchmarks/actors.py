"""Benchmark: people and organisations found per document, and linked across documents.

Input: a development set in the format of ``tests/data/actors_dev.json`` (documents with a date,
a text and gold entities: an id shared by every document that names the entity, and the names
the text writes it by). Two scores, each as precision, recall and F1 over all documents:

- entity: per document, a found actor (person or organization) is right when its name or one of
  its aliases in that document is one of a gold entity's names (each gold entity matched once);
- linking: over pairs of (document, entity) in two different documents, the gold pairs are
  those of one gold entity; the system links a pair when both are found and stored as the same
  actor. The set is imported through ``documents_import`` into a scratch SQLite database (as an
  import really stores actors), in the file's order, then in reverse and in a shuffled order:
  the actors and each document's actors must come out the same (``order_independent``).

The same scores for the naive rule "every run of capitalised words not at the start of a
sentence is an actor", linked across documents when the runs are spelled alike.

    .venv/bin/python benchmarks/actors.py                         # tests/data/actors_dev.json
    .venv/bin/python benchmarks/actors.py path/to/other_set.json
    .venv/bin/python benchmarks/actors.py path/to/annotated_folder/    # docs/actor_annotation.md
    .venv/bin/python benchmarks/actors.py --timing ../shared/data/timeml-train
    .venv/bin/python benchmarks/actors.py --list ../shared/data/timeml-train > actors.tsv

``--list`` prints every actor found in each document (document, kind, name; tab-separated,
sorted), for reading what a change to the rules adds and removes on text with no gold:
``diff`` the lists of two commits.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV_SET = ROOT / "tests" / "data" / "actors_dev.json"

from events.analysis.actors import name_key  # noqa: E402

# A run of capitalised words (with "of", "and", "&" between them): the naive rule's actor.
_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|&|de)\s+)?[A-Z][\w'’.-]*)*", re.UNICODE
)


@dataclass(frozen=True)
class Score:
    true: int
    found: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.true / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:32} P {100 * self.precision:5.1f}  R {100 * self.recall:5.1f}  "
            f"F1 {100 * self.f1:5.1f}  ({self.true} right of {self.found} found, {self.gold} gold)"
        )


def load(path: Path) -> list[dict]:
    """The documents of a set: a JSON file in the format of ``tests/data/actors_dev.json``, or
    a folder annotated as ``docs/actor_annotation.md`` says (``articles.jsonl`` and
    ``gold.jsonl``, one article a line), whose entities are identified across documents by
    their ``name``."""
    if not path.is_dir():
        return json.loads(path.read_text(encoding="utf-8"))["documents"]
    gold = {}
    with (path / "gold.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            annotated = json.loads(line)
            gold[annotated["id"]] = annotated["entities"]
    documents = []
    with (path / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article["id"] not in gold:
                continue  # not annotated (yet)
            entities = [
                {"id": e["name"], "kind": e["type"], "names": [e["name"], *e["mentions"]]}
                for e in gold[article["id"]]
            ]
            documents.append(
                {
                    "id": article["id"],
                    "date": article["date"][:10],
                    "text": article["text"],
                    "entities": entities,
                }
            )
    return documents


def match_entities(found: dict[str, set[str]], gold: list[dict]) -> dict[str, str]:
    """Found actors (an id -> the names the document gives it) matched to gold entities (by any
    shared name, each gold entity once): found id -> gold id."""
    matched: dict[str, str] = {}
    taken: set[str] = set()
    for found_id, names in sorted(found.items()):
        keys = {name_key(name) for name in names}
        for entity in gold:
            if entity["id"] not in taken and keys & {name_key(n) for n in entity["names"]}:
                matched[found_id] = entity["id"]
                taken.add(entity["id"])
                break
    return matched


def entity_score(per_document: list[tuple[dict[str, set[str]], list[dict]]]) -> Score:
    true = found = gold = 0
    for actors, entities in per_document:
        true += len(match_entities(actors, entities))
        found += len(actors)
        gold += len(entities)
    return Score(true, found, gold)


def linking_score(
    per_document: list[tuple[dict[str, set[str]], list[dict]]],
    identity: list[dict[str, str]],
) -> Score:
    """``identity``: per document, found id -> the cross-document identity the system gave it."""
    gold_of: list[dict[str, str]] = []  # per document: cross-document identity -> gold id
    for (actors, entities), ids in zip(per_document, identity, strict=True):
        matched = match_entities(actors, entities)
        gold_of.append({ids[found_id]: matched.get(found_id, "") for found_id in actors})
    system_pairs = true_pairs = gold_pairs = 0
    for i, j in itertools.combinations(range(len(per_document)), 2):
        gold_i = {e["id"] for e in per_document[i][1]}
        gold_j = {e["id"] for e in per_document[j][1]}
        gold_pairs += len(gold_i & gold_j)
        for shared in set(gold_of[i]) & set(gold_of[j]):
            system_pairs += 1
            if gold_of[i][shared] and gold_of[i][shared] == gold_of[j][shared]:
                true_pairs += 1
    return Score(true_pairs, system_pairs, gold_pairs)


def naive(documents: list[dict]) -> tuple[list, list[dict[str, str]]]:
    """Every run of capitalised words not at a sentence start; linked by spelling."""
    per_document, identity = [], []
    for document in documents:
        text = document["text"]
        actors: dict[str, set[str]] = {}
        for match in _CAPITALISED_RUN.finditer(text):
            before = text[: match.start()].rstrip()
            if not before or before[-1] in '.!?\n"“' or before.endswith("(Wire) -"):
                continue
            run = match.group().rstrip(".")
            actors.setdefault(name_key(run), {run})
        per_document.append((actors, document["entities"]))
        identity.append({key: key for key in actors})
    return per_document, identity


def ours(documents: list[dict]) -> tuple[list, list[dict[str, str]], bool]:
    """Our analysis per document, the stored actors' ids across documents, and whether three
    import orders store the same actors for each document."""
    from events.analysis.extraction import analyze_document

    per_document = []
    analyses = []
    for document in documents:
        analysis = analyze_document(document["text"], date.fromisoformat(document["date"]))
        analyses.append(analysis)
        actors = {
            actor.key: {actor.name, *actor.aliases, *getattr(actor, "aliases_guessed", ())}
            for actor in analysis.actors
            if actor.kind in ("person", "organization")
        }
        per_document.append((actors, document["entities"]))
    orders = [list(range(len(documents)))]
    orders.append(orders[0][::-1])
    orders.append(random.Random(15).sample(orders[0], len(documents)))
    states = [_import(documents, order) for order in orders]
    ids = states[0][1]
    identity = [{key: ids[key] for key in actors} for actors, _ in per_document]
    return per_document, identity, all(state[0] == states[0][0] for state in states)


def _import(documents: list[dict], order: list[int]) -> tuple[tuple, dict[str, str]]:
    """Import the documents in ``order`` into an empty database: (each document's actors by
    name, the stored actor of each key)."""
    from django.core.management import call_command

    from events.batching import documents_import
    from events.inputs import validate
    from events.models import Actor, Document, Event

    call_command("flush", "--no-input", verbosity=0)
    items = [
        validate(
            published_on=documents[n]["date"],
            body=documents[n]["text"],
            source=documents[n]["id"],
            max_bytes=10_000_000,
        )
        for n in order
    ]
    list(documents_import(items=iter(items)))
    by_text = {
        d.body: (
            d.body[:40],
            tuple(sorted(d.actors.values_list("name", "kind"))),
            tuple(
                sorted(
                    (e.position, tuple(sorted(e.actors.values_list("name", flat=True))))
                    for e in Event.objects.filter(document=d)
                )
            ),
        )
        for d in Document.objects.all()
    }
    state = tuple(by_text[document["text"]] for document in documents)
    keys = dict(Actor.objects.values_list("key", "name"))
    return state, {key: f"actor:{name}" for key, name in keys.items()}


def timing(folder: Path) -> None:
    """Median and mean milliseconds of ``find_actors`` per document (posts included)."""
    import statistics
    import time

    from benchmarks.extraction import load_documents
    from events.analysis import text as textlib
    from events.analysis.actors import find_actors

    times = []
    for _, day, text in load_documents([folder]):
        start = time.perf_counter()
        find_actors(text, day, textlib.posts(text))
        times.append(1000 * (time.perf_counter() - start))
    print(
        f"documents={len(times)} find_actors_median_ms={statistics.median(times):.2f} "
        f"find_actors_mean_ms={statistics.mean(times):.2f}"
    )


def listing(folder: Path) -> None:
    """Every actor of each document under ``folder``: document, kind and name, sorted."""
    from benchmarks.extraction import load_documents
    from events.analysis import text as textlib
    from events.analysis.actors import find_actors

    rows = set()
    for name, day, text in load_documents([folder]):
        actors, _, _ = find_actors(text, day, textlib.posts(text))
        rows.update((Path(name).name, actor.kind, actor.name) for actor in actors)
    for row in sorted(rows):
        print("\t".join(row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEV_SET)
    parser.add_argument(
        "--timing",
        type=Path,
        help="instead: time find_actors on each .tml/.txt document under this folder",
    )
    parser.add_argument(
        "--list",
        type=Path,
        help="instead: print every actor found in each .tml/.txt document under this folder",
    )
    args = parser.parse_args()
    if args.timing:
        timing(args.timing)
        return
    if args.list:
        listing(args.list)
        return
    documents = load(args.path)

    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/actors.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
        os.environ["DEBUG"] = "0"
        os.environ["SECRET_KEY"] = "benchmark-only"
        os.environ["ALLOWED_HOSTS"] = "localhost"
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        results = ours(documents)

    print(f"documents: {len(documents)} ({args.path.name})")
    rows = {}
    for label, (per_document, identity) in (
        ("ours", results[:2]),
        ("naive capitalised runs", naive(documents)),
    ):
        entities, links = entity_score(per_document), linking_score(per_document, identity)
        print(entities.line(f"{label}: entities"))
        print(links.line(f"{label}: cross-document links"))
        rows[label] = (entities, links)
    print(f"ours: the same actors whatever the import order: {results[2]}")
    (e, link), (ne, nlink) = rows["ours"], rows["naive capitalised runs"]
    print(
        f"entity_f1={100 * e.f1:.1f} link_f1={100 * link.f1:.1f} "
        f"naive_entity_f1={100 * ne.f1:.1f} naive_link_f1={100 * nlink.f1:.1f} "
        f"order_independent={results[2]}"
    )


if __name__ == "__main__":
    main()
