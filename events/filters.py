"""Filters shared by the timeline API, the exports and the web page: plain GET parameters."""

import django_filters
from django.db.models import Q, QuerySet

from events.analysis.types import Precision
from events.models import Actor, Document, Event


class TimelineFilter(django_filters.FilterSet):
    actor = django_filters.ModelMultipleChoiceFilter(
        field_name="actors", queryset=Actor.objects.all(), help_text="Actor id (repeatable)."
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
