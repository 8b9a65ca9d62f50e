"""Story summaries against Timeline17 without the database: fast iterations and leave-one-topic-out.

Reads each topic's ``articles.jsonl.gz`` directly, runs the project's analysis once per topic
(cached as a pickle under ``--cache``, default /tmp/tls_cache, so later runs take seconds), builds
the candidates with ``document_candidates`` and scores ``summarize`` with the news-tls protocol
(events/analysis/tls_eval.py). ``manage.py evaluate_tls`` runs the same protocol through the
database; this script exists for tuning.

    python benchmarks/tls_timeline17.py ../shared/data/timeline17                 # ROUGE 1.5.5
    python benchmarks/tls_timeline17.py ../shared/data/timeline17 --rouge reimpl  # faster
    python benchmarks/tls_timeline17.py ../shared/data/timeline17 --baseline
    python benchmarks/tls_timeline17.py ../shared/data/timeline17 --loto          # tune, held out

``--loto``: for each topic, the knobs are chosen on the OTHER topics only (date knobs by mean
date F1, which needs no ROUGE; sentence knobs by mean AR-1 + AR-2 with tilse's fast ROUGE) and
the left-out topic is scored with them (with ``--rouge``); the held-out figures are what the
report quotes.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import pickle
import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")

from events.analysis import tls_eval  # noqa: E402
from events.analysis.extraction import analyze_document  # noqa: E402
from events.analysis.summarize import (  # noqa: E402
    Candidate,
    DatedSpan,
    Parameters,
    document_candidates,
    summarize,
)


@dataclass
class Topic:
    name: str
    articles: list[tuple[date, str]]  # (publication date, text), in file order
    candidates: list[Candidate]
    golds: list[tuple[str, dict[date, list[str]]]]


def load_topic(folder: Path, cache: Path) -> Topic:
    cached = cache / f"{folder.name}.pkl"
    if cached.exists():
        analysed = pickle.loads(cached.read_bytes())
    else:
        analysed = []
        with gzip.open(folder / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
            for line in lines:
                article = json.loads(line)
                published = date.fromisoformat(article["date"])
                analysis = analyze_document(article["text"], published)
                spans = [
                    (x.start, x.end, e.earliest, e.latest, str(e.precision), str(e.resolution))
                    for e in analysis.events
                    for x in e.excerpts
                ]
                analysed.append((published, article["title"], article["text"], spans))
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(analysed))
    candidates: list[Candidate] = []
    for number, (published, _title, text, spans) in enumerate(analysed):
        candidates.extend(
            document_candidates(number, published, text, [DatedSpan(*span) for span in spans])
        )
    golds = []
    for path in sorted((folder / "timelines").glob("*.txt")):
        golds.append((path.name, tls_eval.parse_timeline(path.read_text(), skipped=[])))
    return Topic(folder.name, [(a[0], a[2]) for a in analysed], candidates, golds)


def baseline(topic: Topic, params: tls_eval.ProtocolParameters) -> dict[date, list[str]]:
    """The K days with most articles, each the first N lines of that day's first article."""
    window = [(d, text) for d, text in topic.articles if params.start <= d <= params.end]
    counts = Counter(d for d, _ in window)
    days = sorted(counts, key=lambda d: (-counts[d], d))[: params.dates]
    timeline = {}
    for day in days:
        text = next(text for d, text in window if d == day)
        timeline[day] = [line for line in text.split("\n") if line.strip()][: params.sentences]
    return timeline


def predict(topic: Topic, params: tls_eval.ProtocolParameters, p: Parameters) -> dict:
    key_dates = summarize(
        topic.candidates,
        dates=params.dates,
        sentences=params.sentences,
        start=params.start,
        end=params.end,
        parameters=p,
    )
    return {k.date: [s.text for s in k.sentences] for k in key_dates}


def score(topics: list[Topic], p: Parameters | None, rouge: str | None) -> list[tuple]:
    """(topic, timeline, AR-1, AR-2, date) Scores for every gold timeline of the topics."""
    rows = []
    for topic in topics:
        for name, gold in topic.golds:
            params = tls_eval.protocol_parameters(gold)
            predicted = baseline(topic, params) if p is None else predict(topic, params, p)
            dates = tls_eval.date_scores(predicted, gold)
            if rouge:
                r1, r2 = tls_eval.rouge_scores(predicted, gold, computation=rouge)
            else:
                r1 = r2 = tls_eval.Scores(0.0, 0.0)
            rows.append((topic.name, name, r1, r2, dates))
    return rows


def means(rows: list[tuple]) -> tuple[float, float, float]:
    return tuple(tls_eval.mean_scores([row[i] for row in rows]).f1 for i in (2, 3, 4))


def print_rows(rows: list[tuple], label: str) -> None:
    for topic, name, r1, r2, dates in rows:
        print(f"  {topic:10} {name:40} AR-1 {r1.f1:.3f}  AR-2 {r2.f1:.3f}  date F1 {dates.f1:.3f}")
    a1, a2, d = means(rows)
    print(f"{label}: AR-1 {a1:.3f}  AR-2 {a2:.3f}  date F1 {d:.3f}  ({len(rows)} timelines)")


# The grids tuned by leave-one-topic-out. Date knobs are chosen by date F1 (no ROUGE needed);
# sentence knobs by AR-1 + AR-2 (tilse's fast ROUGE), each scored with the default date knobs.
DATE_GRID = {
    "publication_days_weight": [0.0, 0.5, 1.0, 2.0],
    "published_weight": [0.0, 0.25, 0.5, 1.0],
    "later_weight": [0.0, 1.0, 2.0, 4.0],
}
SENTENCE_GRID = {
    "max_sentence_chars": [200, 250, 300],
    "min_story_similarity": [0.0, 0.05],
    "story_keywords": [0, 10],
    "knee_filter": [False, True],
    "max_similarity": [0.3, 0.4],
}


def _points(grid: dict[str, list]) -> list[dict]:
    return [dict(zip(grid, values, strict=True)) for values in itertools.product(*grid.values())]


def loto(topics: list[Topic], rouge: str | None) -> list[tuple]:
    """Held-out figures: each topic scored with the knobs chosen on the other topics only."""
    date_rows = {
        i: score(topics, replace(Parameters(), **point), None)
        for i, point in enumerate(_points(DATE_GRID))
    }
    sentence_rows = {
        i: score(topics, replace(Parameters(), **point), "reimpl")
        for i, point in enumerate(_points(SENTENCE_GRID))
    }
    held_out = []
    for left_out in topics:

        def others(rows: list[tuple], name: str = left_out.name) -> list[tuple]:
            return [row for row in rows if row[0] != name]

        best_dates = max(date_rows, key=lambda i: means(others(date_rows[i]))[2])
        best_sentences = max(sentence_rows, key=lambda i: sum(means(others(sentence_rows[i]))[:2]))
        chosen = {**_points(DATE_GRID)[best_dates], **_points(SENTENCE_GRID)[best_sentences]}
        print(f"left out {left_out.name}: chose {chosen}", flush=True)
        held_out.extend(score([left_out], replace(Parameters(), **chosen), rouge))
    return held_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the timeline17 folder (one folder a topic)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tls_cache"))
    parser.add_argument("--rouge", choices=["original", "reimpl", "none"], default="original")
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--loto", action="store_true")
    parser.add_argument("--topics", nargs="*", default=None)
    args = parser.parse_args()
    rouge = None if args.rouge == "none" else args.rouge
    folders = sorted(f for f in args.data.iterdir() if (f / "articles.jsonl.gz").exists())
    if args.topics:
        folders = [f for f in folders if f.name in args.topics]
    topics = [load_topic(folder, args.cache) for folder in folders]
    if args.loto:
        print_rows(loto(topics, rouge), "held out (leave-one-topic-out)")
    elif args.baseline:
        print_rows(score(topics, None, rouge), "baseline")
    else:
        print_rows(score(topics, Parameters(), rouge), "summarize (default parameters)")


if __name__ == "__main__":
    main()
