"""python manage.py summarize_timeline --collection NAME --dates K --sentences N [--from D] [--to D]
[--format json|text|tilse]"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events import selectors
from events.analysis.summarize import KeyDate
from events.analysis.tls_eval import format_timeline
from events.management.commands.export_timeline import collection_id
from events.models import Collection
from events.serializers import StorySummaryQuerySerializer, story_summary_data


class Command(BaseCommand):
    help = (
        "The key dates of a story (a collection): the K most important dates, each with at most "
        "N sentences quoted from its documents, from the documents published between --from and "
        "--to. Formats: json (as GET /api/collections/{id}/summary/), text (for reading), tilse "
        "(the Timeline17 format: a YYYY-MM-DD line, one sentence a line, 32 dashes)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--collection", required=True, metavar="NAME", help="Name or slug.")
        parser.add_argument("--dates", required=True, metavar="K", help="How many dates.")
        parser.add_argument(
            "--sentences", required=True, metavar="N", help="At most this many sentences a date."
        )
        parser.add_argument("--from", dest="date_from", metavar="D", help="YYYY-MM-DD.")
        parser.add_argument("--to", dest="date_to", metavar="D", help="YYYY-MM-DD.")
        parser.add_argument(
            "--format", dest="output_format", choices=["json", "text", "tilse"], default="text"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        collection = Collection.objects.get(pk=collection_id(options["collection"]))
        query = {"dates": options["dates"], "sentences": options["sentences"]}
        for name, option in (("from", "date_from"), ("to", "date_to")):
            if options.get(option) is not None:
                query[name] = options[option]
        serializer = StorySummaryQuerySerializer(data=query)
        if not serializer.is_valid():
            raise CommandError("; ".join(_messages(serializer.errors)))
        params = serializer.validated_data
        key_dates, titles = selectors.story_summary(
            collection,
            dates=params["dates"],
            sentences=params["sentences"],
            start=params.get("from"),
            end=params.get("to"),
        )
        if options["output_format"] == "tilse":
            self.stdout.write(tilse_text(key_dates), ending="")
        elif options["output_format"] == "json":
            data = story_summary_data(collection, params, key_dates, titles)
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            for key_date in key_dates:
                self.stdout.write(
                    f"{key_date.date.isoformat()}  (score {key_date.score:.1f}, "
                    f"{key_date.documents} documents refer to it)"
                )
                for sentence in key_date.sentences:
                    title = titles.get(sentence.document_id, "")
                    self.stdout.write(f"  - {' '.join(sentence.text.split())}")
                    self.stdout.write(
                        f"    [document {sentence.document_id} {title!r}, "
                        f"{sentence.published_on.isoformat()}, "
                        f"characters {sentence.start}-{sentence.end}]"
                    )


def tilse_text(key_dates: list[KeyDate]) -> str:
    """Key dates in the Timeline17/tilse timeline format."""
    return format_timeline({k.date: [s.text for s in k.sentences] for k in key_dates})


def _messages(errors: dict) -> list[str]:
    return [
        f"--{name}: {' '.join(str(m) for m in messages)}"
        if name != "non_field_errors"
        else " ".join(str(m) for m in messages)
        for name, messages in errors.items()
    ]
