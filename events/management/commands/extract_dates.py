"""``manage.py extract_dates``: the temporal tagger on one text, as JSON.

A thin wrapper around :func:`events.analysis.languages.extract_temporal_expressions` (the
tagger of ``--language``, English by default): it reads the
input as bytes and decodes it as UTF-8 (so CRLF line ends and leading spaces survive and the
offsets index the input exactly as read), then prints one JSON array.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.analysis.languages import (
    DEFAULT_LANGUAGE,
    UnsupportedLanguage,
    check_language,
    extract_temporal_expressions,
    supported_languages,
)
from events.analysis.types import TemporalExpression


def expression_to_json(expr: TemporalExpression) -> dict[str, Any]:
    """The JSON object for one expression (earliest/latest/precision null where not a date)."""
    return {
        "start": expr.start,
        "end": expr.end,
        "text": expr.text,
        "type": str(expr.type),
        "value": expr.value,
        "earliest": expr.earliest.isoformat() if expr.earliest else None,
        "latest": expr.latest.isoformat() if expr.latest else None,
        "precision": str(expr.precision) if expr.precision else None,
    }


class Command(BaseCommand):
    help = (
        "Print the temporal expressions of a text (a file, or standard input with '-') as a "
        "JSON array of {start, end, text, type, value, earliest, latest, precision}, resolved "
        "against the document date."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--document-date",
            required=True,
            metavar="YYYY-MM-DD",
            help="the document's publication date (the reference for relative dates)",
        )
        parser.add_argument(
            "--language",
            default=DEFAULT_LANGUAGE,
            metavar="CODE",
            help=f"the text's language, ISO 639-1 (one of {', '.join(supported_languages())}; "
            f"default {DEFAULT_LANGUAGE})",
        )
        parser.add_argument(
            "file", nargs="?", default="-", help="a UTF-8 text file, or '-' for standard input"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        document_date = _parse_date(options["document_date"])
        try:
            language = check_language(options["language"])
        except UnsupportedLanguage as exc:
            raise CommandError(f"--language: {exc}") from exc
        source = options["file"]
        if source == "-":
            data = sys.stdin.buffer.read()
            name = "standard input"
        else:
            path = Path(source)
            try:
                data = path.read_bytes()
            except FileNotFoundError as exc:
                raise CommandError(f"{source}: no such file") from exc
            except IsADirectoryError as exc:
                raise CommandError(f"{source}: is a directory, not a file") from exc
            except OSError as exc:
                raise CommandError(f"{source}: cannot read: {exc.strerror}") from exc
            name = source
        try:
            # Decoded as is: no newline translation, nothing stripped (a BOM stays a character).
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
            ) from exc
        found = extract_temporal_expressions(text, document_date, language)
        self.stdout.write(
            json.dumps([expression_to_json(e) for e in found], ensure_ascii=False, indent=2)
        )


def _parse_date(value: str) -> date:
    """A strict ISO date; "2025-02-30" and "30/08/2025" are errors."""
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(
            f"--document-date: {value!r} is not a valid date (expected YYYY-MM-DD)"
        ) from exc
