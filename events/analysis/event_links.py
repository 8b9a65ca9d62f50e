"""Event dating scored against TimeML event-to-date links (TLINKs), for ``evaluate_events``.

Pure Python, no Django, like :mod:`events.analysis.timeml` whose reader it shares.

Gold events
    An annotated EVENT is a gold event when a TLINK puts it inside a date: the event
    IS_INCLUDED in, DURING, SIMULTANEOUS with or IDENTICAL to a DATE/TIME TIMEX3 (or the
    TIMEX3 INCLUDES it), and the TIMEX3's value names a calendar interval (a day, week,
    month, quarter, year, decade). Its interval is the TIMEX3's. An event linked to a date
    written in the text is *text-anchored* (the narrowest such date wins); one linked only
    to the document creation time (DCT) is *DCT-anchored*, dated by the DCT's day. Links
    that only order events (BEFORE, AFTER, ...) give no interval and make no gold event.

Matching
    A system event matches a gold event when one of its excerpts contains the gold event's
    token. Each gold event takes its best match: a containing system event with exactly its
    interval if there is one, else the containing event with the shortest excerpt.

Scores
    recall = gold events whose best match has exactly their interval / gold events;
    precision = judged system events dated exactly as one of the gold events they contain /
    judged system events, those whose excerpts contain at least one gold event token (the
    corpora leave most events unlinked, so an event over unlinked text cannot be judged).
    F1 overall, for text-anchored and for DCT-anchored gold events (precision there over
    the system events containing gold events of that kind).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from events.analysis import date_calendar as cal
from events.analysis.timeml import TimeMLError, _flatten, _iter_local, _parse_dct

__all__ = ["EventCounts", "GoldEvent", "parse_gold_events", "read_gold_events", "score_events"]

# Relations (event REL time) that put the event inside the time.
_INSIDE = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY"})
# The same relations seen from the time (time REL event).
_CONTAINS = frozenset({"INCLUDES", "SIMULTANEOUS", "IDENTITY", "DURING_INV"})

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")  # "199", or TimeBank's "199X"


def interval_of(value: str) -> tuple[date, date] | None:
    """The calendar interval a TIMEX3 value names, or None (durations, PAST_REF, XXXX-...)."""
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            v = cal.week_value(monday)
        elif m := _MONTH.match(value):
            v = cal.month_value(int(m[1]), int(m[2]))
        elif m := _QUARTER.match(value):
            v = cal.quarter_value(int(m[1]), int(m[2]))
        elif m := _HALF.match(value):
            v = cal.half_value(int(m[1]), int(m[2]))
        elif m := _YEAR.match(value):
            v = cal.year_value(int(m[1]))
        elif m := _DECADE.match(value):
            v = cal.decade_value(int(m[1]) * 10)
        else:
            return None
    except ValueError:
        return None
    return v.earliest, v.latest


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An annotated event with the interval a TLINK gives it; ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str
    earliest: date
    latest: date
    anchor: str  # "text" or "dct"


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    dct: date
    text: str
    events: list[GoldEvent]


def parse_gold_events(source: str | bytes, name: str = "") -> GoldDocument:
    """The DCT, plain text and gold events (see the module docstring) of TimeML markup."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as exc:
        raise TimeMLError(f"not well-formed XML: {exc}") from None
    texts = [el for el in root.iter() if isinstance(el.tag, str) and el.tag == "TEXT"]
    if not texts:
        raise TimeMLError("no <TEXT> element: not a TimeML document")
    dct = _parse_dct(root)
    parts: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    _flatten(texts[0], parts, 0, spans, frozenset({"TIMEX3", "EVENT"}))
    text = "".join(parts)

    events = {el.get("eid"): (start, end) for start, end, el in spans if el.tag == "EVENT"}
    times: dict[str, tuple[date, date]] = {}
    dct_ids: set[str] = set()
    for timex in _iter_local(root, "TIMEX3"):
        tid = timex.get("tid", "")
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct_ids.add(tid)
            times[tid] = (dct, dct)
        elif timex.get("type") in ("DATE", "TIME"):
            interval = interval_of(timex.get("value", ""))
            if interval:
                times[tid] = interval
    instance_event = {mi.get("eiid"): mi.get("eventID") for mi in _iter_local(root, "MAKEINSTANCE")}

    anchors: dict[str, list[tuple[date, date, bool]]] = {}
    for link in _iter_local(root, "TLINK"):
        relation = link.get("relType", "")
        if link.get("eventInstanceID") and link.get("relatedToTime"):
            instance, tid = link.get("eventInstanceID", ""), link.get("relatedToTime", "")
            inside = relation in _INSIDE
        elif link.get("timeID") and link.get("relatedToEventInstance"):
            instance, tid = link.get("relatedToEventInstance", ""), link.get("timeID", "")
            inside = relation in _CONTAINS
        else:
            continue
        eid = instance_event.get(instance)
        if inside and eid is not None and eid in events and tid in times:
            anchors.setdefault(eid, []).append((*times[tid], tid in dct_ids))

    gold: list[GoldEvent] = []
    for eid, links in anchors.items():
        start, end = events[eid]
        in_text = [link for link in links if not link[2]]
        if in_text:
            earliest, latest, _ = min(in_text, key=lambda link: (link[1] - link[0]).days)
            anchor = "text"
        else:
            earliest, latest, _ = links[0]
            anchor = "dct"
        gold.append(GoldEvent(start, end, text[start:end], earliest, latest, anchor))
    gold.sort(key=lambda g: g.start)
    return GoldDocument(name=name, dct=dct, text=text, events=gold)


def read_gold_events(path: str | Path) -> GoldDocument:
    path = Path(path)
    return parse_gold_events(path.read_bytes(), name=path.name.removesuffix(".tml"))


class _Excerpt(Protocol):
    start: int
    end: int


class SystemEvent(Protocol):
    """What the scorer needs of an extracted event (``ExtractedEvent`` has it); read-only, so
    that a dataclass with a list of excerpts fits."""

    @property
    def earliest(self) -> date: ...
    @property
    def latest(self) -> date: ...
    @property
    def excerpts(self) -> Sequence[_Excerpt]: ...


@dataclass(slots=True)
class EventCounts:
    gold: int = 0
    judged: int = 0  # system events whose excerpts contain a gold event
    correct: int = 0  # judged events dated exactly as one of the gold events they contain
    found: int = 0  # gold events whose best system event has exactly their interval

    def __add__(self, other: EventCounts) -> EventCounts:
        return EventCounts(
            self.gold + other.gold,
            self.judged + other.judged,
            self.correct + other.correct,
            self.found + other.found,
        )

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class EventScores:
    """Counts by anchor ("all", "text", "dct") and the wrong or missed gold events."""

    counts: dict[str, EventCounts] = field(
        default_factory=lambda: {k: EventCounts() for k in ("all", "text", "dct")}
    )
    errors: list[tuple[GoldEvent, SystemEvent | None]] = field(default_factory=list)

    def __add__(self, other: EventScores) -> EventScores:
        return EventScores(
            {k: self.counts[k] + other.counts[k] for k in self.counts},
            self.errors + other.errors,
        )


def _contains(event: SystemEvent, gold: GoldEvent) -> bool:
    return any(x.start <= gold.start and gold.end <= x.end for x in event.excerpts)


def _length(event: SystemEvent) -> int:
    return min(x.end - x.start for x in event.excerpts)


def score_events(gold: Sequence[GoldEvent], system: Sequence[SystemEvent]) -> EventScores:
    """Score one document's system events against its gold events (module docstring)."""
    containing = [[s for s in system if _contains(s, g)] for g in gold]
    best: list[SystemEvent | None] = []
    for g, found in zip(gold, containing, strict=True):
        exact = [s for s in found if (s.earliest, s.latest) == (g.earliest, g.latest)]
        best.append(min(exact or found, key=_length) if found else None)
    scores = EventScores()
    for kind in ("all", "text", "dct"):
        wanted = [i for i, g in enumerate(gold) if kind in ("all", g.anchor)]
        correct_gold = sum(_right(best[i], gold[i]) for i in wanted)
        judged = right = 0
        for s in system:
            mine = [gold[i] for i in wanted if any(s is c for c in containing[i])]
            if mine:
                judged += 1
                right += any(_right(s, g) for g in mine)
        scores.counts[kind] = EventCounts(len(wanted), judged, right, correct_gold)
    scores.errors = [(g, s) for g, s in zip(gold, best, strict=True) if not _right(s, g)]
    return scores


def _right(event: SystemEvent | None, gold: GoldEvent) -> bool:
    return event is not None and (event.earliest, event.latest) == (gold.earliest, gold.latest)


def evaluate(
    paths: Iterable[Path], analyze: Callable[[str, date], Sequence[SystemEvent]]
) -> tuple[EventScores, list[tuple[GoldDocument, EventScores]]]:
    """Run ``analyze(text, dct)`` on each file and score it; totals and per-document scores."""
    total = EventScores()
    per_document: list[tuple[GoldDocument, EventScores]] = []
    for path in paths:
        document = read_gold_events(path)
        scores = score_events(document.events, analyze(document.text, document.dct))
        per_document.append((document, scores))
        total = total + scores
    return total, per_document
