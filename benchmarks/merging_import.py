"""What merging sources into entries costs an import: one story imported into a fresh SQLite file.

    python benchmarks/merging_import.py ../shared/data/timeline17/bpoil/articles.jsonl.gz
    python benchmarks/merging_import.py FILE --no-grouping    # the grouping replaced by no-ops

Prints the importing process's CPU time (``resource.getrusage``: the other jobs on a shared
machine inflate it less than the wall time) and what the grouping made. Compare two variants by
running them at the same time, so that the machine's load weighs on both alike.

The database is left in place (its path is printed), so that two variants' groupings can be
compared row by row, e.g. under ``PYTHONHASHSEED=0``::

    sqlite3 DB "select id, merged_into_id, date_conflict from events_event order by id" | md5sum
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="a .jsonl(.gz) or .json(.gz) file of articles")
    parser.add_argument("--collection", default="story")
    parser.add_argument("--no-grouping", action="store_true")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="merging_import_")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/db.sqlite3"
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from events.models import Event
    from events.services import imports

    call_command("migrate", verbosity=0)
    if args.no_grouping:
        # The grouping and what the importer makes for it (the new events' reports, their
        # words: a memory of the batches takes them as written).
        imports.entries_group = lambda **_: 0
        imports.report_of = lambda **_: None
    before, started = resource.getrusage(resource.RUSAGE_SELF), time.time()
    call_command("import_documents", "--collection", args.collection, str(args.file), verbosity=0)
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    events = Event.objects.count()
    entries = Event.objects.filter(merged_into__isnull=True).count()
    multi = Event.objects.filter(merged_into__isnull=False).values("merged_into").distinct()
    conflicts = Event.objects.filter(date_conflict=True).count()
    print(f"cpu_seconds={cpu:.1f} wall_seconds={time.time() - started:.1f}")
    print(f"events={events} entries={entries} multi_source={multi.count()} conflicts={conflicts}")
    print(f"database={folder}/db.sqlite3")


if __name__ == "__main__":
    main()
