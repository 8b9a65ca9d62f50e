"""Explicit API shapes. The timeline item is read-only and nests what a reader needs; the
model serializers used for writes expose plain ids."""

import copy
from collections.abc import Hashable, Iterable, Sequence
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Field, Manager, Model, QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS
from rest_framework.validators import UniqueValidator

from events import selectors
from events.analysis.summarize import KeyDate, SummarySentence
from events.filters import MAX_ID
from events.inputs import (
    MAX_COLLECTION_NAME_LENGTH,
    MAX_COLLECTIONS,
    MAX_TITLE_LENGTH,
    MAX_URL_LENGTH,
    InputError,
    validate,
)
from events.models import (
    Actor,
    ActorAlias,
    Collection,
    Document,
    Event,
    ImportFailure,
    ImportJob,
    SourceExcerpt,
)


def check_model(
    serializer: serializers.ModelSerializer[Any], attrs: dict[str, Any]
) -> dict[str, Any]:
    """Run the model's own validation (``clean()``: excerpt offsets, names already taken) and
    its database constraints before the write, so a violation is a 400 naming the field, as in
    the admin, not a 500 from an IntegrityError."""
    model: type[Model] = serializer.Meta.model
    values = {
        name: value
        for name, value in attrs.items()
        if not isinstance(serializer.fields.get(name), serializers.ManyRelatedField)
    }
    if serializer.instance is None:
        candidate = model(**values)
    else:
        candidate = copy.copy(serializer.instance)
        for name, value in values.items():
            setattr(candidate, name, value)
    try:
        candidate.clean()
        candidate.validate_constraints()
    except DjangoValidationError as error:
        detail = serializers.as_serializer_error(error)
        raise serializers.ValidationError(
            {
                "non_field_errors" if key == NON_FIELD_ERRORS else key: value
                for key, value in detail.items()
            }
        ) from None
    return attrs


# The most ids a write may name in one list (an event's actors): a longer list is refused before
# anything is looked up (200,000 ids were 200,000 queries and 30 s).
MAX_RELATED_IDS = 1000


class BoundedManyRelatedField(serializers.ManyRelatedField):
    """A list of ids of at most ``MAX_RELATED_IDS``, all looked up in one query."""

    default_error_messages = {
        **serializers.ManyRelatedField.default_error_messages,
        "too_many": f"Ensure this list has at most {MAX_RELATED_IDS} ids.",
    }

    def to_internal_value(self, data: object) -> list[Model]:
        if isinstance(data, str) or not hasattr(data, "__iter__"):
            self.fail("not_a_list", input_type=type(data).__name__)
        data = list(data)
        if len(data) > MAX_RELATED_IDS:
            self.fail("too_many")
        if not self.allow_empty and not data:
            self.fail("empty")
        ids: list[int] = []
        for value in data:
            if isinstance(value, bool) or not isinstance(value, int | str):
                self.child_relation.fail("incorrect_type", data_type=type(value).__name__)
            text = str(value).strip()
            if not (text.isascii() and text.isdecimal()) or int(text) > MAX_ID:
                self.child_relation.fail("does_not_exist", pk_value=value)
            ids.append(int(text))
        # A writable related field has a queryset (DRF asserts it); the stubs allow None.
        queryset = cast(QuerySet[Model], self.child_relation.get_queryset())
        rows = queryset.in_bulk(set(ids))
        for pk in ids:
            if pk not in rows:
                self.child_relation.fail("does_not_exist", pk_value=pk)
        return [rows[pk] for pk in dict.fromkeys(ids)]


class BoundedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A related id; as a list (``many=True``), a :class:`BoundedManyRelatedField`."""

    @classmethod
    def many_init(cls, *args: Any, **kwargs: Any) -> BoundedManyRelatedField:
        list_kwargs: dict[str, Any] = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return BoundedManyRelatedField(**list_kwargs)


class ActorBriefSerializer(serializers.ModelSerializer[Actor]):
    class Meta:
        model = Actor
        fields = ["id", "name", "kind"]


class ExcerptBriefSerializer(serializers.ModelSerializer[SourceExcerpt]):
    document_title = serializers.CharField(source="document.title", read_only=True)
    document_url = serializers.CharField(source="document.url", read_only=True)

    class Meta:
        model = SourceExcerpt
        fields = [
            "id",
            "document",
            "document_title",
            "document_url",
            "start",
            "end",
            "text",
            "expression_start",
            "expression_end",
        ]


# The event (write) shape: the event's own fields, which its timeline item shows (one
# definition, selectors.ITEM_FIELDS), and its actors by id.
EVENT_FIELDS = [*selectors.ITEM_FIELDS, "actors"]


class SourceBriefSerializer(serializers.Serializer):
    """One source of a timeline entry: an event as one document reported it, with its date."""

    event = serializers.IntegerField()
    document = serializers.IntegerField(allow_null=True)
    document_title = serializers.CharField(allow_null=True)
    document_url = serializers.CharField(allow_null=True)
    published_on = serializers.DateField(allow_null=True)
    earliest = serializers.DateField()
    latest = serializers.DateField()
    precision = serializers.CharField()
    expression = serializers.CharField()
    resolution = serializers.CharField(
        help_text='How the source dated it: "document" when by its reporting time (such '
        "dates never make a date conflict)."
    )


class FirstReportedSerializer(serializers.Serializer):
    document = serializers.IntegerField()
    document_title = serializers.CharField()
    published_on = serializers.DateField()


class DateAlternativeSerializer(serializers.Serializer):
    earliest = serializers.DateField()
    latest = serializers.DateField()
    precision = serializers.CharField()
    sources = serializers.IntegerField(help_text="How many of the entry's events give it.")


class TimelineItemListSerializer(serializers.ListSerializer):
    """A list of timeline items, built in a constant number of queries by the selector."""

    def to_representation(
        self, data: Manager[Event] | QuerySet[Event] | Iterable[Event]
    ) -> list[dict[str, Any]]:
        events = list(data.all() if hasattr(data, "all") else data)
        return selectors.timeline_items(events, merged=self.context.get("merged", False))


def _choices(field: "Field[Any, Any]") -> Sequence[tuple[str, str]]:
    """The choices of a model field that has them (the stubs allow a field none)."""
    return cast(Sequence[tuple[str, str]], field.choices)


class TimelineEventSerializer(serializers.Serializer[Event]):
    """One timeline item: an event (or, merged, the entry it represents), its actors, its source
    excerpts and its sources. The shape is built by ``selectors.timeline_items``, its one
    definition; this serializer documents it for the schema and delegates to it (a test holds
    the two equal)."""

    id = serializers.IntegerField()
    summary = serializers.CharField()
    earliest = serializers.DateField()
    latest = serializers.DateField()
    precision = serializers.ChoiceField(choices=_choices(Event._meta.get_field("precision")))
    expression = serializers.CharField()
    resolution = serializers.ChoiceField(choices=_choices(Event._meta.get_field("resolution")))
    rule = serializers.CharField()
    status = serializers.ChoiceField(choices=Event.Status.choices)
    modality = serializers.ChoiceField(choices=Event.Modality.choices)
    after_publication = serializers.BooleanField()
    source_removed = serializers.BooleanField()
    document = serializers.IntegerField(allow_null=True)
    position = serializers.IntegerField()
    actors = ActorBriefSerializer(many=True)
    excerpts = ExcerptBriefSerializer(many=True)
    sources = SourceBriefSerializer(
        many=True, help_text="Every event merged into this entry (itself included), by publication."
    )
    source_count = serializers.IntegerField(help_text="Documents that report it.")
    first_reported = FirstReportedSerializer(
        allow_null=True, help_text="The document that reported it first (earliest publication)."
    )
    date_conflict = serializers.BooleanField(help_text="Its sources disagree on the date.")
    date_alternatives = DateAlternativeSerializer(
        many=True, help_text="When the sources disagree: each date given, with how many give it."
    )

    class Meta:
        list_serializer_class = TimelineItemListSerializer

    def to_representation(self, instance: Event) -> dict[str, Any]:
        (item,) = selectors.timeline_items([instance], merged=self.context.get("merged", False))
        return item


class EventSerializer(serializers.ModelSerializer[Event]):
    """Create and update events; actors by id. An edit through the API is an editor's edit,
    so it marks the event reviewed unless the request says otherwise."""

    serializer_related_field = BoundedPrimaryKeyRelatedField

    class Meta:
        model = Event
        fields = [*EVENT_FIELDS, "created_at", "updated_at"]
        read_only_fields = ["source_removed", "created_at", "updated_at"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        earliest = attrs.get("earliest", getattr(self.instance, "earliest", None))
        latest = attrs.get("latest", getattr(self.instance, "latest", None))
        if earliest and latest and earliest > latest:
            raise serializers.ValidationError({"latest": "must be on or after earliest"})
        return check_model(self, attrs)


class ActorSerializer(serializers.ModelSerializer[Actor]):
    aliases: serializers.SlugRelatedField[ActorAlias] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="alias"
    )

    class Meta:
        model = Actor
        fields = ["id", "name", "kind", "title", "aliases", "reviewed", "created_at"]
        read_only_fields = ["reviewed", "created_at"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return check_model(self, attrs)


class ActorAliasSerializer(serializers.ModelSerializer[ActorAlias]):
    class Meta:
        model = ActorAlias
        fields = ["id", "actor", "alias", "machine"]
        read_only_fields = ["machine"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return check_model(self, attrs)


class DocumentSerializer(serializers.ModelSerializer[Document]):
    # A plain string: the schema would call a URLField "format: uri", which "" (no URL) is not.
    url = serializers.CharField(read_only=True, help_text="The document's URL, or empty.")

    class Meta:
        model = Document
        fields = ["id", "title", "url", "published_on", "language", "content_hash", "imported_at"]
        read_only_fields = fields


class DocumentDetailSerializer(DocumentSerializer):
    # Every actor the text names, also those of sentences that make no event.
    actors = ActorBriefSerializer(many=True, read_only=True)

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "body", "actors"]
        read_only_fields = fields


class StrictCharField(serializers.CharField):
    """A string and nothing else: DRF's CharField would take 12345 for "12345"."""

    def to_internal_value(self, data: object) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class DocumentImportSerializer(serializers.Serializer):
    """The JSON import format: the same object the import_documents command reads, with the
    same rules (unknown fields are refused, as the command refuses them)."""

    date = StrictCharField(help_text="Publication date, YYYY-MM-DD.")
    text = StrictCharField(trim_whitespace=False, help_text="The document body.")
    title = StrictCharField(
        required=False, allow_blank=True, max_length=MAX_TITLE_LENGTH, default=""
    )
    url = StrictCharField(required=False, allow_blank=True, max_length=MAX_URL_LENGTH, default="")
    collections = serializers.ListField(
        child=StrictCharField(max_length=MAX_COLLECTION_NAME_LENGTH),
        required=False,
        max_length=MAX_COLLECTIONS,
        help_text="Names of the collections (stories) the document joins, created if new "
        "(needs the permissions events.change_collection, and events.add_collection for a "
        "new one).",
    )
    language = StrictCharField(
        required=False,
        help_text="ISO 639-1 code of the text's language (e.g. 'es'); detected when left out.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # The browsable API's HTML form posts its CSRF token along with the fields.
        unknown = sorted(set(self.initial_data) - set(self.fields) - {"csrfmiddlewaretoken"})
        if unknown:
            raise serializers.ValidationError({name: ["unknown field"] for name in unknown})
        try:
            attrs["document"] = validate(
                published_on=attrs["date"],
                body=attrs["text"],
                title=attrs.get("title", ""),
                url=attrs.get("url", ""),
                source="request",
                max_bytes=settings.TIMELINE_MAX_DOCUMENT_BYTES,
                collections=attrs.get("collections"),
                language=attrs.get("language"),
            )
        except InputError as error:
            raise serializers.ValidationError({error.field or "text": [str(error)]}) from None
        return attrs


class DocumentImportResultSerializer(DocumentDetailSerializer):
    events = TimelineEventSerializer(many=True, read_only=True)

    class Meta(DocumentDetailSerializer.Meta):
        fields = [*DocumentDetailSerializer.Meta.fields, "events"]
        read_only_fields = fields


class CollectionSerializer(serializers.ModelSerializer[Collection]):
    """A collection (story). ``slug`` may be left out: it is then made from the name, unique."""

    slug = serializers.SlugField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="Made from the name when left out or empty.",
        validators=[UniqueValidator(queryset=Collection.objects.all())],
    )
    document_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Collection
        fields = ["id", "name", "slug", "description", "created_at", "document_count"]
        read_only_fields = ["created_at", "document_count"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return check_model(self, attrs)


class CollectionDetailSerializer(CollectionSerializer):
    """A collection with its documents' ids (documents are added by importing with
    ``--collection``, by the JSON format's ``"collections"``, or in the admin)."""

    documents: serializers.PrimaryKeyRelatedField[Document] = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True
    )

    class Meta(CollectionSerializer.Meta):
        fields = [*CollectionSerializer.Meta.fields, "documents"]
        read_only_fields = [*CollectionSerializer.Meta.read_only_fields, "documents"]


class SourceExcerptSerializer(serializers.ModelSerializer[SourceExcerpt]):
    class Meta:
        model = SourceExcerpt
        fields = [
            "id",
            "document",
            "event",
            "start",
            "end",
            "text",
            "expression_start",
            "expression_end",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # SourceExcerpt.clean() checks the offsets against the document's text.
        return check_model(self, attrs)


# The largest summary one request may ask for: a story of a few years has a few hundred key days.
MAX_SUMMARY_DATES = 1000
MAX_SUMMARY_SENTENCES = 50
ERROR_SUMMARY_WINDOW = "'from' ({start}) is after 'to' ({end})"


class StorySummaryQuerySerializer(serializers.Serializer):
    """The parameters of a story summary: ``dates`` (K) and ``sentences`` (N), required, and an
    optional publication window ``from``/``to`` (YYYY-MM-DD, inclusive)."""

    dates = serializers.IntegerField(min_value=1, max_value=MAX_SUMMARY_DATES)
    sentences = serializers.IntegerField(min_value=1, max_value=MAX_SUMMARY_SENTENCES)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        # "from" is a Python keyword: declared here rather than as class attributes.
        fields["from"] = serializers.DateField(required=False, input_formats=["%Y-%m-%d"])
        fields["to"] = serializers.DateField(required=False, input_formats=["%Y-%m-%d"])
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("from"), attrs.get("to")
        if start and end and start > end:
            raise serializers.ValidationError(ERROR_SUMMARY_WINDOW.format(start=start, end=end))
        return attrs


class SummarySentenceSerializer(serializers.Serializer):
    """One sentence of a key date: a span of a document's text (``text == body[start:end]``)."""

    document = serializers.IntegerField(source="document_id")
    document_title = serializers.SerializerMethodField()
    published_on = serializers.DateField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()

    def get_document_title(self, sentence: SummarySentence) -> str:
        return self.context.get("titles", {}).get(sentence.document_id, "")


class KeyDateSerializer(serializers.Serializer):
    """A key date: its score, how many documents refer to it (day precision), its sentences."""

    date = serializers.DateField()
    score = serializers.FloatField()
    documents = serializers.IntegerField()
    sentences = SummarySentenceSerializer(many=True)


class StorySummarySerializer(serializers.Serializer):
    """A story's key-date summary and the parameters it was made with."""

    collection = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    dates = serializers.IntegerField()
    sentences = serializers.IntegerField()
    key_dates = KeyDateSerializer(many=True)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        fields["from"] = serializers.DateField(allow_null=True)
        fields["to"] = serializers.DateField(allow_null=True)
        return fields


def story_summary_data(
    collection: Collection,
    params: dict[str, Any],
    key_dates: list[KeyDate],
    titles: dict[Hashable, str],
) -> dict[str, Any]:
    """The summary as the API answers it and ``summarize_timeline --format json`` prints it:
    the key dates with the query's parameters (``StorySummaryQuerySerializer``'s)."""
    return StorySummarySerializer(
        {
            "collection": collection.pk,
            "slug": collection.slug,
            "name": collection.name,
            "dates": params["dates"],
            "sentences": params["sentences"],
            "from": params.get("from"),
            "to": params.get("to"),
            "key_dates": key_dates,
        },
        context={"titles": titles},
    ).data


class ImportFailureSerializer(serializers.ModelSerializer[ImportFailure]):
    class Meta:
        model = ImportFailure
        fields = ["position", "source", "reason"]
        read_only_fields = fields


class ImportJobSerializer(serializers.ModelSerializer[ImportJob]):
    """A queued import: where it stands, its counts, and why each failed document failed
    (the first ``MAX_FAILURES_SHOWN``, in input order; ``failed`` counts them all)."""

    MAX_FAILURES_SHOWN = 1000

    url = serializers.HyperlinkedIdentityField(view_name="importjob-detail")
    failures = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "url",
            "status",
            "source",
            "documents",
            "batches",
            "batches_done",
            "created",
            "unchanged",
            "failed",
            "events",
            "created_at",
            "started_at",
            "finished_at",
            "failures",
        ]
        read_only_fields = fields

    @extend_schema_field(ImportFailureSerializer(many=True))
    def get_failures(self, job: ImportJob) -> list[dict[str, Any]]:
        shown = job.failures.all()[: self.MAX_FAILURES_SHOWN]
        # many=True makes a ListSerializer, whose data is a list; the stubs type it as one dict.
        return cast(list[dict[str, Any]], ImportFailureSerializer(shown, many=True).data)


class ImportUploadSerializer(serializers.Serializer):
    """An import as a file upload (multipart): .txt (seed format), .json or .jsonl."""

    file = serializers.FileField()
