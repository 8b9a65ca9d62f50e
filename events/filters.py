"""Filters shared by the timeline API, the exports and the web page: plain GET parameters."""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django_filters.fields import ModelMultipleChoiceField

from events.analysis.types import Precision
from events.models import Actor, Document, Event

# The largest id either database stores (a signed 64-bit integer).
MAX_ID = 2**63 - 1


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


class TimelineFilter(django_filters.FilterSet):
    actor = IdsFilter(
        field_name="actors",
        queryset=Actor.objects.all(),
        method="with_actors",
        help_text="Actor id (repeatable).",
    )
    document = django_filters.ModelChoiceFilter(
        field_name="excerpts__document",
        queryset=Document.objects.all(),
        distinct=True,
        help_text="Document id: events with an excerpt in that document.",
    )
    # "from" is a Python keyword: these two are renamed to "from" and "to" below the class.
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
    q = django_filters.CharFilter(
        method="search", help_text="Text search in summaries, excerpts and expressions."
    )

    class Meta:
        model = Event
        fields = ["actor", "document", "precision", "status"]

    def with_actors(self, queryset: QuerySet[Event], name: str, value: list) -> QuerySet[Event]:
        # A semi-join (id IN links), not a join and DISTINCT: PostgreSQL then walks the
        # timeline index and stops at the end of the page instead of sorting every match.
        if not value:  # no actor asked for (the validated, already fetched actors)
            return queryset
        links = Event.actors.through.objects.filter(actor__in=value).values("event_id")
        return queryset.filter(pk__in=links)

    def search(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        value = value.strip()
        if not value:
            return queryset
        matching = Event.objects.filter(
            Q(summary__icontains=value)
            | Q(expression__icontains=value)
            | Q(excerpts__text__icontains=value)
        ).values("pk")
        return queryset.filter(pk__in=matching)


# The public parameter names, which Python cannot spell as class attributes.
TimelineFilter.base_filters["from"] = TimelineFilter.base_filters.pop("date_from")
TimelineFilter.base_filters["to"] = TimelineFilter.base_filters.pop("date_to")


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
