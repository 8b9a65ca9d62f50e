"""Explicit API shapes. The timeline item is read-only and nests what a reader needs; the
model serializers used for writes expose plain ids."""

import copy

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from events.inputs import MAX_TITLE_LENGTH, MAX_URL_LENGTH, InputError, validate
from events.models import Actor, ActorAlias, Document, Event, SourceExcerpt


def check_model(serializer: serializers.ModelSerializer, attrs: dict) -> dict:
    """Run the model's own validation (``clean()``: excerpt offsets, names already taken) and
    its database constraints before the write, so a violation is a 400 naming the field, as in
    the admin, not a 500 from an IntegrityError."""
    model = serializer.Meta.model
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


class ActorBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["id", "name", "kind"]


class ExcerptBriefSerializer(serializers.ModelSerializer):
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


# The event's own fields, shared by the timeline item (read) and the event (write) shapes.
EVENT_FIELDS = [
    "id",
    "summary",
    "earliest",
    "latest",
    "precision",
    "expression",
    "resolution",
    "rule",
    "status",
    "source_removed",
    "document",
    "position",
    "actors",
]


class TimelineEventSerializer(serializers.ModelSerializer):
    """One timeline item: the event, its actors and its source excerpts."""

    actors = ActorBriefSerializer(many=True, read_only=True)
    excerpts = ExcerptBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [*EVENT_FIELDS, "excerpts"]
        read_only_fields = fields


class EventSerializer(serializers.ModelSerializer):
    """Create and update events; actors by id. An edit through the API is an editor's edit,
    so it marks the event reviewed unless the request says otherwise."""

    class Meta:
        model = Event
        fields = [*EVENT_FIELDS, "created_at", "updated_at"]
        read_only_fields = ["source_removed", "created_at", "updated_at"]

    def validate(self, attrs: dict) -> dict:
        earliest = attrs.get("earliest", getattr(self.instance, "earliest", None))
        latest = attrs.get("latest", getattr(self.instance, "latest", None))
        if earliest and latest and earliest > latest:
            raise serializers.ValidationError({"latest": "must be on or after earliest"})
        return check_model(self, attrs)


class ActorSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="alias")

    class Meta:
        model = Actor
        fields = ["id", "name", "kind", "title", "aliases", "reviewed", "created_at"]
        read_only_fields = ["reviewed", "created_at"]

    def validate(self, attrs: dict) -> dict:
        return check_model(self, attrs)


class ActorAliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActorAlias
        fields = ["id", "actor", "alias", "machine"]
        read_only_fields = ["machine"]

    def validate(self, attrs: dict) -> dict:
        return check_model(self, attrs)


class DocumentSerializer(serializers.ModelSerializer):
    # A plain string: the schema would call a URLField "format: uri", which "" (no URL) is not.
    url = serializers.CharField(read_only=True, help_text="The document's URL, or empty.")

    class Meta:
        model = Document
        fields = ["id", "title", "url", "published_on", "content_hash", "imported_at"]
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

    def validate(self, attrs: dict) -> dict:
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
            )
        except InputError as error:
            raise serializers.ValidationError({error.field or "text": [str(error)]}) from None
        return attrs


class DocumentImportResultSerializer(DocumentDetailSerializer):
    events = TimelineEventSerializer(many=True, read_only=True)

    class Meta(DocumentDetailSerializer.Meta):
        fields = [*DocumentDetailSerializer.Meta.fields, "events"]
        read_only_fields = fields


class SourceExcerptSerializer(serializers.ModelSerializer):
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

    def validate(self, attrs: dict) -> dict:
        # SourceExcerpt.clean() checks the offsets against the document's text.
        return check_model(self, attrs)
