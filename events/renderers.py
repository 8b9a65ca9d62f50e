"""The timeline exports in the API: ``/api/timeline/?format=timelinejs|csv|ics|jsonl``.

An export is the whole filtered timeline, not a page: for an export format the timeline view
swaps its paginator for ``ExportPagination``, which reads every matching event (in the order of
the timeline's pages, with the selector's prefetches) up to ``EXPORT_MAX_EVENTS``, and answers
400 with ``ERROR_EXPORT_TOO_LARGE`` beyond that; ``manage.py export_timeline`` has no limit. The
renderers turn the serialized timeline items into the format with ``events.exports``.
Anonymous clients get a lower rate for exports than for pages (``ExportRateThrottle``).
"""

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework.exceptions import APIException
from rest_framework.pagination import BasePagination
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from events import exports

_Row = TypeVar("_Row")  # what a queryset yields: the timeline's events

# An export is built in memory (the renderer returns bytes), so the API caps its size.
EXPORT_MAX_EVENTS = 10_000
# Events are read in chunks of this many (one query each for events, actors and excerpts), so
# that each prefetch's "IN (...)" list stays short whatever the size of the export.
EXPORT_CHUNK_SIZE = 1_000
ERROR_EXPORT_TOO_LARGE = (
    "This export has more than {limit} events. Narrow it with the filters (actor, document, "
    "from, to, precision, status, q), or run `manage.py export_timeline`, which has no limit."
)


class ExportTooLarge(APIException):
    status_code = 400
    default_code = "export_too_large"


def is_export(request: Request | None) -> bool:
    """Whether the request asked for an export format (content negotiation has run)."""
    return isinstance(getattr(request, "accepted_renderer", None), ExportRenderer)


class ExportRateThrottle(AnonRateThrottle):
    """The rate of anonymous export requests (``API_EXPORT_THROTTLE_RATE``, the throttle scope
    ``export``), on top of the general anonymous rate: an export reads and renders up to
    ``EXPORT_MAX_EVENTS`` events, a page ``API_PAGE_SIZE``. The formats share one count per
    client address; requests for JSON pages are neither counted nor refused here.

    Authenticated clients are not throttled (``AnonRateThrottle`` has no cache key for them):
    they are the project's editors and scripts, known by their token, like the other throttle.
    """

    scope = "export"

    def get_rate(self) -> str | None:
        # From the settings as they are now (DRF's ``THROTTLE_RATES`` is bound when it is
        # imported, and shared with ``AnonRateThrottle``, whose rate tests replace).
        # The stubs type the rates as numbers; DRF's are strings ("100/day", see parse_rate).
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]  # type: ignore[return-value]

    def allow_request(self, request: Request, view: Any) -> bool:
        if not is_export(request):  # content negotiation runs before the throttles
            return True
        return super().allow_request(request, view)


class ExportPagination(BasePagination):
    """No pages: the whole filtered timeline, up to ``EXPORT_MAX_EVENTS`` events, in the order
    the view's queryset has (``selectors.timeline_events()``: the order of the timeline's
    pages)."""

    def paginate_queryset(
        self,
        queryset: QuerySet[Any, _Row] | Sequence[_Row],
        request: Request,
        view: APIView | None = None,
    ) -> list[_Row]:
        if not isinstance(queryset, QuerySet):  # the timeline view's queryset, read in chunks
            raise TypeError("ExportPagination reads a queryset")
        limit = EXPORT_MAX_EVENTS
        # One row beyond the limit tells whether there are more, without a COUNT query.
        events = list(queryset[: limit + 1].iterator(chunk_size=EXPORT_CHUNK_SIZE))
        if len(events) > limit:
            raise ExportTooLarge(ERROR_EXPORT_TOO_LARGE.format(limit=limit))
        return events

    def get_paginated_response(self, data: list) -> Response:
        return Response(data)

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return schema


class ExportRenderer(BaseRenderer):
    """Renders a list of timeline items in the export format ``format`` (a key of
    ``exports.FORMATS``). Errors (bad filter values, throttling, a too large export) stay JSON,
    whatever format was asked for: they are not timelines."""

    charset = "utf-8"
    attachment = True  # offer to save the file rather than show it

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        context = renderer_context or {}
        response = context.get("response")
        if not isinstance(data, list) or (response is not None and response.status_code >= 400):
            if response is not None:
                response["Content-Type"] = "application/json"
            return JSONRenderer().render(data)
        request = context.get("request")
        text = "".join(exports.render(self.format, data, document_link=_document_link(request)))
        if response is not None and self.attachment:
            extension = exports.FORMATS[self.format].extension
            response["Content-Disposition"] = f'attachment; filename="timeline.{extension}"'
        return text.encode(self.charset)


def _document_link(request: Request | None) -> exports.DocumentLink | None:
    """The absolute URL of a document's API page, for events whose document has no URL."""
    if request is None:
        return None
    return lambda pk: request.build_absolute_uri(reverse("document-detail", args=[pk]))


class TimelineJSRenderer(ExportRenderer):
    format = "timelinejs"
    media_type = exports.FORMATS[format].media_type
    attachment = False  # TimelineJS loads it from the URL


class CSVRenderer(ExportRenderer):
    format = "csv"
    media_type = exports.FORMATS[format].media_type


class ICalendarRenderer(ExportRenderer):
    format = "ics"
    media_type = exports.FORMATS[format].media_type


class TimesketchRenderer(ExportRenderer):
    format = "jsonl"
    media_type = exports.FORMATS[format].media_type


EXPORT_RENDERERS = (TimelineJSRenderer, CSVRenderer, ICalendarRenderer, TimesketchRenderer)


def export_schema_responses(serializer: type[Serializer]) -> dict:
    """OpenAPI responses of a list with the exports: JSON pages of ``serializer``, or the export
    as text (otherwise the schema would claim every format holds the JSON pages)."""
    responses: dict = {
        (200, "application/json"): OpenApiResponse(
            serializer,
            description="A page of the timeline; with ?format=timelinejs, the whole filtered "
            "timeline in TimelineJS3 JSON instead.",
        )
    }
    for renderer in EXPORT_RENDERERS:
        responses.setdefault(
            (200, renderer.media_type),
            OpenApiResponse(
                OpenApiTypes.STR,
                description=f"?format={renderer.format}: the whole filtered timeline.",
            ),
        )
    return responses
