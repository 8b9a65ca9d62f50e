"""Re-analysis: running the current analysis again on a stored document, keeping the ids of
the events it finds again and every event an editor made or reviewed."""

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from events.analysis.extraction import ExtractedEvent, ExtractedExcerpt, analyze_document
from events.models import Document, Event, SourceExcerpt
from events.services.actors import _resolve_actors
from events.services.entries import entries_detach, entries_group
from events.services.imports import _store_analyses, excerpt_row

# The event's own fields that the analysis sets, refreshed in place on an event re-analysis
# finds again.
_ANALYSED_FIELDS = (
    "summary",
    "earliest",
    "latest",
    "precision",
    "expression",
    "resolution",
    "rule",
    "position",
)


def _analysed_values(item: ExtractedEvent) -> dict[str, object]:
    """An extracted event's stored field values (cut to the columns' lengths as the importer
    does)."""
    return {
        "summary": item.summary,
        "earliest": item.earliest,
        "latest": item.latest,
        "precision": item.precision,
        "expression": item.expression[:200],
        "resolution": item.resolution,
        "rule": item.rule[:300],
        "position": item.position,
    }


def _excerpt_key(excerpt: SourceExcerpt | ExtractedExcerpt) -> tuple:
    return (excerpt.start, excerpt.end, excerpt.expression_start, excerpt.expression_end)


# What pairs an old event with a new one: the span of its first excerpt, or of its date
# expression (``expression_end`` is set with ``expression_start``).
_Span = tuple[int, int | None]


def _sentence_span(excerpt: SourceExcerpt | ExtractedExcerpt) -> _Span | None:
    return (excerpt.start, excerpt.end)


def _expression_span(excerpt: SourceExcerpt | ExtractedExcerpt) -> _Span | None:
    if excerpt.expression_start is None:
        return None
    return (excerpt.expression_start, excerpt.expression_end)


def match_reanalysed(
    old: list[Event], found: list[ExtractedEvent]
) -> tuple[list[tuple[Event, ExtractedEvent]], list[Event], list[ExtractedEvent]]:
    """Pair a document's stored machine events with the events a new analysis finds in it, so
    that an event still found keeps its id (links, the ICS ``UID``, an entry's grouping):
    first by the span of the first excerpt (the sentence it stands for), then, among the rest,
    by the span of the date expression in it (the sentence's bounds changed, its date did not).
    Returns the pairs, the stored events no longer found, and the events that are new.

    ``old`` events carry their excerpts in this document, prefetched, first-written first."""
    first = {event.pk: event.excerpts.all()[0] for event in old if event.excerpts.all()}
    pairs: list[tuple[Event, ExtractedEvent]] = []
    rest_old = list(old)
    rest_new = list(found)
    for key in (_sentence_span, _expression_span):
        by_key: dict[_Span, Event] = {}
        for event in rest_old:
            excerpt = first.get(event.pk)
            span = key(excerpt) if excerpt is not None else None
            if span is not None:
                by_key.setdefault(span, event)
        unmatched: list[ExtractedEvent] = []
        for item in rest_new:
            span = key(item.excerpts[0]) if item.excerpts else None
            same = by_key.pop(span, None) if span is not None else None
            if same is None:
                unmatched.append(item)
            else:
                pairs.append((same, item))
        paired = {event.pk for event, _ in pairs}
        rest_old = [event for event in rest_old if event.pk not in paired]
        rest_new = unmatched
    return pairs, rest_old, rest_new


def _refresh_events(
    document: Document, pairs: list[tuple[Event, ExtractedEvent]], actor_ids: dict[str, int]
) -> None:
    """Write what the analysis now says into the events it found again, keeping their ids:
    changed fields, excerpts (an unchanged excerpt keeps its id too) and actors."""
    changed_events = []
    now = timezone.now()
    for event, item in pairs:
        values = _analysed_values(item)
        if any(getattr(event, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(event, name, value)
            event.updated_at = now
            changed_events.append(event)
    Event.objects.bulk_update(changed_events, [*_ANALYSED_FIELDS, "updated_at"])

    stale_excerpts: list[int] = []
    new_excerpts: list[SourceExcerpt] = []
    for event, item in pairs:
        stored = {_excerpt_key(x): x for x in event.excerpts.all()}
        for excerpt in item.excerpts:
            if stored.pop(_excerpt_key(excerpt), None) is None:
                new_excerpts.append(excerpt_row(document, event, excerpt))
        stale_excerpts += [x.pk for x in stored.values()]
    SourceExcerpt.objects.filter(pk__in=stale_excerpts).delete()
    SourceExcerpt.objects.bulk_create(new_excerpts)

    Through = Event.actors.through
    wanted = {(event.pk, actor_ids[actor.key]) for event, item in pairs for actor in item.actors}
    links = Through.objects.filter(event_id__in=[event.pk for event, _ in pairs])
    stored_links = set(links.values_list("event_id", "actor_id"))
    for event_id, actor_id in stored_links - wanted:
        Through.objects.filter(event_id=event_id, actor_id=actor_id).delete()
    Through.objects.bulk_create(
        [Through(event_id=e, actor_id=a) for e, a in sorted(wanted - stored_links)],
        ignore_conflicts=True,
    )


@transaction.atomic
def document_reanalyze(*, document: Document) -> dict[str, int]:
    """Run the current analysis again on a stored document (after the analysis improved).

    A machine event the analysis finds again keeps its id (``match_reanalysed``) and takes the
    new analysis's date, summary, excerpts and actors; events no longer found are deleted and
    new ones created. Events an editor reviewed, or whose grouping an editor made, are kept
    exactly as they are, and no new event is made for the sentence such an event stands for.
    The events found again are grouped into entries anew, as new events are.
    """
    # Lock the row: two re-analyses of one document must not interleave.
    document = Document.objects.select_for_update().get(pk=document.pk)
    # An editor's events are kept: those reviewed and those whose grouping an editor made.
    reviewed = SourceExcerpt.objects.filter(document=document).filter(
        Q(event__status=Event.Status.REVIEWED) | Q(event__grouping_confirmed=True)
    )
    keep = frozenset(reviewed.values_list("start", "end"))
    machine = Event.objects.filter(
        document=document, status=Event.Status.MACHINE, grouping_confirmed=False
    )
    # Only events this document alone supports: an event with excerpts elsewhere stays.
    machine = machine.exclude(excerpts__in=SourceExcerpt.objects.exclude(document=document))
    old = list(
        machine.order_by("pk").prefetch_related(
            Prefetch("excerpts", queryset=SourceExcerpt.objects.order_by("pk"))
        )
    )
    analysis = analyze_document(document.body, document.published_on, document.language)
    found = [
        item
        for item in analysis.events
        if (item.excerpts[0].start, item.excerpts[0].end) not in keep
    ]
    pairs, gone, _ = match_reanalysed(old, found)

    # The events found again leave their entries (which keep together without them) and are
    # grouped again below, as if new: their dates or words may have changed.
    again = [event.pk for event, _ in pairs]
    entries_detach(event_ids=[*again, *(event.pk for event in gone)])
    Event.objects.filter(pk__in=again).update(merged_into=None, date_conflict=False)
    Event.objects.filter(pk__in=[event.pk for event in gone]).delete()
    (actor_ids,) = _resolve_actors([analysis.actors])
    _refresh_events(document, pairs, actor_ids)
    # The new events: everything found but the editors' and the events found again.
    (created,) = _store_analyses(
        [(document, analysis)], keep=keep | {(x.start, x.end) for x in _firsts(pairs)}
    )
    entries_group(event_ids=again)
    kept = Event.objects.filter(excerpts__in=reviewed).distinct().count()
    return {
        "events_removed": len(gone),
        "events_created": created,
        "events_updated": len(pairs),
        "events_kept": kept,
    }


def _firsts(pairs: list[tuple[Event, ExtractedEvent]]) -> list[ExtractedExcerpt]:
    """The first excerpt of each newly found event of ``pairs``."""
    return [item.excerpts[0] for _, item in pairs]
