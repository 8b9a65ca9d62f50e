"""``manage.py evaluate_events``: score event dating on TimeML event-to-date links (TLINKs).

A thin wrapper: reading, matching and scoring live in :mod:`events.analysis.event_links`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.analysis.event_links import EventCounts, evaluate
from events.analysis.extraction import ExtractedEvent, analyze_document
from events.analysis.timeml import TimeMLError, find_timeml_files


def _events(text: str, document_date: date) -> list[ExtractedEvent]:
    return analyze_document(text, document_date).events


class Command(BaseCommand):
    help = (
        "Run analyze_document on TimeML (.tml) files and score its events' dates against the "
        "annotated event-to-date links: events matched by excerpt (the annotated event's token "
        "inside the system event's excerpt), exact intervals, F1 overall, for events anchored "
        "to a date written in the text and for events anchored only to the publication date."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help=".tml files or folders.")
        parser.add_argument(
            "--errors", action="store_true", help="List wrong and missed gold events."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            files = find_timeml_files(options["paths"])
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from exc
        if not files:
            raise CommandError(f"no .tml files found in {', '.join(options['paths'])}")
        try:
            total, per_document = evaluate(files, _events)
        except TimeMLError as exc:
            raise CommandError(str(exc)) from exc
        out = self.stdout.write
        out(f"Event dating: {len(files)} documents")
        out(f"{'':<14}{'gold':>6}{'judged':>8}{'correct':>9}{'found':>7}{'P':>7}{'R':>7}{'F1':>7}")
        labels = {"all": "overall", "text": "text-anchored", "dct": "DCT-anchored"}
        for key, label in labels.items():
            out(f"{label:<14}" + self._row(total.counts[key]))
        if options["errors"]:
            for document, scores in per_document:
                for gold, system in scores.errors:
                    line = document.text[: gold.start].count("\n")
                    got = f"{system.earliest}..{system.latest}" if system else "no event"
                    out(
                        f"{document.name}:{line} {gold.anchor} {gold.text!r} "
                        f"gold {gold.earliest}..{gold.latest} got {got}"
                    )

    @staticmethod
    def _row(counts: EventCounts) -> str:
        return (
            f"{counts.gold:>6}{counts.judged:>8}{counts.correct:>9}{counts.found:>7}"
            f"{100 * counts.precision:>7.1f}{100 * counts.recall:>7.1f}{100 * counts.f1:>7.1f}"
        )
