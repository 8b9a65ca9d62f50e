"""Refuse request bodies over the configured size before reading them."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

ERROR_TOO_LARGE = "request body is larger than the limit of {limit} bytes"


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose declared Content-Length is over
    ``DATA_UPLOAD_MAX_MEMORY_SIZE``, without reading a byte of its body.

    Django applies that limit only when the body is read through ``request.body`` or
    ``request.POST``; DRF's parsers read the raw stream, so without this check an oversized
    import would be read (and parsed) in full before the serializer refused it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            return JsonResponse({"detail": ERROR_TOO_LARGE.format(limit=limit)}, status=413)
        return self.get_response(request)
