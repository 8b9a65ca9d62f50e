"""End-to-end import benchmark: analysis + database writes against dateparser.search_dates.

    .venv/bin/python benchmarks/importing.py --docs 10000
    .venv/bin/python benchmarks/importing.py --queue --workers 1,2 --databases postgresql
    .venv/bin/python benchmarks/importing.py --docs 1000 --folder some/texts/
    .venv/bin/python benchmarks/importing.py --docs 2000 --databases sqlite --batch-size 50

For each database (SQLite in a temporary file; PostgreSQL in a scratch database
``timeline_bench``, created and dropped around every run) and for N and N/10 documents, a child
process migrates the empty database and imports the corpus through
``events.batching.documents_import`` (behind ``import_documents``), ``--batch-size``
documents per transaction (default: ``events.batching.BATCH_SIZE``), and reports its timings
and its peak RSS (``getrusage``, so each size's peak is its own; it includes the interleaved
baseline below, equally at both sizes).

``--queue --workers 1,2`` measures the task queue instead (events/tasks.py, what
``import_documents --queue`` does): for each database, ``--scaling-docs`` documents imported
inline (one process, ``documents_import``) and through the queue with 1 and 2 `celery worker`
processes (one pool process each) against Redis (``--broker``, default database 14, a queue of
its own), in alternating rounds (inline, 1, 2, inline, 1, 2, ...: a change in the machine's load
hits every kind alike), ``--repeat`` rounds, median times. A queue run's time is from the first
batch sent to the job's last batch committed, with the workers started and ready beforehand;
its producer (generating the corpus and sending it) runs in a process of its own, beside the
workers, while the inline import generates its corpus in its own time. The last line holds
``queue_scaling_2_vs_1`` (1 worker's time over 2 workers') and ``queue_overhead`` (1 worker's
time over the inline time; targets, issue #13: >= 1.7 and <= 1.15), per database too.

The corpus is generated from ``seeds/`` as a stream (a generator): the publication date, the
dates written in the text, the weekday names and the people, cities and handles vary from one
document to the next, and each document ends with a reference number so none repeats. With
``--folder`` the documents are read from that folder (.txt/.json/.jsonl) one file at a time.

The baseline is ``dateparser.search_dates(text, languages=["en"], settings={"RELATIVE_BASE":
...})`` on the same texts in the same run, interleaved with the import: after every chunk of
about 250 imported documents (a whole number of batches: 200 with batches of 100, since the
results of a batch come all at once) the child runs search_dates on the first
``--baseline-per-chunk`` (8) texts of that chunk, so each chunk has a baseline measured under
the same machine load (the machine is shared). Running it on every text would take most of the
time budget at N=10,000.

Times per document are medians over chunks; the import/search_dates ratio is the median of the
per-chunk ratios. The per-document ratio between N and N/10 is load-normalised (each size's
ratio to its own baseline); the raw ratio is printed too. The last line holds ``name=value``
pairs:

    import_speedup_vs_search_dates   search_dates s/doc over import s/doc, N docs, PostgreSQL
    import_per_doc_ratio_10k_vs_1k   (import/search_dates at N) over (the same at N/10)
    import_peak_rss_ratio_10k_vs_1k  peak RSS of the N import over the N/10 import
    ... and the same per database (``_sqlite`` / ``_postgresql`` suffixes).

Targets (issue #7): speedup >= 2, per-doc ratio <= 1.2, peak RSS ratio <= 1.5.
"""

import argparse
import contextlib
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHUNK = 250  # documents between two baseline samples, rounded to a whole number of batches
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "timeline_bench"

FIRST_NAMES = (
    "Brandon Kash Karoline Maria Ahmed Li Olga Pedro Aisha Tomas Grace Ivan Chen Fatima Lucas "
    "Emma Noah Sofia Omar Elena Hiro Priya Diego Hannah Kwame Ingrid Rafael Yusuf Mei Jonas "
    "Amara Felix Nadia Oscar Leila Mateo Zara Viktor Ines Kofi"
).split()
LAST_NAMES = (
    "Johnson Patel Leavitt Garcia Nguyen Kowalski Okafor Schmidt Rossi Tanaka Haddad Silva "
    "Novak Brennan Moreau Larsen Duarte Ivanova Mensah Lindqvist Castillo Yamamoto Osei Fischer "
    "Romero Kaur Petrov Dubois Abara Walsh Herrera Sato Bauer Quinn Varga Costa Eriksen Adeyemi "
    "Marsh Keller"
).split()
CITIES = (
    "Chicago Houston Phoenix Denver Boston Seattle Atlanta Portland Detroit Memphis Baltimore "
    "Milwaukee Tucson Fresno Omaha Oakland Tulsa Wichita Cleveland Tampa"
).split()


# -- the corpus ---------------------------------------------------------------------------------


def seed_documents(folder: Path) -> list[tuple[date, str]]:
    from events.inputs import DocumentInput, iter_paths, read_file

    seeds = []
    for path in iter_paths([folder]):
        for item in read_file(path, max_bytes=10_000_000):
            if isinstance(item, DocumentInput):
                seeds.append((item.published_on, item.body))
    assert seeds, f"no documents in {folder}"
    return seeds


def _day(day: date) -> str:
    return f"{day:%B} {day.day}"


def vary(body: str, published_on: date, serial: int, rng: random.Random) -> tuple[date, str]:
    """One document like the seed, with another date, other people, another city."""
    day = date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365))
    shift = day - published_on

    def moved(match: re.Match) -> str:
        written = datetime.strptime(match.group(0), "%B %d, %Y").date() + shift
        return f"{_day(written)}, {written.year}"

    def moved_range(match: re.Match) -> str:
        start = datetime.strptime(f"{match.group(1)} {published_on.year}", "%B %d %Y").date()
        start += shift
        end = start + timedelta(days=int(match.group(2)) - int(match.group(1).split()[1]))
        return f"{_day(start)}-{end.day}" if end.month == start.month else _day(start)

    text = re.sub(r"\b[A-Z][a-z]+ \d{1,2}, \d{4}\b", moved, body)
    text = re.sub(r"\b([A-Z][a-z]+ \d{1,2})-(\d{1,2})\b", moved_range, text)
    weekdays = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
    text = re.sub(
        r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        lambda m: weekdays[(weekdays.index(m.group(1)) + shift.days) % 7],
        text,
    )
    names: dict[str, str] = {}
    for first, last in (("Brandon", "Johnson"), ("Kash", "Patel"), ("Karoline", "Leavitt")):
        new_first, new_last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        names[f"{first} {last}"] = f"{new_first} {new_last}"
        names[last] = new_last
        names[f"@FBIDirector{first}"] = f"@FBIDirector{new_first}"
    names["Trump"] = rng.choice(LAST_NAMES)
    city = rng.choice(CITIES)
    names.update({"Chicago": city, "@ChicagosMayor": f"@{city}sMayor", "Chicagoans": f"{city}ans"})
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    text = pattern.sub(lambda m: names[m.group(0)], text)
    return day, f"{text.rstrip()}\n\n(Reference {serial}.)\n"


def corpus(count: int, folder: Path | None = None, seed: int = 7) -> Iterator[tuple[date, str]]:
    """``count`` (date, body) documents, one at a time: generated from seeds/ unless a folder
    is given, in which case its documents are read file by file (cycled if there are fewer)."""
    if folder is not None:
        yielded = 0
        while yielded < count:
            before = yielded
            for item in _folder_items(folder):
                yield item
                yielded += 1
                if yielded == count:
                    return
            assert yielded > before, f"no documents in {folder}"
    rng = random.Random(seed)
    seeds = seed_documents(ROOT / "seeds")
    for serial in range(count):
        published_on, body = seeds[serial % len(seeds)]
        yield vary(body, published_on, serial, rng)


def _folder_items(folder: Path) -> Iterator[tuple[date, str]]:
    from events.inputs import DocumentInput, iter_paths, read_file

    for path in iter_paths([folder]):
        for item in read_file(path, max_bytes=10_000_000):
            if isinstance(item, DocumentInput):
                yield item.published_on, item.body


def django_environment(database_url: str) -> dict[str, str]:
    # DEBUG off: with it on Django keeps every query in memory, which is not what a real import
    # does.
    return {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only",
        "ALLOWED_HOSTS": "localhost",
    }


# -- the child: one import into one scratch database ---------------------------------------------


def child(args: argparse.Namespace) -> None:
    import resource

    import django

    os.environ.update(django_environment(args.database_url))
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from events.batching import BATCH_SIZE, documents_import
    from events.inputs import DocumentInput
    from events.models import Document, Event

    call_command("migrate", verbosity=0)
    batch_size = args.batch_size or BATCH_SIZE
    chunk_size = batch_size * max(1, round(CHUNK / batch_size))
    folder = Path(args.folder) if args.folder else None

    def items() -> Iterator[DocumentInput]:
        for published_on, body in corpus(args.docs, folder):
            yield DocumentInput(published_on=published_on, body=body, source="bench")

    from dateparser.search import search_dates

    search_dates("warm up on Monday", languages=["en"])
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    chunk_times: list[float] = []
    baseline_times: list[float] = []
    sample: list[DocumentInput] = []
    created = 0
    importing = 0.0
    chunk_started = time.perf_counter()
    imported = documents_import(items=items(), batch_size=batch_size)
    for n, (item, result) in enumerate(imported, 1):
        assert not isinstance(result, Exception), result
        created += result.created
        if len(sample) < args.baseline_per_chunk:
            sample.append(item)
        if n % chunk_size == 0:
            chunk = time.perf_counter() - chunk_started
            importing += chunk
            chunk_times.append(chunk / chunk_size)
            if sample:
                # The baseline, on texts of this chunk, right after it: same machine load.
                started = time.perf_counter()
                for doc in sample:
                    base = datetime(
                        doc.published_on.year, doc.published_on.month, doc.published_on.day
                    )
                    search_dates(doc.body, languages=["en"], settings={"RELATIVE_BASE": base})
                baseline_times.append((time.perf_counter() - started) / len(sample))
                sample = []
            chunk_started = time.perf_counter()
    total = importing + time.perf_counter() - chunk_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Idempotency, on a sample: importing the first documents again changes nothing.
    again = sum(
        result.created for _, result in documents_import(items=itertools.islice(items(), 50))
    )
    report = {
        "docs": args.docs,
        "batch_size": batch_size,
        "chunk_size": chunk_size,
        "vendor": connection.vendor,
        "created": created,
        "created_again": again,
        "documents": Document.objects.count(),
        "events": Event.objects.count(),
        "total_s": total,
        "chunk_s_per_doc": chunk_times,
        "baseline_s_per_doc": baseline_times,
        "peak_rss_mib": peak_kib / 1024,
        "rss_before_import_mib": rss_before / 1024,
    }
    print(json.dumps(report))


# -- the task queue: a producer child, worker processes -------------------------------------------


def queue_child(args: argparse.Namespace) -> None:
    """Send the corpus to the running workers as one job, as ``import_documents --queue`` does
    (batches, at most MAX_PENDING_BATCHES waiting), and time it until the job is done."""
    import django

    os.environ.update(django_environment(args.database_url))
    django.setup()
    from events import tasks
    from events.batching import BATCH_SIZE
    from events.inputs import DocumentInput
    from events.models import Document, Event
    from events.services.jobs import import_job_close, import_job_create

    folder = Path(args.folder) if args.folder else None
    items = (
        DocumentInput(published_on=published_on, body=body, source="bench")
        for published_on, body in corpus(args.docs, folder)
    )
    tasks.broker_check()
    job = import_job_create(source="benchmark")
    started = time.perf_counter()
    sent = documents = 0
    for sent, documents in tasks.job_enqueue(  # noqa: B007 - the counts reached
        job=job, items=items, batch_size=args.batch_size or BATCH_SIZE
    ):
        while sent - job.batches_done >= tasks.MAX_PENDING_BATCHES:
            time.sleep(0.2)
            job.refresh_from_db()
    job = import_job_close(job=job, documents=documents, batches=sent)
    while job.status != job.Status.DONE:
        time.sleep(0.2)
        job.refresh_from_db()
    total = time.perf_counter() - started
    report = {
        "created": job.created,
        "created_again": job.unchanged,
        "failed": job.failed,
        "documents": Document.objects.count(),
        "events": Event.objects.count(),
        "batches": job.batches,
        "total_s": total,
    }
    print(json.dumps(report))


@contextlib.contextmanager
def queue_workers(count: int, env: dict[str, str], log_folder: Path) -> Iterator[None]:
    """``count`` started and ready `celery worker` processes (one pool process each), stopped
    afterwards."""
    workers = []
    try:
        for number in range(count):
            log = log_folder / f"worker{number}.log"
            command = [sys.executable, "-m", "celery", "-A", "timeline", "worker"]
            command += ["--concurrency", "1", "--loglevel", "INFO", "--logfile", str(log)]
            command += ["--without-mingle", "--without-gossip", "--without-heartbeat"]
            command += ["-n", f"bench{number}-{env['CELERY_TASK_DEFAULT_QUEUE']}@%h"]
            workers.append(
                subprocess.Popen(
                    command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
                )
            )
        for number, worker in enumerate(workers):
            log = log_folder / f"worker{number}.log"
            deadline = time.monotonic() + 120
            while " ready." not in (log.read_text() if log.exists() else ""):
                if worker.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"worker {number} did not start: see {log}")
                time.sleep(0.2)
        yield
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(60)


def run_queue(vendor: str, docs: int, workers: int, args: argparse.Namespace) -> dict:
    with scratch_database(vendor) as url, tempfile.TemporaryDirectory() as logs:
        env = {
            **os.environ,
            **django_environment(url),
            "CELERY_BROKER_URL": args.broker,
            "CELERY_TASK_DEFAULT_QUEUE": f"timeline-bench-{uuid.uuid4().hex[:12]}",
            "CELERY_TASK_ALWAYS_EAGER": "0",
        }
        migrate = [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"]
        subprocess.run(migrate, cwd=ROOT, env=env, check=True)
        with queue_workers(workers, env, Path(logs)):
            command = [sys.executable, __file__, "--queue-child", "--database-url", url]
            command += ["--docs", str(docs), "--broker", args.broker]
            if args.batch_size:
                command += ["--batch-size", str(args.batch_size)]
            if args.folder:
                command += ["--folder", args.folder]
            try:
                out = subprocess.run(
                    command, check=True, capture_output=True, text=True, cwd=ROOT, env=env
                )
            except subprocess.CalledProcessError as error:
                sys.stderr.write(error.stderr)
                raise
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["created"] == docs and report["failed"] == 0, report
    return report


def queue_main(args: argparse.Namespace) -> None:
    vendors = [v.strip() for v in args.databases.split(",") if v.strip()]
    counts = sorted({int(w) for w in args.workers.split(",")})
    docs = args.scaling_docs
    started = time.monotonic()
    results: dict[str, float] = {}
    for vendor in vendors:
        totals: dict[str, list[float]] = {"inline": [], **{f"{w} workers": [] for w in counts}}
        for _ in range(args.repeat):
            # Alternating rounds: a change in the machine's load hits every kind alike.
            report = run_child(vendor, docs, args.folder, 0, args.batch_size)
            totals["inline"].append(report["total_s"])
            for workers in counts:
                report = run_queue(vendor, docs, workers, args)
                totals[f"{workers} workers"].append(report["total_s"])
        medians = {kind: statistics.median(times) for kind, times in totals.items()}
        for kind, times in totals.items():
            print(
                f"{vendor} N={docs} {kind}: {docs / medians[kind]:.0f} documents/s, median "
                f"{medians[kind]:.1f} s (runs {', '.join(f'{t:.1f}' for t in times)})",
                flush=True,
            )
        one = medians[f"{counts[0]} workers"]
        for workers in counts[1:]:
            name = f"queue_scaling_{workers}_vs_{counts[0]}"
            results[f"{name}_{vendor}"] = one / medians[f"{workers} workers"]
        results[f"queue_overhead_{vendor}"] = one / medians["inline"]
    main_vendor = "postgresql" if "postgresql" in vendors else vendors[0]
    for name in [key.removesuffix(f"_{main_vendor}") for key in results]:
        if name.startswith("queue_") and f"{name}_{main_vendor}" in results:
            results[name] = results[f"{name}_{main_vendor}"]
    print(
        f"docs={docs} workers={args.workers} repeat={args.repeat} "
        f"batch_size={args.batch_size or 'default'} elapsed_s={time.monotonic() - started:.0f}"
    )
    print(" ".join(f"{key}={value:.3f}" for key, value in results.items()))


# -- the parent: scratch databases, children, baseline, report ----------------------------------


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", PG_ADMIN_URL, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
    )


@contextlib.contextmanager
def scratch_database(vendor: str) -> Iterator[str]:
    """The URL of an empty scratch database: a SQLite file, or PostgreSQL's timeline_bench."""
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        if vendor == "sqlite":
            yield f"sqlite:///{tmp}/bench.sqlite3"
            return
        psql(f"DROP DATABASE IF EXISTS {PG_BENCH_DB}")
        psql(f"CREATE DATABASE {PG_BENCH_DB}")
        try:
            yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{PG_BENCH_DB}"
        finally:
            psql(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")


def run_child(
    vendor: str,
    docs: int,
    folder: str | None,
    baseline_per_chunk: int,
    batch_size: int | None,
    mode: str = "--child",
) -> dict:
    """One child process importing ``docs`` documents into a scratch database: inline
    (``--child``) or through the task queue's workers already running (``--queue-child``)."""
    with scratch_database(vendor) as url:
        command = [sys.executable, __file__, mode, "--database-url", url]
        command += ["--docs", str(docs), "--baseline-per-chunk", str(baseline_per_chunk)]
        if batch_size:
            command += ["--batch-size", str(batch_size)]
        if folder:
            command += ["--folder", folder]
        try:
            out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
        except subprocess.CalledProcessError as error:
            sys.stderr.write(error.stderr)
            raise
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["created"] == docs and report["created_again"] == 0, report
    return report


def per_doc(report: dict) -> float:
    """Import seconds per document: the median over chunks."""
    return statistics.median(report["chunk_s_per_doc"])


def relative(report: dict) -> float:
    """Import time over search_dates time per document, chunk by chunk (each chunk next to its
    own baseline), median over chunks."""
    pairs = zip(report["chunk_s_per_doc"], report["baseline_s_per_doc"], strict=True)
    return statistics.median(ours / theirs for ours, theirs in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="N (default 10000)")
    parser.add_argument("--small", type=int, help="the smaller size (default N/10)")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--queue", action="store_true", help="measure the task queue")
    parser.add_argument("--workers", default="1,2", help="queue worker counts to compare")
    parser.add_argument(
        "--broker", default="redis://127.0.0.1:6379/14", help="Redis for the queue runs"
    )
    parser.add_argument("--scaling-docs", type=int, default=2000, help="docs per queue run")
    parser.add_argument("--repeat", type=int, default=2, help="runs per worker count (median)")
    parser.add_argument("--folder", help="import this folder's documents instead")
    parser.add_argument(
        "--batch-size", type=int, help="documents per transaction (default: the service's)"
    )
    parser.add_argument(
        "--baseline-per-chunk", type=int, default=8, help="search_dates texts per 250 imported"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--queue-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if args.queue_child:
        queue_child(args)
        return
    if args.queue:
        queue_main(args)
        return

    large = args.docs
    small = args.small or max(large // 10, CHUNK)
    vendors = [v.strip() for v in args.databases.split(",") if v.strip()]
    started = time.monotonic()
    results: dict[str, float] = {}
    for vendor in vendors:
        reports = {}
        for docs in (small, large):
            report = run_child(vendor, docs, args.folder, args.baseline_per_chunk, args.batch_size)
            reports[docs] = report
            print(
                f"{vendor} N={docs}: import {per_doc(report) * 1000:.1f} ms/doc "
                f"(median of {len(report['chunk_s_per_doc'])} chunks; mean "
                f"{report['total_s'] / docs * 1000:.1f}; {report['total_s']:.0f} s), "
                f"search_dates {statistics.median(report['baseline_s_per_doc']) * 1000:.1f} "
                f"ms/doc, import/search_dates {relative(report):.3f}; "
                f"{report['events']} events; peak RSS {report['peak_rss_mib']:.0f} MiB "
                f"({report['rss_before_import_mib']:.0f} before the import)",
                flush=True,
            )
        big, little = reports[large], reports[small]
        results[f"import_speedup_vs_search_dates_{vendor}"] = 1 / relative(big)
        # Load-normalised: each size's import time relative to its own interleaved baseline.
        results[f"import_per_doc_ratio_10k_vs_1k_{vendor}"] = relative(big) / relative(little)
        results[f"import_per_doc_raw_ratio_10k_vs_1k_{vendor}"] = per_doc(big) / per_doc(little)
        results[f"import_peak_rss_ratio_10k_vs_1k_{vendor}"] = (
            big["peak_rss_mib"] / little["peak_rss_mib"]
        )
        results[f"import_ms_per_doc_{vendor}"] = per_doc(big) * 1000
        results[f"search_dates_ms_per_doc_{vendor}"] = (
            statistics.median(big["baseline_s_per_doc"]) * 1000
        )
        results[f"import_peak_rss_mib_{vendor}"] = big["peak_rss_mib"]
    for name in (
        "import_speedup_vs_search_dates",
        "import_per_doc_ratio_10k_vs_1k",
        "import_peak_rss_ratio_10k_vs_1k",
    ):
        vendor = "postgresql" if "postgresql" in vendors else vendors[0]
        results[name] = results[f"{name}_{vendor}"]
    print(
        f"docs={large} small_docs={small} "
        f"batch_size={big['batch_size']} "
        f"elapsed_s={time.monotonic() - started:.0f}"
    )
    print(" ".join(f"{key}={value:.3f}" for key, value in results.items()))


if __name__ == "__main__":
    main()
