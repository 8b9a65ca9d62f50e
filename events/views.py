"""API views: thin wrappers around selectors (reads) and services (writes)."""

from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.pagination import BasePagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from events import selectors, services
from events.filters import ActorFilter, TimelineFilter
from events.inputs import InputError
from events.models import Actor, ActorAlias, Document, Event, SourceExcerpt
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
    filterset_class = ActorFilter

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

    # An alias written through the API is an editor's: it identifies its actor in later imports.
    def perform_create(self, serializer: ActorAliasSerializer) -> None:
        serializer.save(machine=False)

    def perform_update(self, serializer: ActorAliasSerializer) -> None:
        serializer.save(machine=False)


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
            return selectors.document_detail()
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
