"""Template helpers for the timeline pages: dates by precision, grouping, highlighted text.

The grouping functions are plain Python on dates and attributes (tested without a database);
the filters only adapt them to events. Dates are put into words by ``events.date_labels``, the
one place that does so for the pages, the API's exports and the admin.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from django import template
from django.utils.safestring import SafeString

from events.analysis.types import Precision
from events.date_labels import date_text, day_text, machine_date
from events.highlight import EXCERPT, TIMEX, Span, highlight

register = template.Library()


@dataclass
class DateGroup:
    """Consecutive events that share a date: a day, or a coarser interval (a month, a year)."""

    label: str
    datetime: str
    undated: bool
    events: list[Any] = field(default_factory=list)


def group_by_date(events: Iterable[Any]) -> list[DateGroup]:
    """Group events (already in timeline order) under a heading per date: a day for
    day-precise events, the month, year or range itself for coarser ones, and one heading for
    undated events bounded by the same document date.

    Undated events sort among the dated ones of their document's day (both have that day as
    their interval): on the page, that day's dated events come first, under one heading, and
    its undated ones after them, under another, so no heading appears twice."""
    groups: list[DateGroup] = []
    interval: tuple | None = None
    of_interval: dict[bool, DateGroup] = {}  # the current interval's groups, by undatedness
    for event in events:
        undated = event.precision == Precision.UNDATED
        if (event.earliest, event.latest) != interval:
            interval, of_interval = (event.earliest, event.latest), {}
        group = of_interval.get(undated)
        if group is None:
            if undated:
                label = f"Undated, before {day_text(event.latest)}"
            elif event.earliest == event.latest:
                label = day_text(event.earliest, weekday=True)
            else:
                label = date_text(event.earliest, event.latest, event.precision)
            group = DateGroup(
                label=label,
                datetime=machine_date(event.earliest, event.latest),
                undated=undated,
            )
            if not undated and True in of_interval:
                # Dated before undated: the undated group is the last one so far.
                groups.insert(len(groups) - 1, group)
            else:
                groups.append(group)
            of_interval[undated] = group
        group.events.append(event)
    return groups


@register.filter
def event_date(event: Any) -> str:
    """``{{ event|event_date }}``: the event's date as a reader says it."""
    return date_text(event.earliest, event.latest, event.precision)


@register.filter
def event_datetime(event: Any) -> str:
    """``{{ event|event_datetime }}``: the ``<time datetime>`` value for the event."""
    return machine_date(event.earliest, event.latest)


@register.filter
def weekday_date(day: date | None) -> str:
    """``{{ document.published_on|weekday_date }}``: "Sat 30 Aug 2025"."""
    return day_text(day, weekday=True) if day else ""


@register.filter
def web_url(url: str) -> str:
    """``{{ document.url|web_url }}``: the URL if it is http(s), else "" (never a
    ``javascript:`` link, whatever was stored)."""
    return url if urlsplit(url).scheme.lower() in ("http", "https") else ""


@register.simple_tag
def date_groups(events: Iterable[Any]) -> list[DateGroup]:
    """``{% date_groups page.events as groups %}``."""
    return group_by_date(events)


@register.filter
def excerpt_html(excerpt: Any) -> SafeString:
    """``{{ excerpt|excerpt_html }}``: the excerpt, escaped, with its date expression marked.

    The expression's offsets index the document; the excerpt starts at ``excerpt.start``."""
    spans = []
    if excerpt.expression_start is not None and excerpt.expression_end is not None:
        spans.append(
            Span(
                excerpt.expression_start - excerpt.start,
                excerpt.expression_end - excerpt.start,
                TIMEX,
            )
        )
    return highlight(excerpt.text, spans, fold_blank_lines=True)


def document_spans(document_id: int, events: Sequence[Any]) -> list[Span]:
    """The spans to highlight in a document's body: each excerpt of ``events`` that lies in
    that document, with a numbered marker linking to its event (numbered by position in
    ``events``, 1-based), and each excerpt's date expression, linked to the same event."""
    spans: list[Span] = []
    seen_timex: set[tuple[int, int]] = set()
    for number, event in enumerate(events, start=1):
        href = f"#event-{event.pk}"
        for excerpt in event.excerpts.all():
            if excerpt.document_id != document_id:
                continue
            spans.append(
                Span(
                    excerpt.start,
                    excerpt.end,
                    EXCERPT,
                    href=href,
                    marker=str(number),
                    anchor=f"excerpt-{excerpt.pk}",
                    title=f"Event {number}: {event_date(event)}",
                )
            )
            timex = (excerpt.expression_start, excerpt.expression_end)
            if None not in timex and timex not in seen_timex:
                seen_timex.add(timex)
                spans.append(
                    Span(*timex, TIMEX, href=href, title=f"Event {number}: {event_date(event)}")
                )
    return spans


@register.simple_tag
def document_body(document: Any, events: Sequence[Any]) -> SafeString:
    """``{% document_body document events %}``: the whole body, escaped, with every excerpt
    and date expression of ``events`` highlighted and linked to its event."""
    return highlight(document.body, document_spans(document.pk, events))
