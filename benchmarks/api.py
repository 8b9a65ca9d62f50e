"""Timeline API latency at 10k, 100k and 1M events (PostgreSQL) against a bare JsonResponse.

    python benchmarks/api.py --events 10000,100000,1000000
    python benchmarks/api.py --events 10000 --requests 50 --explain

A scratch database ``timeline_bench_api_<pid>`` is created, migrated, filled and dropped at the
end (``--keep`` keeps it and prints its name): two runs at once each have their own. Static
files are served as they are (``STATIC_MANIFEST=0``), so no ``collectstatic`` is needed. Synthetic
documents, actors, events, excerpts and event-actor links are written with COPY (no ORM, no
analysis), growing the same database from one size to the next: about 7 events a document,
publication dates spread over 2010-2025, 1-3 actors an event from 2,000 with a skewed
popularity (the most frequent one is on about one event in ten), 1-2 excerpts an event, some
ranges and months, 0.5% reviewed events whose document was deleted (document NULL), and about
13% of the events merged into the previous document's first event (a second source of the same
entry, as events/merging.py leaves them).
After each load the tables are VACUUM ANALYZEd, as autovacuum would after a real import.

Requests go through the Django test client (the whole middleware stack, DRF, the JSON renderer),
in rounds that visit every endpoint, in a new random order each round, so a change in the
machine's load hits them all and no endpoint always follows the same one:

    first      /api/timeline/
    deep       /api/timeline/?cursor=...   the page 90% of the way through the timeline
    actor      /api/timeline/?actor=A      A: an actor on about 2% of the events
    range      /api/timeline/?from=D&to=D+30   a month in the middle of the timeline
    bare       a bare JsonResponse view returning the same number of items, of the same shape,
               built in this process (the baseline: Django and JSON without the database,
               the queries and the serializers)
    web_first  the timeline web page (HTML), its first page
    web_deep   the web page 90% of the way through the timeline (the deep page's cursor); the
               two web pages are timed in rounds of their own (a fifth as many), after the API's
    values     not a target, a reference: the first page built as the API builds it
               (selectors.with_items and timeline_items) in a bare Django view: the API
               without DRF and the pagination links

No page is cached: every request builds its page from the database.

p50 and p95 in milliseconds per endpoint and size; the last line holds name=value pairs:

    deep_page_latency_ratio_1m_vs_10k   p50(deep) at the largest size over the smallest
    web_deep_page_latency_ratio_1m_vs_10k  the same for web_deep
    timeline_vs_bare_json               p50(first) over p50(bare), at the largest size
    ... and p50/p95 per endpoint and size.

Targets: deep_page_latency_ratio_1m_vs_10k <= 1.5 (issue #7); timeline_vs_bare_json <= 3 for a
page built from the database (issue #14).
``--explain`` prints EXPLAIN (ANALYZE, BUFFERS) of each page's main query at the largest size.
"""

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import warnings
from bisect import bisect
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
# One per run (the process id): two runs at once must not fill or drop each other's database.
BENCH_DB = f"timeline_bench_api_{os.getpid()}"
ACTORS = 2000
FIRST_DAY = date(2010, 1, 1)
DAYS = 16 * 365
PAGE_ENDPOINTS = ("first", "deep", "actor", "range")
PAGE_SIZE = 50  # API_PAGE_SIZE's default; the bare view returns as many items as a page
WORDS = (
    "officials said the council approved a plan after talks with federal agencies on the "
    "budget while critics warned that the measure would face legal challenges in court"
).split()


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", PG_ADMIN_URL, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
    )


def setup_django() -> None:
    os.environ["DATABASE_URL"] = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{BENCH_DB}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    # DEBUG off (no query log), no throttling of the benchmark's own requests.
    os.environ["DEBUG"] = "0"
    os.environ["SECRET_KEY"] = "benchmark-only"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["API_ANON_THROTTLE_RATE"] = "100000000/minute"
    os.environ["API_PAGE_SIZE"] = str(PAGE_SIZE)
    # The web pages name their stylesheet with {% static %}: without this, DEBUG off means the
    # manifest storage, which fails until `collectstatic` has run (and serving static files is
    # not what is measured).
    os.environ["STATIC_MANIFEST"] = "0"
    import django

    # whitenoise warns that STATIC_ROOT has not been collected: no static file is served here.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()


# -- synthetic data ------------------------------------------------------------------------------


class Generator:
    """Rows for COPY, with ids assigned here so the foreign keys line up."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.document_id = 0
        self.event_id = 0
        self.excerpt_id = 0
        self.link_id = 0
        self.entry_id: int | None = None  # the current document's first event
        self.now = datetime.now(UTC)
        # Zipf-like popularity: actor 1 is on about one event in ten.
        self.actor_weights = list(accumulate(1 / rank for rank in range(1, ACTORS + 1)))

    def actors(self) -> list[tuple]:
        kinds = ("person", "organization", "place")
        return [
            (n, f"Actor {n:04d}", f"actor {n:04d}", kinds[n % 3], "", False, self.now)
            for n in range(1, ACTORS + 1)
        ]

    def _sentence(self, words: int) -> str:
        return " ".join(self.rng.choices(WORDS, k=words))

    def fill(self, until_events: int) -> tuple[list, list, list, list]:
        """Documents and their events until there are ``until_events`` events in all."""
        rng = self.rng
        documents, events, excerpts, links = [], [], [], []
        while self.event_id < until_events:
            self.document_id += 1
            doc = self.document_id
            published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            body = f"Report {doc}. " + self._sentence(60)
            documents.append(
                (doc, f"Report {doc}", "", published, body, f"{doc:064x}", self.now, "en")
            )
            previous_entry, self.entry_id = self.entry_id, None
            for position in range(0, 300 * rng.randint(4, 10), 300):
                if self.event_id >= until_events:
                    break
                self.event_id += 1
                event = self.event_id
                earliest = published - timedelta(days=rng.choice((0, 0, 0, 1, 2, 3, 7)))
                latest, precision = earliest, "day"
                roll = rng.random()
                if roll < 0.10:
                    latest, precision = earliest + timedelta(days=rng.randint(1, 2)), "range"
                elif roll < 0.13:
                    earliest = earliest.replace(day=1)
                    latest = (earliest + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                    precision = "month"
                orphan = rng.random() < 0.005  # reviewed, then its document was deleted
                summary = self._sentence(12)
                if position == 0:
                    self.entry_id = event
                # 15% of the others are a second source of the previous document's first
                # event (their entry), as merging (events/merging.py) leaves them.
                merged_into = (
                    previous_entry
                    if position and previous_entry and not orphan and rng.random() < 0.15
                    else None
                )
                events.append(
                    (
                        event,
                        summary,
                        earliest,
                        latest,
                        precision,
                        "on Saturday",
                        "relative",
                        "weekday before the document date",
                        "reviewed" if orphan else "machine",
                        None if orphan else doc,
                        position,
                        orphan,
                        self.now,
                        self.now,
                        False,
                        False,
                        False,
                        merged_into,
                        "fact",
                    )
                )
                for extra in range(1 + (rng.random() < 0.3)):
                    self.excerpt_id += 1
                    start = position + extra * 150
                    excerpts.append(
                        (
                            self.excerpt_id,
                            doc,
                            event,
                            start,
                            start + 140,
                            summary + " " + self._sentence(10),
                            start + 10,
                            start + 21,
                        )
                    )
                chosen = {
                    bisect(self.actor_weights, rng.random() * self.actor_weights[-1]) + 1
                    for _ in range(rng.randint(1, 3))
                }
                for actor in chosen:
                    self.link_id += 1
                    links.append((self.link_id, event, min(actor, ACTORS)))
        return documents, events, excerpts, links


COLUMNS = {
    "events_actor": "id, name, key, kind, title, reviewed, created_at",
    "events_document": ("id, title, url, published_on, body, content_hash, imported_at, language"),
    "events_event": (
        "id, summary, earliest, latest, precision, expression, resolution, rule, status, "
        "document_id, position, source_removed, created_at, updated_at, after_publication, "
        "date_conflict, grouping_confirmed, merged_into_id, modality"
    ),
    "events_sourceexcerpt": (
        'id, document_id, event_id, start, "end", text, expression_start, expression_end'
    ),
    "events_event_actors": "id, event_id, actor_id",
}


def copy_rows(table: str, rows: list[tuple]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def load(generator: Generator, until_events: int) -> float:
    from django.db import connection, transaction

    started = time.perf_counter()
    with transaction.atomic():
        # As a bulk loader does (pg_restore --disable-triggers): the foreign keys' deferred
        # checks would queue one trigger call per copied row.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
        if generator.event_id == 0:
            copy_rows("events_actor", generator.actors())
        # In slices, so memory stays bounded at a million events.
        while generator.event_id < until_events:
            step = min(until_events, generator.event_id + 100_000)
            documents, events, excerpts, links = generator.fill(step)
            copy_rows("events_document", documents)
            copy_rows("events_event", events)
            copy_rows("events_sourceexcerpt", excerpts)
            copy_rows("events_event_actors", links)
    with connection.cursor() as cursor:
        for table in COLUMNS:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {table}))"
            )
    connection.set_autocommit(True)
    with connection.cursor() as cursor:
        for table in COLUMNS:
            cursor.execute(f"VACUUM ANALYZE {table}")
    return time.perf_counter() - started


# -- requests ------------------------------------------------------------------------------------


def install_bare_view(template: list[dict]) -> None:
    """A URLconf with the project's URLs plus /bench/bare/: a JsonResponse of items shaped like
    the timeline's, rebuilt on every request."""
    from django.conf import settings
    from django.http import JsonResponse
    from django.urls import clear_url_caches, include, path

    def bare(request):
        results = [
            {
                **item,
                "actors": [dict(actor) for actor in item["actors"]],
                "excerpts": [dict(excerpt) for excerpt in item["excerpts"]],
            }
            for item in template
        ]
        return JsonResponse({"next": None, "previous": None, "results": results})

    module = ModuleType("bench_urls")
    module.urlpatterns = [
        path("bench/bare/", bare),
        path("bench/values/", values_page),
        path("", include(settings.ROOT_URLCONF)),
    ]
    sys.modules["bench_urls"] = module
    settings.ROOT_URLCONF = "bench_urls"
    clear_url_caches()


def values_page(request):
    """A second reference, not the baseline: the first page built as the API builds it
    (``selectors.with_items``: one query for the page with its sources, actors and excerpts;
    ``timeline_items``), in a bare Django view, without DRF and the pagination links."""
    from django.http import JsonResponse

    from events import selectors

    entries = selectors.timeline_rows().filter(merged_into__isnull=True)
    rows = list(selectors.with_items(entries)[:PAGE_SIZE])
    items = selectors.timeline_items(rows)
    return JsonResponse({"next": None, "previous": None, "results": items})


def endpoints(events: int) -> dict[str, str]:
    """The URL of each measured page at this size."""
    from django.db.models import Count

    from events.models import Actor, Event
    from events.pagination import Cursor, encode_cursor, event_key, timeline_ordering

    deep = Event.objects.order_by(*timeline_ordering()).only(
        "earliest", "latest", "document_id", "position"
    )[int(events * 0.9)]
    ranked = Actor.objects.annotate(n=Count("events")).order_by("-n").values_list("pk", "n")
    actor = min(ranked[:50], key=lambda row: abs(row[1] - events * 0.02))[0]
    middle = FIRST_DAY + timedelta(days=DAYS // 2)
    return {
        "first": "/api/timeline/",
        "deep": f"/api/timeline/?cursor={encode_cursor(Cursor(key=event_key(deep)))}",
        "actor": f"/api/timeline/?actor={actor}",
        "range": f"/api/timeline/?from={middle}&to={middle + timedelta(days=30)}",
        "bare": "/bench/bare/",
        "values": "/bench/values/",
    }


def web_endpoints(api_urls: dict[str, str]) -> dict[str, str]:
    """The web page (HTML, keyset pages as the API's): its first page and the page 90% of the
    way, reached with the same cursor as the API's deep page. Timed in rounds of their own
    after the API's: a page of HTML takes ten times an API page, and its garbage collections,
    run within the API's rounds, slowed the requests after it."""
    return {"web_first": "/", "web_deep": "/" + api_urls["deep"].removeprefix("/api/timeline/")}


def measure(urls: dict[str, str], requests: int) -> dict[str, list[float]]:
    """Milliseconds per request for each URL."""
    from django.test import Client

    client = Client(HTTP_ACCEPT="application/json")
    # Warm up (connections, caches, imports, the database's buffers for this size): the first
    # size measured was otherwise systematically slower than the next ones.
    for _ in range(max(requests // 5, 3)):
        for url in urls.values():
            assert client.get(url).status_code == 200, url
    samples: dict[str, list[float]] = {name: [] for name in urls}
    # Each round visits the endpoints in a new order: a request runs slower after a heavy one
    # (a garbage collection, cold CPU caches), and a fixed order would always charge that to the
    # same endpoint (the first page came right after the slowest page).
    rng = random.Random(requests)
    order = list(urls.items())
    for _ in range(requests):
        rng.shuffle(order)
        for name, url in order:
            started = time.perf_counter()
            response = client.get(url)
            samples[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return samples


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * fraction), len(ordered) - 1)]


def explain(urls: dict[str, str]) -> None:
    """EXPLAIN ANALYZE of the page query (the first of the page's queries) for each URL."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT="application/json")
    for name in PAGE_ENDPOINTS:
        url = urls[name]
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        page = next(q["sql"] for q in queries if 'FROM "events_event"' in q["sql"])
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {page}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"\n### {name}: {urls[name]}\n\n{page}\n\n{plan}\n", flush=True)
        print(f"({len(queries)} queries for the page)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", default="10000,100000,1000000", help="sizes, ascending")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--explain", action="store_true", help="print query plans")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.events.split(","))

    psql(f"CREATE DATABASE {BENCH_DB}")
    # A run stopped with SIGTERM (kill) drops its database too (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    results: dict[str, float] = {}
    try:
        setup_django()
        from django.core.management import call_command
        from django.test import Client

        call_command("migrate", verbosity=0)
        generator = Generator()
        for events in sizes:
            seconds = load(generator, events)
            print(f"N={events}: loaded in {seconds:.0f} s", flush=True)
            if "bench_urls" not in sys.modules:
                first = Client(HTTP_ACCEPT="application/json").get("/api/timeline/").json()
                install_bare_view(first["results"])
            urls = endpoints(events)
            samples = measure(urls, args.requests)
            samples |= measure(web_endpoints(urls), max(args.requests // 5, 3))
            line = []
            for name, values in samples.items():
                p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
                results[f"{name}_p50_ms_{events}"] = p50
                results[f"{name}_p95_ms_{events}"] = p95
                line.append(f"{name} p50 {p50:.1f} p95 {p95:.1f}")
            bare = statistics.median(samples["bare"])
            ratio = statistics.median(samples["first"]) / bare
            results[f"timeline_vs_bare_json_{events}"] = ratio
            results[f"values_vs_bare_json_{events}"] = statistics.median(
                samples["values"]
            ) / statistics.median(samples["bare"])
            print(f"N={events}: " + "; ".join(line) + f" (ms); first/bare {ratio:.2f}", flush=True)
        large, small = sizes[-1], sizes[0]
        if args.explain:
            explain(urls)
        results["deep_page_latency_ratio_1m_vs_10k"] = (
            results[f"deep_p50_ms_{large}"] / results[f"deep_p50_ms_{small}"]
        )
        results["web_deep_page_latency_ratio_1m_vs_10k"] = (
            results[f"web_deep_p50_ms_{large}"] / results[f"web_deep_p50_ms_{small}"]
        )
        results["timeline_vs_bare_json"] = results[f"timeline_vs_bare_json_{large}"]
    finally:
        from django.db import connections

        connections.close_all()
        if args.keep:
            print(f"kept the database {BENCH_DB}")
        else:
            psql(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    print(f"sizes={','.join(map(str, sizes))} elapsed_s={time.monotonic() - started:.0f}")
    print(" ".join(f"{key}={value:.3f}" for key, value in results.items()))


if __name__ == "__main__":
    main()
