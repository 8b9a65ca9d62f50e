"""Benchmark: the temporal tagger against ``dateparser.search_dates`` on the same texts.

Both run side by side in one process on every document (same text, same reference date):
each document is timed ``--repeat`` times per extractor and the median kept; the report gives
the median (and mean) of those per-document times and the speed-up. The last line is a list
of ``name=value`` pairs for scripts, including ``extraction_speedup_vs_search_dates``.

Inputs: the seeds folder by default, plus any folders or files given as arguments: seed-format
``.txt`` files (first line ``date YYYY-MM-DD``, then the body) and TimeML ``.tml`` files (the
text inside ``<TEXT>`` and the document creation time).

    python benchmarks/extraction.py                      # seeds/
    python benchmarks/extraction.py ../shared/data/timeml-train --repeat 5
    python benchmarks/extraction.py --no-seeds --language es ../shared/data/timeml-es-train
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.analysis.languages import extract_temporal_expressions  # noqa: E402
from events.analysis.timeml import read_timeml  # noqa: E402

_SEED_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?:\r?\n)?")


def _read_seed(path: Path) -> tuple[str, date, str] | None:
    """(name, document date, body) of a seed-format file, or None if it is not one."""
    text = path.read_bytes().decode("utf-8")
    m = _SEED_HEADER.match(text)
    if not m:
        return None
    return path.name, date.fromisoformat(m.group(1)), text[m.end() :]


def load_documents(paths: Iterable[Path]) -> list[tuple[str, date, str]]:
    """Read every ``.txt`` seed file and ``.tml`` TimeML file under the given paths."""
    docs: list[tuple[str, date, str]] = []
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".tml":
                doc = read_timeml(file)
                docs.append((file.name, doc.dct, doc.text))
            elif file.suffix == ".txt":
                seed = _read_seed(file)
                if seed is not None:
                    docs.append(seed)
    return docs


def _time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` calls, in seconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "paths", nargs="*", type=Path, help="extra folders or files (.txt seeds, .tml TimeML)"
    )
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="seeds folder")
    parser.add_argument("--no-seeds", action="store_true", help="leave the seeds folder out")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per document")
    parser.add_argument("--language", default="en", help="the texts' language (ISO 639-1)")
    args = parser.parse_args(argv)
    language = args.language

    import dateparser  # noqa: F401  (imported before timing: its import costs ~1 s)
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")  # dateparser's deprecation chatter
    paths = ([] if args.no_seeds else [args.seeds]) + list(args.paths)
    docs = load_documents(paths)
    if not docs:
        parser.error("no documents found")

    # Warm-up: compile regexes, load dateparser's language data.
    extract_temporal_expressions(docs[0][2], docs[0][1], language)
    search_dates(
        docs[0][2], languages=[language], settings={"RELATIVE_BASE": _midnight(docs[0][1])}
    )

    ours: list[float] = []
    theirs: list[float] = []
    found_ours = found_theirs = 0
    for _name, dct, text in docs:
        base = _midnight(dct)
        ours.append(
            _time(lambda t=text, d=dct: extract_temporal_expressions(t, d, language), args.repeat)
        )
        theirs.append(
            _time(
                lambda t=text, b=base: search_dates(
                    t, languages=[language], settings={"RELATIVE_BASE": b}
                ),
                args.repeat,
            )
        )
        found_ours += len(extract_temporal_expressions(text, dct, language))
        found_theirs += len(
            search_dates(text, languages=[language], settings={"RELATIVE_BASE": base}) or []
        )

    med_ours, med_theirs = statistics.median(ours), statistics.median(theirs)
    speedup = med_theirs / med_ours if med_ours else float("inf")
    chars = sum(len(t) for _, _, t in docs)
    print(f"documents: {len(docs)} ({chars} characters), {args.repeat} timed runs each")
    print(f"{'extractor':<32}{'median ms/doc':>15}{'mean ms/doc':>13}{'expressions':>13}")
    print(
        f"{'extract_temporal_expressions':<32}{med_ours * 1000:>15.3f}"
        f"{statistics.mean(ours) * 1000:>13.3f}{found_ours:>13}"
    )
    print(
        f"{'dateparser search_dates':<32}{med_theirs * 1000:>15.3f}"
        f"{statistics.mean(theirs) * 1000:>13.3f}{found_theirs:>13}"
    )
    print(
        f"documents={len(docs)} repeat={args.repeat} "
        f"extraction_median_ms={med_ours * 1000:.3f} "
        f"search_dates_median_ms={med_theirs * 1000:.3f} "
        f"extraction_speedup_vs_search_dates={speedup:.1f}"
    )
    return 0


def _midnight(d: date) -> datetime:
    """dateparser's RELATIVE_BASE wants a datetime."""
    return datetime(d.year, d.month, d.day)


if __name__ == "__main__":
    raise SystemExit(main())
