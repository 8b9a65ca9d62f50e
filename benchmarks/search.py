"""Text search (``/api/timeline/?q=``) at a million events on PostgreSQL, with and without the
trigram indexes of migration 0008.

    python benchmarks/search.py
    python benchmarks/search.py --events 100000 --requests 20 --baseline-requests 0 --explain

A scratch database ``timeline_bench_search_<pid>`` is created, migrated, filled and dropped
(``--keep`` keeps it). Synthetic documents, events and excerpts are written with COPY, shaped
as in benchmarks/api.py (about 7 events a document, 1-2 excerpts an event, dates over
2010-2025; its loader is not reused: it writes the actors' tables, which search does not read,
and misses columns added since), except that a quarter of each sentence's words come from a
Zipf-distributed vocabulary of 50,000 made-up words built from English syllables, so that words
(and their trigrams) range from very common to rare, as in news text. One event in five is
merged into an entry (the default timeline shows entries) and 15% are plans or opinions (not
shown by default). Searched, each for ``--requests`` requests, in rounds of a new random order:

    common   "council": one of the 30 filler words, in about half of the events
    mid      a vocabulary word in about 1% of the events (too many matches to sort for free,
             too few to fill a page soon by walking the timeline in order)
    rare     a vocabulary word in about 0.01% of the events
    none     a word made of frequent syllables (so of frequent trigrams) that is in no event

Every API request adds a parameter with a new value (``unseen=N``), which the API ignores, so
the page cache never answers: each request filters the million events. The web page ``/?q=``
(HTML, numbered pages with the count of the matches) is timed too (``--web-requests`` a word).
Then, with ``--baseline-requests`` a word, the API as it was before this change (one query
shape, the excerpts reached through a join; the indexes present but of no use to it), and the
shapes of events/search.py with the trigram indexes dropped (inside a transaction that is
rolled back, so nothing is rebuilt).

The last line holds name=value pairs: ``search_p50_ms_1m``, the largest p50 of the four words
(the target of issue #14: <= 50 ms), p50/p95 per word and measurement, the number of events
each word matches, and each trigram index's build time and size.
"""

import argparse
import os
import random
import subprocess
import sys
import time
import warnings
from bisect import bisect
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate, count
from pathlib import Path
from unittest.mock import patch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_SERVER = "postgres://postgres@127.0.0.1:5432"
BENCH_DB = f"timeline_bench_search_{os.getpid()}"
FIRST_DAY = date(2010, 1, 1)
DAYS = 16 * 365
# Filler words, as in benchmarks/api.py: each is in about half of the events.
FILLER = (
    "officials said the council approved a plan after talks with federal agencies on the "
    "budget while critics warned that the measure would face legal challenges in court"
).split()
VOCABULARY = 50_000
SYLLABLES = (
    "ar con de dis ex for in lat lo man mar ment mer mi ni or pen port pro ra re rest ro sa "
    "sta ter tion to ven ver al ble ca fe gu ket ly tal ture ing"
).split()
EXPRESSIONS = ("on Saturday", "last week", "March 3", "in 2019", "yesterday", "on 12 May 2021")
# Words searched for (the two others are chosen by choose_words once the rows are loaded).
COMMON = "council"
NONE = "proventermarcationlat"  # frequent syllables, in no word of the vocabulary
# The trigram indexes of migration 0008, dropped for the baseline.
INDEXES = ("event_summary_trgm", "event_expression_trgm", "excerpt_text_trgm")


def made_up_words(rng: random.Random) -> list[str]:
    """The vocabulary: distinct words of 2-4 syllables, in the order of their rank."""
    words: dict[str, None] = {}
    while len(words) < VOCABULARY:
        words["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))] = None
    return list(words)


class Generator:
    """Documents, events and excerpts for COPY, with ids assigned here."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.words = made_up_words(random.Random(seed + 4))
        # Zipf: rank r has weight 1/r.
        self.weights = list(accumulate(1 / rank for rank in range(1, VOCABULARY + 1)))
        self.document_id = self.event_id = self.excerpt_id = 0
        self.entries: list[int] = []  # recent events that represent an entry
        self.now = datetime.now(UTC)

    def sentence(self, words: int) -> str:
        """Filler words, a quarter of them replaced by words of the vocabulary."""
        tokens = self.rng.choices(FILLER, k=words)
        for slot in self.rng.sample(range(words), k=max(words // 4, 1)):
            drawn = bisect(self.weights, self.rng.random() * self.weights[-1])
            tokens[slot] = self.words[min(drawn, VOCABULARY - 1)]
        return " ".join(tokens)

    def fill(self, until_events: int) -> tuple[list, list, list]:
        """Documents and their events until there are ``until_events`` events in all."""
        rng = self.rng
        documents, events, excerpts = [], [], []
        while self.event_id < until_events:
            self.document_id += 1
            doc = self.document_id
            published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            body = f"Report {doc}. " + self.sentence(60)
            documents.append(
                (doc, f"Report {doc}", "", published, body, f"{doc:064x}", self.now, "en")
            )
            for position in range(0, 300 * rng.randint(4, 10), 300):
                if self.event_id >= until_events:
                    break
                self.event_id += 1
                event = self.event_id
                earliest = published - timedelta(days=rng.choice((0, 0, 0, 1, 2, 3, 7)))
                latest = earliest + timedelta(days=rng.choice((0, 0, 0, 0, 1, 2)))
                merged_into = None
                if self.entries and rng.random() < 0.2:
                    merged_into = rng.choice(self.entries)
                else:
                    self.entries = [*self.entries[-199:], event]
                modality = rng.choices(("fact", "statement", "plan", "opinion"), (60, 25, 10, 5))
                summary = self.sentence(12)
                events.append(
                    (
                        event,
                        summary,
                        earliest,
                        latest,
                        "day" if earliest == latest else "range",
                        rng.choice(EXPRESSIONS),
                        "relative",
                        "",
                        "machine",
                        doc,
                        position,
                        False,
                        self.now,
                        self.now,
                        False,
                        False,
                        False,
                        modality[0],
                        merged_into,
                    )
                )
                for extra in range(1 + (rng.random() < 0.3)):
                    self.excerpt_id += 1
                    start = position + extra * 150
                    text = summary + " " + self.sentence(10)
                    excerpts.append((self.excerpt_id, doc, event, start, start + 140, text))
        return documents, events, excerpts


COLUMNS = {
    "events_document": "id, title, url, published_on, body, content_hash, imported_at, language",
    "events_event": (
        "id, summary, earliest, latest, precision, expression, resolution, rule, status, "
        "document_id, position, source_removed, created_at, updated_at, after_publication, "
        "date_conflict, grouping_confirmed, modality, merged_into_id"
    ),
    "events_sourceexcerpt": 'id, document_id, event_id, start, "end", text',
}


def load(generator: Generator, events: int) -> float:
    """COPY the rows in slices of 100,000 events, then VACUUM ANALYZE, as after an import.
    The trigram indexes exist already: the time includes maintaining them."""
    from django.db import connection, transaction

    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        # No per-row triggers (the timeline's change counter), as pg_restore does.
        cursor.execute("SET LOCAL session_replication_role = replica")
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        while generator.event_id < events:
            rows = generator.fill(min(events, generator.event_id + 100_000))
            for table, table_rows in zip(COLUMNS, rows, strict=True):
                with raw.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
                    for row in table_rows:
                        copy.write_row(row)
    with connection.cursor() as cursor:
        for table in COLUMNS:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
            cursor.execute(f"VACUUM ANALYZE {table}")
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * fraction), len(ordered) - 1)]


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", f"{PG_SERVER}/postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
    )


def setup_django() -> None:
    os.environ["DATABASE_URL"] = f"{PG_SERVER}/{BENCH_DB}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    # DEBUG off (no query log), no throttling of the benchmark's own requests.
    os.environ["DEBUG"] = "0"
    os.environ["SECRET_KEY"] = "benchmark-only"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["API_ANON_THROTTLE_RATE"] = "100000000/minute"
    # The web page's stylesheet by its plain name: no collectstatic needed.
    os.environ["STATIC_MANIFEST"] = "0"
    import django

    # whitenoise warns that STATIC_ROOT has not been collected: no static file is served here.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()


def matches(word: str) -> int:
    """How many events hold the word (summary, expression or an excerpt), as ?q= finds them."""
    from events.search import collected

    return collected(word).count()


def choose_words(generator: Generator, events: int) -> dict[str, str]:
    """The searched words: the vocabulary words whose share of the events is nearest to 1% and
    to 0.01% (counted in the database: a word also matches inside longer words)."""
    chosen = {"common": COMMON}
    # Rank r is drawn with probability about 1/(r * H) per drawn token, about 5 tokens an event.
    harmonic = generator.weights[-1]
    for name, share in (("mid", 0.01), ("rare", 0.0001)):
        rank = max(int(5 / (share * harmonic)), 1)
        candidates = generator.words[rank - 1 : rank + 19]
        found = {word: matches(word) for word in candidates}
        chosen[name] = min(found, key=lambda word: abs(found[word] - share * events))
    chosen["none"] = NONE
    return chosen


def measure(
    words: dict[str, str], requests: int, unseen: count, url: str = "/api/timeline/"
) -> dict[str, list[float]]:
    """Milliseconds per request for each word, never from the page cache."""
    from django.test import Client

    client = Client(HTTP_ACCEPT="text/html" if url == "/" else "application/json")
    samples: dict[str, list[float]] = {name: [] for name in words}
    order = list(words.items())
    rng = random.Random(requests)
    for round_ in range(requests + 1):
        rng.shuffle(order)
        for name, word in order:
            started = time.perf_counter()
            response = client.get(url, {"q": word, "unseen": next(unseen)})
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (word, response.status_code)
            if round_:  # the first round warms up (connections, buffers)
                samples[name].append(elapsed)
    return samples


def search_before(filterset, queryset, name: str, value: str):
    """TimelineFilter.search as it was before the trigram indexes (the baseline): one query
    shape, the excerpts' text reached through a join."""
    from django.db.models import Q

    from events.models import Event

    value = value.strip()
    if not value:
        return queryset
    matching = Event.objects.filter(
        Q(summary__icontains=value)
        | Q(expression__icontains=value)
        | Q(excerpts__text__icontains=value)
    )
    return filterset.having_events(queryset, matching)


def explain(words: dict[str, str]) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the page query of each search."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT="application/json")
    for name, word in words.items():
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/timeline/", {"q": word, "explain": 1})
        page = next(q["sql"] for q in queries if 'FROM "events_event"' in q["sql"])
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {page}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"\n### {name}: q={word} ({len(queries)} queries)\n\n{page}\n\n{plan}\n", flush=True)


def summarize(samples: dict[str, list[float]], suffix: str, results: dict[str, float]) -> str:
    line = []
    for name, values in samples.items():
        p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
        results[f"{name}{suffix}_p50_ms"] = p50
        results[f"{name}{suffix}_p95_ms"] = p95
        line.append(f"{name} p50 {p50:.1f} p95 {p95:.1f}")
    return "; ".join(line) + " (ms)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=50, help="requests per word, indexed")
    parser.add_argument(
        "--baseline-requests",
        type=int,
        default=3,
        help="requests per word before this change and without the indexes (0: neither)",
    )
    parser.add_argument(
        "--web-requests", type=int, default=5, help="requests per word of the web page /?q="
    )
    parser.add_argument("--explain", action="store_true", help="print the query plans")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()

    psql(f"CREATE DATABASE {BENCH_DB}")
    started = time.monotonic()
    results: dict[str, float] = {}
    try:
        setup_django()
        from django.core.management import call_command
        from django.db import connection, transaction

        from events.filters import TimelineFilter

        call_command("migrate", verbosity=0)
        # Loaded without the trigram indexes, which are then built as an index build on an
        # existing table would be (migration 0008 run on a database already filled).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
                [list(INDEXES)],
            )
            definitions = cursor.fetchall()
            assert len(definitions) == len(INDEXES), definitions
            for name, _ in definitions:
                cursor.execute(f"DROP INDEX {name}")
        generator = Generator()
        seconds = load(generator, args.events)
        print(f"{BENCH_DB}: {args.events} events loaded in {seconds:.0f} s", flush=True)
        with connection.cursor() as cursor:
            for name, definition in definitions:
                built = time.perf_counter()
                cursor.execute(definition)
                seconds = time.perf_counter() - built
                cursor.execute("SELECT pg_relation_size(%s)", [name])
                megabytes = cursor.fetchone()[0] / 2**20
                results[f"{name}_build_s"], results[f"{name}_mb"] = seconds, megabytes
                print(f"{name}: built in {seconds:.0f} s, {megabytes:.0f} MB", flush=True)
            cursor.execute("ANALYZE")  # statistics of the indexed expressions too
        words = choose_words(generator, args.events)
        from events.search import walks

        for name, word in words.items():
            results[f"{name}_matches"] = matches(word)
            shape = "walked" if walks(word) else "collected"
            print(f"{name}: q={word} matches {results[f'{name}_matches']:.0f} events, {shape}")
        unseen = count()
        indexed = measure(words, args.requests, unseen)
        print("trigram indexes: " + summarize(indexed, "", results), flush=True)
        if args.explain:
            explain(words)
        results["search_p50_ms_1m"] = max(results[f"{name}_p50_ms"] for name in words)
        if args.web_requests:
            # The web page counts every match (numbered pages): the search always collects.
            web = measure(words, args.web_requests, unseen, url="/")
            print("web page /?q=: " + summarize(web, "_web", results), flush=True)
        if args.baseline_requests:
            # Before migration 0008 and events/search.py: one shape, a join to the excerpts.
            with patch.object(TimelineFilter, "search", search_before):
                before = measure(words, args.baseline_requests, unseen)
                print("before (join, no index): " + summarize(before, "_before", results))
                if args.web_requests:
                    web = measure(words, args.baseline_requests, unseen, url="/")
                    print("web page before: " + summarize(web, "_web_before", results))
            # The shapes of events/search.py without the indexes.
            with transaction.atomic():
                with connection.cursor() as cursor:
                    for index in INDEXES:
                        cursor.execute(f"DROP INDEX {index}")
                baseline = measure(words, args.baseline_requests, unseen)
                if args.explain:
                    explain(words)
                transaction.set_rollback(True)  # the indexes are back, as they were
            print("no index: " + summarize(baseline, "_noindex", results), flush=True)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            psql(f"DROP DATABASE IF EXISTS {BENCH_DB}")
    print(f"events={args.events} elapsed_s={time.monotonic() - started:.0f}")
    print(" ".join(f"{key}={value:.1f}" for key, value in results.items()))


if __name__ == "__main__":
    main()
