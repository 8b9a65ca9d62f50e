"""API views: thin wrappers around selectors (reads) and services (writes)."""

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from kombu.exceptions import OperationalError as BrokerError
from rest_framework import generics, mixins, status, viewsets
from rest_framework.pagination import BasePagination
from rest_framework.parsers import BaseParser, MultiPartParser
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from events import selectors, services, tasks
from events.filters import TimelineFilter
from events.inputs import InputError, read_upload
from events.models import Actor, ActorAlias, Document, Event, ImportJob, SourceExcerpt
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
    DocumentDetailSerializer,
    DocumentImportResultSerializer,
    DocumentImportSerializer,
    DocumentSerializer,
    EventSerializer,
    ImportJobSerializer,
    ImportUploadSerializer,
    SourceExcerptSerializer,
    TimelineEventSerializer,
)


class CachedTimelinePages:
    """JSON timeline pages built from plain rows (``selectors.timeline_items``) and kept,
    rendered, until the timeline changes (``selectors.cached_timeline_page``): readers ask for
    the same first pages again and again. Exports are built each time (too large to keep), and
    the browsable API goes through the serializer (it is for people exploring, not for load)."""

    def timeline_rows(self) -> QuerySet[Event]:
        return selectors.timeline_rows()

    def list(self, request: Request, *args, **kwargs) -> HttpResponseBase:
        renderer = request.accepted_renderer
        if is_export(request) or not isinstance(renderer, JSONRenderer):
            return super().list(request, *args, **kwargs)

        def render() -> bytes:
            rows = self.paginate_queryset(self.filter_queryset(self.timeline_rows()))
            page = self.get_paginated_response(selectors.timeline_items(rows)).data
            return renderer.render(page, request.accepted_media_type, self.get_renderer_context())

        body = selectors.cached_timeline_page(
            f"{request.accepted_media_type} {request.build_absolute_uri()}", render
        )
        return HttpResponse(body, content_type=renderer.media_type)


@extend_schema_view(list=extend_schema(responses=export_schema_responses(TimelineEventSerializer)))
class TimelineViewSet(CachedTimelinePages, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The ordered timeline: events by earliest day, latest day, document and position."""

    serializer_class = TimelineEventSerializer
    filterset_class = TimelineFilter
    pagination_class = TimelineCursorPagination  # keyset: any page costs the same
    # ?format=timelinejs|csv|ics|jsonl: the exports (events/renderers.py).
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, *EXPORT_RENDERERS]
    # Read-only (GET): model permissions would ask for nothing, after building the queryset.
    permission_classes = [AllowAny]
    queryset = Event.objects.none()  # for the schema; get_queryset gives the rows

    def get_queryset(self) -> QuerySet[Event]:
        return selectors.timeline_events()

    @property
    def paginator(self) -> BasePagination | None:
        # An export (?format=csv, ...) is the whole filtered timeline, not one page.
        if is_export(getattr(self, "request", None)):
            return ExportPagination()
        return super().paginator

    def get_throttles(self) -> list[BaseThrottle]:
        # Exports, up to 10,000 events each, have a lower anonymous rate than pages.
        return [*super().get_throttles(), ExportRateThrottle()]


class EventViewSet(viewsets.ModelViewSet):
    filterset_class = TimelineFilter
    queryset = Event.objects.none()

    def get_queryset(self) -> QuerySet[Event]:
        return selectors.timeline_events()

    def get_serializer_class(self):
        if self.action in ("list", "retrieve"):
            return TimelineEventSerializer
        return EventSerializer

    def perform_create(self, serializer: EventSerializer) -> None:
        serializer.save(**self._reviewed_unless_told(serializer))

    def perform_update(self, serializer: EventSerializer) -> None:
        serializer.save(**self._reviewed_unless_told(serializer))

    @staticmethod
    def _reviewed_unless_told(serializer: EventSerializer) -> dict:
        # An event a person writes is a reviewed one (re-analysis never replaces it), unless
        # the request sets the status itself.
        return {} if "status" in serializer.validated_data else {"status": Event.Status.REVIEWED}


class ActorViewSet(viewsets.ModelViewSet):
    serializer_class = ActorSerializer
    queryset = Actor.objects.none()
    filterset_fields = ["kind"]

    def get_queryset(self) -> QuerySet[Actor]:
        return selectors.actor_list()

    def perform_create(self, serializer: ActorSerializer) -> None:
        serializer.instance = services.actor_save(actor=Actor(**serializer.validated_data))

    def perform_update(self, serializer: ActorSerializer) -> None:
        actor = serializer.instance
        previous = actor.name
        for name, value in serializer.validated_data.items():
            setattr(actor, name, value)
        services.actor_save(actor=actor, previous_name=previous)


class ActorTimelineView(CachedTimelinePages, generics.ListAPIView):
    """One actor's events, in timeline order, with the timeline's filters."""

    serializer_class = TimelineEventSerializer
    filterset_class = TimelineFilter
    pagination_class = TimelineCursorPagination
    queryset = Event.objects.none()  # for the schema; get_queryset gives the rows

    def get_queryset(self) -> QuerySet[Event]:
        return selectors.timeline_events().filter(actors=self.kwargs["pk"])

    def timeline_rows(self) -> QuerySet[Event]:
        return selectors.timeline_rows().filter(actors=self.kwargs["pk"])

    def list(self, request: Request, *args, **kwargs) -> HttpResponseBase:
        get_object_or_404(Actor.objects.only("id"), pk=kwargs["pk"])  # 404, not an empty list
        return super().list(request, *args, **kwargs)


class ActorAliasViewSet(viewsets.ModelViewSet):
    serializer_class = ActorAliasSerializer
    queryset = ActorAlias.objects.select_related("actor").order_by("alias", "id")
    filterset_fields = ["actor"]


class DocumentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Documents are created by importing them (POST the JSON import format); their text is
    immutable, since every excerpt's offsets point into it."""

    queryset = Document.objects.none()

    def get_queryset(self) -> QuerySet[Document]:
        if self.action == "retrieve":
            return Document.objects.all()
        return selectors.document_list()

    def get_serializer_class(self):
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
        try:
            result = services.document_import(data=serializer.validated_data["document"])
        except InputError as error:
            return Response({"text": [str(error)]}, status=status.HTTP_400_BAD_REQUEST)
        data = DocumentDetailSerializer(result.document).data
        data["events"] = TimelineEventSerializer(
            selectors.timeline_events().filter(document=result.document), many=True
        ).data
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(data, status=code)

    def perform_destroy(self, instance: Document) -> None:
        services.document_delete(document=instance)


class SourceExcerptViewSet(viewsets.ModelViewSet):
    serializer_class = SourceExcerptSerializer
    queryset = SourceExcerpt.objects.none()
    filterset_fields = ["document", "event"]

    def get_queryset(self) -> QuerySet[SourceExcerpt]:
        return selectors.excerpt_list().order_by("document_id", "start", "id")


class CanImportDocuments(BasePermission):
    """Queued imports write documents: the document import permission, for the job too (its
    failures echo what was sent)."""

    def has_permission(self, request: Request, view: object) -> bool:
        return request.user.has_perm("events.add_document")


class RawJSONParser(BaseParser):
    """A JSON body as its bytes: ``events.inputs`` reads it with the importer's own rules and
    one message per bad document, as ``import_documents`` reads a ``.json`` file."""

    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        return stream.read() if stream is not None else b""


ERROR_NO_INPUT = "send a JSON list of documents, or a file (multipart, field 'file')"


class ImportJobViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
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
        elif "file" in request.FILES:
            upload = request.FILES["file"]
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
        job = services.import_job_create(source=f"POST /api/imports/ {name}", user=request.user)
        sent = documents = 0
        try:
            for sent, documents in tasks.job_enqueue(  # noqa: B007 - the counts reached
                job=job, items=items, batch_size=services.BATCH_SIZE
            ):
                pass
        except BrokerError as error:
            job = services.import_job_close(job=job, documents=documents, batches=sent)
            return Response(
                {"detail": f"the task broker failed after {documents} documents: {error}"},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        job = services.import_job_close(job=job, documents=documents, batches=sent)
        data = ImportJobSerializer(job, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})
