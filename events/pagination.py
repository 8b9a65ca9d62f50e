"""Keyset (cursor) pagination for the timeline, the API's and the web page's: every page costs
the same whatever its depth.

OFFSET pagination reads and throws away every row before the page, so page 20,000 of a million
events is slow; a keyset page starts where the previous one ended (``WHERE key > last key``),
which the timeline index answers with one range scan. ``keyset_page`` reads one page;
``TimelineCursorPagination`` gives it to DRF (the timeline and ``/api/events/``), and the web
pages link its cursors as "earlier / later" (``events.pages``).

The key is the full timeline order (earliest, latest, document, position, id), unique thanks to
the id. ``document_id`` is NULL for a reviewed event whose document was deleted: those sort
last among their ties on both databases (``NULLS LAST``, PostgreSQL's default for an ascending
index; SQLite would put them first), and the keyset predicate treats NULL the same way.

The cursor is opaque to clients: URL-safe base64 of the boundary key and a direction (no key and
backward: the last page). Responses keep the shape ``{"next": url|null, "previous": url|null,
"results": [...]}``; there is no ``count``, which would cost a scan of the whole (filtered)
timeline on every page.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django.db.models import Q, QuerySet
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from events.models import TIMELINE_KEY, Event, timeline_ordering

ERROR_INVALID_CURSOR = "Invalid cursor"

# The key's integers are 64-bit columns (ids, position): a number outside that range is no key
# (and SQLite cannot even bind it: OverflowError, a 500).
MAX_KEY_INT = 2**63 - 1

Key = tuple[date, date, int | None, int, int]


def event_key(event: Event) -> Key:
    return (event.earliest, event.latest, event.document_id, event.position, event.pk)


def beyond(key: Key, *, forward: bool = True, inclusive: bool = False) -> Q:
    """Rows after ``key`` in timeline order (before it if not ``forward``); ``key`` itself too
    if ``inclusive``.

    Written as ``earliest >= e AND (earliest > e OR (earliest = e AND (latest > l OR ...)))``:
    the leading bound is redundant but lets the database start an index range scan at the key
    instead of filtering the timeline from its beginning.
    """
    first, value = TIMELINE_KEY[0][0], key[0]
    lookup = "gte" if forward else "lte"
    return Q(**{f"{first}__{lookup}": value}) & _beyond(0, key, forward, inclusive)


def _beyond(index: int, key: Key, forward: bool, inclusive: bool) -> Q:
    # TIMELINE_KEY: (field, nullable), the timeline order defined with the model. Nullable
    # columns sort NULLS LAST in either direction of travel: reading backwards meets them first.
    name, nullable = TIMELINE_KEY[index]
    value = key[index]
    if index == len(TIMELINE_KEY) - 1:
        op = ("gt" if forward else "lt") + ("e" if inclusive else "")
        return Q(**{f"{name}__{op}": value})
    rest = _beyond(index + 1, key, forward, inclusive)
    if nullable and value is None:
        # NULL sorts after every value: nothing is past it going forward, everything non-null is
        # past it going backward.
        equal = Q(**{f"{name}__isnull": True}) & rest
        return equal if forward else Q(**{f"{name}__isnull": False}) | equal
    if forward:
        past = Q(**{f"{name}__gt": value})
        if nullable:
            past |= Q(**{f"{name}__isnull": True})
    else:
        past = Q(**{f"{name}__lt": value})
    return past | (Q(**{name: value}) & rest)


@dataclass(frozen=True, slots=True)
class Cursor:
    key: Key | None  # None: from the end of the timeline (backward only): its last page
    forward: bool = True  # the page holds the rows after key (before it if False)
    inclusive: bool = False  # ... and the key's own row


# The last page of any timeline: read backward from its end.
LAST_PAGE = Cursor(key=None, forward=False)


def encode_cursor(cursor: Cursor) -> str:
    key = None
    if cursor.key is not None:
        earliest, latest, document_id, position, pk = cursor.key
        key = [earliest.isoformat(), latest.isoformat(), document_id, position, pk]
    payload: dict[str, object] = {"k": key, "d": "n" if cursor.forward else "p"}
    if cursor.inclusive:
        payload["i"] = 1
    raw = json.dumps(payload, separators=(",", ":")).encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


class InvalidCursor(ValueError):
    """A ``cursor`` parameter that is not one of ours (the API answers 404)."""


def decode_cursor(value: str) -> Cursor:
    """The cursor in a ``cursor`` parameter; raises InvalidCursor if it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        payload = json.loads(raw)
        direction = payload["d"]
        if direction not in ("n", "p") or set(payload) - {"k", "d", "i"}:
            raise ValueError(direction)
        if payload["k"] is None:
            if direction != "p" or payload.get("i"):
                raise ValueError(payload)  # only "the last page" has no key
            return LAST_PAGE
        earliest, latest, document_id, position, pk = payload["k"]
        key: Key = (
            date.fromisoformat(earliest),
            date.fromisoformat(latest),
            _int_or_none(document_id, minimum=1),
            _int(position, minimum=0),
            _int(pk, minimum=1),
        )
        return Cursor(key=key, forward=direction == "n", inclusive=bool(payload.get("i")))
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError, RecursionError):
        # RecursionError: a cursor that decodes to brackets nested thousands deep.
        raise InvalidCursor(ERROR_INVALID_CURSOR) from None


def _int(value: object, *, minimum: int) -> int:
    """An integer of the key: ids start at 1, positions at 0, and none is over 64 bits."""
    if type(value) is not int:  # bool is an int subclass; neither it nor a float is a key
        raise TypeError(value)
    if not minimum <= value <= MAX_KEY_INT:
        raise ValueError(value)
    return value


def _int_or_none(value: object, *, minimum: int) -> int | None:
    return None if value is None else _int(value, minimum=minimum)


@dataclass(frozen=True, slots=True)
class KeysetPage:
    """One page of the timeline and where its neighbours start."""

    rows: list[Event]
    next: Cursor | None  # the rows after this page, if any
    previous: Cursor | None  # the rows before it, if any
    # The page was read backward and nothing is before its cursor any more: what follows is
    # the first page (the link without a cursor).
    next_is_first_page: bool = False


def keyset_page(queryset: QuerySet[Event], cursor: Cursor | None, size: int) -> KeysetPage:
    """The page of ``queryset`` (in timeline order) that ``cursor`` points to, or its first
    page: one query (``LIMIT size + 1``, the extra row telling whether there is more) plus
    whatever prefetches the queryset carries, however deep the page."""
    forward = cursor is None or cursor.forward
    queryset = queryset.order_by(*timeline_ordering(reverse=not forward))
    if cursor is not None and cursor.key is not None:
        queryset = queryset.filter(
            beyond(cursor.key, forward=cursor.forward, inclusive=cursor.inclusive)
        )
    rows = list(queryset[: size + 1])
    more = len(rows) > size
    page = rows[:size]
    if not forward:
        page.reverse()
    first = event_key(page[0]) if page else None
    last = event_key(page[-1]) if page else None
    if forward:
        previous = None
        if cursor is not None:
            # Something was before the cursor when it was made. On an empty page (the rows
            # after the cursor are gone) "previous" ends with the cursor's own row.
            previous = (
                Cursor(key=first, forward=False)
                if page
                else Cursor(key=cursor.key, forward=False, inclusive=True)
            )
        return KeysetPage(rows=page, next=Cursor(key=last) if more else None, previous=previous)
    previous = Cursor(key=first, forward=False) if more else None
    if cursor is not None and cursor.key is None:  # the last page: nothing after it
        return KeysetPage(rows=page, next=None, previous=previous)
    # The rows after this page: after its last row, or, on an empty page (nothing is before
    # the cursor any more), the first page.
    if page:
        return KeysetPage(rows=page, next=Cursor(key=last), previous=previous)
    return KeysetPage(rows=page, next=None, previous=previous, next_is_first_page=True)


class TimelineCursorPagination(BasePagination):
    """Keyset pagination over the timeline order (``keyset_page``), with opaque ``cursor``
    next/previous links. The page size is ``PAGE_SIZE`` from the REST framework settings
    (``API_PAGE_SIZE``) unless a subclass sets ``page_size``."""

    cursor_query_param = "cursor"
    page_size: int | None = None
    # Set by paginate_queryset, for the links of the page it read.
    request: Request
    base_url: str
    page: KeysetPage

    def get_page_size(self) -> int:
        # The settings always give PAGE_SIZE (API_PAGE_SIZE); the stubs allow None.
        return self.page_size or cast(int, api_settings.PAGE_SIZE)

    # Narrower than BasePagination's (any queryset or sequence): a keyset page is read from a
    # queryset of events, which it orders and filters by the timeline key.
    def paginate_queryset(  # type: ignore[override]
        self, queryset: QuerySet[Event], request: Request, view: APIView | None = None
    ) -> list[Event]:
        self.request = request
        self.base_url = request.build_absolute_uri()
        value = request.query_params.get(self.cursor_query_param)
        try:
            cursor = decode_cursor(value) if value else None
        except InvalidCursor as error:
            raise NotFound(str(error)) from None
        self.page = keyset_page(queryset, cursor, self.get_page_size())
        return self.page.rows

    def _link(self, cursor: Cursor | None) -> str | None:
        if cursor is None:
            return None
        return replace_query_param(self.base_url, self.cursor_query_param, encode_cursor(cursor))

    def get_next_link(self) -> str | None:
        if self.page.next_is_first_page:
            return remove_query_param(self.base_url, self.cursor_query_param)
        return self._link(self.page.next)

    def get_previous_link(self) -> str | None:
        return self._link(self.page.previous)

    def get_paginated_response(self, data: list[Any]) -> Response:
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The pagination cursor value (from a next or previous link).",
                "schema": {"type": "string"},
            }
        ]
