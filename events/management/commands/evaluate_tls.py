"""python manage.py evaluate_tls DIR [--json] [--rouge original|reimpl]"""

import json
import time
from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from events import selectors
from events.analysis import tls_eval
from events.models import Collection


class Command(BaseCommand):
    help = (
        "Score the story summaries against journalists' timelines with the news-tls protocol "
        "(Timeline17 layout: DIR/<topic>/articles.jsonl.gz and DIR/<topic>/timelines/*.txt). "
        "Each topic is imported into a collection named after its folder (again: nothing "
        "changes); for each gold timeline the summary asks for its number of dates, its mean "
        "sentences a date (rounded) and its first-to-last-date window, and is scored by "
        "alignment-based ROUGE-1/2 F (tilse, align+ m:1) and date F1. Prints each timeline and "
        "the means (mean precision and recall over timelines, then F). Needs the [eval] extra."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="One folder a topic.")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument(
            "--rouge",
            choices=["original", "reimpl"],
            default="original",
            help="ROUGE 1.5.5 in perl (the reference, default) or tilse's fast approximation.",
        )

    def handle(self, *args: Any, directory: Path, rouge: str, **options: Any) -> None:
        topics = (
            sorted(
                folder for folder in directory.iterdir() if (folder / "articles.jsonl.gz").exists()
            )
            if directory.is_dir()
            else []
        )
        if not topics:
            raise CommandError(f"{directory}: no <topic>/articles.jsonl.gz under it")
        as_json = options["json"]
        rows: list[dict[str, Any]] = []
        scores: dict[str, list[tls_eval.Scores]] = {"rouge_1": [], "rouge_2": [], "date": []}
        for folder in topics:
            collection = self._import(folder, quiet=as_json)
            for path in sorted((folder / "timelines").glob("*.txt")):
                skipped: list[str] = []
                gold = tls_eval.parse_timeline(path.read_text(encoding="utf-8"), skipped=skipped)
                params = tls_eval.protocol_parameters(gold)
                started = time.perf_counter()
                key_dates, _titles = selectors.story_summary(
                    collection,
                    dates=params.dates,
                    sentences=params.sentences,
                    start=params.start,
                    end=params.end,
                )
                seconds = time.perf_counter() - started
                predicted = {k.date: [s.text for s in k.sentences] for k in key_dates}
                rouge_1, rouge_2 = tls_eval.rouge_scores(predicted, gold, computation=rouge)
                dates = tls_eval.date_scores(predicted, gold)
                for name, value in (("rouge_1", rouge_1), ("rouge_2", rouge_2), ("date", dates)):
                    scores[name].append(value)
                row = {
                    "topic": folder.name,
                    "timeline": path.name,
                    "dates": params.dates,
                    "sentences": params.sentences,
                    "from": params.start.isoformat(),
                    "to": params.end.isoformat(),
                    "predicted_dates": len(predicted),
                    "skipped_gold_dates": skipped,
                    "seconds": round(seconds, 3),
                    "rouge_1": rouge_1.as_dict(),
                    "rouge_2": rouge_2.as_dict(),
                    "date": dates.as_dict(),
                }
                rows.append(row)
                if not as_json:
                    self.stdout.write(
                        f"{folder.name:12} {path.name:42} K={params.dates:<3} "
                        f"N={params.sentences}  AR-1 {rouge_1.f1:.3f}  AR-2 {rouge_2.f1:.3f}  "
                        f"date F1 {dates.f1:.3f}  ({seconds:.2f} s)"
                    )
        means = {name: tls_eval.mean_scores(values).as_dict() for name, values in scores.items()}
        if as_json:
            self.stdout.write(json.dumps({"timelines": rows, "mean": means}, indent=2))
            return
        self.stdout.write(
            f"mean over {len(rows)} timelines: AR-1 {means['rouge_1']['f1']:.3f}  "
            f"AR-2 {means['rouge_2']['f1']:.3f}  date F1 {means['date']['f1']:.3f}"
        )

    def _import(self, folder: Path, *, quiet: bool) -> Collection:
        """Import the topic's articles into the collection named after the folder (idempotent:
        documents already there are only filed in the collection)."""
        output = StringIO()
        try:
            call_command(
                "import_documents",
                str(folder / "articles.jsonl.gz"),
                collection=folder.name,
                progress_every=0,
                stdout=output,
                stderr=output,
            )
        except CommandError as error:  # some documents failed: the rest are imported
            self.stderr.write(f"{folder.name}: {error}")
        if not quiet:
            self.stdout.write(f"{folder.name}: {output.getvalue().strip().splitlines()[-1:]}")
        return Collection.objects.get(name=folder.name)
