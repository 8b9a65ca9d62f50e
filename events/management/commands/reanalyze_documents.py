"""python manage.py reanalyze_documents [--document ID ...]"""

from django.core.management.base import BaseCommand, CommandParser
from django.template.defaultfilters import pluralize

from events.models import Document
from events.services.reanalysis import document_reanalyze


class Command(BaseCommand):
    help = (
        "Run the current analysis again on stored documents (all, or those given with "
        "--document), one transaction per document. A machine event found again keeps its id "
        "and is updated; those no longer found are removed and new ones created; events an "
        "editor reviewed are kept as they are."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--document", type=int, action="append", dest="documents", help="Document id."
        )

    def handle(self, *args, documents: list[int] | None, **options) -> None:
        queryset = Document.objects.order_by("id").only("id")
        if documents:
            queryset = queryset.filter(pk__in=documents)
            missing = set(documents) - set(queryset.values_list("id", flat=True))
            if missing:
                self.stderr.write(f"no such document: {', '.join(map(str, sorted(missing)))}")
        totals = {
            "documents": 0,
            "events_removed": 0,
            "events_created": 0,
            "events_updated": 0,
            "events_kept": 0,
        }
        for document in queryset.iterator():
            for key, value in document_reanalyze(document=document).items():
                totals[key] += value
            totals["documents"] += 1
            if totals["documents"] % 100 == 0:
                self.stdout.write(f"... {totals['documents']} documents")
        self.stdout.write(
            self.style.SUCCESS(
                f"{totals['documents']} document{pluralize(totals['documents'])}: "
                f"{totals['events_updated']} events found "
                f"again (same ids), {totals['events_created']} created, "
                f"{totals['events_removed']} no longer found removed, "
                f"{totals['events_kept']} reviewed kept"
            )
        )
