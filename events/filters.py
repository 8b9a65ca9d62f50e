"""Filters shared by the timeline API, the exports and the web page: plain GET parameters."""

import django_filters
from django import forms
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
    modality = ModalitiesFilter(
        method="with_modalities",
        help_text="Comma-separated modalities (fact, statement, plan, opinion) or 'all'. "
        "Without it: facts and statements.",
    )
    q = django_filters.CharFilter(
        method="search", help_text="Text search in summaries, excerpts and expressions."
    )

    # The modalities shown when the request names none (None: every event).
    default_modalities: tuple[str, ...] | None = DEFAULT_MODALITIES

    class Meta:
        model = Event
        fields = ["actor", "document", "precision", "status", "modality"]

    def filter_queryset(self, queryset: QuerySet[Event]) -> QuerySet[Event]:
        queryset = super().filter_queryset(queryset)
        asked = (self.form.cleaned_data.get("modality") or "").strip()
        if not asked and self.default_modalities is not None:
            queryset = queryset.filter(modality__in=self.default_modalities)
        return queryset

    def with_modalities(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        modalities = parse_modalities(value)  # valid: ModalitiesField checked it
        return queryset if modalities is None else queryset.filter(modality__in=modalities)

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


class EventFilter(TimelineFilter):
    """/api/events/ (editing): the timeline's filters, but every modality unless asked."""

    default_modalities = None


# The public parameter names, which Python cannot spell as class attributes.
TimelineFilter.base_filters["from"] = TimelineFilter.base_filters.pop("date_from")
TimelineFilter.base_filters["to"] = TimelineFilter.base_filters.pop("date_to")
