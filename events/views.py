"""API views: thin wrappers around selectors (reads) and services (writes)."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, TypedDict, TypeVar, cast

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django_filters import FilterSet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from kombu.exceptions import OperationalError as BrokerError
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from events import selectors, tasks
from events.batching import BATCH_SIZE
from events.filters import (
    ActorFilter,
    DocumentFilter,
    EventFilter,
    TimelineFilter,
    collection_lookup,
    having_actors,
)
from events.inputs import DocumentInput, InputError, read_upload
from events.models import (
    Actor,
    ActorAlias,
    Collection,
    Document,
    Event,
    ImportJob,
    SourceExcerpt,
)
from events.pagination import TimelineCursorPagination
from events.renderers import (
    EXPORT_RENDERERS,
    ExportPagination,
    ExportRateThrottle,
    export_schema_responses,
    is_export,
)
from events.serializers import (
    ActorAliasSerializer,
    ActorSerializer,
    CollectionDetailSerializer,
    CollectionSerializer,
    DocumentDetailSerializer,
    DocumentImportResultSerializer,
    DocumentImportSerializer,
    DocumentSerializer,
    EventSerializer,
    ImportJobSerializer,
    ImportUploadSerializer,
    SourceExcerptSerializer,
    StorySummaryQuerySerializer,
    StorySummarySerializer,
    TimelineEventSerializer,
    story_summary_data,
)
from events.services.actors import actor_alias_save, actor_save
from events.services.collections import collection_save
from events.services.editing import (
    document_delete,
    event_delete,
    event_save,
    excerpt_delete,
    excerpt_save,
)
from events.services.imports import document_import
from events.services.jobs import import_job_close, import_job_create

if TYPE_CHECKING:  # django-stubs' helper, a development dependency
    from django_stubs_ext import WithAnnotations

    class _DocumentCount(TypedDict):  # what selectors.collection_list() annotates
        document_count: int


_M = TypeVar("_M", bound=Model)


def updated_instance(serializer: BaseSerializer[_M]) -> _M:
    """The instance an update writes: DRF's ``update()`` makes the serializer with the object
    it looked up (the stubs allow a serializer none)."""
    return cast(_M, serializer.instance)


class TimelineFilterBackend(DjangoFilterBackend):
    """The FilterSet backend, telling the view whether the items are entries merged across
    documents (``view.merged``) and keeping the FilterSet on the view (``view.filterset``).

    A request that sets no filter builds no FilterSet: its form and validation were a third of
    an API page's time, for nothing but the defaults (``TimelineFilter.unfiltered``)."""

    # Parameters that are not filters: the page's and the format's.
    NOT_FILTERS = frozenset({"cursor", "format"})

    def filter_queryset(
        self, request: Request, queryset: QuerySet[Event], view: "TimelinePages | EventViewSet"
    ) -> QuerySet[Event]:
        if request.query_params.keys() <= self.NOT_FILTERS:
            filterset_class = self.get_filterset_class(view, queryset)
            view.filterset = None
            view.merged = filterset_class.merged_by_default
            return filterset_class.unfiltered(queryset)
        queryset = super().filter_queryset(request, queryset, view)
        # super().filter_queryset made the FilterSet and kept it on the view (get_filterset).
        view.merged = cast(TimelineFilter, view.filterset).is_merged()
        return queryset

    def get_filterset(
        self, request: Request, queryset: QuerySet[Event], view: "TimelinePages | EventViewSet"
    ) -> FilterSet | None:
        filterset = super().get_filterset(request, queryset, view)
        view.filterset = filterset
        return filterset


class TimelinePages(generics.GenericAPIView[Event]):
    """Timeline lists built from plain rows by ``selectors.timeline_items`` (the one item
    shape), for JSON pages, the browsable API and the exports alike. Nothing is cached: every
    page is built from the database, so a change is on the next page whoever made it."""

    filter_backends = [TimelineFilterBackend]
    filterset: TimelineFilter | None = None
    merged = True  # set by TimelineFilterBackend

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "merged": self.merged}

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        # One query a page (or an export): the rows with their sources, actors and excerpts
        # (as JSON).
        # Never None: every timeline list has a paginator (its pages, or an export's all).
        rows = cast(
            list[Event],
            self.paginate_queryset(selectors.with_items(queryset, merged=self.merged)),
        )
        items = selectors.timeline_items(rows, merged=self.merged)
        return self.get_paginated_response(items)


@extend_schema_view(list=extend_schema(responses=export_schema_responses(TimelineEventSerializer)))
class TimelineViewSet(TimelinePages, mixins.ListModelMixin, viewsets.GenericViewSet[Event]):
    """The ordered timeline: events by earliest day, latest day, document and position."""

    serializer_class = TimelineEventSerializer
    filterset_class = TimelineFilter
    pagination_class = TimelineCursorPagination  # keyset: any page costs the same
    # ?format=timelinejs|csv|ics|jsonl: the exports (events/renderers.py).
    # (api_settings imports the classes that the settings name by their dotted paths.)
    renderer_classes = [
        *cast(list[type[BaseRenderer]], api_settings.DEFAULT_RENDERER_CLASSES),
        *EXPORT_RENDERERS,
    ]
    # Read-only (GET): model permissions would ask for nothing, after building the queryset.
    permission_classes = [AllowAny]
    queryset = Event.objects.none()  # for the schema; get_queryset gives the rows

    def get_queryset(self) -> QuerySet[Event]:
        return selectors.timeline_rows()

    @property
    def paginator(self) -> BasePagination | None:
        # An export (?format=csv, ...) is the whole filtered timeline, not one page.
        if is_export(getattr(self, "request", None)):
            return ExportPagination()
        return super().paginator

    def get_throttles(self) -> list[BaseThrottle]:
        # Exports, up to 10,000 events each, have a lower anonymous rate than pages.
        return [*super().get_throttles(), ExportRateThrottle()]


class EventViewSet(viewsets.ModelViewSet[Event]):
    """Every event as its document gave it (``?merged=true``: the timeline's entries)."""

    filterset_class = EventFilter
    filter_backends = [TimelineFilterBackend]
    filterset: EventFilter | None = None
    merged = False  # set by TimelineFilterBackend
    # Keyset pages, as the timeline's: a count and an OFFSET cost a scan of every event before
    # the page (580 ms for page 18,000 of a million events).
    pagination_class = TimelineCursorPagination
    queryset = Event.objects.none()

    def get_queryset(self) -> QuerySet[Event]:
        return selectors.timeline_rows()

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "merged": self.merged}

    def get_serializer_class(self) -> type[BaseSerializer[Event]]:
        if self.action in ("list", "retrieve"):
            return TimelineEventSerializer
        return EventSerializer

    # Writes go through the services the admin uses: an event a person writes is a reviewed
    # one (re-analysis never replaces it), unless the request sets the status itself.
    def perform_create(self, serializer: BaseSerializer[Event]) -> None:
        serializer.instance = self._save(Event(), serializer.validated_data)

    def perform_update(self, serializer: BaseSerializer[Event]) -> None:
        self._save(updated_instance(serializer), serializer.validated_data)

    def perform_destroy(self, instance: Event) -> None:
        event_delete(event=instance)

    @staticmethod
    def _save(event: Event, data: Mapping[str, Any]) -> Event:
        data = dict(data)
        actors = data.pop("actors", None)
        status = data.pop("status", None)
        for name, value in data.items():
            setattr(event, name, value)
        return event_save(event=event, actors=actors, status=status)


@contextmanager
def field_errors_as_400() -> Iterator[None]:
    """A service's ValidationError (a name taken by a concurrent write) as the API's 400."""
    try:
        yield
    except DjangoValidationError as error:
        raise ValidationError(serializers.as_serializer_error(error)) from None


class ActorViewSet(viewsets.ModelViewSet[Actor]):
    serializer_class = ActorSerializer
    queryset = Actor.objects.none()
    filterset_class = ActorFilter

    def get_queryset(self) -> QuerySet[Actor]:
        return selectors.actor_list()

    def perform_create(self, serializer: BaseSerializer[Actor]) -> None:
        with field_errors_as_400():
            serializer.instance = actor_save(actor=Actor(**serializer.validated_data))

    def perform_update(self, serializer: BaseSerializer[Actor]) -> None:
        actor = updated_instance(serializer)
        previous = actor.name
        for name, value in serializer.validated_data.items():
            setattr(actor, name, value)
        with field_errors_as_400():
            actor_save(actor=actor, previous_name=previous)


class ActorTimelineView(TimelinePages, generics.ListAPIView):
    """One actor's events, in timeline order, with the timeline's filters."""

    serializer_class = TimelineEventSerializer
    filterset_class = TimelineFilter
    pagination_class = TimelineCursorPagination
    queryset = Event.objects.none()  # for the schema; get_queryset gives the rows

    def get_queryset(self) -> QuerySet[Event]:
        return selectors.timeline_rows()

    # Narrower than GenericAPIView's (any queryset, of models or of values() rows): the
    # timeline's querysets are of events.
    def filter_queryset(self, queryset: QuerySet[Event]) -> QuerySet[Event]:  # type: ignore[override]
        # The actor's items: its events, or the entries that one of its events belongs to.
        queryset = super().filter_queryset(queryset)
        return having_actors(queryset, [self.kwargs["pk"]], merged=self.merged)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        get_object_or_404(Actor.objects.only("id"), pk=kwargs["pk"])  # 404, not an empty list
        return super().list(request, *args, **kwargs)


class ActorAliasViewSet(viewsets.ModelViewSet[ActorAlias]):
    serializer_class = ActorAliasSerializer
    queryset = ActorAlias.objects.select_related("actor").order_by("alias", "id")
    filterset_fields = ["actor"]

    # An alias written through the API is an editor's: it identifies its actor in later imports.
    def perform_create(self, serializer: BaseSerializer[ActorAlias]) -> None:
        with field_errors_as_400():
            alias = ActorAlias(**serializer.validated_data, machine=False)
            serializer.instance = actor_alias_save(alias=alias)

    def perform_update(self, serializer: BaseSerializer[ActorAlias]) -> None:
        alias = updated_instance(serializer)
        for name, value in serializer.validated_data.items():
            setattr(alias, name, value)
        alias.machine = False
        with field_errors_as_400():
            actor_alias_save(alias=alias)


class DocumentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet[Document],
):
    """Documents are created by importing them (POST the JSON import format); their text is
    immutable, since every excerpt's offsets point into it."""

    queryset = Document.objects.none()
    filterset_class = DocumentFilter

    def get_queryset(self) -> QuerySet[Document]:
        if self.action == "retrieve":
            return selectors.document_detail()
        return selectors.document_list()

    def get_serializer_class(self) -> type[BaseSerializer[Any]]:
        if self.action == "retrieve":
            return DocumentDetailSerializer
        if self.action == "create":
            return DocumentImportSerializer
        return DocumentSerializer

    @extend_schema(
        request=DocumentImportSerializer,
        responses={201: DocumentImportResultSerializer, 200: DocumentImportResultSerializer},
    )
    def create(self, request: Request) -> Response:
        """Import one document: 201 with its events, or 200 if that text was already imported."""
        serializer = DocumentImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self._check_collection_permissions(request, serializer.validated_data["document"])
        try:
            result = document_import(data=serializer.validated_data["document"])
        except InputError as error:
            return Response({"text": [str(error)]}, status=status.HTTP_400_BAD_REQUEST)
        data = DocumentDetailSerializer(result.document).data
        data["events"] = selectors.timeline_items(
            list(selectors.timeline_rows().filter(document=result.document)), merged=False
        )
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(data, status=code)

    def perform_destroy(self, instance: Document) -> None:
        document_delete(document=instance)

    @staticmethod
    def _check_collection_permissions(request: Request, document: DocumentInput) -> None:
        """A document that names collections changes them (and creates the new ones): that
        needs the collections' model permissions as well as ``events.add_document``."""
        if not document.collections:
            return
        needed = ["events.change_collection"]
        known = Collection.objects.filter(name__in=document.collections).count()
        if known < len(document.collections):
            needed.append("events.add_collection")
        if not request.user.has_perms(needed):
            raise PermissionDenied(f"Naming collections needs the permissions {', '.join(needed)}.")


class SourceExcerptViewSet(viewsets.ModelViewSet[SourceExcerpt]):
    serializer_class = SourceExcerptSerializer
    queryset = SourceExcerpt.objects.none()
    filterset_fields = ["document", "event"]

    def get_queryset(self) -> QuerySet[SourceExcerpt]:
        return selectors.excerpt_list().order_by("document_id", "start", "id")

    # An excerpt an editor writes or removes makes its event reviewed, as in the admin.
    def perform_create(self, serializer: BaseSerializer[SourceExcerpt]) -> None:
        serializer.instance = excerpt_save(excerpt=SourceExcerpt(**serializer.validated_data))

    def perform_update(self, serializer: BaseSerializer[SourceExcerpt]) -> None:
        excerpt = updated_instance(serializer)
        for name, value in serializer.validated_data.items():
            setattr(excerpt, name, value)
        excerpt_save(excerpt=excerpt)

    def perform_destroy(self, instance: SourceExcerpt) -> None:
        excerpt_delete(excerpt=instance)


COLLECTION_ID = OpenApiParameter(
    "id",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The collection's id, or its slug.",
)


@extend_schema_view(
    retrieve=extend_schema(parameters=[COLLECTION_ID]),
    update=extend_schema(parameters=[COLLECTION_ID]),
    partial_update=extend_schema(parameters=[COLLECTION_ID]),
    destroy=extend_schema(parameters=[COLLECTION_ID]),
)
class CollectionViewSet(viewsets.ModelViewSet[Collection]):
    """Collections (stories): named sets of documents. Reached by id or by slug
    (``/api/collections/port-strike/``); a slug made only of digits is taken for an id."""

    queryset = Collection.objects.none()  # for the schema and the model permissions

    def get_queryset(self) -> QuerySet[Collection]:
        if self.action == "retrieve":
            return selectors.collection_detail()
        return selectors.collection_list()

    def get_serializer_class(self) -> type[BaseSerializer[Collection]]:
        if self.action == "retrieve":
            return CollectionDetailSerializer
        return CollectionSerializer

    def get_object(self) -> Collection:
        lookup = collection_lookup(str(self.kwargs["pk"]))
        if lookup is None:
            raise Http404
        collection = get_object_or_404(self.get_queryset(), lookup)
        self.check_object_permissions(self.request, collection)
        return collection

    @extend_schema(
        parameters=[COLLECTION_ID, StorySummaryQuerySerializer],
        responses={200: StorySummarySerializer},
    )
    @action(detail=True, methods=["get"])
    def summary(self, request: Request, pk: str | None = None) -> Response:
        """The story's key dates: the ``dates`` most important dates, each with at most
        ``sentences`` sentences quoted from its documents (document, offsets, text), from the
        documents published between ``from`` and ``to`` (inclusive, optional)."""
        collection = self.get_object()
        query = StorySummaryQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        key_dates, titles = selectors.story_summary(
            collection,
            dates=params["dates"],
            sentences=params["sentences"],
            start=params.get("from"),
            end=params.get("to"),
        )
        return Response(story_summary_data(collection, params, key_dates, titles))

    def perform_create(self, serializer: BaseSerializer[Collection]) -> None:
        # The serializer shows document_count, which the list's queryset annotates: a new
        # collection's is 0.
        collection = cast(
            "WithAnnotations[Collection, _DocumentCount]",
            collection_save(collection=Collection(**serializer.validated_data)),
        )
        collection.document_count = 0
        serializer.instance = collection

    def perform_update(self, serializer: BaseSerializer[Collection]) -> None:
        collection = updated_instance(serializer)
        for name, value in serializer.validated_data.items():
            setattr(collection, name, value)
        collection_save(collection=collection)


class CanImportDocuments(BasePermission):
    """Queued imports write documents: the document import permission, for the job too (its
    failures echo what was sent)."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        return request.user.has_perm("events.add_document")


class RawJSONParser(BaseParser):
    """A JSON body as its bytes: ``events.inputs`` reads it with the importer's own rules and
    one message per bad document, as ``import_documents`` reads a ``.json`` file."""

    media_type = "application/json"

    # DRF's stubs allow a parser to give only a mapping (or data and files); this one's data
    # is the body's bytes, which ImportJobViewSet.create reads.
    def parse(  # type: ignore[override]
        self,
        stream: IO[Any] | None,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        return stream.read() if stream is not None else b""


ERROR_NO_INPUT = "send a JSON list of documents, or a file (multipart, field 'file')"


class ImportJobViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet[ImportJob]):
    """Queued imports: POST documents, get 202 and the job's URL; GET the job for its counts
    and failures while the task queue's workers import them."""

    queryset = ImportJob.objects.none()
    serializer_class = ImportJobSerializer
    permission_classes = [CanImportDocuments]
    parser_classes = [RawJSONParser, MultiPartParser]

    def get_queryset(self) -> QuerySet[ImportJob]:
        return selectors.import_jobs()

    @extend_schema(
        request={
            "application/json": DocumentImportSerializer(many=True),
            "multipart/form-data": ImportUploadSerializer,
        },
        responses={202: ImportJobSerializer, 400: None, 503: None},
    )
    def create(self, request: Request) -> Response:
        """Queue documents for import (a JSON list of the import format, or an uploaded
        .txt/.json/.jsonl file): 202 with the job, whose URL shows its progress. A bad document
        is a failure of the job, with its reason; an unreadable input is a 400."""
        if isinstance(request.data, bytes):
            name, content = "request.json", request.data
        elif isinstance(upload := request.FILES.get("file"), UploadedFile):
            name, content = upload.name or "upload", upload.read()
        else:
            return Response({"detail": ERROR_NO_INPUT}, status=status.HTTP_400_BAD_REQUEST)
        items = read_upload(content, name, max_bytes=settings.TIMELINE_MAX_DOCUMENT_BYTES)
        if len(items) == 1 and isinstance(items[0], InputError) and items[0].source == name:
            # The input as a whole could not be read (not JSON, not UTF-8, empty, ...).
            return Response({"detail": f"{name}: {items[0]}"}, status=status.HTTP_400_BAD_REQUEST)
        try:
            tasks.broker_check()
        except tasks.BrokerUnreachable as error:
            return Response({"detail": str(error)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        job = import_job_create(source=f"POST /api/imports/ {name}", user=request.user)
        sent = documents = 0
        try:
            for sent, documents in tasks.job_enqueue(  # noqa: B007 - the counts reached
                job=job, items=items, batch_size=BATCH_SIZE
            ):
                pass
        except BrokerError as error:
            job = import_job_close(job=job, documents=documents, batches=sent)
            return Response(
                {"detail": f"the task broker failed after {documents} documents: {error}"},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        job = import_job_close(job=job, documents=documents, batches=sent)
        data = ImportJobSerializer(job, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})
