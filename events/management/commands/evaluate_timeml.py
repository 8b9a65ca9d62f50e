"""``manage.py evaluate_timeml``: score the temporal tagger on TimeML files (TempEval-3 A).

A thin wrapper: reading and scoring live in :mod:`events.analysis.timeml`.

Held-out figures (``--split``): a rule set scores best on the texts it was written against.
``--split`` groups the documents (``halves``: even and odd positions in sorted order;
``folders``: the first folder under the given path, e.g. TimeBank and AQUAINT; ``kfold:K``:
position modulo K) and reports each group with the gap between the documents the rules were
developed on (``--development GROUP``; by default all the other groups) and the held-out
group. A change that raises the development figure and not the held-out one is no
improvement.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.analysis.timeml import (
    Counts,
    DocumentResult,
    ErrorKind,
    Scores,
    ScoringError,
    TimeMLDocument,
    TimeMLError,
    TimexLike,
    find_timeml_files,
    read_timeml,
    score_document,
    timing_summary,
)

Extractor = Callable[[str, date], Sequence[TimexLike]]
SPLITS = ("halves", "folders", "kfold:K")

# Progress goes to stderr every this many documents (and for every one at -v 2).
PROGRESS_EVERY = 25

METRIC_COLUMNS: list[tuple[str, str]] = [
    ("strict P", "strict_precision"),
    ("strict R", "strict_recall"),
    ("strict F1", "strict_f1"),
    ("relax P", "relaxed_precision"),
    ("relax R", "relaxed_recall"),
    ("relax F1", "relaxed_f1"),
    ("value F1", "value_f1"),
    ("type F1", "type_f1"),
]


def load_extractor(language: str = "en") -> Extractor:
    """The tagger of ``language`` as the service runs it (dates in quoted words resolved
    against the day they were said, ``analysis.quoted``): English's imported lazily (tests
    replace it), the others read by the rules-as-data tagger from their resource folder."""
    from events.analysis.quoted import with_quoted_dates

    if language != "en":
        from events.analysis.languages import UnsupportedLanguage, check_language
        from events.analysis.timex import extract

        try:
            check_language(language)
        except UnsupportedLanguage as exc:
            raise CommandError(f"--language: {exc}") from exc
        return with_quoted_dates(lambda text, dct: extract(text, dct, language))
    from events.analysis.dates import extract_temporal_expressions

    return with_quoted_dates(extract_temporal_expressions)


def pct(fraction: float) -> str:
    """A fraction as a percentage with one decimal ("87.5")."""
    return f"{100 * fraction:.1f}"


class Command(BaseCommand):
    help = (
        "Run the temporal tagger (events.analysis.dates.extract_temporal_expressions) on "
        "TimeML (.tml) files and score it like the TempEval-3 Task A scorer: strict and "
        "relaxed span P/R/F1, value F1 and type F1, overall and for DATE expressions only, "
        "micro-averaged over documents, plus a per-document breakdown."
    )
    # Pure file-in, numbers-out: no models, URLs or database, so the system checks
    # would only add start-up time (and failures unrelated to the evaluation).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help=".tml files or folders (searched recursively for *.tml, in sorted order).",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print the results as one JSON object instead of tables.",
        )
        parser.add_argument(
            "--errors",
            action="store_true",
            help="Also list missed, spurious, boundary, value and type errors per document.",
        )
        parser.add_argument(
            "--language",
            default="en",
            metavar="CODE",
            help="The documents' language, ISO 639-1 (default en): which tagger runs.",
        )
        parser.add_argument(
            "--split",
            metavar="HOW",
            help="Held-out figures: group the documents by 'halves' (even/odd positions in "
            "sorted order), 'folders' (first folder under PATH) or 'kfold:K' (position "
            "modulo K), and report each group and the development-minus-held-out gap.",
        )
        parser.add_argument(
            "--development",
            metavar="GROUP",
            help="With --split: the group the rules were written against (e.g. 'even'); "
            "by default each group is compared with all the others.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        files = self._files(options["paths"])
        groups = self._groups(files, options["paths"], options["split"])
        if options["development"] and options["development"] not in set(groups.values()):
            raise CommandError(
                f"--development {options['development']!r}: no such group "
                f"(groups: {', '.join(sorted(set(groups.values())))})"
            )
        # Parse everything before running the tagger: a bad file should fail fast.
        documents = [self._read(path) for path in files]
        extract = load_extractor(options["language"])
        verbosity: int = options["verbosity"]

        results: list[DocumentResult] = []
        durations: list[float] = []
        misaligned = 0
        for index, document in enumerate(documents, start=1):
            began = time.perf_counter()
            system = list(extract(document.text, document.dct))
            durations.append(time.perf_counter() - began)
            # Offsets must index the text we passed in, or the scores mean nothing.
            misaligned += sum(document.text[s.start : s.end] != s.text for s in system)
            results.append(score_document(document.gold, system, name=document.name))
            if verbosity >= 2 or (
                verbosity >= 1 and (index % PROGRESS_EVERY == 0 or index == len(documents))
            ):
                self.stderr.write(f"[{index}/{len(documents)}] {document.name}")
        if misaligned:
            self.stderr.write(
                self.style.WARNING(
                    f"{misaligned} system expression(s) whose text != source[start:end]"
                )
            )

        scores = Scores(documents=results)
        timing = timing_summary(durations)
        split = (
            held_out_report([groups[path] for path in files], results, options["development"])
            if groups
            else None
        )
        if options["json"]:
            payload = scores.to_dict(errors=options["errors"])
            payload["files"] = [str(path) for path in files]
            payload["timing"] = timing
            if split is not None:
                payload["split"] = split
            self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
        else:
            self._print_report(scores, timing, errors=options["errors"])
            if split is not None:
                self._print_split(split)

    # ----------------------------------------------------------------------- helpers

    @staticmethod
    def _groups(files: list[Path], paths: Sequence[str], split: str | None) -> dict[Path, str]:
        """Each file's group under ``split`` (empty without one)."""
        if not split:
            return {}
        if split == "halves":
            return {path: ("even", "odd")[i % 2] for i, path in enumerate(files)}
        if split.startswith("kfold:") and split[6:].isdigit() and int(split[6:]) >= 2:
            k = int(split[6:])
            return {path: f"fold{i % k + 1}" for i, path in enumerate(files)}
        if split == "folders":
            roots = [Path(p).resolve() for p in paths]
            groups = {}
            for path in files:
                resolved = path.resolve()
                root = next(
                    (r for r in roots if resolved.is_relative_to(r) and r != resolved), None
                )
                parts = resolved.relative_to(root).parts if root else (resolved.parent.name,)
                groups[path] = parts[0] if len(parts) > 1 else (root or resolved.parent).name
            return groups
        raise CommandError(f"--split {split!r}: expected one of {', '.join(SPLITS)}")

    def _print_split(self, split: dict[str, Any]) -> None:
        out = self.stdout.write
        out("")
        out(f"Held-out figures ({split['development'] or 'each group against all the others'}):")
        out(f"{'group':<12} {'docs':>5} {'gold':>5} {'relax F1':>9} {'value F1':>9}")
        for name, group in split["groups"].items():
            out(
                f"{name:<12} {group['documents']:>5} {group['gold']:>5} "
                f"{pct(group['relaxed_f1']):>9} {pct(group['value_f1']):>9}"
            )
        for gap in split["gaps"]:
            out(
                f"gap {gap['development']} - {gap['held_out']}: value F1 "
                f"{100 * gap['value_f1']:+.1f}, relaxed F1 {100 * gap['relaxed_f1']:+.1f}"
            )

    def _files(self, paths: Sequence[str]) -> list[Path]:
        try:
            files = find_timeml_files(paths)
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from exc
        if not files:
            raise CommandError(f"no .tml files found in {', '.join(paths)}")
        return files

    def _read(self, path: Path) -> TimeMLDocument:
        try:
            return read_timeml(path)
        except TimeMLError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: cannot read file: {exc}") from exc

    def _print_report(self, scores: Scores, timing: dict[str, float], *, errors: bool) -> None:
        out = self.stdout.write
        overall = scores.overall
        out(
            f"TempEval-3 Task A: {len(scores.documents)} documents, "
            f"{overall.gold} gold / {overall.system} system TIMEX3 "
            f"(DATE: {scores.date_only.gold} gold / {scores.date_only.system} system)"
        )
        out("")
        out(f"{'':<10}" + "".join(f"{title:>10}" for title, _ in METRIC_COLUMNS))
        for label, counts in (("all", overall), ("DATE only", scores.date_only)):
            metrics = counts.metrics()
            out(f"{label:<10}" + "".join(f"{pct(metrics[key]):>10}" for _, key in METRIC_COLUMNS))
        out("")

        width = max([8, *(len(d.name) for d in scores.documents)])
        out(f"{'document':<{width}} {'gold':>5} {'sys':>5} {'relax F1':>9} {'value F1':>9}")
        for doc in scores.documents:
            out(self._document_line(doc.name, doc.counts, width))
        out("")
        out(
            f"Extraction time: {timing['total_seconds']:.2f} s total, "
            f"median {1000 * timing['median_seconds']:.1f} ms per document"
        )

        if errors:
            for doc in scores.documents:
                if not doc.errors:
                    continue
                out("")
                count = len(doc.errors)
                out(f"== {doc.name} ({count} error{'' if count == 1 else 's'})")
                for error in doc.errors:
                    out("  " + self._describe(error))

    @staticmethod
    def _document_line(name: str, counts: Counts, width: int) -> str:
        if counts.gold == 0 and counts.system == 0:
            # Nothing to find and nothing found: F1 is undefined, not 0.
            f1 = value = "-"
        else:
            f1, value = pct(counts.relaxed_f1), pct(counts.value_f1)
        return f"{name:<{width}} {counts.gold:>5} {counts.system:>5} {f1:>9} {value:>9}"

    @staticmethod
    def _describe(error: ScoringError) -> str:
        gold = (
            f"gold [{error.gold_start}:{error.gold_end}] {error.gold_text!r} "
            f"{error.gold_type} {error.gold_value}"
        )
        system = (
            f"system [{error.system_start}:{error.system_end}] {error.system_text!r} "
            f"{error.system_type} {error.system_value}"
        )
        if error.kind == ErrorKind.MISSED:
            return f"missed    {gold}"
        if error.kind == ErrorKind.SPURIOUS:
            return f"spurious  {system}"
        return f"{error.kind:<9} {gold}  vs  {system}"


def held_out_report(
    groups: Sequence[str], results: Sequence[DocumentResult], development: str | None
) -> dict[str, Any]:
    """Per-group micro-averaged figures and, for each held-out group, the gap between the
    development documents (``development``, or all the other groups) and it."""
    names = sorted(set(groups))

    def counts(selected: set[str]) -> Counts:
        return sum(
            (r.counts for g, r in zip(groups, results, strict=True) if g in selected), Counts()
        )

    def figures(c: Counts, documents: int) -> dict[str, Any]:
        metrics = c.metrics()
        return {
            "documents": documents,
            "gold": c.gold,
            "relaxed_f1": metrics["relaxed_f1"],
            "value_f1": metrics["value_f1"],
        }

    report: dict[str, Any] = {
        "development": development,
        "groups": {n: figures(counts({n}), list(groups).count(n)) for n in names},
        "gaps": [],
    }
    for held_out in names:
        if held_out == development:
            continue
        train = {development} if development else set(names) - {held_out}
        dev, held = counts(train).metrics(), counts({held_out}).metrics()
        report["gaps"].append(
            {
                "development": "+".join(sorted(train)),
                "held_out": held_out,
                "value_f1": dev["value_f1"] - held["value_f1"],
                "relaxed_f1": dev["relaxed_f1"] - held["relaxed_f1"],
            }
        )
    return report
