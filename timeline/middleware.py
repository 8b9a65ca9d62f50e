"""Request-wide protections: body size, login throttle, Content-Security-Policy."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

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


ERROR_LOGIN_THROTTLED = "too many login attempts from this address: try again in {wait} s"


class LoginRateThrottle(SimpleRateThrottle):
    """Login attempts per client address (the address as the API's throttles take it, with
    ``API_NUM_PROXIES``), at ``LOGIN_THROTTLE_RATE``."""

    scope = "login"

    def get_rate(self) -> str:
        return settings.LOGIN_THROTTLE_RATE

    # DRF's signature (a Request and its view); the middleware below calls it with a plain
    # HttpRequest and no view, which is all ``get_ident`` (``request.META``) needs.
    def get_cache_key(self, request: Request, view: APIView | None) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginThrottleMiddleware:
    """Answer 429 to login attempts (POSTs to the admin's and the browsable API's login
    pages) beyond ``LOGIN_THROTTLE_RATE`` per client address: a password cannot be guessed
    at the speed of the server. Token and session requests to the API never log in here."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.login_paths: frozenset[str] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.login_paths is None:  # the URLconf is not loaded when middleware is built
            self.login_paths = frozenset((reverse("admin:login"), reverse("rest_framework:login")))
        if request.method == "POST" and request.path in self.login_paths:
            throttle = LoginRateThrottle()
            # A throttle is made for DRF's Request and view; this one reads only the client
            # address from ``request.META`` (a plain HttpRequest has it) and wants no view.
            if not throttle.allow_request(request, None):  # type: ignore[arg-type]
                wait = int(throttle.wait() or 1) + 1
                response = HttpResponse(
                    ERROR_LOGIN_THROTTLED.format(wait=wait), status=429, content_type="text/plain"
                )
                response["Retry-After"] = str(wait)
                return response
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Send ``CONTENT_SECURITY_POLICY`` with every response that has none: scripts, styles and
    everything else from this site only, no inline script or style, no framing. Pages under
    ``CONTENT_SECURITY_POLICY_EXEMPT`` (the Swagger page, whose template starts the viewer
    with an inline script) go without."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        exempt = request.path.startswith(tuple(settings.CONTENT_SECURITY_POLICY_EXEMPT))
        if policy and not exempt:
            response.headers.setdefault("Content-Security-Policy", policy)
        return response
