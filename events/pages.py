"""The timeline web pages: thin views over the selectors and the timeline's FilterSet.

The events come from ``selectors.timeline_events()`` filtered by ``TimelineFilter``, the same
path as the API, and are paginated by the API's keyset (``events.pagination.keyset_page``), with
"earlier / later" links rather than page numbers: every page reads the same queries however
deep it is and however many events match (the matches counted up to ``COUNT_LIMIT``, the page's
events, their actors and their excerpts, the events merged into them; the filter form's choice
lists and the validation of a chosen actor, document or collection add one query each).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from events import selectors
from events.filters import TimelineFilter, having_actors
from events.models import Actor, Document, Event
from events.pagination import (
    LAST_PAGE,
    Cursor,
    InvalidCursor,
    decode_cursor,
    encode_cursor,
    keyset_page,
)
from events.serializers import StorySummaryQuerySerializer

PAGE_SIZE = 50
# The page says how many events match up to this many ("more than 1000 events" beyond): an
# exact count would read every match, 20 ms at a million events, on every page.
COUNT_LIMIT = 1000


def _filter_params(params: QueryDict) -> QueryDict:
    """The GET parameters without empty values: a form submitted with "any actor" or no dates
    sends ``actor=&from=``, which means "no filter", not an invalid value."""
    cleaned = QueryDict(mutable=True)
    for key, values in params.lists():
        kept = [value for value in values if value.strip()]
        if kept:
            cleaned.setlist(key, kept)
    return cleaned


def _events() -> QuerySet[Event]:
    """The timeline's events, with each event's document joined (without its body) for "how
    this date was resolved": the date it was resolved against is the document's."""
    return selectors.timeline_events().select_related("document").defer("document__body")


@dataclass(frozen=True, slots=True)
class TimelinePage:
    """A page of a web timeline: its events, how many match (at most ``COUNT_LIMIT``, and
    whether there are more) and the links to the first, earlier, later and last pages (None
    where there is no such page)."""

    events: list[Event]
    count: int
    more_than_count: bool
    first: str | None
    earlier: str | None
    later: str | None
    last: str | None


def _link(request: HttpRequest, cursor: Cursor | None) -> str:
    """This URL with ``cursor`` (without one: the first page), its other parameters kept."""
    query = request.GET.copy()
    query.pop("cursor", None)
    if cursor is not None:
        query["cursor"] = encode_cursor(cursor)
    return f"{request.path}?{query.urlencode()}" if query else request.path


def _status(filterset: TimelineFilter) -> int:
    """400 when a filter does not parse: the page still shows the timeline without it, and
    says which and why, but a client (or a crawler) learns the request was wrong."""
    return 400 if filterset.errors else 200


class ActorTimelineFilter(TimelineFilter):
    """An actor's own timeline: its events, or the entries one of its events belongs to."""

    def __init__(self, *args, actor: Actor, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.timeline_actor = actor  # not ``actor``: that name is the ?actor= filter's

    def filter_queryset(self, queryset: QuerySet[Event]) -> QuerySet[Event]:
        queryset = super().filter_queryset(queryset)
        return having_actors(queryset, [self.timeline_actor.pk], merged=self.is_merged())


def _page(request: HttpRequest, filterset: TimelineFilter) -> TimelinePage:
    """The page of timeline items the request's ``cursor`` points to (a 404 for a cursor that
    is not one of ours), each with its entry attached (the other sources that report the same
    happening), unless ``merged=false``."""
    value = request.GET.get("cursor")
    try:
        cursor = decode_cursor(value) if value else None
    except InvalidCursor as error:
        raise Http404(str(error)) from None
    queryset = filterset.qs
    page = keyset_page(queryset, cursor, PAGE_SIZE)
    selectors.attach_entries(page.rows, merged=filterset.is_merged())
    count = queryset.order_by()[: COUNT_LIMIT + 1].count()
    later = page.next is not None or page.next_is_first_page
    return TimelinePage(
        events=page.rows,
        count=min(count, COUNT_LIMIT),
        more_than_count=count > COUNT_LIMIT,
        first=_link(request, None) if page.previous is not None else None,
        earlier=_link(request, page.previous) if page.previous is not None else None,
        later=_link(request, page.next) if later else None,
        last=_link(request, LAST_PAGE) if page.next is not None else None,
    )


@require_safe
def timeline(request: HttpRequest) -> HttpResponse:
    """The timeline, filtered by the GET parameters (actor, from, to, q, document, collection,
    precision, status, merged)."""
    params = _filter_params(request.GET)
    filterset = TimelineFilter(params, queryset=_events())
    actors = selectors.actor_choices(params.getlist("actor"))
    documents = selectors.document_choices(params.get("document"))
    collections = selectors.collection_choices(params.get("collection"))
    chosen_actors = set(params.getlist("actor"))
    context = {
        "filterset": filterset,
        "params": params,
        "page": _page(request, filterset),
        "merged": filterset.is_merged(),
        "actors": actors,
        "documents": documents,
        "chosen_actors": [actor for actor in actors if str(actor.pk) in chosen_actors],
        "chosen_document": next(
            (doc for doc in documents if str(doc.pk) == params.get("document")), None
        ),
        "collections": collections,
        "chosen_collection": next(
            (c for c in collections if params.get("collection") in (str(c.pk), c.slug)), None
        ),
        "filtered": bool(params.keys() - {"cursor"}),
        # The FilterSet's own choices, so the form offers exactly what the API accepts.
        "precisions": filterset.filters["precision"].extra["choices"],
        "chosen_precisions": params.getlist("precision"),
        "statuses": filterset.filters["status"].extra["choices"],
    }
    return render(request, "events/timeline.html", context, status=_status(filterset))


@require_safe
def actor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One actor's own timeline, with its aliases; the timeline's filters apply too."""
    actor = get_object_or_404(selectors.actor_list(), pk=pk)
    filterset = ActorTimelineFilter(_filter_params(request.GET), queryset=_events(), actor=actor)
    context = {"actor": actor, "filterset": filterset, "page": _page(request, filterset)}
    return render(request, "events/actor.html", context, status=_status(filterset))


@require_safe
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A document's full text with every excerpt and date expression highlighted and linked to
    its event; its events listed in reading order."""
    document = get_object_or_404(Document, pk=pk)
    # The timeline filter's "document" condition, without its validation query (which would
    # read the whole body a second time).
    events = list(_events().filter(excerpts__document=document).distinct())

    def first_offset(event: Event) -> int:
        return min(x.start for x in event.excerpts.all() if x.document_id == document.pk)

    events.sort(key=first_offset)
    selectors.attach_entries(events, merged=False)
    return render(request, "events/document.html", {"document": document, "events": events})


# A story page's summary unless its URL asks otherwise: ten key dates, two sentences each.
STORY_DATES = 10
STORY_SENTENCES = 2


@require_safe
def collection_list(request: HttpRequest) -> HttpResponse:
    """The stories (collections), with their numbers of documents."""
    return render(request, "events/collections.html", {"collections": selectors.collection_list()})


@require_safe
def collection_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A story: its key dates (``selectors.story_summary``), each with the sentences of its
    articles that best say what happened that day and their sources, and a link to the
    story's full merged timeline. ``dates``, ``sentences``, ``from`` and ``to`` are the API
    summary's parameters; a bad one is reported and the defaults are used."""
    collection = get_object_or_404(selectors.collection_list(), slug=slug)
    params = _filter_params(request.GET)
    query = StorySummaryQuerySerializer(
        data={"dates": STORY_DATES, "sentences": STORY_SENTENCES, **params.dict()}
    )
    errors = {} if query.is_valid() else query.errors
    chosen = query.validated_data if not errors else {}
    key_dates, titles = selectors.story_summary(
        collection,
        dates=chosen.get("dates", STORY_DATES),
        sentences=chosen.get("sentences", STORY_SENTENCES),
        start=chosen.get("from"),
        end=chosen.get("to"),
    )
    context = {
        "collection": collection,
        "key_dates": [
            {
                "date": key_date.date,
                "documents": key_date.documents,
                "sentences": [
                    {"sentence": sentence, "title": titles.get(sentence.document_id) or ""}
                    for sentence in key_date.sentences
                ],
            }
            for key_date in key_dates
        ],
        "params": params,
        "errors": errors,
        "dates": chosen.get("dates", STORY_DATES),
        "sentences": chosen.get("sentences", STORY_SENTENCES),
    }
    return render(request, "events/collection.html", context, status=400 if errors else 200)
