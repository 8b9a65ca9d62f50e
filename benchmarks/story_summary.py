"""Benchmark: a story's key-date summary after import (issue #11: <= 2 s for the 1,460 articles).

Imports one ``articles.jsonl.gz`` (Timeline17 layout) into a collection of a scratch database
(SQLite in a temporary file, or the database ``DATABASE_URL`` names), then times
``selectors.story_summary`` (the API's and ``summarize_timeline``'s read: documents, excerpts,
candidates, TF-IDF, ranking, selection) ``--repeat`` times and prints the median, its ratio to
the 2 s budget, and the import's time per document.

    .venv/bin/python benchmarks/story_summary.py ../shared/data/timeline17/bpoil/articles.jsonl.gz
    .venv/bin/python benchmarks/story_summary.py FILE --dates 102 --sentences 3 --repeat 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGET_SECONDS = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="a Timeline17 articles.jsonl.gz")
    parser.add_argument("--dates", type=int, default=48)
    parser.add_argument("--sentences", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    scratch = None
    if "DATABASE_URL" not in os.environ:
        scratch = tempfile.NamedTemporaryFile(suffix=".sqlite3", delete=False)  # noqa: SIM115
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch.name}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from django.core.management import call_command

    from events import selectors
    from events.models import Collection

    try:
        call_command("migrate", verbosity=0)
        name = args.file.parent.name or "story"
        started = time.perf_counter()
        output = StringIO()
        call_command(
            "import_documents",
            str(args.file),
            collection=name,
            progress_every=0,
            stdout=output,
        )
        import_seconds = time.perf_counter() - started
        collection = Collection.objects.get(name=name)
        documents = collection.documents.count()
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            key_dates, _titles = selectors.story_summary(
                collection, dates=args.dates, sentences=args.sentences
            )
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        print(f"import: {documents} documents in {import_seconds:.1f} s "
              f"({1000 * import_seconds / max(documents, 1):.1f} ms/document)")  # fmt: skip
        print(
            f"summary ({args.dates} dates x {args.sentences} sentences, {len(key_dates)} "
            f"dates returned): median {median:.2f} s over {args.repeat} runs "
            f"(min {min(times):.2f}, max {max(times):.2f})"
        )
        print(
            f"story_summary_seconds={median:.3f} "
            f"story_summary_budget_ratio={median / BUDGET_SECONDS:.2f} documents={documents}"
        )
    finally:
        if scratch is not None:
            os.unlink(scratch.name)


if __name__ == "__main__":
    main()
