"""Load test: gunicorn + PostgreSQL with 10,000 imported events, readers and importers at once.

    .venv/bin/python benchmarks/load.py                      # 60 s, 8 readers, 2 importers
    .venv/bin/python benchmarks/load.py --seconds 10 --events 2000   # a quick look

A scratch database ``timeline_bench_load`` is created, migrated and filled by the real importer
(``events.batching.documents_import``: analysis, actors, excerpts) with generated news-like
documents (12 dated sentences each, people with titles and organizations, explicit, relative and
month dates) until it holds ``--events`` events. gunicorn serves the app on 127.0.0.1 (DEBUG off,
``--workers`` sync workers, the anonymous throttle raised out of the way: this measures the
service, not the throttle). Then, for ``--seconds``:

- reader threads (anonymous) GET ``/api/timeline/`` with a mix of filters (none, actor, two
  actors, document, from/to ranges, precision, text search, status and combinations) and
  follow the ``next`` cursor for 0-3 more pages;
- importer threads (token authentication) POST new generated documents to
  ``/api/documents/``, and every fifth time re-post one they already sent (it must answer 200
  with the same id: the import is idempotent under load).

Afterwards every accepted document (201 or 200) is looked up in the database by id and content
hash; one that is missing is a lost import. gunicorn is stopped and the database dropped
(``--keep`` keeps it). Each request has a 30 s timeout, and the run stops at ``--seconds``
whatever happens, so the script is bounded in time and requests.

Printed: requests per second, latency percentiles (ms) for timeline reads and for imports,
status counts, and a last line of name=value pairs:

    timeline_rps timeline_p50_ms timeline_p95_ms timeline_p99_ms import_rps import_p50_ms
    import_p95_ms server_errors lost_imports accepted_imports events ...

Exit status 1 if there was any 5xx or lost import.
"""

import argparse
import hashlib
import http.client
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DB = "timeline_bench_load"
HOST = "127.0.0.1"

FIRST = "Maria James Aisha Wei Olga Carlos Priya Tom Fatima Lukas Sara Ken Ines Omar".split()
LAST = "Alvarez Brennan Okafor Chen Petrova Silva Raman Walsh Haddad Vogel Lind Ito Moreau".split()
TITLES = ["Mayor", "Senator", "Governor", "Minister", "Director", "Chief"]
ORGS = [
    "Department of Transportation",
    "City Council",
    "Port Authority",
    "Water Board",
    "State Police",
    "Health Department",
    "Election Commission",
    "Housing Agency",
]
VERBS = [
    "announced a plan",
    "signed an agreement",
    "rejected the proposal",
    "met union leaders",
    "opened an inquiry",
    "approved the budget",
    "visited the site",
    "released a report",
]
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
SEARCH_WORDS = ["budget", "inquiry", "report", "union", "agreement", "Police"]
PRECISIONS = ["day", "month", "range"]


def generated_document(rng: random.Random, tag: str) -> tuple[date, str]:
    """A publication date and a news-like text of 12 dated sentences (about 12 events)."""
    published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    sentences = []
    for number in range(12):
        if rng.random() < 0.6:
            who = f"{rng.choice(TITLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
        else:
            who = f"The {rng.choice(ORGS)}"
        day = published - timedelta(days=rng.randrange(1, 400))
        month = MONTHS[day.month - 1]
        when = rng.choice(
            [
                f"on {month} {day.day}, {day.year}",
                f"on {rng.choice(WEEKDAYS)}",
                f"in {month} {day.year}",
                f"on {month} {day.day}",
            ]
        )
        sentences.append(f"{who} {rng.choice(VERBS)} {when}, according to {tag}-{number}.")
    return published, "\n\n".join(sentences)


# -- database and server -------------------------------------------------------------------------


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", PG_ADMIN_URL, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
    )


def server_env(page_size: int) -> dict[str, str]:
    return {
        "DATABASE_URL": PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{BENCH_DB}",
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{HOST},localhost,testserver",
        "API_ANON_THROTTLE_RATE": "100000000/minute",
        "API_PAGE_SIZE": str(page_size),
        "STATIC_MANIFEST": "0",
        "LOG_LEVEL": "ERROR",
        "PYTHONWARNINGS": "ignore::UserWarning",  # whitenoise: no collected static files
    }


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    import django

    django.setup()


def fill(events: int, rng: random.Random) -> tuple[int, int, float]:
    """Import generated documents until the database holds ``events`` events."""
    from events.batching import documents_import
    from events.inputs import validate
    from events.models import Event

    started = time.monotonic()
    documents = 0
    while (have := Event.objects.count()) < events:
        batch = max(10, (events - have) // 12 + 5)
        items = []
        for _ in range(batch):
            published, body = generated_document(rng, f"archive {documents}")
            documents += 1
            items.append(validate(published_on=published, body=body, max_bytes=10**7))
        for _, result in documents_import(items=items):
            if isinstance(result, Exception):
                raise SystemExit(f"generated document refused: {result}")
    return documents, Event.objects.count(), time.monotonic() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "timeline.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        start_new_session=True,  # its own process group: stopped as a whole afterwards
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            status, _, _ = request(port, "GET", "/api/", timeout=2)
            if status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None:
            raise SystemExit("gunicorn exited at start")
        time.sleep(0.3)
    stop(process)
    raise SystemExit("gunicorn did not answer within 30 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# -- load --------------------------------------------------------------------------------------


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, bytes, float]:
    """One HTTP request on a new connection (gunicorn's sync workers close each one):
    status, body and seconds taken."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, data, time.perf_counter() - started
    finally:
        connection.close()


@dataclass
class Stats:
    timeline: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)  # timeline reads by query
    imports: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)  # connection errors, timeouts
    server_errors: list[str] = field(default_factory=list)
    accepted: dict[int, str] = field(default_factory=dict)  # document id -> content hash
    idempotency_failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def timeline_query(rng: random.Random, actors: list[int], documents: list[int]) -> tuple[str, str]:
    """A kind of query and its first page: no filter, or one or two filters of every kind."""
    day = date(2014, 1, 1) + timedelta(days=rng.randrange(4000))
    later = (day + timedelta(days=rng.choice((7, 30, 365)))).isoformat()
    word = rng.choice(SEARCH_WORDS)
    kinds = {
        "none": {},
        "actor": {"actor": rng.choice(actors)},
        "two_actors": {"actor": [rng.choice(actors), rng.choice(actors)]},
        "document": {"document": rng.choice(documents)},
        "range": {"from": day.isoformat(), "to": later},
        "from": {"from": day.isoformat()},
        "precision": {"precision": rng.choice(PRECISIONS)},
        "q": {"q": word},
        "actor_from": {"actor": rng.choice(actors), "from": day.isoformat()},
        "precision_to_q": {"precision": "day", "to": day.isoformat(), "q": word},
        "status_document": {"status": "machine", "document": rng.choice(documents)},
    }
    kind = rng.choice(sorted(kinds))
    params = kinds[kind]
    return kind, "/api/timeline/" + (f"?{urlencode(params, doseq=True)}" if params else "")


def reader(port: int, stop_at: float, seed: int, ids: tuple, stats: Stats) -> None:
    rng = random.Random(seed)
    actors, documents = ids
    while time.monotonic() < stop_at:
        kind, path = timeline_query(rng, actors, documents)
        for _ in range(1 + rng.randrange(4)):  # the first page and 0-3 more
            if path is None or time.monotonic() >= stop_at:
                break
            try:
                status, body, seconds = request(port, "GET", path)
            except OSError as error:
                with stats.lock:
                    stats.errors[type(error).__name__] += 1
                break
            with stats.lock:
                stats.statuses[status] += 1
                stats.timeline.append(seconds)
                stats.by_kind.setdefault(kind, []).append(seconds)
                if status >= 500:
                    stats.server_errors.append(f"GET {path} -> {status}")
            if status != 200:
                break
            following = json.loads(body).get("next")
            path = None
            if following:
                parts = urlsplit(following)
                path = parts.path + (f"?{parts.query}" if parts.query else "")


def importer(port: int, stop_at: float, seed: int, token: str, stats: Stats) -> None:
    rng = random.Random(seed)
    headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
    sent: list[tuple[bytes, int]] = []
    number = 0
    while time.monotonic() < stop_at:
        repost = sent and number % 5 == 4
        if repost:
            body, expected_id = rng.choice(sent)
        else:
            published, text = generated_document(rng, f"live {seed}-{number}")
            payload = {"date": published.isoformat(), "text": text, "title": f"Live {number}"}
            body, expected_id = json.dumps(payload).encode(), None
        number += 1
        try:
            status, data, seconds = request(port, "POST", "/api/documents/", body, headers)
        except OSError as error:
            with stats.lock:
                stats.errors[type(error).__name__] += 1
            continue
        with stats.lock:
            stats.statuses[status] += 1
            stats.imports.append(seconds)
            if status >= 500:
                stats.server_errors.append(f"POST /api/documents/ -> {status}")
            if status in (200, 201):
                document = json.loads(data)
                stats.accepted[document["id"]] = document["content_hash"]
                if expected_id is not None and (status != 200 or document["id"] != expected_id):
                    stats.idempotency_failures.append(f"{expected_id} -> {status} {document['id']}")
                if expected_id is None:
                    sent.append((body, document["id"]))
                    text = json.loads(body)["text"]
                    if document["content_hash"] != hashlib.sha256(text.encode()).hexdigest():
                        stats.idempotency_failures.append(f"hash mismatch for {document['id']}")


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--importers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--page-size", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()

    rng = random.Random(20250830)
    env = server_env(args.page_size)
    psql(f"DROP DATABASE IF EXISTS {BENCH_DB}")
    psql(f"CREATE DATABASE {BENCH_DB}")
    process = None
    try:
        setup_django(env)
        from django.contrib.auth.models import Permission, User
        from django.core.management import call_command
        from django.db import connection
        from rest_framework.authtoken.models import Token

        from events.models import Actor, Document, Event

        call_command("migrate", verbosity=0)
        documents, events, fill_seconds = fill(args.events, rng)
        print(f"filled: {documents} documents, {events} events in {fill_seconds:.0f} s")
        user = User.objects.create_user("load-importer")
        user.user_permissions.add(Permission.objects.get(codename="add_document"))
        token = Token.objects.create(user=user).key
        ids = (
            list(Actor.objects.values_list("pk", flat=True)),
            list(Document.objects.values_list("pk", flat=True)),
        )
        connection.close()

        port = free_port()
        process = start_gunicorn(env, port, args.workers)
        stats = Stats()
        started = time.monotonic()
        stop_at = started + args.seconds
        threads = [
            threading.Thread(target=reader, args=(port, stop_at, n, ids, stats))
            for n in range(args.readers)
        ] + [
            threading.Thread(target=importer, args=(port, stop_at, 1000 + n, token, stats))
            for n in range(args.importers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 60)
        elapsed = time.monotonic() - started
        stop(process)
        process = None

        found = dict(
            Document.objects.filter(pk__in=list(stats.accepted)).values_list("pk", "content_hash")
        )
        lost = [pk for pk, digest in stats.accepted.items() if found.get(pk) != digest]
        final_events = Event.objects.count()
    finally:
        if process is not None:
            stop(process)
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if not args.keep:
            psql(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")

    server_errors = sum(n for status, n in stats.statuses.items() if status >= 500)
    results = {
        "seconds": round(elapsed, 1),
        "readers": args.readers,
        "importers": args.importers,
        "gunicorn_workers": args.workers,
        "events_before": events,
        "events_after": final_events,
        "timeline_requests": len(stats.timeline),
        "timeline_rps": round(len(stats.timeline) / elapsed, 1),
        "timeline_p50_ms": round(percentile(stats.timeline, 0.50), 1),
        "timeline_p90_ms": round(percentile(stats.timeline, 0.90), 1),
        "timeline_p95_ms": round(percentile(stats.timeline, 0.95), 1),
        "timeline_p99_ms": round(percentile(stats.timeline, 0.99), 1),
        "timeline_max_ms": round(max(stats.timeline, default=0) * 1000, 1),
        "import_requests": len(stats.imports),
        "import_rps": round(len(stats.imports) / elapsed, 2),
        "import_p50_ms": round(percentile(stats.imports, 0.50), 1),
        "import_p95_ms": round(percentile(stats.imports, 0.95), 1),
        "import_max_ms": round(max(stats.imports, default=0) * 1000, 1),
        "accepted_imports": len(stats.accepted),
        "server_errors": server_errors,
        "connection_errors": sum(stats.errors.values()),
        "lost_imports": len(lost),
        "idempotency_failures": len(stats.idempotency_failures),
    }
    print(f"statuses: {dict(sorted(stats.statuses.items()))}  errors: {dict(stats.errors)}")
    mean = statistics.fmean(stats.timeline) * 1000 if stats.timeline else float("nan")
    print(
        f"timeline: {results['timeline_requests']} requests, {results['timeline_rps']} req/s, "
        f"mean {mean:.1f} ms, p50 {results['timeline_p50_ms']} ms, "
        f"p90 {results['timeline_p90_ms']} ms, p95 {results['timeline_p95_ms']} ms, "
        f"p99 {results['timeline_p99_ms']} ms, max {results['timeline_max_ms']} ms"
    )
    print(
        f"imports: {results['import_requests']} requests, {results['import_rps']} req/s, "
        f"p50 {results['import_p50_ms']} ms, p95 {results['import_p95_ms']} ms, "
        f"{results['accepted_imports']} documents accepted, {len(lost)} lost"
    )
    for kind, values in sorted(stats.by_kind.items()):
        print(
            f"  {kind:16} {len(values):6} requests  p50 {percentile(values, 0.5):7.1f} ms"
            f"  p95 {percentile(values, 0.95):7.1f} ms"
        )
    for line in (stats.server_errors + stats.idempotency_failures)[:10]:
        print(f"  {line}")
    print(" ".join(f"{name}={value}" for name, value in results.items()))
    failed = server_errors or lost or stats.idempotency_failures or stats.errors
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
