"""Filters shared by the timeline API, the exports and the web page: plain GET parameters."""

import re
from collections.abc import Sequence

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django_filters.fields import ModelMultipleChoiceField

from events import query_shapes, search
from events.analysis.types import Precision
from events.models import Actor, Collection, Document, Event, SourceExcerpt

# The largest id either database stores (a signed 64-bit integer).
MAX_ID = 2**63 - 1
# What a SlugField holds (Django's validate_slug).
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")


class IdsField(ModelMultipleChoiceField):
    """Ids of stored rows. A number past the 64-bit range is no row's id, so it is an invalid
    choice (400) rather than a query: SQLite cannot even compare it and would fail (500)."""

    def _check_values(self, value: list) -> list:
        for pk in value:
            text = str(pk).strip().removeprefix("-")
            if text.isdecimal() and int(text) > MAX_ID:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class IdsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = IdsField


ERROR_NO_COLLECTION = "No collection has the id or slug {value!r}."


def collection_lookup(value: str) -> Q | None:
    """The condition that finds a collection by id (digits) or by slug (anything else), or
    None for a value that can be neither (an id past 64 bits, which SQLite cannot compare).
    A slug made only of digits is reached by its id, which it is taken for."""
    value = value.strip()
    if value.isdecimal() and value.isascii():
        return Q(pk=int(value)) if int(value) <= MAX_ID else None
    # Not a slug (a NUL byte, which PostgreSQL refuses, among others): no collection has it.
    return Q(slug=value) if _SLUG.fullmatch(value) else None


class CollectionField(forms.ModelChoiceField):
    """A collection named by its id or its slug; anything else is a validation error (400 in
    the API, reported on the web page), never a failed query."""

    def to_python(self, value: object) -> Collection | None:
        if value in self.empty_values:
            return None
        condition = collection_lookup(str(value))
        collections = self.queryset if self.queryset is not None else Collection.objects.all()
        found = None if condition is None else collections.filter(condition).first()
        if found is None:
            raise ValidationError(ERROR_NO_COLLECTION.format(value=str(value)), code="invalid")
        return found


class CollectionFilter(django_filters.ModelChoiceFilter):
    field_class = CollectionField


# What the timeline shows unless ?modality= asks otherwise: what happened and what was said;
# plans, forecasts, opinions and hypotheticals are there on request.
DEFAULT_MODALITIES = (Event.Modality.FACT, Event.Modality.STATEMENT)
ALL_MODALITIES = "all"
MODALITY_ERROR = "unknown modality {value!r}: use a comma-separated list of {choices}, or 'all'"


def parse_modalities(value: str) -> list[str] | None:
    """``"plan,opinion"`` -> the modalities; ``"all"`` -> None (no restriction).

    Raises ``ValidationError`` naming the first value that is not a modality."""
    wanted = [part.strip().lower() for part in value.split(",") if part.strip()]
    if ALL_MODALITIES in wanted:
        return None
    choices = list(Event.Modality.values)
    for item in wanted:
        if item not in choices:
            raise ValidationError(
                MODALITY_ERROR.format(value=item, choices=", ".join(choices)), code="invalid"
            )
    return wanted


class ModalitiesField(forms.CharField):
    """Checks ?modality= when the form is validated: a bad value is a 400 naming it."""

    def clean(self, value: str | None) -> str:
        value = super().clean(value)
        if value:
            parse_modalities(value)
        return value


class ModalitiesFilter(django_filters.CharFilter):
    field_class = ModalitiesField


def having_events(
    queryset: QuerySet[Event], matching: QuerySet[Event], *, merged: bool
) -> QuerySet[Event]:
    """The items with an event in ``matching``: those events, or, for entries (``merged``), the
    entries that any of them belongs to (a source of the entry names the actor, holds the
    words). A semi-join (id IN ...), not a join and DISTINCT: PostgreSQL then walks the timeline
    index and stops at the end of the page instead of sorting every match."""
    if merged:
        entries = matching.order_by().annotate(entry=Coalesce("merged_into_id", "id"))
        return queryset.filter(pk__in=entries.values("entry"))
    return queryset.filter(pk__in=matching.order_by().values("pk"))


def actors_are_common(actor_ids: Sequence[int]) -> bool:
    """Whether one of the actors is on a common share of the events, in a sample of them, all
    along it (``query_shapes.is_common``): then their timeline is walked, not collected."""
    if not query_shapes.can_walk():
        return False
    # A range of one id, as in ``naming``: one index probe per sampled event, not a hash of
    # every link of the actors.
    predicate = (
        "EXISTS (SELECT 1 FROM events_event_actors ea WHERE ea.actor_id = ANY(%s)"
        " AND ea.event_id >= t.id AND ea.event_id <= t.id)"
    )
    return query_shapes.is_common(query_shapes.sample("events_event", predicate, [list(actor_ids)]))


def naming(actor_ids: Sequence[int], *, merged: bool) -> Q:
    """The condition that the item (the query's own row) names one of the actors: the event,
    or, for an entry, the event or one of the events merged into it. Checked item by item as
    the timeline is walked.

    Each link is looked up as a range of one id (``>=`` and ``<=``), not an equality:
    PostgreSQL turns an equality into a hash of every link of the actor (20,000 at a million
    events, each read to find its entry) built before the first row, which is what collecting
    costs; a range it can only probe, one index lookup per item walked."""
    links = Event.actors.through.objects.filter(actor_id__in=actor_ids)
    own = links.filter(event_id__gte=OuterRef("pk"), event_id__lte=OuterRef("pk"))
    condition = Q(Exists(own))
    if merged:
        members = links.filter(
            event__merged_into_id__gte=OuterRef("pk"), event__merged_into_id__lte=OuterRef("pk")
        )
        condition |= Q(Exists(members))
    return condition


def having_actors(
    queryset: QuerySet[Event], actor_ids: Sequence[int], *, merged: bool
) -> QuerySet[Event]:
    """The items that name one of the actors (an entry: any of its sources), in one of two
    shapes (``events/query_shapes.py``): walked for a common actor, collected otherwise."""
    if actors_are_common(actor_ids):
        return queryset.filter(naming(actor_ids, merged=merged))
    links = Event.actors.through.objects.filter(actor_id__in=actor_ids).values("event_id")
    return having_events(queryset, Event.objects.filter(pk__in=links), merged=merged)


class SearchField(forms.CharField):
    """?q=: a text with a word of at least three letters or digits (events/search.py)."""

    def clean(self, value: str | None) -> str:
        value = super().clean(value)
        if value and value.strip() and not search.searchable(value):
            raise ValidationError(search.ERROR_TOO_SHORT, code="invalid")
        return value


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class TimelineFilter(django_filters.FilterSet):
    actor = IdsFilter(
        field_name="actors",
        queryset=Actor.objects.all(),
        method="with_actors",
        help_text="Actor id (repeatable).",
    )
    document = django_filters.ModelChoiceFilter(
        queryset=Document.objects.all(),
        method="in_document",
        help_text="Document id: events with an excerpt in that document.",
    )
    # "from" is a Python keyword: these two are renamed to "from" and "to" by get_filters.
    date_from = django_filters.DateFilter(
        field_name="latest",
        lookup_expr="gte",
        label="from",
        help_text="Events whose interval ends on or after this day (YYYY-MM-DD).",
    )
    date_to = django_filters.DateFilter(
        field_name="earliest",
        lookup_expr="lte",
        label="to",
        help_text="Events whose interval starts on or before this day (YYYY-MM-DD).",
    )
    precision = django_filters.MultipleChoiceFilter(
        choices=[(p.value, p.value) for p in Precision], help_text="Precision (repeatable)."
    )
    status = django_filters.ChoiceFilter(choices=Event.Status.choices)
    collection = CollectionFilter(
        queryset=Collection.objects.only("id", "name", "slug"),
        method="in_collection",
        help_text="Collection (story) id or slug: events with an excerpt in one of its documents.",
    )
    modality = ModalitiesFilter(
        method="with_modalities",
        help_text="Comma-separated modalities (fact, statement, plan, opinion) or 'all'. "
        "Without it: facts and statements.",
    )
    q = SearchFilter(
        method="search",
        help_text="Text search in summaries, excerpts and expressions (any case, part of a "
        "word too); it must hold a word of at least three letters or digits.",
    )
    merged = django_filters.BooleanFilter(
        method="as_entries",
        help_text="true (the default on the timeline): one item per happening, listing every "
        "document that reports it; false: every event as its own document gave it.",
    )
    # Whether a request that says nothing about ``merged`` gets entries (the timeline) or every
    # event (the events' own list).
    merged_by_default = True

    # The modalities shown when the request names none (None: every event).
    default_modalities: tuple[str, ...] | None = DEFAULT_MODALITIES

    class Meta:
        model = Event
        fields = ["actor", "document", "precision", "status", "modality"]

    def with_modalities(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        modalities = parse_modalities(value)  # valid: ModalitiesField checked it
        return queryset if modalities is None else queryset.filter(modality__in=modalities)

    @classmethod
    def get_filters(cls) -> dict:
        # The public parameter names, which Python cannot spell as class attributes (for this
        # class and its subclasses alike: each class's filters are collected anew).
        filters = super().get_filters()
        filters["from"] = filters.pop("date_from")
        filters["to"] = filters.pop("date_to")
        return filters

    def is_merged(self) -> bool:
        """Whether the items are entries (merged across documents) or single events."""
        value = None
        if self.is_bound and self.form.is_valid():
            value = self.form.cleaned_data.get("merged")
        return self.merged_by_default if value is None else value

    @classmethod
    def unfiltered(cls, queryset: QuerySet[Event]) -> QuerySet[Event]:
        """What ``filter_queryset`` gives a request that sets no filter, without building the
        FilterSet and its form: the default modalities, and only entries if merged by default."""
        if cls.default_modalities is not None:
            queryset = queryset.filter(modality__in=cls.default_modalities)
        return queryset.filter(merged_into__isnull=True) if cls.merged_by_default else queryset

    def filter_queryset(self, queryset: QuerySet[Event]) -> QuerySet[Event]:
        queryset = super().filter_queryset(queryset)
        asked = (self.form.cleaned_data.get("modality") or "").strip()
        if not asked and self.default_modalities is not None:
            queryset = queryset.filter(modality__in=self.default_modalities)
        return queryset.filter(merged_into__isnull=True) if self.is_merged() else queryset

    def as_entries(self, queryset: QuerySet[Event], name: str, value: bool) -> QuerySet[Event]:
        return queryset  # applied by filter_queryset, after the other filters

    def having_events(
        self, queryset: QuerySet[Event], matching: QuerySet[Event]
    ) -> QuerySet[Event]:
        return having_events(queryset, matching, merged=self.is_merged())

    def with_actors(self, queryset: QuerySet[Event], name: str, value: list) -> QuerySet[Event]:
        if not value:  # no actor asked for (the validated, already fetched actors)
            return queryset
        ids = [actor.pk for actor in value]
        return having_actors(queryset, ids, merged=self.is_merged())

    def in_document(
        self, queryset: QuerySet[Event], name: str, value: Document | None
    ) -> QuerySet[Event]:
        if value is None:
            return queryset
        excerpts = SourceExcerpt.objects.filter(document=value).values("event_id")
        return self.having_events(queryset, Event.objects.filter(pk__in=excerpts))

    def in_collection(
        self, queryset: QuerySet[Event], name: str, value: Collection | None
    ) -> QuerySet[Event]:
        # A semi-join, as for actors: the timeline index still gives the order.
        if value is None:
            return queryset
        members = Collection.documents.through.objects.filter(collection=value)
        excerpts = SourceExcerpt.objects.filter(document_id__in=members.values("document_id"))
        return self.having_events(
            queryset, Event.objects.filter(pk__in=excerpts.values("event_id"))
        )

    def search(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        # Two query shapes, one meaning (events/search.py): a common text is checked item by
        # item along the timeline, any other is looked up in the trigram indexes.
        value = value.strip()
        if not value:
            return queryset
        if search.walks(value):
            merged = self.is_merged()
            return queryset.filter(search.entry_holds(value) if merged else search.holds(value))
        return self.having_events(queryset, search.collected(value))


class EventFilter(TimelineFilter):
    """The events' own list (``/api/events/``, for editing): every event unless
    ``merged=true``, of every modality unless ``modality`` asks."""

    merged_by_default = False
    default_modalities = None


class DocumentFilter(django_filters.FilterSet):
    """The document list's filter: the documents of one collection."""

    collection = CollectionFilter(
        field_name="collections",
        queryset=Collection.objects.only("id", "name", "slug"),
        help_text="Collection (story) id or slug: its documents.",
    )

    class Meta:
        model = Document
        fields = ["collection"]


class ActorFilter(django_filters.FilterSet):
    """The actor list's filters: by kind, and the actors a document names (with or without a
    dated event: every actor the analysis found in its text)."""

    document = django_filters.ModelChoiceFilter(
        field_name="documents",
        queryset=Document.objects.all(),
        help_text="Document id: the actors its text names.",
    )

    class Meta:
        model = Actor
        fields = ["kind", "document"]
